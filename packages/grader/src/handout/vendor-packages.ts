import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import type { WorkspaceInfo } from './workspace-catalog.js';

/** The parts of a `package.json` a handout reads or rewrites. */
export type PackageJson = Record<string, unknown> & {
  name?: string;
  scripts?: Record<string, string>;
  files?: string[];
  exports?: unknown;
  /** Kit settings of an assignment package, e.g. the scripts its handout keeps. */
  iotkit?: { id?: string; handoutScripts?: string[] };
};

/** What vendoring adds to the handout's report. */
export interface VendorLog {
  /** Workspace packages copied into `vendor/`. */
  vendored: string[];
  /** Dependency specs rewritten, `package → dependency` to the new spec. */
  rewritten: Record<string, string>;
}

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

// Handouts run from sources, so these come along whatever `files` says; build output never does.
const ALWAYS_COPIED = ['src', 'bin', 'README.md', 'LICENSE'];
const NEVER_COPIED = new Set(['dist', 'build']);

/** Folder name of a vendored package: `@iotkit/grader` → `iotkit-grader`. */
export const vendorFolder = (name: string): string => name.replace(/^@/, '').replace(/\//g, '-');

/**
 * Rewrites `workspace:` specs to `file:` references into `vendor/` (queueing those packages for
 * copying) and `catalog:` specs to the catalog's exact versions.
 * @param pj - the package.json to rewrite in place
 * @param ws - the monorepo the handout is cut from
 * @param vendorRel - relative `file:` path of a vendored package, seen from `pj`'s folder
 * @param log - where rewrites are recorded
 * @param queue - receives the workspace packages that must be vendored
 */
export function rewriteDependencies(
  pj: PackageJson,
  ws: WorkspaceInfo,
  vendorRel: (name: string) => string,
  log: VendorLog,
  queue: string[],
): void {
  for (const field of DEP_FIELDS) {
    const deps = pj[field] as Record<string, string> | undefined;
    if (!deps) continue;
    for (const [name, spec] of Object.entries(deps)) {
      if (spec.startsWith('workspace:')) {
        if (!ws.packages.has(name))
          throw new GraderError(
            'grader/bad-arguments',
            `${name} is a workspace dependency but no workspace package has that name`,
          );
        deps[name] = `file:${vendorRel(name)}`;
        queue.push(name);
      } else if (spec.startsWith('catalog:')) {
        const version = ws.catalog.get(name);
        if (!version)
          throw new GraderError(
            'grader/bad-arguments',
            `${name} uses catalog: but pnpm-workspace.yaml has no catalog entry for it`,
          );
        deps[name] = version;
      } else continue;
      log.rewritten[`${pj.name ?? 'handout'} → ${name}`] = deps[name] as string;
    }
  }
}

/**
 * Points every export at its `@iotkit/source` target: a vendored package has no build output,
 * and pointing `default` there too means it resolves whether or not the source condition is on.
 */
function sourceExports(exports: unknown): unknown {
  if (typeof exports !== 'object' || exports === null) return exports;
  const entries = exports as Record<string, unknown>;
  const source = entries['@iotkit/source'];
  if (typeof source === 'string') return source;
  return Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, sourceExports(value)]));
}

/**
 * Top folders the `@iotkit/source` exports point into (`./page/index.ts` → `page`): a package may
 * export sources from outside `src/`, and a handout runs from sources.
 */
function sourceFolders(exports: unknown): string[] {
  if (typeof exports !== 'object' || exports === null) return [];
  return Object.entries(exports as Record<string, unknown>).flatMap(([key, value]) => {
    if (key === '@iotkit/source' && typeof value === 'string') {
      const top = value.replace(/^\.\//, '').split('/')[0] ?? '';
      return top !== '' && top !== '..' && value.replace(/^\.\//, '').includes('/') ? [top] : [];
    }
    return sourceFolders(value);
  });
}

/**
 * Copies the queued workspace packages (and, transitively, theirs) into `out/vendor/<folder>`:
 * sources plus whatever their `files` list names (data such as test vectors, or the C++ sources of
 * `@iotkit/firmware`), never build output. Each copy's `files` names exactly what was copied,
 * because pnpm installs a `file:` dependency as packed — only the listed files arrive. Its
 * `@types/*` development dependencies become dependencies; the others are dropped.
 * @param queue - workspace package names to vendor; consumed
 * @param ws - the monorepo the handout is cut from
 * @param out - the handout folder
 * @param log - where vendored packages and rewrites are recorded
 * @returns vendored package folder in the monorepo → its copy in the handout
 */
export function vendorPackages(
  queue: string[],
  ws: WorkspaceInfo,
  out: string,
  log: VendorLog,
): Map<string, string> {
  const copies = new Map<string, string>();
  for (let name = queue.shift(); name; name = queue.shift()) {
    const from = ws.packages.get(name) as string;
    if (copies.has(from)) continue;
    const to = join(out, 'vendor', vendorFolder(name));
    const pj = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as PackageJson;
    const parts = [...new Set([...ALWAYS_COPIED, ...sourceFolders(pj.exports), ...(pj.files ?? [])])].filter(
      (part) => !NEVER_COPIED.has(part.replace(/\/+$/, '')) && existsSync(join(from, part)),
    );
    for (const part of parts) cpSync(join(from, part), join(to, part), { recursive: true });
    // The copy ships TypeScript sources, so whoever type-checks the handout needs their types.
    const devDependencies = (pj['devDependencies'] ?? {}) as Record<string, string>;
    const types = Object.entries(devDependencies).filter(([dep]) => dep.startsWith('@types/'));
    if (types.length > 0)
      pj['dependencies'] = {
        ...(pj['dependencies'] as Record<string, string>),
        ...Object.fromEntries(types),
      };
    delete pj['devDependencies'];
    delete pj.scripts;
    pj.files = parts;
    if (pj.exports !== undefined) pj.exports = sourceExports(pj.exports);
    rewriteDependencies(pj, ws, (n) => `../${vendorFolder(n)}`, log, queue);
    writeFileSync(join(to, 'package.json'), `${JSON.stringify(pj, null, 2)}\n`);
    copies.set(from, to);
    log.vendored.push(name);
  }
  return copies;
}
