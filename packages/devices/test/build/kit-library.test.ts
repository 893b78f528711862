import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareKitLibrary } from '../../src/build/kit-library.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-kit-library-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A kit whose CMake project has the shape of the real one (a `kit_all` target and an
 * `app-build.txt` recipe) but compiles nothing, so the build folder's handling is tested in seconds.
 */
function tinyKit(): string {
  const kit = join(work, 'kit');
  mkdirSync(join(kit, 'cmake', 'virtual-device'), { recursive: true });
  writeFileSync(
    join(kit, 'cmake', 'virtual-device', 'CMakeLists.txt'),
    [
      'cmake_minimum_required(VERSION 3.16)',
      'project(tiny_kit NONE)',
      'add_custom_target(kit_all)',
      'file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/app-build.txt" CONTENT "cxx=c++\\nflag=-O2\\nlink=-lm\\n")',
      '',
    ].join('\n'),
  );
  return kit;
}

describe('prepareKitLibrary', () => {
  it('creates a build root that does not exist yet instead of waiting on its lock', async () => {
    const kit = tinyKit();
    const buildRoot = join(work, 'not', 'yet', 'there');
    const recipe = await prepareKitLibrary({ kit, buildRoot, timeLeft: () => 60_000 });
    expect(recipe).toEqual({ cxx: 'c++', flags: ['-O2'], includes: [], links: ['-lm'] });
    // A second call finds the recipe and only checks the build is up to date.
    await expect(prepareKitLibrary({ kit, buildRoot, timeLeft: () => 60_000 })).resolves.toEqual(recipe);
  });
});
