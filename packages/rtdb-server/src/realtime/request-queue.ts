/**
 * Runs one connection's requests strictly in arrival order, one at a time.
 *
 * The SDK sends `auth` and then, without waiting, its listens and writes; each must be evaluated
 * after the one before it has finished (a write must not overtake the auth it depends on, a
 * listen's data must not race a preceding write's pushes). A task that throws does not stop the
 * queue: the error goes to `onError` and the next task runs.
 */
export class RequestQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;

  /** @param onError - receives errors thrown by tasks (they never break the chain) */
  constructor(private readonly onError: (error: unknown) => void) {}

  /**
   * Appends a task; it starts once every earlier task has settled.
   *
   * @param task - synchronous or asynchronous work for one request
   * @returns a promise settled when this task has run (never rejects)
   */
  enqueue(task: () => void | Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pending += 1;
    const run = async (): Promise<void> => {
      try {
        if (!this.closed) await task();
      } catch (error) {
        this.onError(error);
      } finally {
        this.pending -= 1;
      }
    };
    this.tail = this.tail.then(run);
    return this.tail;
  }

  /** Number of tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Waits until every task queued so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Drops tasks that have not started yet (the socket is gone). */
  close(): void {
    this.closed = true;
  }
}
