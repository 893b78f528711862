import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import { parseManifest, selectTests } from '../core/manifest.js';
import { stripSolutions } from '../core/strip-solutions.js';
import { readHandoutIgnore } from './handout-ignore.js';
import { rewriteLibraryLinks, type CopiedProjectFile } from './library-links.js';
import { rewriteDependencies, vendorFolder, vendorPackages, type PackageJson } from './vendor-packages.js';
import { findWorkspaceRoot, readWorkspace, type WorkspaceInfo } from './workspace-catalog.js';

/** Options of {@link makeHandout}. */
export interface HandoutOptions {
  /** The assignment folder (reference solution with markers). */
  assignmentDir: string;
  /** Where the handout goes; must not exist or be empty. */
  outDir: string;
}

/** A file whose solution regions were removed. */
export interface StrippedFile {
  /** Path relative to the assignment. */
  file: string;
  /** Regions removed. */
  regions: number;
}

/** What {@link makeHandout} did. */
export interface HandoutReport {
  /** Files written (vendored packages excluded). */
  files: number;
  /** Files whose solution regions were removed, with the count. */
  stripped: StrippedFile[];
  /** Workspace packages copied into `vendor/`. */
  vendored: string[];
  /** Dependency specs rewritten, `name → new spec`. */
  rewritten: Record<string, string>;
  /** PlatformIO project files whose library links now point into `vendor/`. */
  libraryLinks: string[];
  /**
   * Lines of the handout that still speak of the reference solution (`file:line: text`): the
   * marker words or "reference solution" outside a marker, e.g. a header comment that explains
   * the markers. Empty when the starter reads as a starter.
   */
  leftovers: string[];
}

const SKIP = new Set(['node_modules', 'dist', 'build', '.turbo', '.vite', '.git', '.pio']);
// A handout is checked with `check`; the kit's development scripts (lint, test, bench) need the
// monorepo around them, so only these survive.
const KEPT_SCRIPT = /^(build|build:.+|typecheck)$/;
/** An assignment's README for students working from the handout; it becomes the handout's `README.md`. */
export const STARTER_README = 'HANDOUT.md';

/**
 * Makes the student starter from an assignment's reference solution: solution regions become
 * TODOs (see `stripSolutions`), `grading/hidden/`, `grading/mutants/`, the hidden manifest entries and whatever the
 * assignment's `.handoutignore` lists are dropped, build output and dependencies are left out,
 * and the folder is made to install and build on its own, outside the monorepo: workspace
 * packages are copied into `vendor/` (see `vendorPackages`) and referenced as `file:`
 * dependencies; catalog entries become their exact versions; PlatformIO library links into a
 * vendored package point at the copy; a `tsconfig` that extends a file outside the assignment
 * gets a local copy of it; the repository's pnpm `allowBuilds` settings go into the handout's own
 * `pnpm-workspace.yaml`; an assignment's `HANDOUT.md` (written for the starter) becomes its `README.md`; the course rules (`database.rules.json`) are copied to its root; the package gets a `check` script when it depends on the grader (and a `start` script running its demo when it is an assignment, `"iotkit": { "id": … }`), and
 * keeps only its build scripts besides. Lines that still speak of the reference solution are
 * listed in the report's `leftovers`.
 * @param options - assignment and output folders
 * @throws GraderError `grader/bad-arguments` (output not empty), `grader/bad-solution-markers`, `grader/bad-manifest`
 */
export function makeHandout(options: HandoutOptions): HandoutReport {
  const src = resolve(options.assignmentDir);
  const out = resolve(options.outDir);
  if (out === src || out.startsWith(src + sep))
    throw new GraderError(
      'grader/bad-arguments',
      'the handout folder cannot be inside the assignment folder',
    );
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new GraderError('grader/bad-arguments', `${out} is not empty; pick a new folder`);
  const wsRoot = findWorkspaceRoot(src);
  const ws: WorkspaceInfo = wsRoot
    ? readWorkspace(wsRoot)
    : { root: src, catalog: new Map(), packages: new Map(), allowBuilds: null };
  const report: HandoutReport = {
    files: 0,
    stripped: [],
    vendored: [],
    rewritten: {},
    libraryLinks: [],
    leftovers: [],
  };
  const texts = new Map<string, string>();
  const isIgnored = readHandoutIgnore(src);
  const projectFiles: CopiedProjectFile[] = [];

  const copyTree = (from: string, to: string): void => {
    for (const entry of readdirSync(from)) {
      if (SKIP.has(entry)) continue;
      const a = join(from, entry);
      const rel = relative(src, a).split(sep).join('/');
      // The mutant catalogue quotes the reference solution: it stays with the hidden tests.
      if (rel === 'grading/hidden' || rel === 'grading/mutants' || rel === STARTER_README || isIgnored(rel))
        continue;
      const b = join(to, entry);
      if (statSync(a).isDirectory()) {
        copyTree(a, b);
        continue;
      }
      mkdirSync(to, { recursive: true });
      const text = readFileSync(a);
      const asText = text.includes(0) ? null : text.toString('utf8');
      if (asText !== null && /BEGIN SOLUTION|END SOLUTION/.test(asText)) {
        const stripped = stripSolutions(asText, rel);
        if (stripped.regions > 0) report.stripped.push({ file: rel, regions: stripped.regions });
        writeFileSync(b, stripped.text);
        texts.set(rel, stripped.text);
      } else {
        writeFileSync(b, text);
        if (asText !== null) texts.set(rel, asText);
      }
      if (entry === 'platformio.ini') projectFiles.push({ from: a, to: b });
      report.files += 1;
    }
  };
  mkdirSync(out, { recursive: true });
  copyTree(src, out);
  // The repository README speaks of the kit around the assignment; a starter has its own.
  const starterReadme = join(src, STARTER_README);
  if (existsSync(starterReadme)) {
    const readme = stripSolutions(readFileSync(starterReadme, 'utf8'), STARTER_README).text;
    writeFileSync(join(out, 'README.md'), readme);
    texts.set('README.md', readme);
  }
  report.leftovers = solutionLeftovers(texts);

  const manifestFile = join(out, 'grading', 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = parseManifest(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const tests = selectTests(manifest, false);
    const maxScore = tests.filter((t) => !t.bonus).reduce((s, t) => s + t.points, 0);
    writeFileSync(
      manifestFile,
      `${JSON.stringify({ assignment: manifest.assignment, title: manifest.title, maxScore, tests }, null, 2)}\n`,
    );
  }

  const queue: string[] = [];
  const pjFile = join(out, 'package.json');
  if (existsSync(pjFile)) {
    const pj = JSON.parse(readFileSync(pjFile, 'utf8')) as PackageJson;
    rewriteDependencies(pj, ws, (n) => `./vendor/${vendorFolder(n)}`, report, queue);
    // An assignment keeps the student tools it names (`"iotkit": { "handoutScripts": ["provision"] }`).
    const studentScripts = new Set(pj.iotkit?.handoutScripts ?? []);
    const scripts = Object.entries(pj.scripts ?? {}).filter(
      ([name]) => KEPT_SCRIPT.test(name) || studentScripts.has(name),
    );
    if (queue.includes('@iotkit/grader') || pj.scripts?.check !== undefined)
      scripts.push(['check', 'iotkit-grader check .']);
    // An assignment with a demo (`"iotkit": { "id": … }`) runs it from the handout as in the kit.
    if (queue.includes('@iotkit/grader') && typeof pj.iotkit?.id === 'string')
      scripts.push(['start', 'iotkit-grader start .']);
    pj.scripts = Object.fromEntries(scripts);
    writeFileSync(pjFile, `${JSON.stringify(pj, null, 2)}\n`);
  }
  const copies = vendorPackages(queue, ws, out, report);
  for (const file of projectFiles) {
    if (rewriteLibraryLinks(file, copies) > 0)
      report.libraryLinks.push(relative(out, file.to).split(sep).join('/'));
  }

  localiseTsconfig(src, out, ws);
  // The graded tests install the course rules; in a handout they come from its own root.
  const courseRules = join(ws.root, 'database.rules.json');
  if (wsRoot && existsSync(courseRules) && !existsSync(join(out, 'database.rules.json')))
    cpSync(courseRules, join(out, 'database.rules.json'));
  const wsFile = join(out, 'pnpm-workspace.yaml');
  if (ws.allowBuilds && !existsSync(wsFile))
    writeFileSync(wsFile, `# pnpm settings for this handout (a standalone project)\n${ws.allowBuilds}`);
  return report;
}

// Words that only make sense next to the reference: the markers themselves, or the solution named.
const LEFTOVER = /\b(?:BEGIN|END) SOLUTION\b|\breference solution\b/i;

/** `file:line: text` for every line of the handout's own text files that still speaks of the solution. */
function solutionLeftovers(texts: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (LEFTOVER.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  return found;
}

/** A tsconfig extending a file outside the assignment gets that file copied next to it. */
function localiseTsconfig(src: string, out: string, ws: WorkspaceInfo): void {
  const file = join(out, 'tsconfig.json');
  if (!existsSync(file)) return;
  const tsconfig = JSON.parse(readFileSync(file, 'utf8')) as { extends?: string };
  if (typeof tsconfig.extends !== 'string' || !tsconfig.extends.startsWith('.')) return;
  const target = resolve(src, tsconfig.extends);
  if (target.startsWith(src + sep) || !existsSync(target)) return;
  const local = `tsconfig.${basename(dirname(target)) === basename(ws.root) ? 'base' : 'shared'}.json`;
  cpSync(target, join(out, local));
  tsconfig.extends = `./${local}`;
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
}
