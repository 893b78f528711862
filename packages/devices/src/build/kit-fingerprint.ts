import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The kit folders whose files the kit's library build reads. */
const KIT_INPUTS = ['lib', join('platform', 'host'), join('cmake', 'virtual-device')];

function listFiles(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) listFiles(path, out);
    else out.push(path);
  }
}

/**
 * A fingerprint of the kit's library sources: every file's path, size and modification time,
 * the same evidence make goes by. A build folder that recorded this fingerprint after its last
 * successful build is up to date without running CMake again, which costs each build a few
 * hundred milliseconds under a lock every concurrent build waits on.
 * @param kit - the kit's firmware folder
 */
export function kitFingerprint(kit: string): string {
  const files: string[] = [];
  for (const dir of KIT_INPUTS) listFiles(join(kit, dir), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const s = statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Where a build folder keeps the fingerprint of its last successful build. */
const stampFile = (buildDir: string): string => join(buildDir, 'kit-fingerprint.txt');

/**
 * Whether the build folder's last successful build was of exactly these kit sources and its
 * libraries are still there.
 * @param buildDir - the kit's build folder
 * @param fingerprint - {@link kitFingerprint} now
 * @param libraries - the files the build made (the recipe's kit libraries)
 */
export function builtFrom(buildDir: string, fingerprint: string, libraries: readonly string[]): boolean {
  try {
    if (readFileSync(stampFile(buildDir), 'utf8') !== fingerprint) return false;
  } catch {
    return false;
  }
  return libraries.every((file) => existsSync(file));
}

/**
 * Records a successful build of these sources.
 * @param buildDir - the kit's build folder
 * @param fingerprint - {@link kitFingerprint} taken before the build started
 */
export function recordBuild(buildDir: string, fingerprint: string): void {
  writeFileSync(stampFile(buildDir), fingerprint);
}
