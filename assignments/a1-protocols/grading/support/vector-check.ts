// Runs a student function on a list of vectors and reports the first one it gets wrong, with the
// input, what was expected, what came back and which function to fix.
import { expect, type TestContext } from 'vitest';
import { feedback } from '@iotkit/grader/harness';

/** One input and the answer it must give. */
export interface Vector<I, O> {
  /** What the vector is about, shown to the student. */
  readonly why: string;
  readonly input: I;
  readonly expected: O;
}

function show(value: unknown): string {
  if (value instanceof Error) return `an error: ${value.message}`;
  return JSON.stringify(value) ?? String(value);
}

/**
 * Calls `call` on every vector; on the first mismatch attaches feedback and fails.
 * @param context - the graded test's context
 * @param fn - the name of the student function, e.g. `topicMatches() in labs/mqtt/topic-match.ts`
 * @param vectors - inputs and expected outputs
 * @param call - reaches the student function (through importSubmission)
 * @param hint - what to look at
 */
export async function checkVectors<I, O>(
  context: TestContext,
  fn: string,
  vectors: readonly Vector<I, O>[],
  call: (input: I) => Promise<O>,
  hint: string,
): Promise<void> {
  for (const vector of vectors) {
    let got: unknown;
    try {
      got = await call(vector.input);
    } catch (error) {
      got = error instanceof Error ? error : new Error(String(error));
    }
    const matches = (() => {
      try {
        expect(got).toEqual(vector.expected);
        return true;
      } catch {
        return false;
      }
    })();
    if (!matches) {
      const todo = got instanceof Error && got.message.includes('Not implemented yet');
      feedback(context, {
        expected: `${fn} on ${show(vector.input)} (${vector.why}) gives ${show(vector.expected)}`,
        actual: todo ? `${fn} is still a TODO: ${(got as Error).message}` : `it gave ${show(got)}`,
        hint,
      });
      expect.fail(`${fn}: ${vector.why}: expected ${show(vector.expected)}, got ${show(got)}`);
    }
  }
}

/**
 * Like {@link checkVectors} for inputs that must be refused with an error whose message starts with `prefix`.
 */
export async function checkRejects<I>(
  context: TestContext,
  fn: string,
  vectors: readonly { why: string; input: I }[],
  call: (input: I) => Promise<unknown>,
  prefix: string,
  hint: string,
): Promise<void> {
  for (const vector of vectors) {
    let outcome: string;
    try {
      outcome = `it returned ${show(await call(vector.input))}`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message.startsWith(prefix)) continue;
      outcome = `it threw "${message}"`;
    }
    feedback(context, {
      expected: `${fn} on ${show(vector.input)} (${vector.why}) throws an Error whose message starts with "${prefix}"`,
      actual: outcome,
      hint,
    });
    expect.fail(`${fn}: ${vector.why}: ${outcome}`);
  }
}
