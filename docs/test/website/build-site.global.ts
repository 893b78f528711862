// Builds the site once for every test file: TypeDoc with the repository's typedoc.json, into a
// fresh temp folder, warnings treated as errors (as `pnpm run docs` does). A failed build fails
// the run with TypeDoc's own output, which names the page or comment to fix.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './site-paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the site built for this test run. */
    siteDir: string;
    /** Seconds the build took. */
    siteBuildSeconds: number;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), 'iotkit-site-'));
  const siteDir = join(work, 'site');
  const typedoc = join(REPO_ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
  if (!existsSync(typedoc))
    throw new Error('typedoc is not installed: run `pnpm install` at the repository root');
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', typedoc, '--out', siteDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ code: status ?? 1, output: text }));
  });
  if (code !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      `the docs site does not build (TypeDoc exit ${code}; warnings count as errors):\n${output}`,
    );
  }
  project.provide('siteDir', siteDir);
  project.provide('siteBuildSeconds', (performance.now() - started) / 1000);
  return () => rmSync(work, { recursive: true, force: true });
}
