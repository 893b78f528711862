import { describe, expect, it } from 'vitest';
import { MappingError } from '../../src/index.js';

describe('MappingError', () => {
  it('is an Error named MappingError with its code and message', () => {
    const error = new MappingError(
      'mapping/invalid-reading',
      'invalid reading: raw must be a finite integer',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MappingError');
    expect(error.code).toBe('mapping/invalid-reading');
    expect(error.message).toBe('invalid reading: raw must be a finite integer');
    expect(String(error)).toBe('MappingError: invalid reading: raw must be a finite integer');
  });
});
