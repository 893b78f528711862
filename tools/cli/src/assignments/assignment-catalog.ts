import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StartAssignmentDemo } from '@iotkit/backend';
import { CliError } from '../cli-error.js';

/** An assignment package found under `assignments/`. */
export interface AssignmentEntry {
  /** Short id from its package.json (`"iotkit": { "id": "a2" }`). */
  readonly id: string;
  /** Its title, for listings. */
  readonly title: string;
  /** The package folder. */
  readonly dir: string;
  /** The package's TypeScript entry (the `@iotkit/source` export). */
  readonly entry: string;
}

interface AssignmentPackageJson {
  iotkit?: { id?: unknown; title?: unknown };
  exports?: Record<string, Record<string, string> | string>;
}

/**
 * Every assignment under `<root>/assignments/` whose package.json names it
 * (`"iotkit": { "id": "aN", "title": "…" }`), sorted by id. The CLI finds assignments this way,
 * so adding one needs no change to the CLI.
 * @param root - the repository root
 */
export function listAssignments(root: string): AssignmentEntry[] {
  const base = join(root, 'assignments');
  if (!existsSync(base)) return [];
  const found: AssignmentEntry[] = [];
  for (const name of readdirSync(base)) {
    const file = join(base, name, 'package.json');
    if (!existsSync(file)) continue;
    let pj: AssignmentPackageJson;
    try {
      pj = JSON.parse(readFileSync(file, 'utf8')) as AssignmentPackageJson;
    } catch {
      continue;
    }
    const id = pj.iotkit?.id;
    if (typeof id !== 'string') continue;
    const main = pj.exports?.['.'];
    const source = typeof main === 'object' ? main['@iotkit/source'] : undefined;
    found.push({
      id,
      title: typeof pj.iotkit?.title === 'string' ? pj.iotkit.title : name,
      dir: join(base, name),
      entry: join(base, name, source ?? 'src/index.ts'),
    });
  }
  return found.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * The assignment `ref` names: its id (`a3`) or its folder name (`a3-crud`).
 * @param root - the repository root
 * @param ref - what the user typed
 * @throws CliError `cli/usage` listing the assignments there are
 */
export function findAssignment(root: string, ref: string): AssignmentEntry {
  const all = listAssignments(root);
  const hit = all.find((a) => a.id === ref || a.dir.endsWith(`/${ref}`) || a.dir.endsWith(`\\${ref}`));
  if (!hit)
    throw new CliError(
      'cli/usage',
      `there is no assignment "${ref}"; choose one of: ${all.map((a) => a.id).join(', ') || '(none found under assignments/)'}`,
    );
  return hit;
}

/**
 * Loads an assignment's `startDemo` (the function every assignment package exports).
 * @param entry - from {@link findAssignment}
 * @throws CliError `cli/backend-failed` when the package does not export one
 */
export async function loadStartDemo(entry: AssignmentEntry): Promise<StartAssignmentDemo> {
  const mod = (await import(pathToFileURL(entry.entry).href)) as { startDemo?: unknown };
  if (typeof mod.startDemo !== 'function')
    throw new CliError(
      'cli/backend-failed',
      `assignment ${entry.id} has no demo to start (its package does not export startDemo)`,
    );
  return mod.startDemo as StartAssignmentDemo;
}
