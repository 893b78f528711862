import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appCompileScript } from '../../src/build/app-compile-script.js';
import type { AppRecipe } from '../../src/build/app-recipe.js';

// The script is run by the real sh with the real g++, in folders whose names need quoting.
const work = mkdtempSync(join(tmpdir(), 'iotkit-compile-script-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const recipe: AppRecipe = { cxx: 'g++', flags: ['-std=c++17', '-Wall'], includes: [], links: [] };

function app(name: string, files: Record<string, string>): { dir: string; sources: string[] } {
  const dir = join(work, name, "it's an app");
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const sources = Object.keys(files)
    .filter((f) => f.endsWith('.cpp'))
    .sort()
    .map((f) => join(dir, f));
  return { dir, sources };
}

function run(script: string): { status: number | null; output: string } {
  const r = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('appCompileScript', () => {
  it('compiles every source (two at a time) with the app folder on the include path and links them', () => {
    const { dir, sources } = app('ok', {
      'a.cpp': '#include "shared.h"\nint a() { return SHARED; }\n',
      'b.cpp': 'int b() { return 2; }\n',
      'main.cpp': '#include <cstdio>\nint a(); int b();\nint main() { std::printf("%d\\n", a() + b()); }\n',
      'shared.h': '#define SHARED 40\n',
    });
    const output = join(dir, 'out dir', 'demo-device');
    mkdirSync(join(dir, 'out dir'));
    const script = appCompileScript({ recipe, appDir: dir, sources, objectDir: join(dir, 'obj $x'), output });
    expect(run(script)).toMatchObject({ status: 0 });
    expect(spawnSync(output, { encoding: 'utf8' }).stdout).toBe('42\n');
  }, 180_000);

  it('fails without linking when a source does not compile, the first file’s errors first', () => {
    const { dir, sources } = app('broken', {
      'a.cpp': 'int a() { return missing_a; }\n',
      'b.cpp': 'int b() { return 2; }\n',
      'c.cpp': 'int c() { return missing_c; }\n',
    });
    const output = join(dir, 'never');
    const r = run(appCompileScript({ recipe, appDir: dir, sources, objectDir: join(dir, 'obj'), output }));
    expect(r.status).toBe(1);
    expect(r.output.indexOf('missing_a')).toBeGreaterThanOrEqual(0);
    expect(r.output.indexOf('missing_a')).toBeLessThan(r.output.indexOf('missing_c'));
    expect(existsSync(output)).toBe(false);
  }, 180_000);
});
