import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../src/realtime/request-queue.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RequestQueue', () => {
  it('runs tasks one at a time in arrival order, even when earlier ones are slower', async () => {
    const log: string[] = [];
    const queue = new RequestQueue(() => undefined);
    queue.enqueue(async () => {
      log.push('a:start');
      await delay(20);
      log.push('a:end');
    });
    queue.enqueue(() => {
      log.push('b');
    });
    queue.enqueue(async () => {
      log.push('c:start');
      await delay(1);
      log.push('c:end');
    });
    await queue.idle();
    expect(log).toEqual(['a:start', 'a:end', 'b', 'c:start', 'c:end']);
    expect(queue.size).toBe(0);
  });

  it('reports a failing task and keeps going', async () => {
    const errors: unknown[] = [];
    const ran: number[] = [];
    const queue = new RequestQueue((error) => errors.push(error));
    queue.enqueue(() => {
      throw new Error('boom');
    });
    queue.enqueue(() => {
      ran.push(2);
    });
    await queue.idle();
    expect(errors).toHaveLength(1);
    expect(ran).toEqual([2]);
  });

  it('skips tasks that had not started when closed', async () => {
    const ran: number[] = [];
    const queue = new RequestQueue(() => undefined);
    queue.enqueue(async () => {
      await delay(10);
      ran.push(1);
    });
    await delay(1);
    queue.enqueue(() => {
      ran.push(2);
    });
    queue.close();
    await queue.idle();
    expect(ran).toEqual([1]);
  });
});
