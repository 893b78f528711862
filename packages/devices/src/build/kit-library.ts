import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DevicesError } from '../core/devices-error.js';
import { readAppRecipe, type AppRecipe } from './app-recipe.js';
import { withDirectoryLock } from './directory-lock.js';
import { builtFrom, kitFingerprint, recordBuild } from './kit-fingerprint.js';
import { runTool } from './run-tool.js';

/** Options of {@link prepareKitLibrary}. */
export interface KitLibraryOptions {
  /** The kit's firmware folder (lib/, platform/host/, cmake/). */
  readonly kit: string;
  /** Folder that holds the shared build folder and its lock. */
  readonly buildRoot: string;
  /** Time left for waiting on the lock, configuring and compiling, in ms. */
  readonly timeLeft: () => number;
  /** Build output lines as they come. */
  readonly onOutput?: ((line: string) => void) | undefined;
}

/** The recipe of a finished build of exactly these kit sources, if the build folder holds one. */
function upToDateRecipe(recipe: string, buildDir: string, fingerprint: string): AppRecipe | undefined {
  if (!existsSync(recipe)) return undefined;
  try {
    const built = readAppRecipe(recipe);
    const libraries = built.links.filter((link) => link.startsWith(buildDir));
    return builtFrom(buildDir, fingerprint, libraries) ? built : undefined;
  } catch {
    // a recipe left incomplete: CMake writes it again below
    return undefined;
  }
}

/**
 * The kit's half of a virtual-device build: the firmware library, the host platform and the
 * host entry point compiled into static libraries in one build folder per kit firmware folder,
 * shared by every build on the machine under a lock, and the recipe an app is compiled with.
 * Only kit files are compiled here (it runs with the caller's rights); a later call only checks
 * that the libraries are up to date: without CMake when no kit file changed since the last build.
 * @param options - see {@link KitLibraryOptions}
 */
export async function prepareKitLibrary(options: KitLibraryOptions): Promise<AppRecipe> {
  const { kit, buildRoot } = options;
  // "kit-" names the layout of this recipe (libraries + app-build.txt): folders of the older
  // one-project layout are left alone instead of being reconfigured in place.
  const key = createHash('sha256').update(kit).digest('hex').slice(0, 10);
  // The lock is a folder beside the build folder: its parent must exist, or mkdir never succeeds.
  mkdirSync(buildRoot, { recursive: true });
  const buildDir = join(buildRoot, `iotkit-kit-build-${key}`);
  return withDirectoryLock(`${buildDir}.lock`, options.timeLeft(), async () => {
    const run = (args: string[]): ReturnType<typeof runTool> =>
      runTool('cmake', args, { timeoutMs: options.timeLeft(), onOutput: options.onOutput });
    const configureArgs = [
      '-S',
      join(kit, 'cmake', 'virtual-device'),
      '-B',
      buildDir,
      `-DIOTKIT_FIRMWARE_DIR=${kit}`,
      '-DCMAKE_BUILD_TYPE=Release',
    ];
    const recipe = join(buildDir, 'app-build.txt');
    if (!existsSync(recipe)) {
      let configure = await run(configureArgs);
      if (configure.code !== 0 && !configure.timedOut && existsSync(buildDir)) {
        // A build folder left half-made (a killed configure): start it over once.
        rmSync(buildDir, { recursive: true, force: true });
        configure = await run(configureArgs);
      }
      if (configure.code === 127)
        throw new DevicesError(
          'devices/missing-tool',
          'cmake not found: install cmake and g++ (Debian: apt-get install cmake g++)',
        );
      if (configure.code !== 0 && /Could not find|No package '.*' found|pkg-config/i.test(configure.output))
        throw new DevicesError(
          'devices/missing-tool',
          `a library for the firmware build is missing (Debian: apt-get install pkg-config libcurl4-openssl-dev libcjson-dev libmosquitto-dev):\n${configure.output.slice(-1500)}`,
        );
      if (configure.code !== 0)
        throw new DevicesError(
          'devices/build-failed',
          `cmake could not configure the kit's firmware library:\n${configure.output.slice(-3000)}`,
        );
    }
    // Taken before the build: a file edited while it runs leaves a stale stamp, never a missed change.
    const fingerprint = kitFingerprint(kit);
    const earlier = upToDateRecipe(recipe, buildDir, fingerprint);
    if (earlier) return earlier;
    // CMake re-runs its configure step itself when the recipe or the kit's file list changed.
    const compile = await run(['--build', buildDir, '--target', 'kit_all', '--parallel', '2']);
    if (compile.timedOut)
      throw new DevicesError('devices/build-failed', "the kit's firmware library did not build in time");
    if (compile.code !== 0)
      throw new DevicesError(
        'devices/build-failed',
        `the kit's firmware library does not build (a kit problem, not the app's):\n${compile.output.slice(-3000)}`,
      );
    const built = readAppRecipe(recipe);
    recordBuild(buildDir, fingerprint);
    return built;
  });
}
