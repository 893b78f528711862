import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startRtdbServer, type RunningRtdbServer } from '@iotkit/rtdb-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { gradeClass } from '../../src/class/grade-class.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

const assignmentDir = join(FIXTURE_ASSIGNMENT, '..', 'b0-namespace');
const work = scratchDir('backend');
let server: RunningRtdbServer;

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

it('gives every submission its own namespace on one shared backend', async () => {
  const summary = await gradeClass({
    assignment: loadAssignment(assignmentDir),
    inputs: [join(assignmentDir, 'submissions')],
    outDir: join(work, 'out'),
    jobs: 2,
    includeHidden: false,
    force: false,
    backend: { rtdbUrl: server.url },
  });
  expect(summary.results.map((r) => [r.submission, r.score, r.outcome.code])).toEqual([
    ['amy', 1, 'ok'],
    ['ben', 1, 'ok'],
  ]);
  const res = await fetch(`${server.url}/owner.json?ns=b0-namespace-ben`);
  expect(await res.json()).toBe('ben');
  expect(server.namespaces()).toEqual(expect.arrayContaining(['b0-namespace-amy', 'b0-namespace-ben']));
}, 300_000);
