import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assignment } from '../assignment/load-assignment.js';

/** The unprivileged user submission code runs as when the grader is root and no run uid is set (`nobody`). */
export const SANDBOX_ID = 65534;

/**
 * A user id of its own for one run's submission code (no account exists for it): the kernel
 * counts processes per user, so a fork bomb in one submission cannot use up the process budget
 * of another graded beside it.
 */
export function allocateSandboxUid(): number {
  return 200_000 + randomInt(0, 800_000);
}

/** Folders of one grading run. */
export interface GradingWorkspace {
  /** Top folder: owned by the grader, mode 0711 (no listing). */
  root: string;
  /** The submission copy (or the working copy itself for `check`). */
  submissionDir: string;
  /** Tests root: `grading/` copy + linked `node_modules`; mode 0700. */
  testsRoot: string;
  /** Whether submission programs run as the sandbox user. */
  sandboxed: boolean;
  /** The uid (and gid) that owns the submission copy and runs its code, when `sandboxed`. */
  sandboxUid: number;
  /** Removes everything the run created. */
  dispose(): void;
}

/** Never copied from a submission, at any depth: dependencies, VCS data, caches; plus the top-level `grading/` (the tests). */
const SKIP_IN_SUBMISSION = new Set(['node_modules', '.git', 'grading', '.turbo', '.vite']);

const graderPackageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Links every entry of `from` into `to`, merging scoped folders, then adds `extra` packages that are missing. */
function linkNodeModules(to: string, from: string | null, extra: Record<string, string>): void {
  mkdirSync(to, { recursive: true });
  const link = (name: string, target: string): void => {
    const dest = join(to, name);
    if (existsSync(dest)) return;
    mkdirSync(dirname(dest), { recursive: true });
    symlinkSync(target, dest, 'dir');
  };
  if (from) {
    for (const entry of readdirSync(from)) {
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(from, entry)))
          link(`${entry}/${scoped}`, join(from, entry, scoped));
      } else if (entry !== '.vite' && entry !== '.cache') {
        link(entry, join(from, entry));
      }
    }
  }
  for (const [name, target] of Object.entries(extra)) link(name, target);
}

function chownTree(dir: string, id: number): void {
  chownSync(dir, id, id);
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) chownTree(p, id);
    else chownSync(p, id, id);
  }
}

/** A private copy of one submission, owned by the uid its code runs as. */
export interface SubmissionCopy {
  /** The copy (or the working copy itself for `check`). */
  submissionDir: string;
  /** Whether submission programs run as the sandbox user. */
  sandboxed: boolean;
  /** The uid (and gid) that owns the copy and runs its code, when `sandboxed`. */
  sandboxUid: number;
}

/**
 * Copies a submission to `root/submission` (without `grading/`, `node_modules`, `.git`) with the
 * assignment's `node_modules` linked in, owned by a uid of its own when the grader is root.
 * @param assignment - the assignment
 * @param root - the run's folder (mode 0711)
 * @param source - submission folder; `null` uses the assignment folder in place (`check`)
 */
export function copySubmission(assignment: Assignment, root: string, source: string | null): SubmissionCopy {
  const sandboxed = source !== null && process.getuid?.() === 0;
  const sandboxUid = sandboxed ? allocateSandboxUid() : SANDBOX_ID;
  let submissionDir = assignment.dir;
  if (source !== null) {
    submissionDir = join(root, 'submission');
    cpSync(source, submissionDir, {
      recursive: true,
      dereference: false,
      verbatimSymlinks: true,
      filter: (src) => {
        const parts = relative(source, src).split(sep);
        if (parts[0] === 'grading') return false;
        return !parts.some((p) => SKIP_IN_SUBMISSION.has(p) && p !== 'grading');
      },
    });
    if (assignment.nodeModulesDir)
      symlinkSync(assignment.nodeModulesDir, join(submissionDir, 'node_modules'), 'dir');
    if (sandboxed) chownTree(submissionDir, sandboxUid);
    else chmodSync(submissionDir, 0o700);
  }
  return { submissionDir, sandboxed, sandboxUid };
}

/**
 * Lays out the graded tests at `testsRoot` (mode 0700, which no submission user can read): the
 * selected part of `grading/`, a `package.json`, and `node_modules` linked from the assignment.
 * @param assignment - the assignment
 * @param testsRoot - the folder to create
 * @param includeHidden - copy `grading/hidden/` too
 */
export function layOutTests(assignment: Assignment, testsRoot: string, includeHidden: boolean): void {
  mkdirSync(testsRoot, { mode: 0o700 });
  cpSync(join(assignment.dir, 'grading'), join(testsRoot, 'grading'), {
    recursive: true,
    filter: (src) =>
      includeHidden || basename(src) !== 'hidden' || dirname(src) !== join(assignment.dir, 'grading'),
  });
  writeFileSync(
    join(testsRoot, 'package.json'),
    JSON.stringify({ name: `${assignment.id}-grading`, private: true, type: 'module' }),
  );
  linkNodeModules(join(testsRoot, 'node_modules'), assignment.nodeModulesDir, {
    '@iotkit/grader': graderPackageDir,
  });
}

/** A new private folder for grading (mode 0711: the submission user may pass, not list). */
export function makeGradingRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'iotkit-grade-'));
  chmodSync(root, 0o711);
  return root;
}

/**
 * Lays out one run. The submission is copied to `root/submission` (without `grading/`,
 * `node_modules`, `.git`); the selected tests go to `root/tests/grading`, a folder the
 * submission user cannot read; both get `node_modules` linked from the assignment.
 * @param assignment - the assignment
 * @param source - submission folder; `null` grades the assignment folder in place (`check`)
 * @param includeHidden - copy `grading/hidden/` too
 */
export function createGradingWorkspace(
  assignment: Assignment,
  source: string | null,
  includeHidden: boolean,
): GradingWorkspace {
  const root = makeGradingRoot();
  const copy = copySubmission(assignment, root, source);
  const testsRoot = join(root, 'tests');
  layOutTests(assignment, testsRoot, includeHidden);
  return {
    root,
    ...copy,
    testsRoot,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
