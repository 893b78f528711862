/** How {@link eventually} waits and what it says when it gives up. */
export interface EventuallyOptions<T> {
  /** Give up after this long. Default 5000 ms. */
  ms?: number;
  /** Pause between reads. Default 20 ms. */
  intervalMs?: number;
  /** The error message when time runs out, from the last value read. */
  failure?: (last: T, ms: number) => string;
}

/**
 * Reads until `done` accepts the value, for effects that land a moment later (a trigger's write,
 * a device's next reading). Throws after `options.ms` with the last value in the message.
 * @param read - one read, e.g. an admin GET
 * @param done - whether the value is the one waited for
 * @param options - time limit, pause and failure message
 * @returns the accepted value
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: EventuallyOptions<T> = {},
): Promise<T> {
  const { ms = 5000, intervalMs = 20 } = options;
  const failure =
    options.failure ?? ((last: T) => `condition not met within ${ms} ms; last value ${JSON.stringify(last)}`);
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(failure(value, ms));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
