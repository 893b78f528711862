import type { AssignmentDemoOptions, RunningAssignmentDemo } from '@iotkit/backend';
import { decodeJwt, validateIdTokenClaims } from '../labs/tokens/jwt-claims.js';

/** The account the demo signs up on the Auth emulator. */
export const A1_DEMO_EMAIL = 'a1-demo@example.com';

interface SignUpAnswer {
  idToken?: string;
  error?: { message?: string };
}

/**
 * The A1 demo for `pnpm start a1`: signs a user in on the Auth emulator and takes its ID token
 * apart with the lab's own decoder, the way the `tokens` lab does. Nothing keeps running.
 * @param options - where the backend runs
 */
export async function startDemo(options: AssignmentDemoOptions): Promise<RunningAssignmentDemo> {
  const url = `${options.authUrl}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`;
  const answer = (await (
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `${Date.now()}-${A1_DEMO_EMAIL}`,
        password: 'a1-demo-pass',
        returnSecureToken: true,
      }),
    })
  ).json()) as SignUpAnswer;
  if (!answer.idToken)
    throw new Error(`the Auth emulator refused the demo sign-up: ${answer.error?.message ?? 'no token'}`);
  const { header, payload } = decodeJwt(answer.idToken);
  const wrong = validateIdTokenClaims(payload, {
    projectId: options.projectId,
    nowSeconds: Math.floor(Date.now() / 1000),
  });
  const lines = [
    `A1 demo: an ID token from the Auth emulator, decoded by labs/tokens/jwt-claims.ts`,
    `  header  ${JSON.stringify(header)}`,
    `  claims  iss=${String(payload['iss'])} aud=${String(payload['aud'])} sub=${String(payload['sub'])}`,
    `  check   ${wrong.length === 0 ? 'valid for this project' : `wrong claims: ${wrong.join(', ')}`}`,
    `  labs    pnpm --filter @iotkit/a1-protocols lab <layers|http-versions|patterns|mqtt|tokens|rtdb>`,
  ];
  return { lines, stop: async () => undefined };
}
