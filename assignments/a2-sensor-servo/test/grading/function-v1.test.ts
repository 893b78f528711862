// The A2 bonus (B2) written as a v1 trigger earns its points in a real graded run: the reference
// with its cloud function swapped for the tutorial (v1) form, graded with the hidden tests.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import { gradeSubmission, loadAssignment } from '@iotkit/grader';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { A2_ROOT } from '../../src/a2-paths.js';

const workDir = mkdtempSync(join(tmpdir(), 'a2-v1-'));
let auth: RunningAuthEmulator;
let rtdb: RunningRtdbServer;

beforeAll(async () => {
  [auth, rtdb] = await Promise.all([
    startAuthEmulator({ port: 0 }),
    startRtdbServer({ port: 0, log: () => undefined }),
  ]);
}, 180_000);
afterAll(async () => {
  await rtdb?.close();
  await auth?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('A2 bonus as a v1 trigger', () => {
  it('earns the function-mode bonus like the v2 reference', async () => {
    const submission = join(workDir, 'v1');
    cpSync(A2_ROOT, submission, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|test|bench|build|\.device-stores)$/.test(src),
    });
    cpSync(
      join(A2_ROOT, 'test', 'fixtures', 'functions-v1', 'index.ts.txt'),
      join(submission, 'companion', 'functions', 'src', 'index.ts'),
    );
    const result = await gradeSubmission({
      assignment: loadAssignment(A2_ROOT),
      submissionDir: submission,
      submissionId: 'v1-function',
      includeHidden: true,
      backend: { rtdbUrl: rtdb.url, authUrl: auth.url, namespace: 'a2-v1-function' },
    });
    const bonus = result.tests.find((t) => t.name.startsWith('bonus: mode "function"'));
    expect(bonus?.status, JSON.stringify(bonus?.reason ?? bonus?.feedback)).toBe('passed');
    expect(result.tests.filter((t) => t.status !== 'passed').map((t) => t.name)).toEqual([]);
    expect(result.score).toBe(115);
  }, 900_000);
});
