import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top-level folders of a kit package that code never needs at run time (and that may hold tests). */
const NOT_RUNTIME = new Set(['test', 'tests', 'bench', 'grading', 'fixtures', 'coverage', '.turbo', '.git']);

/** The grader package folder (holds the sandbox worker). */
export const GRADER_PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The installed packages of a `node_modules` folder (scoped ones as `@scope/name`). */
function packageNames(nodeModules: string): string[] {
  return entries(nodeModules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    return name.startsWith('@') ? entries(join(nodeModules, name)).map((s) => `${name}/${s}`) : [name];
  });
}

/** Folders of a workspace package that hold no run-time code (tests, benches, grading), to hide. */
function notRuntime(dir: string): string[] {
  return entries(dir)
    .filter((name) => NOT_RUNTIME.has(name))
    .map((name) => join(dir, name));
}

/** Folders bound read-only into a sandbox, and folders inside them hidden behind an empty one. */
export interface RuntimeMounts {
  /** Bound read-only at the same path. */
  readOnly: string[];
  /** Caches inside bound `node_modules` folders (scratch data of other runs), hidden. */
  masked: string[];
}

/** Folders a `node_modules` may hold that are caches, not packages. */
const CACHE_FOLDERS = ['.cache', '.vite', '.vitest'];

/**
 * The folders a sandboxed program needs read-only to run Node code of the kit: Node's own
 * install when it is not under `/usr`, and the dependency closure of the given `node_modules`
 * folders — third-party packages (pnpm's store folder as a whole) and the run-time parts of
 * workspace packages, never their `test/`, `bench/` or `grading/` folders.
 * @param nodeModulesDirs - `node_modules` folders whose packages the program may import
 */
export function runtimeMounts(nodeModulesDirs: readonly string[]): RuntimeMounts {
  // the dependency tree does not change while the grader runs: walk it once per process
  const key = nodeModulesDirs.join('\0');
  const known = walked.get(key);
  if (known) return { readOnly: [...known.readOnly], masked: [...known.masked] };
  const mounts = walkRuntimeMounts(nodeModulesDirs);
  walked.set(key, mounts);
  return { readOnly: [...mounts.readOnly], masked: [...mounts.masked] };
}

const walked = new Map<string, RuntimeMounts>();

function walkRuntimeMounts(nodeModulesDirs: readonly string[]): RuntimeMounts {
  const out = new Set<string>();
  const masked = new Set<string>();
  const nodePrefix = dirname(dirname(realpathSync(process.execPath)));
  if (!nodePrefix.startsWith('/usr')) out.add(nodePrefix);
  const seen = new Set<string>();
  const visit = (nodeModules: string): void => {
    const dir = real(nodeModules);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    out.add(dir);
    for (const cache of CACHE_FOLDERS) if (existsSync(join(dir, cache))) masked.add(join(dir, cache));
    for (const name of packageNames(dir)) {
      const target = real(join(dir, name));
      if (!target) continue;
      const store = target.indexOf(`${sep}node_modules${sep}.pnpm${sep}`);
      if (store >= 0) {
        out.add(target.slice(0, store + `${sep}node_modules`.length));
        continue;
      }
      if (target.startsWith(`${dir}${sep}`)) continue; // a plain (npm-style) package inside this folder
      // a workspace package: all of it but its tests, and its own dependencies
      out.add(target);
      for (const hidden of notRuntime(target)) masked.add(hidden);
      visit(join(target, 'node_modules'));
    }
  };
  for (const dir of nodeModulesDirs) visit(dir);
  return { readOnly: collapse([...out]), masked: [...masked].sort() };
}

/** Drops paths that sit inside another path of the list. */
export function collapse(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => p === k || p.startsWith(`${k}${sep}`))) kept.push(p);
  return kept.sort();
}

/** The grader's own run-time files and dependencies (the worker that loads submission modules). */
export function graderRuntimeMounts(): RuntimeMounts {
  const deps = runtimeMounts([join(GRADER_PACKAGE_DIR, 'node_modules')]);
  return {
    readOnly: collapse([GRADER_PACKAGE_DIR, ...deps.readOnly]),
    masked: [...new Set([...notRuntime(GRADER_PACKAGE_DIR), ...deps.masked])].sort(),
  };
}
