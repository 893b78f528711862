import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, startAuthEmulator, type RunningAuthEmulator } from '../src/index.js';

describe('startAuthEmulator', () => {
  let emulator: RunningAuthEmulator;
  beforeAll(async () => {
    emulator = await startAuthEmulator();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('serves the Identity Toolkit sign-up endpoint on a free port', async () => {
    const response = await fetch(
      `${emulator.url}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'probe@example.com', password: 'secret123', returnSecureToken: true }),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { idToken?: string; localId?: string };
    expect(body.localId).toMatch(/\w+/);
    expect(body.idToken?.split('.')).toHaveLength(3);
  });

  it('refuses a port that is already taken with backend/port-in-use', async () => {
    const error = await startAuthEmulator({ port: emulator.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('backend/port-in-use');
  });
});
