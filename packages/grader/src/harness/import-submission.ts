import { isAbsolute, join, normalize, sep } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import type { SandboxLimits } from '../sandbox/sandbox-limits.js';
import { submissionPolicy } from '../sandbox/submission-sandbox.js';
import { SubmissionWorkerProcess } from '../sandbox/submission-worker-process.js';
import { submissionDir } from './submission-dir.js';

/** Options of {@link importSubmission}. */
export interface ImportSubmissionOptions {
  /** Time one call may take before the module's process is stopped (default 5000 ms). */
  callTimeoutMs?: number;
  /** Time loading the module may take (default 20 000 ms: TypeScript is compiled on the way). */
  loadTimeoutMs?: number;
  /** A process of its own instead of the one shared by every import of this path. */
  fresh?: boolean;
  /** Limits that differ from the grader's (memory, processes, open files). */
  limits?: Partial<SandboxLimits>;
}

/**
 * A submission module as a test sees it: every exported function returns a promise of its
 * result, exported plain values are copies.
 */
export type SubmissionModule<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : T[K];
};

/** Property names test tooling probes on any object; never treated as a missing export. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
  '@@__IMMUTABLE_ITERABLE__@@',
]);

const shared = new Map<string, SubmissionModule<unknown>>();
const workers = new WeakMap<object, SubmissionWorkerProcess>();

/**
 * Loads a module of the submission in a sandboxed worker process and returns a proxy: calling an
 * exported function sends its arguments to the worker (structured clone), runs it there, and
 * resolves with a copy of the result. The module never runs in the test's process, so it cannot
 * see the tests, patch `expect` or touch the grader's files. A call that outlives
 * `callTimeoutMs`, or a crash of the worker, rejects that call (so fails that test) and the next
 * call starts the module afresh.
 *
 * Imports of the same path share one worker unless `fresh` is set; {@link closeSubmission}
 * stops it (it also stops with the test process).
 * @param relativePath - module path inside the submission, e.g. `dist/calc.js` or `src/lab.ts`
 * @param options - see {@link ImportSubmissionOptions}
 */
export async function importSubmission<T = Record<string, unknown>>(
  relativePath: string,
  options: ImportSubmissionOptions = {},
): Promise<SubmissionModule<T>> {
  const clean = normalize(relativePath);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`))
    throw new GraderError(
      'grader/bad-arguments',
      `importSubmission expects a path inside the submission, got ${relativePath}`,
    );
  const key = `${submissionDir()}|${clean}`;
  const known = options.fresh ? undefined : shared.get(key);
  if (known) return known as SubmissionModule<T>;
  const policy = submissionPolicy(options.limits ? { limits: options.limits } : {});
  const worker = new SubmissionWorkerProcess(
    join(submissionDir(), clean),
    clean,
    policy,
    options.loadTimeoutMs ?? 20_000,
  );
  const exports = await worker.start();
  const callTimeoutMs = options.callTimeoutMs ?? 5000;
  const target: Record<string, unknown> = {};
  for (const e of exports) {
    if (e.kind === 'function')
      target[e.name] = (...args: unknown[]) => worker.call(e.name, args, callTimeoutMs);
    else if (e.kind === 'value') target[e.name] = e.value;
  }
  const names = exports.map((e) => e.name).join(', ') || 'nothing';
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj || INTROSPECTION.has(prop))
        return Reflect.get(obj, prop, receiver);
      const opaque = exports.some((e) => e.name === prop);
      const why = opaque
        ? `the export \`${prop}\` of ${clean} cannot be copied out of the sandbox; export functions and plain data`
        : `${clean} has no export named \`${prop}\` (it exports: ${names})`;
      return () => Promise.reject(new GraderError('grader/load-failed', why));
    },
  });
  workers.set(proxy, worker);
  if (!options.fresh) shared.set(key, proxy);
  return proxy as SubmissionModule<T>;
}

/**
 * Stops the worker behind a module returned by {@link importSubmission}; a later call starts it again.
 * @param module - the proxy
 */
export function closeSubmission(module: object): void {
  workers.get(module)?.kill();
}
