import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loaderArgs } from '../../src/runner/test-process-env.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/module-log/${name}`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'iotkit-loader-args-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loaderArgs', () => {
  it('adds nothing for a built entry', () => {
    expect(loaderArgs('/kit/dist/runner/worker-entry.js')).toEqual([]);
  });

  it('runs a TypeScript entry that imports vitest, with vitest loaded before the TypeScript loader sees a module', () => {
    const entry = fixture('vitest-entry.ts');
    const log = join(work, 'modules.log');
    const run = spawnSync(
      process.execPath,
      [...loaderArgs(entry), '--import', fixture('log-resolved.mjs'), entry],
      { encoding: 'utf8', env: { ...process.env, IOTKIT_MODULE_LOG: log }, timeout: 60_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function');
    const resolved = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // the entry itself went through the hooks (so the log works)...
    expect(resolved.some((url) => url.endsWith('/vitest-entry.ts'))).toBe(true);
    // ...but none of vitest's own chunks did: they were evaluated before the loader was registered
    expect(resolved.filter((url) => /\/vitest\/dist\/chunks\//.test(url))).toEqual([]);
  });
});
