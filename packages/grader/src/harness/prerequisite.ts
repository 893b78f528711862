/**
 * Prerequisites of graded tests: a step many tests need (signed in, readings flowing, stream
 * open). The first test that needs it and fails says what is missing and which code to write
 * first; later tests that share it and need it fail at once with that same reason instead of
 * each waiting out its own timeout. Points are still lost; the feedback names the cause once.
 * @packageDocumentation
 */

/** What a prerequisite is and where a student starts when it fails. */
export interface PrerequisiteOptions {
  /** Short name, e.g. `signed in`. */
  name: string;
  /** The code to write first, by function name, e.g. `` `A2App::onKey` / `submitPassword` ``. */
  startWith: string;
}

/** Thrown by {@link Prerequisite.establish}; `hint` names the code to write first. */
export class PrerequisiteError extends Error {
  /** Stable code. */
  readonly code = 'grader/prerequisite-failed';
  /** Where to start, for the test's feedback. */
  readonly hint: string;

  /**
   * @param message - what is missing, whole
   * @param hint - the code to write first
   */
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'PrerequisiteError';
    this.hint = hint;
  }
}

/** A prerequisite shared by the tests that import it (see {@link prerequisite}). */
export interface Prerequisite {
  /** Its name. */
  readonly name: string;
  /**
   * Runs `step` (e.g. typing the password and waiting for the sign-in). Fails at once when the
   * prerequisite failed in an earlier test and never worked since; otherwise a failure of
   * `step` is recorded and rethrown as a {@link PrerequisiteError} saying what is missing — unless
   * it worked in an earlier test: then it is a plain error of this test, so the test's own hint
   * stands.
   * @param step - establishes the prerequisite; throws with what was seen when it cannot
   * @param missing - what was seen, in the student's terms, from the step's error
   */
  establish<T>(step: () => Promise<T>, missing?: (error: unknown) => string): Promise<T>;
  /**
   * Fails at once, as {@link Prerequisite.establish} would, when the prerequisite failed in an
   * earlier test and never worked since; does nothing otherwise. For a test that can only
   * pass with the prerequisite but must first do work of its own (a fresh device's wrong
   * attempts, starting a functions runner) before it gets to establish it: call this first, so a
   * submission that cannot do the prerequisite does not pay for that work and its timeouts.
   */
  check(): void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Declares a prerequisite at the top level of a graded test file or of a support module. When
 * the assignment runs a submission's graded files in one process (`"testProcess":
 * "per-submission"` in `grader.config.json`), one declared in a support module is shared by all of
 * them: a sign-in that failed in the public file fails the hidden file's tests at once.
 * @param options - its name and the code to write first
 */
export function prerequisite(options: PrerequisiteOptions): Prerequisite {
  let failed: string | undefined;
  let worked = false;
  const hint = `start with ${options.startWith}`;
  const check = (): void => {
    if (failed !== undefined && !worked)
      throw new PrerequisiteError(
        `needs "${options.name}", which failed in an earlier test: ${failed} — ${hint}`,
        hint,
      );
  };
  return {
    name: options.name,
    check,
    async establish<T>(step: () => Promise<T>, missing?: (error: unknown) => string): Promise<T> {
      check();
      try {
        const value = await step();
        worked = true;
        return value;
      } catch (error) {
        const why = missing ? missing(error) : messageOf(error);
        // It worked in an earlier test, so the code to write first exists: what broke it here is
        // this test's own subject (e.g. an entry not cleared after a failure), and its hint applies.
        if (worked)
          throw new Error(`not ${options.name} this time, although it worked in an earlier test: ${why}`, {
            cause: error,
          });
        failed = why;
        throw new PrerequisiteError(`not ${options.name}: ${why} — ${hint}`, hint);
      }
    },
  };
}
