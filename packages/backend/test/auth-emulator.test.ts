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

  // Validators are compiled on first use (see compileValidatorsOnFirstUse): the checks must be the
  // ones the emulator makes when it compiles them all at start.
  it('still checks request bodies against the API description, naming the bad field', async () => {
    const response = await fetch(
      `${emulator.url}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ['probe@example.com'], password: 'secret123' }),
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error?: { message?: string } };
    expect(body.error?.message).toBe('Invalid JSON payload received. /email must be string');
  });

  it('refuses a port that is already taken with backend/port-in-use', async () => {
    const error = await startAuthEmulator({ port: emulator.port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('backend/port-in-use');
  });
});
