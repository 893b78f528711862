import { describe, expect, it } from 'vitest';
import { isRtdbClientError, RtdbClientError } from '../../src/core/rtdb-client-error.js';

describe('RtdbClientError', () => {
  it('carries the code, the status, the server message and the cause it was given', () => {
    const cause = new Error('socket hang up');
    const error = new RtdbClientError('rtdb-client/precondition-failed', 'ETag mismatch', {
      status: 412,
      serverMessage: 'stale',
      currentValue: { n: 2 },
      etag: 'abc',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RtdbClientError');
    expect(error.message).toBe('ETag mismatch');
    expect([error.code, error.status, error.serverMessage, error.etag]).toEqual([
      'rtdb-client/precondition-failed',
      412,
      'stale',
      'abc',
    ]);
    expect(error.currentValue).toEqual({ n: 2 });
    expect(error.cause).toBe(cause);
  });

  it('has no cause when none was given', () => {
    expect('cause' in new RtdbClientError('rtdb-client/network', 'refused')).toBe(false);
  });
});

describe('isRtdbClientError', () => {
  const denied = new RtdbClientError('rtdb-client/permission-denied', 'Permission denied', { status: 401 });

  it('accepts the kit’s errors, with or without a code to match', () => {
    expect(isRtdbClientError(denied)).toBe(true);
    expect(isRtdbClientError(denied, 'rtdb-client/permission-denied')).toBe(true);
  });

  it('rejects the same error under another code', () => {
    expect(isRtdbClientError(denied, 'rtdb-client/unauthenticated')).toBe(false);
    expect(isRtdbClientError(denied, 'rtdb-client/network')).toBe(false);
  });

  it('rejects anything that is not one, even when it looks like one', () => {
    const lookalike = Object.assign(new Error('Permission denied'), {
      code: 'rtdb-client/permission-denied',
    });
    expect(isRtdbClientError(lookalike)).toBe(false);
    expect(isRtdbClientError(lookalike, 'rtdb-client/permission-denied')).toBe(false);
    expect(isRtdbClientError(undefined)).toBe(false);
    expect(isRtdbClientError('rtdb-client/network')).toBe(false);
  });
});
