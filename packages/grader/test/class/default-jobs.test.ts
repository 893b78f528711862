import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../../src/class/default-jobs.js';

const GiB = 1024 ** 3;

describe('defaultJobs', () => {
  it('grades four submissions per core when memory allows', () => {
    expect(defaultJobs({ cores: 2, freeBytes: 20 * GiB })).toBe(8);
    expect(defaultJobs({ cores: 1, freeBytes: 20 * GiB })).toBe(4);
  });

  it('keeps to one job per GiB of free memory', () => {
    expect(defaultJobs({ cores: 8, freeBytes: 5.5 * GiB })).toBe(5);
  });

  it('never goes below one job, even with almost no free memory or a bogus core count', () => {
    expect(defaultJobs({ cores: 2, freeBytes: 100 * 1024 ** 2 })).toBe(1);
    expect(defaultJobs({ cores: 0, freeBytes: 20 * GiB })).toBe(4);
  });

  it('stops at 32 on a large machine', () => {
    expect(defaultJobs({ cores: 64, freeBytes: 512 * GiB })).toBe(32);
  });

  it("reads this machine's figures when given none", () => {
    const jobs = defaultJobs();
    expect(Number.isInteger(jobs)).toBe(true);
    expect(jobs).toBeGreaterThanOrEqual(1);
    expect(jobs).toBeLessThanOrEqual(32);
  });
});
