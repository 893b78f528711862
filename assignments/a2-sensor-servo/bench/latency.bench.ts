// IR change -> servo moved, through the local backend, with the reference firmware as a virtual
// device. Three paths measured in one run:
//   baseline  the database pushes a new `latest` (admin PUT) -> SSE -> device maps -> servo
//   local     sensor -> device POST reading + PUT latest -> SSE back -> device maps -> servo
//   function  sensor -> POST reading -> cloud function (runner) -> PUT servo -> SSE -> servo
// `local` and `function` include the wait for the next reading (readingIntervalMs = 100): each
// change comes at a spread-out phase of the reading cycle (0..99 ms after the last servo move).
// Run: pnpm --filter @iotkit/a2-sensor-servo bench   (N=40 changes per path by default)
import { startFunctionsRunner } from '@iotkit/functions-runner';
import { mapToAngle } from '@iotkit/mapping';
import { A2_FUNCTIONS_MODULE, A2_ROOT } from '../src/a2-paths.js';
import { GradedDevice, startGradedBackend, submissionDevice } from '@iotkit/grader/harness';
import type { GradedBackend } from '@iotkit/grader/harness';
import { DEVICE_PASSWORD, login } from '../grading/support/a2-device.js';
import type { A2AppSettings } from '../grading/support/a2-device.js';

const N = Number(process.env['A2_BENCH_N'] ?? 40);
const VALUES = [600, 3500];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(
  backend: GradedBackend,
  executable: string,
  settings: A2AppSettings,
  change: (session: GradedDevice, ir: number) => Promise<void>,
): Promise<number[]> {
  const account = await backend.createAccount(DEVICE_PASSWORD, 'a2-bench');
  const s = new GradedDevice(backend, {
    executable,
    account,
    maxRunMs: 600_000,
    app: { mode: 'local', readingIntervalMs: 250, maxAttempts: 3, lockoutMs: 30_000, ...settings },
  });
  try {
    s.device.setIr(VALUES[0] as number);
    await login(s);
    await s.device.waitFor((e) => e.type === 'servo' && e.angle === mapToAngle(VALUES[0] as number), 10_000, {
      includePast: true,
    });
    const samples: number[] = [];
    for (let i = 1; i <= N; i++) {
      const ir = VALUES[i % 2] as number;
      await new Promise((resolve) => setTimeout(resolve, (i * 37) % 100));
      const wait = s.device.waitFor((e) => e.type === 'servo' && e.angle === mapToAngle(ir), 10_000);
      const t0 = performance.now();
      await change(s, ir);
      await wait;
      samples.push(performance.now() - t0);
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await s.stop();
  }
}

process.env['IOTKIT_SUBMISSION_DIR'] = A2_ROOT;
process.env['IOTKIT_NAMESPACE'] = `a2-bench-${process.pid}`;
const executable = await submissionDevice('a2');
const backend = await startGradedBackend();
const runner = await startFunctionsRunner({
  module: A2_FUNCTIONS_MODULE,
  databaseHost: new URL(backend.rtdbUrl).host,
  namespace: backend.namespace,
});
try {
  const results: Array<[string, number[]]> = [];
  results.push([
    'baseline (db push -> servo)',
    await measure(backend, executable, { readingIntervalMs: 3_600_000 }, (s, ir) =>
      s.backend
        .admin('PUT', `devices/${s.uid}/latest`, { ir, ts: { '.sv': 'timestamp' } })
        .then(() => undefined),
    ),
  ]);
  results.push([
    'local (IR -> servo)',
    await measure(backend, executable, { readingIntervalMs: 100 }, async (s, ir) => s.device.setIr(ir)),
  ]);
  results.push([
    'function (IR -> fn -> servo)',
    await measure(backend, executable, { readingIntervalMs: 100, mode: 'function' }, async (s, ir) =>
      s.device.setIr(ir),
    ),
  ]);
  const base = percentile(results[0]?.[1] ?? [0], 50);
  console.log(`A2 latency, ${N} changes per path (ms)`);
  for (const [name, samples] of results) {
    const p50 = percentile(samples, 50);
    console.log(
      `${name.padEnd(30)} p50 ${p50.toFixed(1).padStart(7)}  p95 ${percentile(samples, 95).toFixed(1).padStart(7)}  max ${(samples.at(-1) ?? 0).toFixed(1).padStart(7)}  x${(p50 / base).toFixed(1)} baseline`,
    );
  }
} finally {
  await runner.stop();
  await backend.stop();
}
