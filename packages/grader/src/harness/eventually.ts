import { GraderError } from '../core/grader-error.js';

/**
 * Reads `read()` again every `intervalMs` until `done` accepts the value, and returns it. After
 * `ms` it fails with a message naming what was awaited and the last value read, e.g.
 * "expected latest.ir to become 500 within 5000 ms; the database holds {"ir":12}" — the text a
 * student reads in their feedback.
 * @param what - what is awaited, in a student's words
 * @param read - reads the current state (e.g. an admin GET)
 * @param done - whether the state is the awaited one
 * @param ms - ceiling (default 5000); generous, since a loaded grading machine is slow
 * @param intervalMs - pause between reads (default 100)
 */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5000,
  intervalMs = 100,
): Promise<T> {
  const deadline = performance.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const held =
    lastError !== undefined
      ? `the last read failed: ${lastError instanceof Error ? lastError.message : String(lastError)}`
      : `the database holds ${truncate(JSON.stringify(last) ?? 'nothing')}`;
  throw new GraderError('grader/timeout', `expected ${what} within ${ms} ms; ${held}`);
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
