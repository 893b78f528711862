import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import { parseGraderConfig, type GraderConfig } from '../core/grader-config.js';
import { parseManifest, type Manifest } from '../core/manifest.js';

/** An assignment folder with its manifest and grader settings. */
export interface Assignment {
  /** Absolute path of the assignment folder. */
  dir: string;
  /** Folder name, e.g. `a2-sensor-servo`. */
  id: string;
  /** `grading/manifest.json`, checked. */
  manifest: Manifest;
  /** `grading/grader.config.json` with defaults filled in. */
  config: GraderConfig;
  /** The `node_modules` the tests and the build resolve packages from (nearest at or above the folder). */
  nodeModulesDir: string | null;
}

function readJson(file: string, code: 'grader/bad-manifest' | 'grader/bad-config'): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new GraderError(code, `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Finds an assignment by id or prefix: `a2` → `assignments/a2-*`. A path to a folder with
 * `grading/manifest.json` is accepted as is.
 * @param ref - `a2`, `a2-sensor-servo`, or a path
 * @param repoRoot - folder holding `assignments/`
 */
export function resolveAssignmentDir(ref: string, repoRoot: string): string {
  const asPath = resolve(ref);
  if (existsSync(join(asPath, 'grading', 'manifest.json'))) return asPath;
  const base = join(repoRoot, 'assignments');
  const names = existsSync(base)
    ? readdirSync(base).filter((n) => statSync(join(base, n)).isDirectory())
    : [];
  const hit = names.find((n) => n === ref) ?? names.find((n) => n.startsWith(`${ref}-`));
  if (!hit) {
    throw new GraderError(
      'grader/assignment-not-found',
      `no assignment "${ref}" in ${base} (known: ${names.join(', ') || 'none'}); pass an id like a2 or a path to a folder with grading/manifest.json`,
    );
  }
  return join(base, hit);
}

/** Nearest `node_modules` folder at or above `dir`. */
export function nearestNodeModules(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    const nm = join(d, 'node_modules');
    if (existsSync(nm)) return nm;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/**
 * Reads an assignment folder.
 * @param dir - the assignment folder
 * @throws GraderError `grader/assignment-not-found`, `grader/bad-manifest`, `grader/bad-config`
 */
export function loadAssignment(dir: string): Assignment {
  const abs = resolve(dir);
  const manifestFile = join(abs, 'grading', 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new GraderError(
      'grader/assignment-not-found',
      `${abs} has no grading/manifest.json, so it is not a graded assignment`,
    );
  }
  const manifest = parseManifest(readJson(manifestFile, 'grader/bad-manifest'));
  for (const file of new Set(manifest.tests.map((t) => t.file))) {
    if (!existsSync(join(abs, 'grading', file)) && !file.startsWith('hidden/')) {
      throw new GraderError(
        'grader/bad-manifest',
        `grading/manifest.json lists ${file} but grading/${file} does not exist`,
      );
    }
  }
  const configFile = join(abs, 'grading', 'grader.config.json');
  const config = parseGraderConfig(
    existsSync(configFile) ? readJson(configFile, 'grader/bad-config') : undefined,
  );
  return { dir: abs, id: basename(abs), manifest, config, nodeModulesDir: nearestNodeModules(abs) };
}
