import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * A kit whose `kit_all` makes one library and counts its runs, so a test sees when CMake built
 * and when the recorded fingerprint spared it.
 */
function countingKit(name: string): { kit: string; runs: () => number } {
  const kit = join(work, name);
  mkdirSync(join(kit, 'cmake', 'virtual-device'), { recursive: true });
  mkdirSync(join(kit, 'lib', 'iotkit'), { recursive: true });
  writeFileSync(join(kit, 'lib', 'iotkit', 'part.cpp'), 'int part() { return 1; }\n');
  writeFileSync(
    join(kit, 'cmake', 'virtual-device', 'CMakeLists.txt'),
    [
      'cmake_minimum_required(VERSION 3.16)',
      'project(counting_kit NONE)',
      'add_custom_target(kit_all',
      '  COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_BINARY_DIR}/libtiny.a',
      '  COMMAND ${CMAKE_COMMAND} -DOUT=${CMAKE_BINARY_DIR}/runs.txt -P ${CMAKE_CURRENT_SOURCE_DIR}/count.cmake)',
      'file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/app-build.txt" CONTENT "cxx=c++\\nlink=${CMAKE_BINARY_DIR}/libtiny.a\\nlink=-lm\\n")',
      '',
    ].join('\n'),
  );
  writeFileSync(join(kit, 'cmake', 'virtual-device', 'count.cmake'), 'file(APPEND "${OUT}" "built\\n")\n');
  const buildRoot = join(work, `${name}-builds`);
  return {
    kit,
    runs: () => {
      const dirs = readdirSync(buildRoot).filter(
        (d) => d.startsWith('iotkit-kit-build-') && !d.endsWith('.lock'),
      );
      try {
        return readFileSync(join(buildRoot, dirs[0] ?? '', 'runs.txt'), 'utf8')
          .split('\n')
          .filter(Boolean).length;
      } catch {
        return 0;
      }
    },
  };
}

describe('prepareKitLibrary, when nothing in the kit changed', () => {
  it('skips CMake, and builds again after a kit file changes or a library goes missing', async () => {
    const { kit, runs } = countingKit('counting');
    const buildRoot = join(work, 'counting-builds');
    const prepare = (): ReturnType<typeof prepareKitLibrary> =>
      prepareKitLibrary({ kit, buildRoot, timeLeft: () => 60_000 });
    const recipe = await prepare();
    expect(runs()).toBe(1);
    await expect(prepare()).resolves.toEqual(recipe);
    expect(runs()).toBe(1);

    // an edited kit source changes its size: built again
    writeFileSync(join(kit, 'lib', 'iotkit', 'part.cpp'), 'int part() { return 22; }\n');
    await prepare();
    expect(runs()).toBe(2);
    await prepare();
    expect(runs()).toBe(2);

    // a new kit file: built again
    writeFileSync(join(kit, 'lib', 'iotkit', 'more.cpp'), 'int more() { return 3; }\n');
    await prepare();
    expect(runs()).toBe(3);

    // the library the recipe links is gone: built again, whatever the fingerprint says
    const library = recipe.links[0] ?? '';
    rmSync(library);
    await prepare();
    expect(runs()).toBe(4);
    expect(existsSync(library)).toBe(true);
  });
});
