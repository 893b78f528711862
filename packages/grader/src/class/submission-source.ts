import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import { unzipSubmission } from './unzip-submission.js';

/** Where a submission comes from. */
export interface SubmissionSource {
  /** Id used for the student's report folder and in CSVs. */
  id: string;
  /** Absolute path of the folder, zip or repository. */
  path: string;
  /** How to read it. */
  kind: 'folder' | 'zip' | 'git';
}

/** A submission unpacked to a folder the grader can copy. */
export interface MaterializedSubmission {
  /** Folder holding the submission's files. */
  dir: string;
  /** Removes what materializing created (nothing for plain folders). */
  dispose(): void;
}

function kindOf(path: string): SubmissionSource['kind'] | null {
  const st = statSync(path);
  if (st.isFile()) return path.toLowerCase().endsWith('.zip') ? 'zip' : null;
  if (existsSync(join(path, '.git'))) return 'git';
  return 'folder';
}

/** A folder is one submission when it looks like an assignment working copy. */
function isSingleSubmission(dir: string): boolean {
  return ['package.json', '.git', 'src', 'firmware', 'companion'].some((n) => existsSync(join(dir, n)));
}

/** Makes an id safe for a folder name and an RTDB namespace. */
export function safeId(name: string): string {
  const s = name
    .replace(/\.zip$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return s === '' ? 'submission' : s;
}

/**
 * Expands the command-line inputs into submissions: a zip, a git repository or an assignment
 * folder is one submission; any other folder is a class folder whose entries are submissions.
 * @param inputs - paths given on the command line
 * @throws GraderError `grader/submission-not-found` or `grader/bad-arguments` (duplicate ids)
 */
export function listSubmissions(inputs: string[]): SubmissionSource[] {
  const out: SubmissionSource[] = [];
  const add = (path: string): void => {
    const kind = kindOf(path);
    if (kind) out.push({ id: safeId(basename(path)), path, kind });
  };
  for (const input of inputs) {
    const path = resolve(input);
    if (!existsSync(path))
      throw new GraderError('grader/submission-not-found', `no such submission or folder: ${input}`);
    if (statSync(path).isDirectory() && !isSingleSubmission(path)) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) add(join(path, entry));
    } else {
      if (!kindOf(path))
        throw new GraderError(
          'grader/submission-not-found',
          `${input} is neither a folder, a .zip file nor a git repository`,
        );
      add(path);
    }
  }
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s.id))
      throw new GraderError(
        'grader/bad-arguments',
        `two submissions are named "${s.id}"; rename one so each student gets one report folder`,
      );
    seen.add(s.id);
  }
  return out;
}

/**
 * Turns a source into a folder: zips are extracted (a single top folder is entered), git
 * repositories are cloned with `git clone --depth 1` (only committed work counts).
 * @param source - the submission
 */
export async function materializeSubmission(source: SubmissionSource): Promise<MaterializedSubmission> {
  if (source.kind === 'folder') return { dir: source.path, dispose: () => undefined };
  const tmp = mkdtempSync(join(tmpdir(), 'iotkit-src-'));
  const dispose = (): void => rmSync(tmp, { recursive: true, force: true });
  try {
    if (source.kind === 'zip') {
      const dest = join(tmp, 'unzipped');
      await unzipSubmission(source.path, dest);
      if (!existsSync(dest))
        throw new GraderError('grader/bad-submission', `${source.path} is an empty zip file`);
      const top = readdirSync(dest).filter((n) => n !== '__MACOSX');
      const only = top.length === 1 && top[0] !== undefined ? join(dest, top[0]) : null;
      return { dir: only && statSync(only).isDirectory() ? only : dest, dispose };
    }
    const dest = join(tmp, 'clone');
    const git = spawnSync(
      'git',
      ['-c', 'protocol.file.allow=always', 'clone', '--quiet', '--depth', '1', `file://${source.path}`, dest],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_TERMINAL_PROMPT: '0', HOME: tmp },
        timeout: 120_000,
      },
    );
    if (git.error)
      throw new GraderError(
        'grader/missing-tool',
        `git is needed to read ${source.path}: ${git.error.message} (install git)`,
      );
    if (git.status !== 0)
      throw new GraderError('grader/git-failed', `git clone of ${source.path} failed: ${git.stderr.trim()}`);
    return { dir: dest, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
