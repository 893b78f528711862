import { AuthClient, AuthError, emulatorEndpoints } from '@iotkit/auth';

/**
 * Makes sure an email/password account exists in the Auth emulator and returns its uid: signs
 * up, or signs in when the email is taken (a restarted demo keeps its account and its data).
 * @param authUrl - the Auth emulator's base URL
 * @param email - the account's email
 * @param password - its password
 */
export async function ensureDemoAccount(authUrl: string, email: string, password: string): Promise<string> {
  const client = new AuthClient({ endpoints: emulatorEndpoints(authUrl.replace(/\/$/, ''), 'demo-key') });
  try {
    return (await client.signUp({ email, password })).uid;
  } catch (error) {
    if (!(error instanceof AuthError) || error.code !== 'auth/email-exists') throw error;
    return (await client.signInWithPassword({ email, password })).uid;
  }
}
