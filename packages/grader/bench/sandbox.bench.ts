// Bench: what the sandbox costs, beside the same work without it, measured in the same run.
// Per submission program: starting `true` and `node -e 0` directly, with the fallback's limits
// (prlimit, setpriv as root) and inside bwrap. Per proxied call: a direct in-process call, the
// worker of importSubmission under the fallback and inside bwrap (load time and call latency).
// Per firmware build: A2's reference app compiled against the kit's prebuilt library directly,
// under the fallback and inside bwrap (the kit's library is built once, before the timing).
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAppDevice } from '@iotkit/devices';
import { pathToFileURL } from 'node:url';
import { sandboxCommand } from '../src/sandbox/sandbox-command.js';
import { sandboxEnv } from '../src/sandbox/sandbox-env.js';
import { sandboxLauncher } from '../src/sandbox/sandbox-launcher.js';
import { sandboxSupport, type SandboxSupport } from '../src/sandbox/sandbox-support.js';
import { spawnLimited } from '../src/sandbox/spawn-limited.js';
import { submissionPolicy } from '../src/sandbox/submission-sandbox.js';
import { SubmissionWorkerProcess } from '../src/sandbox/submission-worker-process.js';
import { FIXTURE_ASSIGNMENT } from '../test/helpers/fixture-paths.js';

const STARTS = Number(process.env.BENCH_STARTS ?? '10');
const CALLS = Number(process.env.BENCH_CALLS ?? '300');
const BUILDS = Number(process.env.BENCH_BUILDS ?? '3');
const A2_APP = join(
  FIXTURE_ASSIGNMENT,
  '..',
  '..',
  '..',
  '..',
  '..',
  'assignments',
  'a2-sensor-servo',
  'firmware',
  'src',
  'app',
);
const UID = 240_000 + (process.pid % 10_000);

const base = join(FIXTURE_ASSIGNMENT, '..', '..', '..', 'node_modules', '.cache', 'grader-bench');
mkdirSync(base, { recursive: true });
const work = mkdtempSync(join(base, 'sandbox-'));
chmodSync(work, 0o755);
const sub = join(work, 'sub');
mkdirSync(sub);
const modulePath = join(sub, 'lab.mjs');
writeFileSync(modulePath, 'export const add = (a, b) => a + b;\n');
const appDir = join(sub, 'firmware', 'src', 'app');
cpSync(A2_APP, appDir, { recursive: true });
if (process.getuid?.() === 0) {
  // the submission copy belongs to its sandbox user, as in a graded run
  const own = [sub, join(sub, 'firmware'), join(sub, 'firmware', 'src'), appDir];
  for (const p of [...own, ...readdirSync(appDir).map((f) => join(appDir, f))]) chownSync(p, UID, UID);
}
process.env.IOTKIT_SANDBOX_UID = String(UID);

const bwrap = sandboxSupport();
const fallback: SandboxSupport = { isolation: 'fallback', reason: 'bench baseline' };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function startMs(file: string, args: string[], mode: 'direct' | SandboxSupport): Promise<number> {
  const policy = submissionPolicy({ dir: sub });
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const cmd =
      mode === 'direct'
        ? { file, args, env: sandboxEnv(sub) }
        : sandboxCommand(file, args, policy, sandboxEnv(sub), mode);
    const t = performance.now();
    const r = await spawnLimited(cmd.file, cmd.args, {
      cwd: sub,
      env: cmd.env,
      timeoutMs: 30_000,
      outputLimitBytes: 4096,
    }).done;
    if (r.code !== 0) throw new Error(`${file} failed (${r.code}): ${r.output}`);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function proxied(support: SandboxSupport): Promise<{ loadMs: number; callMs: number }> {
  const worker = new SubmissionWorkerProcess(
    modulePath,
    'lab.mjs',
    submissionPolicy({ dir: sub }),
    60_000,
    support,
  );
  let t = performance.now();
  await worker.start();
  const loadMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < CALLS; i++) await worker.call('add', [i, 1], 10_000);
  const callMs = (performance.now() - t) / CALLS;
  worker.kill();
  return { loadMs, callMs };
}

/** Median wall time of compiling the A2 app into a device, with the kit's library already built. */
async function buildMs(mode: 'direct' | SandboxSupport): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < BUILDS; i++) {
    const t = performance.now();
    const exe = await buildAppDevice({
      appDir,
      name: 'a2',
      ...(mode === 'direct' ? {} : { wrap: sandboxLauncher({ dir: sub, support: mode }) }),
    });
    times.push(performance.now() - t);
    rmSync(dirname(exe), { recursive: true, force: true });
  }
  return median(times);
}

try {
  if (bwrap.isolation !== 'bwrap') throw new Error(`bwrap cannot run here: ${bwrap.reason}`);
  console.log(`sandbox bench: ${STARTS} starts each, ${CALLS} calls each, load ${loadavg()[0]?.toFixed(2)}`);
  console.log('program start (median)        direct      fallback    bwrap       bwrap overhead');
  for (const [name, file, args] of [
    ['true', '/usr/bin/true', []],
    ['node -e 0', process.execPath, ['-e', '0']],
  ] as const) {
    const d = await startMs(file, [...args], 'direct');
    const f = await startMs(file, [...args], fallback);
    const b = await startMs(file, [...args], bwrap);
    console.log(`  ${name.padEnd(28)}${ms(d).padEnd(12)}${ms(f).padEnd(12)}${ms(b).padEnd(12)}+${ms(b - d)}`);
  }
  const mod = (await import(pathToFileURL(modulePath).href)) as { add(a: number, b: number): number };
  const t = performance.now();
  let sum = 0;
  for (let i = 0; i < CALLS; i++) sum += mod.add(i, 1);
  const directCall = (performance.now() - t) / CALLS;
  const f = await proxied(fallback);
  const b = await proxied(bwrap);
  console.log('importSubmission               in-process  fallback    bwrap');
  console.log(`  module load                 ${'-'.padEnd(12)}${ms(f.loadMs).padEnd(12)}${ms(b.loadMs)}`);
  console.log(
    `  one call (mean)             ${ms(directCall).padEnd(12)}${ms(f.callMs).padEnd(12)}${ms(b.callMs)}`,
  );
  console.log(`  (checksum ${sum})`);
  await buildAppDevice({ appDir, name: 'a2' }).then((exe) => rmSync(dirname(exe), { recursive: true }));
  const bd = await buildMs('direct');
  const bf = await buildMs(fallback);
  const bb = await buildMs(bwrap);
  console.log(`firmware build (A2 app, median of ${BUILDS}; kit library prebuilt)`);
  console.log('                               direct      fallback    bwrap       bwrap overhead');
  console.log(
    `  compile + link               ${ms(bd).padEnd(12)}${ms(bf).padEnd(12)}${ms(bb).padEnd(12)}+${ms(bb - bd)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
