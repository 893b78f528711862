// A reused test worker: one vitest for many submissions, one after the other. Vitest (its Vite
// server, which transforms and caches the graded test files and the kit's sources) starts once;
// every run still starts its test files in a fresh process of their own, with the submission's own
// folder, namespace and sandbox uid in its environment. The parent kills the whole process group
// at a submission's wall-clock limit and starts a new worker for the next one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVitest } from 'vitest/node';
import type { ChildJob } from './child-job.js';
import { ObservationReporter } from './observation-reporter.js';
import { PER_SUBMISSION_VARS } from './test-process-env.js';
import { gradingVitestConfig } from './vitest-options.js';
import { isRunRequest, type WorkerMessage, type WorkerRunRequest } from './worker-protocol.js';

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildJob;
const reporter = new ObservationReporter(
  job.observationsFile,
  join(job.root, 'grading'),
  job.outputLimitBytes,
);
const { options, vite } = gradingVitestConfig(job, [reporter]);
const vitest = await createVitest('test', options, vite);
const specifications = await vitest.globTestSpecifications();
const send = (m: WorkerMessage): void => void process.send?.(m);

async function run(request: WorkerRunRequest): Promise<void> {
  for (const name of PER_SUBMISSION_VARS) delete process.env[name];
  // vitest hands process.env to the run's test process as it starts it
  Object.assign(process.env, request.env);
  reporter.retarget(request.observationsFile);
  try {
    await vitest.runTestSpecifications(specifications, true);
    send({ kind: 'done', id: request.id });
  } catch (error) {
    send({ kind: 'done', id: request.id, error: (error as Error).message });
  }
}

let queue = Promise.resolve();
process.on('message', (m: unknown) => {
  if (!isRunRequest(m)) return;
  queue = queue.then(() => run(m));
});
// the parent went away: nothing will ask for another run
process.on('disconnect', () => {
  void queue.finally(() => vitest.close()).finally(() => process.exit(0));
});
send({ kind: 'ready', files: specifications.length });
