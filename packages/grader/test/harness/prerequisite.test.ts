import { describe, expect, it } from 'vitest';
import { prerequisite, PrerequisiteError } from '../../src/harness/prerequisite.js';

const signedIn = () => prerequisite({ name: 'signed in', startWith: '`A2App::onKey` / `submitPassword`' });
const never = (): Promise<never> => Promise.reject(new Error('no matching device event within 8000 ms'));

describe('prerequisite', () => {
  it('a first failure says what is missing and where to start', async () => {
    const p = signedIn();
    const error = await p
      .establish(never, () => 'after typing the password and #, no sign-in request was sent')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as PrerequisiteError).message).toBe(
      'not signed in: after typing the password and #, no sign-in request was sent — start with `A2App::onKey` / `submitPassword`',
    );
    expect((error as PrerequisiteError).hint).toBe('start with `A2App::onKey` / `submitPassword`');
  });

  it('later tests fail at once with the same reason, without running their step', async () => {
    const p = signedIn();
    await p.establish(never).catch(() => undefined);
    let ran = false;
    const error = await p
      .establish(async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect((error as Error).message).toMatch(
      /^needs "signed in", which failed in an earlier test: no matching device event within 8000 ms — start with `A2App::onKey`/,
    );
  });

  it('a prerequisite that worked once is tried again after a later failure', async () => {
    const p = signedIn();
    await expect(p.establish(async () => 42)).resolves.toBe(42);
    await p.establish(never).catch(() => undefined);
    await expect(p.establish(async () => 'again')).resolves.toBe('again');
  });

  it("a failure after it worked once is the test's own, not a missing first step", async () => {
    const p = signedIn();
    await p.establish(async () => 1);
    const error = await p
      .establish(never, () => 'the sign-in request was answered 400 (not 200)')
      .catch((e: unknown) => e);
    // Not a PrerequisiteError: the test's own hint (e.g. "clear the entry") must stay in the feedback.
    expect(error).not.toBeInstanceOf(PrerequisiteError);
    expect((error as Error).message).toBe(
      'not signed in this time, although it worked in an earlier test: the sign-in request was answered 400 (not 200)',
    );
  });

  it('check() passes before any attempt and after a success, and fails at once after a failure', async () => {
    const untried = signedIn();
    expect(() => untried.check()).not.toThrow();

    const failedOnce = signedIn();
    await failedOnce.establish(never, () => 'no sign-in request was sent').catch(() => undefined);
    const error = (() => {
      try {
        failedOnce.check();
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PrerequisiteError);
    expect((error as PrerequisiteError).message).toBe(
      'needs "signed in", which failed in an earlier test: no sign-in request was sent — start with `A2App::onKey` / `submitPassword`',
    );

    const workedOnce = signedIn();
    await workedOnce.establish(async () => 1);
    await workedOnce.establish(never).catch(() => undefined);
    // it worked in this file, so the code exists: a later failure is that test's own business
    expect(() => workedOnce.check()).not.toThrow();
  });
});
