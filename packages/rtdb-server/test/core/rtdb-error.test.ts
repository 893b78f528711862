import { describe, expect, it } from 'vitest';
import { isRtdbError, RtdbError, type RtdbErrorCode } from '../../src/core/rtdb-error.js';

describe('RtdbError', () => {
  it.each([
    ['rtdb/invalid-path', 400],
    ['rtdb/invalid-key', 400],
    ['rtdb/invalid-data', 400],
    ['rtdb/invalid-json', 400],
    ['rtdb/invalid-server-value', 400],
    ['rtdb/invalid-query', 400],
    ['rtdb/invalid-token', 401],
    ['rtdb/invalid-rules', 400],
    ['rtdb/invalid-option', 400],
    ['rtdb/permission-denied', 401],
    ['rtdb/precondition-failed', 412],
    ['rtdb/too-big', 400],
    ['rtdb/index-not-defined', 400],
    ['rtdb/method-not-allowed', 405],
    ['rtdb/not-found', 404],
    ['rtdb/timeout', 400],
    ['rtdb/unavailable', 503],
    ['rtdb/internal', 500],
  ] as [RtdbErrorCode, number][])('%s answers HTTP %d', (code, status) => {
    const error = new RtdbError(code, 'text');
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe('text');
    expect(error.name).toBe('RtdbError');
    expect(error).toBeInstanceOf(Error);
  });

  it('takes an explicit status and a cause', () => {
    const error = new RtdbError('rtdb/invalid-data', 'big', { status: 413, cause: 'why' });
    expect(error.status).toBe(413);
    expect(error.cause).toBe('why');
  });

  it('has no cause unless one is given', () => {
    expect('cause' in new RtdbError('rtdb/internal', 'x')).toBe(false);
    expect('cause' in new RtdbError('rtdb/internal', 'x', {})).toBe(false);
    expect('cause' in new RtdbError('rtdb/internal', 'x', { cause: undefined })).toBe(false);
    expect(new RtdbError('rtdb/internal', 'x', { cause: null }).cause).toBeNull();
  });
});

describe('isRtdbError', () => {
  it('recognises the class, optionally with a code', () => {
    const error = new RtdbError('rtdb/not-found', 'gone');
    expect(isRtdbError(error)).toBe(true);
    expect(isRtdbError(error, 'rtdb/not-found')).toBe(true);
    expect(isRtdbError(error, 'rtdb/internal')).toBe(false);
    expect(isRtdbError(new Error('gone'))).toBe(false);
    expect(isRtdbError({ code: 'rtdb/not-found' }, 'rtdb/not-found')).toBe(false);
    expect(isRtdbError(null)).toBe(false);
  });
});
