import { vi } from 'vitest';

/**
 * With `setTimeout` faked, waits until the watcher under test has set its reload timer, the sign
 * that the file event arrived. Polls on the real clock (`realSetTimeout`, taken before faking), up
 * to 10 s.
 */
export async function untilReloadPending(realSetTimeout: typeof setTimeout): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (vi.getTimerCount() === 0) {
    if (Date.now() > deadline) throw new Error('no file event within 10 s');
    await new Promise((resolve) => realSetTimeout(resolve, 5));
  }
}
