import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGradedBackend, type GradedBackend } from '../../src/harness/graded-backend.js';

// A real RTDB server and the official Auth emulator, started by the harness itself (no grader
// around), with the course rules installed.
let backend: GradedBackend;
beforeAll(async () => {
  process.env.IOTKIT_NAMESPACE = 'harness-test';
  backend = await startGradedBackend({
    rulesPatch: { devices: { $uid: { latest: { ts: null, '.validate': "newData.hasChildren(['ir'])" } } } },
  });
}, 180_000);
afterAll(async () => {
  await backend?.stop();
  delete process.env.IOTKIT_NAMESPACE;
});

describe('startGradedBackend', () => {
  it('gives each account its own subtree under the course rules', async () => {
    const a = await backend.createAccount('secret-1', 'alice');
    const b = await backend.createAccount('secret-2', 'bob');
    expect(a.uid).not.toBe(b.uid);
    expect(a.email).toMatch(/^alice-.*@example\.com$/);
    const own = await backend.asUser(a.idToken, 'PUT', `devices/${a.uid}/latest`, { ir: 7 });
    expect(own.status).toBe(200);
    const other = await backend.asUser(a.idToken, 'PUT', `devices/${b.uid}/latest`, { ir: 7 });
    expect(other.status).toBe(401);
    const anonymous = await backend.asUser(undefined, 'GET', `devices/${a.uid}/latest`);
    expect(anonymous.status).toBe(401);
    expect(await backend.admin('GET', `devices/${a.uid}/latest`)).toEqual({ ir: 7 });
  });

  it('applies the rules patch: `ts` is not required on latest here', async () => {
    const a = await backend.createAccount('secret-3');
    const res = await backend.asUser(a.idToken, 'PUT', `devices/${a.uid}/latest`, { ir: 4095 });
    expect(res.status).toBe(200);
    const bad = await backend.asUser(a.idToken, 'PUT', `devices/${a.uid}/latest`, { ir: 5000 });
    expect(bad.status).toBe(401);
  });

  it('names the request and the answer when an admin call fails', async () => {
    await expect(backend.admin('PUT', 'devices/x/latest', undefined)).rejects.toThrow(
      /^PUT \/devices\/x\/latest on the local RTDB failed: 400 /,
    );
  });
});
