import { describe, expect, it } from 'vitest';
import { GraderError } from '../../src/core/grader-error.js';

describe('GraderError', () => {
  it('is an Error named GraderError with its code and message', () => {
    const error = new GraderError('grader/bad-config', 'grading/grader.config.json must be a JSON object');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GraderError');
    expect(error.code).toBe('grader/bad-config');
    expect(String(error)).toBe('GraderError: grading/grader.config.json must be a JSON object');
  });
});
