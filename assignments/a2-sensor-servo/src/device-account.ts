/**
 * Makes sure an email/password account exists in the Auth emulator and returns its uid: signs up,
 * or signs in when the email is already taken (a restarted demo keeps its account).
 */
export async function ensureDeviceAccount(authUrl: string, email: string, password: string): Promise<string> {
  const call = async (
    method: string,
  ): Promise<{ ok: boolean; body: { localId?: string; error?: { message?: string } } }> => {
    const res = await fetch(
      `${authUrl.replace(/\/$/, '')}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=demo-key`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, returnSecureToken: true }),
      },
    );
    return { ok: res.ok, body: (await res.json()) as { localId?: string; error?: { message?: string } } };
  };
  const signUp = await call('signUp');
  if (signUp.ok && signUp.body.localId) return signUp.body.localId;
  if (signUp.body.error?.message?.startsWith('EMAIL_EXISTS')) {
    const signIn = await call('signInWithPassword');
    if (signIn.ok && signIn.body.localId) return signIn.body.localId;
    throw new Error(
      `the account ${email} exists with another password: ${signIn.body.error?.message ?? 'sign-in failed'}`,
    );
  }
  throw new Error(
    `could not create the device account ${email}: ${signUp.body.error?.message ?? 'unknown error'}`,
  );
}
