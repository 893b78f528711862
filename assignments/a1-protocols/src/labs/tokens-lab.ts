import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAuthEmulator } from '@iotkit/backend';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { decodeJwt, validateIdTokenClaims } from '../../labs/tokens/jwt-claims.js';
import type { LabResult, LabRow } from './lab-report.js';

const PROJECT = 'demo-iotkit';
// Each user may write only under their own uid: what the database decides from the token's `sub`.
const RULES = {
  rules: {
    lab: {
      $uid: { '.read': 'auth != null && auth.uid == $uid', '.write': 'auth != null && auth.uid == $uid' },
    },
  },
};

async function signUp(authUrl: string, email: string): Promise<{ idToken: string; localId: string }> {
  const response = await fetch(`${authUrl}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'lab-pass-123', returnSecureToken: true }),
  });
  const body = (await response.json()) as {
    idToken?: string;
    localId?: string;
    error?: { message?: string };
  };
  if (!body.idToken || !body.localId)
    throw new Error(`the Auth emulator refused the sign-up: ${body.error?.message ?? response.status}`);
  return { idToken: body.idToken, localId: body.localId };
}

/**
 * An ID token from the Auth emulator taken apart with the lab's own decoder and claim checks, then
 * offered to the kit's RTDB server in the ways a client can: `auth=`, `access_token=`, a bearer
 * header, nothing, an opaque string, and another user's token. Loopback only.
 */
export async function runTokensLab(): Promise<LabResult> {
  const dir = mkdtempSync(join(tmpdir(), 'a1-tokens-'));
  const rulesFile = join(dir, 'rules.json');
  writeFileSync(rulesFile, JSON.stringify(RULES));
  const [auth, rtdb] = await Promise.all([
    startAuthEmulator({ port: 0, projectId: PROJECT }),
    startRtdbServer({ port: 0, rulesFile, log: () => undefined }),
  ]);
  try {
    const alice = await signUp(auth.url, `alice-${Date.now()}@example.com`);
    const bob = await signUp(auth.url, `bob-${Date.now()}@example.com`);
    const { header, payload } = decodeJwt(alice.idToken);
    const wrong = validateIdTokenClaims(payload, {
      projectId: PROJECT,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    const rows: LabRow[] = [];
    const lifetime = Number(payload['exp']) - Number(payload['iat']);
    rows.push({
      request: `decode: alg=${String(header['alg'])}, sub=uid, lives ${lifetime} s, ${alice.idToken.length} chars`,
      status: wrong.length === 0 ? 'valid claims' : `wrong: ${wrong.join(',')}`,
      code: wrong.length,
    });
    const path = `${rtdb.url}/lab/${alice.localId}/reading.json?ns=${PROJECT}-default-rtdb`;
    const attempts: Array<[string, string, Record<string, string>]> = [
      ['PUT with no credential', path, {}],
      ['PUT ?auth=<ID token>', `${path}&auth=${alice.idToken}`, {}],
      ['PUT ?access_token=<ID token>', `${path}&access_token=${alice.idToken}`, {}],
      ['PUT Authorization: Bearer <ID token>', path, { authorization: `Bearer ${alice.idToken}` }],
      ['PUT ?auth=<opaque string>', `${path}&auth=ya29.not-a-jwt`, {}],
      ["PUT ?auth=<another user's ID token>", `${path}&auth=${bob.idToken}`, {}],
    ];
    for (const [request, url, headers] of attempts) {
      const response = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ir: 512 }) });
      const text = await response.text();
      rows.push({
        request,
        status: `${response.status} ${response.ok ? 'written' : text.slice(0, 60).replace(/\s+/g, ' ')}`,
        code: response.status,
      });
    }
    return {
      lab: 'tokens',
      title:
        'an Auth emulator ID token decoded, then offered to the RTDB (rules: only your own uid) in six ways',
      rows,
      chart: { value: 'code', label: 'request', unit: 'HTTP status' },
    };
  } finally {
    await rtdb.close();
    await auth.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
