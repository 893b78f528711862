import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  BackendError,
  startLocalBackend,
  type ProvidedBackend,
  type RunningLocalBackend,
} from '../src/index.js';

describe('startLocalBackend', () => {
  let backend: RunningLocalBackend;
  beforeAll(async () => {
    backend = await startLocalBackend();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('reports URLs and the emulator environment variables of both parts', () => {
    expect(backend.urls.database).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.urls.auth).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.env.FIREBASE_DATABASE_EMULATOR_HOST).toBe(backend.urls.database!.replace('http://', ''));
    expect(backend.env.FIREBASE_AUTH_EMULATOR_HOST).toBe(backend.urls.auth!.replace('http://', ''));
  });

  it('lets an Auth emulator user write to the RTDB server with its ID token', async () => {
    const signUp = await fetch(
      `${backend.urls.auth}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'device@example.com', password: 'secret123', returnSecureToken: true }),
      },
    );
    const { idToken, localId } = (await signUp.json()) as { idToken: string; localId: string };
    const put = await fetch(
      `${backend.urls.database}/devices/${localId}/latest.json?ns=backend-test&auth=${idToken}`,
      {
        method: 'PUT',
        body: JSON.stringify({ ir: 300, ts: { '.sv': 'timestamp' } }),
      },
    );
    expect(put.status).toBe(200);
    const stored = (await (
      await fetch(`${backend.urls.database}/devices/${localId}/latest/ir.json?ns=backend-test`)
    ).json()) as number;
    expect(stored).toBe(300);
  });

  it('starts only the parts asked for', async () => {
    const onlyDb = await startLocalBackend({ auth: false });
    try {
      expect(onlyDb.auth).toBeUndefined();
      expect(onlyDb.env).toEqual({ FIREBASE_DATABASE_EMULATOR_HOST: `127.0.0.1:${onlyDb.rtdb!.port}` });
    } finally {
      await onlyDb.stop();
    }
  });

  it('refuses a taken RTDB port with backend/port-in-use', async () => {
    const error = await startLocalBackend({ auth: false, rtdb: { port: backend.rtdb!.port } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('backend/port-in-use');
  });
});

describe('backendGlobalSetup', () => {
  it('provided the running backend to this test run', async () => {
    const provided = inject('iotkitBackend');
    expect(process.env['FIREBASE_DATABASE_EMULATOR_HOST']).toBe(
      provided.env['FIREBASE_DATABASE_EMULATOR_HOST'],
    );
    const res = await fetch(`${provided.databaseUrl}/probe.json?ns=global-setup`, {
      method: 'PUT',
      body: '"ok"',
    });
    expect(res.status).toBe(200);
  });
});

declare module 'vitest' {
  export interface ProvidedContext {
    iotkitBackend: ProvidedBackend;
  }
}
