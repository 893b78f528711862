import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { RunningAssignmentDemo, StartAssignmentDemo } from '@iotkit/backend';
import { GraderError } from '../core/grader-error.js';

/** Options of {@link startStandalone}. */
export interface StandaloneStartOptions {
  /** The assignment folder (a handout, or an assignment of the repository). */
  assignmentDir: string;
  /** Realtime Database port; default 9000 like the emulator, `0` picks a free one. */
  databasePort?: number;
  /** Auth emulator port; default 9099 like the emulator, `0` picks a free one. */
  authPort?: number;
  /** The Firebase project id (default `demo-iotkit`, as in the kit). */
  projectId?: string;
  /** Where each line goes. */
  out: (line: string) => void;
  /** Lines typed by the user (e.g. standard input): each is sent to the device's keypad. */
  input?: NodeJS.ReadableStream;
  /** Resolves when the user wants to stop (e.g. on Ctrl-C), with what made them stop. */
  untilStopped: Promise<string>;
}

interface AssignmentPackageJson {
  iotkit?: { id?: unknown; title?: unknown };
  exports?: Record<string, Record<string, string> | string>;
}

/** The line printed once everything runs: scripts and tests wait for it. */
export const STANDALONE_READY_LINE = 'Ready. Press Ctrl-C to stop.';

/**
 * Reads the assignment's kit metadata (`"iotkit": { "id": "a2", … }` in its package.json) and the
 * TypeScript entry that exports its `startDemo`.
 * @param dir - the assignment folder
 * @throws GraderError `grader/bad-arguments` when the folder is not an assignment with a demo
 */
export function readStandaloneAssignment(dir: string): { id: string; title: string; entry: string } {
  const file = join(dir, 'package.json');
  if (!existsSync(file))
    throw new GraderError(
      'grader/bad-arguments',
      `no package.json in ${dir}: run this in the assignment folder`,
    );
  const pj = JSON.parse(readFileSync(file, 'utf8')) as AssignmentPackageJson;
  const id = pj.iotkit?.id;
  if (typeof id !== 'string')
    throw new GraderError(
      'grader/bad-arguments',
      `${file} has no "iotkit": { "id": … } entry, so there is no assignment demo to start here`,
    );
  const main = pj.exports?.['.'];
  const source = typeof main === 'object' ? main['@iotkit/source'] : undefined;
  const entry = join(dir, source ?? 'src/index.ts');
  if (!existsSync(entry))
    throw new GraderError(
      'grader/bad-arguments',
      `assignment ${id}: its entry ${source ?? 'src/index.ts'} is missing`,
    );
  return { id, title: typeof pj.iotkit?.title === 'string' ? pj.iotkit.title : id, entry };
}

/**
 * `pnpm start` of a standalone assignment folder (a handout): the local backend (the kit's
 * Realtime Database with the course rules, the official Auth emulator), then the assignment's own
 * demo on it — for A2 the student's firmware built from this folder as a virtual device, the
 * functions runner with this folder's cloud function, and the dashboard. Every line typed on
 * `input` goes to the device's keypad, so the student signs the device in by typing the password.
 * Runs until `untilStopped` resolves, then stops everything in reverse order.
 * @param o - see {@link StandaloneStartOptions}
 * @returns the exit status: 0 after a clean stop
 * @throws GraderError `grader/bad-arguments` when the folder is not an assignment with a demo
 */
export async function startStandalone(o: StandaloneStartOptions): Promise<number> {
  const dir = resolve(o.assignmentDir);
  const assignment = readStandaloneAssignment(dir);
  const projectId = o.projectId ?? 'demo-iotkit';
  const { startLocalBackend } = await import('@iotkit/backend');
  const rulesFile = join(dir, 'database.rules.json');
  // Ctrl-C while starting (a first firmware build takes a minute) skips what is left to start.
  let stopped: string | undefined;
  void o.untilStopped.then((why) => {
    stopped = why;
  });
  o.out(`Starting the local backend for ${assignment.id} (Realtime Database, Auth emulator)…`);
  const backend = await startLocalBackend({
    rtdb: {
      port: o.databasePort ?? 9000,
      log: () => undefined,
      ...(existsSync(rulesFile) ? { rulesFile } : {}),
    },
    auth: { port: o.authPort ?? 9099, projectId },
  }).catch((error: unknown) => {
    // Most often a second `pnpm start`, or the kit's own, already holds the emulator ports.
    if ((error as { code?: unknown }).code === 'backend/port-in-use')
      throw new GraderError(
        'grader/bad-arguments',
        `${(error as Error).message}; stop the other one, or pick free ports: pnpm start --database-port 0 --auth-port 0`,
      );
    throw error;
  });
  let demo: RunningAssignmentDemo | undefined;
  try {
    const rtdbUrl = backend.urls.database ?? '';
    const authUrl = backend.urls.auth ?? '';
    o.out(`  Realtime Database ${rtdbUrl}${existsSync(rulesFile) ? '  (rules: database.rules.json)' : ''}`);
    o.out(`  Auth emulator     ${authUrl}`);
    o.out(`  export FIREBASE_DATABASE_EMULATOR_HOST=${backend.env.FIREBASE_DATABASE_EMULATOR_HOST ?? ''}`);
    o.out(`  export FIREBASE_AUTH_EMULATOR_HOST=${backend.env.FIREBASE_AUTH_EMULATOR_HOST ?? ''}`);
    const mod = (await import(pathToFileURL(assignment.entry).href)) as { startDemo?: unknown };
    if (typeof mod.startDemo !== 'function')
      throw new GraderError(
        'grader/bad-arguments',
        `assignment ${assignment.id} exports no startDemo function`,
      );
    try {
      if (stopped !== undefined) throw new Error(`stopped (${stopped}) before the demo started`);
      demo = await (mod.startDemo as StartAssignmentDemo)({
        rtdbUrl,
        authUrl,
        projectId,
        interactive: o.input !== undefined,
        onProgress: (line) => o.out(line),
      });
      for (const line of demo.lines) o.out(`  ${line}`);
    } catch (error) {
      // A firmware that does not compile yet is normal while working: the backend stays useful.
      o.out(
        `the ${assignment.id} demo did not start; the backend keeps running:\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const running = demo;
    if (o.input && running?.keypad) {
      const keypad = running.keypad;
      const lines = createInterface({ input: o.input, crlfDelay: Infinity });
      lines.on('line', (line) => {
        const keys = line.replace(/\s+/g, '');
        if (keys === '') return;
        keypad(keys);
        o.out(`keypad: typed ${keys}`);
      });
      void o.untilStopped.then(() => lines.close());
    }
    o.out(STANDALONE_READY_LINE);
    const why = await o.untilStopped;
    o.out(`Received ${why}; stopping…`);
    return 0;
  } finally {
    await demo?.stop().catch((e: unknown) => o.out(`the demo did not stop cleanly: ${String(e)}`));
    await backend.stop();
    o.out('Stopped.');
  }
}
