import { describe, expect, it } from 'vitest';
import { RtdbError } from '../../src/core/rtdb-error.js';
import { ClientMessageError } from '../../src/realtime/client-message.js';
import { wireFailure } from '../../src/realtime/wire-status.js';

describe('wireFailure', () => {
  it.each([
    [new RtdbError('rtdb/permission-denied', 'denied by rule x'), 'permission_denied', 'Permission denied'],
    [new RtdbError('rtdb/precondition-failed', 'hash mismatch'), 'datastale', 'hash mismatch'],
    [new RtdbError('rtdb/invalid-key', 'bad key'), 'invalid_data', 'bad key'],
    [new RtdbError('rtdb/invalid-server-value', 'bad sv'), 'invalid_data', 'bad sv'],
    [new RtdbError('rtdb/invalid-path', 'bad path'), 'invalid_path', 'bad path'],
    [new RtdbError('rtdb/invalid-token', 'expired'), 'invalid_token', 'expired'],
    [new RtdbError('rtdb/too-big', 'too big'), 'too_big', 'too big'],
    [new ClientMessageError('no p'), 'invalid_request', 'no p'],
    [new TypeError('oops'), 'internal_error', 'Internal server error'],
  ])('%s', (error, status, message) => {
    expect(wireFailure(error)).toEqual({ status, message });
  });
});
