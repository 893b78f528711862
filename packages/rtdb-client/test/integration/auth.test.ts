// The token-source path with real ID tokens from the official Auth emulator (through
// `@iotkit/auth`), against an RTDB server whose policy gives each uid its own subtree, like the
// course's rules.
import { randomUUID } from 'node:crypto';
import {
  AuthClient,
  TokenSource as AuthTokenSource,
  emulatorEndpoints,
  type AuthSession,
} from '@iotkit/auth';
import {
  startRtdbServer,
  type AccessPolicy,
  type RequestContext,
  type RunningRtdbServer,
} from '@iotkit/rtdb-server';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import {
  createRtdbClient,
  isRtdbClientError,
  type RtdbStreamEvent,
  type TokenSource,
} from '../../src/index.js';
import { freshNamespace } from './test-database.js';

const ownSubtree = (ctx: RequestContext, path: readonly string[]): boolean =>
  ctx.auth !== null && path[0] === 'devices' && path[1] === ctx.auth.uid;

const perUidPolicy: AccessPolicy = {
  canRead: (ctx, _db, path) =>
    ownSubtree(ctx, path) ? { allowed: true } : { allowed: false, reason: 'not your subtree' },
  canWrite: (ctx, _db, ops) =>
    ops.every((op) => ownSubtree(ctx, op.path))
      ? { allowed: true }
      : { allowed: false, reason: 'not your subtree' },
  hasIndex: () => true,
};

let server: RunningRtdbServer;
let auth: AuthClient;
let session: AuthSession;
const namespace = freshNamespace('auth');

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => {}, policyFor: () => perUidPolicy });
  auth = new AuthClient({ endpoints: emulatorEndpoints(inject('authUrl')) });
  session = await auth.signUp({
    email: `dev-${randomUUID().slice(0, 8)}@example.com`,
    password: 'secret-123',
  });
});

afterAll(async () => {
  await server?.close();
});

/** An unsigned token shaped like the emulator's, for `uid`, expiring `seconds` from now. */
function shortLivedToken(uid: string, seconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: uid, user_id: uid, iat: now, exp: now + seconds, firebase: { sign_in_provider: 'password' } })}.`;
}

describe('ID tokens from the Auth emulator', () => {
  it('writes and reads its own subtree with an @iotkit/auth TokenSource passed as is', async () => {
    const tokens = new AuthTokenSource({ client: auth, session });
    const db = createRtdbClient({ databaseUrl: server.url, namespace, tokenSource: tokens });
    const latest = db.ref(`devices/${session.uid}/latest`);
    await latest.set({ ir: 321 });
    expect(await latest.get()).toEqual({ ir: 321 });
    const { key } = await db.ref(`devices/${session.uid}/readings`).push({ ir: 1 });
    expect(await db.ref(`devices/${session.uid}/readings/${key}/ir`).get()).toBe(1);
  });

  it('maps a rules denial to permission-denied (401) and leaves the data unchanged', async () => {
    const owner = createRtdbClient({ databaseUrl: server.url, namespace, accessToken: 'owner' });
    await owner.ref('devices/someone-else/latest').set({ ir: 7 });
    const db = createRtdbClient({
      databaseUrl: server.url,
      namespace,
      tokenSource: new AuthTokenSource({ client: auth, session }),
    });
    for (const attempt of [
      () => db.ref('devices/someone-else/latest').set({ ir: 0 }),
      () => db.ref('devices/someone-else').get(),
      () => db.ref().update({ [`devices/${session.uid}/x`]: 1, 'devices/someone-else/x': 1 }),
    ]) {
      const failure = await attempt().catch((error: unknown) => error);
      expect(isRtdbClientError(failure, 'rtdb-client/permission-denied')).toBe(true);
      expect(failure).toMatchObject({ status: 401, serverMessage: 'Permission denied' });
    }
    expect(await owner.ref('devices/someone-else').get()).toEqual({ latest: { ir: 7 } });
    // The denied multi-path update wrote nothing, not even the allowed half.
    expect(await owner.ref(`devices/${session.uid}/x`).get()).toBeNull();
  });

  it('maps an unparsable token to unauthenticated after one forced refresh', async () => {
    const asked: boolean[] = [];
    const broken: TokenSource = { getToken: async (force) => (asked.push(force ?? false), 'not-a-jwt') };
    const db = createRtdbClient({ databaseUrl: server.url, namespace, tokenSource: broken });
    const failure = await db
      .ref(`devices/${session.uid}`)
      .get()
      .catch((error: unknown) => error);
    expect(isRtdbClientError(failure, 'rtdb-client/unauthenticated')).toBe(true);
    expect(failure).toMatchObject({ status: 401 });
    expect(asked).toEqual([false, true]);
  });

  it('after auth_revoked, reconnects with a token the emulator refreshed', async () => {
    const real = new AuthTokenSource({ client: auth, session });
    const asked: boolean[] = [];
    // First a token that expires in a few seconds, then whatever the real source hands out.
    const tokens: TokenSource = {
      getToken: async (force) => {
        asked.push(force ?? false);
        return asked.length === 1
          ? shortLivedToken(session.uid, 4)
          : real.getIdToken({ forceRefresh: force ?? false });
      },
    };
    const db = createRtdbClient({ databaseUrl: server.url, namespace, tokenSource: tokens });
    const ref = db.ref(`devices/${session.uid}/servo`);
    await createRtdbClient({ databaseUrl: server.url, namespace, accessToken: 'owner' })
      .ref(ref.path)
      .set({ angle: 5 });
    asked.length = 0;
    const stream = ref.stream({ backoff: { initialDelayMs: 50, jitter: 0 } });
    const events: RtdbStreamEvent[] = [];
    const deadline = setTimeout(() => void stream.return(), 30_000);
    for await (const event of stream) {
      events.push(event);
      if (events.length === 2) break;
    }
    clearTimeout(deadline);
    expect(events).toEqual([
      { type: 'put', path: '/', data: { angle: 5 } },
      { type: 'put', path: '/', data: { angle: 5 } },
    ]);
    expect(asked).toEqual([false, true]);
    expect(real.refreshCount).toBe(1);
  }, 40_000);
});
