// The reference solution graded like a submission, hidden tests included: full marks, and among
// them the long run (one device across several refreshes and a reboot, every reading
// acknowledged and stored). Plus the handout's starter: it must compile, with TODOs where the
// solution was, and the demo `pnpm start a4` runs on the same backend. One graded run only: mutants are `pnpm iotkit mutants a4`, not part of `pnpm test`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalBackend, type RunningLocalBackend } from '@iotkit/backend';
import { buildAppDevice } from '@iotkit/devices';
import { gradeSubmission, loadAssignment, makeHandout } from '@iotkit/grader';
import { A4_ROOT } from '../../src/a4-paths.js';
import { startA4Demo } from '../../src/start-a4-demo.js';

let backend: RunningLocalBackend;
const workDir = mkdtempSync(join(tmpdir(), 'a4-reference-'));

beforeAll(async () => {
  backend = await startLocalBackend({ rtdb: {}, auth: {} });
}, 180_000);
afterAll(async () => {
  await backend?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('assignment 4 grading', () => {
  it('gives the reference solution full marks, hidden tests included', async () => {
    const result = await gradeSubmission({
      assignment: loadAssignment(A4_ROOT),
      submissionDir: null,
      submissionId: 'reference',
      includeHidden: true,
      backend: {
        ...(backend.urls.database ? { rtdbUrl: backend.urls.database } : {}),
        ...(backend.urls.auth ? { authUrl: backend.urls.auth } : {}),
        namespace: 'a4-reference',
      },
    });
    const failed = result.tests.filter((t) => t.status !== 'passed');
    expect(failed.map((t) => `${t.name}: ${t.feedback?.actual ?? t.status}`)).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.tests.map((t) => t.name)).toContain(
      'long run: two refreshes and a reboot, every reading acknowledged and stored',
    );
  }, 600_000);

  it('hands out a starter that compiles, with a TODO where each solution was', async () => {
    const outDir = join(workDir, 'handout');
    const report = makeHandout({ assignmentDir: A4_ROOT, outDir });
    expect(report.stripped).toEqual(
      expect.arrayContaining([{ file: 'firmware/src/app/a4_app.cpp', regions: 7 }]),
    );
    const app = readFileSync(join(outDir, 'firmware/src/app/a4_app.cpp'), 'utf8');
    expect(app.match(/\/\/ TODO: /g)).toHaveLength(7);
    const executable = await buildAppDevice({ appDir: join(outDir, 'firmware/src/app'), name: 'a4' });
    expect(executable).toMatch(/a4-device$/);
  }, 600_000);

  it('runs the demo: provisions the reference device and shows it on the status page', async () => {
    const demo = await startA4Demo({
      rtdbUrl: backend.urls.database ?? '',
      authUrl: backend.urls.auth ?? '',
      namespace: 'a4-demo-test',
      pagePort: 0,
    });
    try {
      expect(demo.lines.join('\n')).toContain(demo.pageUrl);
      const page = await (await fetch(demo.pageUrl)).text();
      expect(page).toContain('status.json');
      let status:
        { uid: string; readings: number; claims: { signInProvider: unknown }; log: string[] } | undefined;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        status = (await (await fetch(new URL('status.json', demo.pageUrl))).json()) as typeof status;
        if ((status?.readings ?? 0) >= 2) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status?.uid).toBe(demo.uid);
      expect(status?.readings).toBeGreaterThanOrEqual(2);
      expect(status?.claims.signInProvider).toBe('password');
      expect(status?.log.join('\n')).toContain('hand-over accepted');
    } finally {
      await demo.stop();
    }
  }, 600_000);
});
