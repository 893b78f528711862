import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What the handout needs to know about the monorepo it is cut from. */
export interface WorkspaceInfo {
  /** Repository root (folder of `pnpm-workspace.yaml`). */
  root: string;
  /** `catalog:` versions by package name. */
  catalog: Map<string, string>;
  /** Workspace packages by name → folder. */
  packages: Map<string, string>;
  /** The `allowBuilds:` block, if any. */
  allowBuilds: string | null;
}

/** Walks up from `dir` to the folder holding `pnpm-workspace.yaml`, or null. */
export function findWorkspaceRoot(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'pnpm-workspace.yaml'))) return d;
    if (dirname(d) === d) return null;
  }
}

/**
 * Reads the `catalog:` map of `pnpm-workspace.yaml` (the flat form the kit uses: one
 * `name: version` per indented line).
 * @param yaml - file contents
 */
export function parseCatalog(yaml: string): Map<string, string> {
  const out = new Map<string, string>();
  let inCatalog = false;
  for (const raw of yaml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^catalog:\s*$/.test(line)) {
      inCatalog = true;
      continue;
    }
    if (!inCatalog) continue;
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+["']?([^"':]+(?::[^"':]+)?)["']?\s*:\s*["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (m?.[1] && m[2]) out.set(m[1], m[2]);
  }
  return out;
}

/**
 * The `allowBuilds:` block of `pnpm-workspace.yaml` (which install scripts pnpm may run), verbatim,
 * or null. A handout carries it so `pnpm install` works there without questions.
 * @param yaml - file contents
 */
export function allowBuildsBlock(yaml: string): string | null {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^allowBuilds:\s*$/.test(l));
  if (start < 0) return null;
  const block = [lines[start] as string];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && !/^\s/.test(line)) break;
    if (line.trim() !== '') block.push(line);
  }
  return `${block.join('\n')}\n`;
}

/**
 * The `packages:` globs of `pnpm-workspace.yaml` in the forms the kit uses: `dir/*` (every
 * folder in `dir`) and a plain folder. Empty when the file lists none.
 * @param yaml - file contents
 */
export function parseWorkspaceGlobs(yaml: string): string[] {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^packages:\s*$/.test(l));
  if (start < 0) return [];
  const globs: string[] = [];
  for (const raw of lines.slice(start + 1)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '') continue;
    const m = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (!m?.[1]) break;
    globs.push(m[1]);
  }
  return globs;
}

/**
 * Reads the catalog and the workspace packages named by the `packages:` globs (by default
 * `packages/*`, `tools/*`, `assignments/*`).
 * @param root - repository root
 */
export function readWorkspace(root: string): WorkspaceInfo {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const catalog = parseCatalog(yaml);
  const globs = parseWorkspaceGlobs(yaml);
  const folders: string[] = [];
  for (const glob of globs.length > 0 ? globs : ['packages/*', 'tools/*', 'assignments/*']) {
    if (!glob.endsWith('/*')) {
      folders.push(join(root, glob));
      continue;
    }
    const base = join(root, glob.slice(0, -2));
    if (existsSync(base)) for (const name of readdirSync(base)) folders.push(join(base, name));
  }
  const packages = new Map<string, string>();
  for (const folder of folders) {
    const pj = join(folder, 'package.json');
    if (!existsSync(pj)) continue;
    try {
      const parsed = JSON.parse(readFileSync(pj, 'utf8')) as { name?: string };
      if (parsed.name) packages.set(parsed.name, folder);
    } catch {
      // a broken package.json elsewhere is not the handout's problem
    }
  }
  return { root, catalog, packages, allowBuilds: allowBuildsBlock(yaml) };
}
