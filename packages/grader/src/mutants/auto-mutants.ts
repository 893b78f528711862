import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BEGIN_SOLUTION_LINE, END_SOLUTION_LINE, solutionLanguage } from '../core/strip-solutions.js';
import { proposeMutations, type MutationOperator } from './mutation-operators.js';
import { tokenize } from './source-tokens.js';

/** A mutant made by an automatic operator inside a `BEGIN SOLUTION` region. */
export interface AutoMutant {
  /** Stable id: `<file>:<line>:<column>:<operator>` (plus `#n` when one place has several). */
  id: string;
  /** Operator family. */
  operator: MutationOperator;
  /** File relative to the assignment folder. */
  file: string;
  /** 1-based line. */
  line: number;
  /** What changes, e.g. "`<` → `<=`". */
  description: string;
  /** The replacement, in offsets of the unmodified file. */
  edit: { start: number; end: number; replace: string };
}

/** Never searched for solution files. */
const SKIP = new Set([
  'node_modules',
  '.git',
  'grading',
  '.turbo',
  '.vite',
  'dist',
  '.pio',
  'build',
  'vendor',
]);

function solutionFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (SKIP.has(name)) continue;
    const abs = join(dir, name);
    const st = statSync(abs);
    if (st.isDirectory()) out.push(...solutionFiles(root, abs));
    else if (st.isFile() && st.size < 1_000_000) {
      const lang = solutionLanguage(name);
      if (lang === 'cpp' || lang === 'ts') out.push(relative(root, abs).split(sep).join('/'));
    }
  }
  return out;
}

/** Offsets `[from, to)` of the code between each BEGIN/END SOLUTION marker pair. */
export function solutionRegionOffsets(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let offset = 0;
  let open: number | null = null;
  for (const line of text.split('\n')) {
    const next = offset + line.length + 1;
    if (BEGIN_SOLUTION_LINE.test(line)) open = next;
    else if (END_SOLUTION_LINE.test(line) && open !== null) {
      regions.push([open, offset]);
      open = null;
    }
    offset = next;
  }
  return regions;
}

/**
 * Every automatic mutant of an assignment's reference solution: the operators of
 * {@link proposeMutations} applied to the code inside `BEGIN SOLUTION` / `END SOLUTION` regions
 * of its C++ and TypeScript files (never the grading folder, dependencies or build output).
 * @param assignmentDir - the assignment folder
 */
export function listAutoMutants(assignmentDir: string): AutoMutant[] {
  const mutants: AutoMutant[] = [];
  const seen = new Map<string, number>();
  for (const file of solutionFiles(assignmentDir)) {
    const text = readFileSync(join(assignmentDir, file), 'utf8');
    if (!text.includes('BEGIN SOLUTION')) continue;
    const language = solutionLanguage(file) === 'cpp' ? 'cpp' : 'ts';
    const tokens = tokenize(text, language);
    for (const [from, to] of solutionRegionOffsets(text)) {
      for (const p of proposeMutations(text, tokens, from, to, language)) {
        const base = `${file}:${p.at.line}:${p.at.column}:${p.operator}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        mutants.push({
          id: n === 1 ? base : `${base}#${n}`,
          operator: p.operator,
          file,
          line: p.at.line,
          description: p.what,
          edit: { start: p.start, end: p.end, replace: p.replace },
        });
      }
    }
  }
  return mutants;
}

/** FNV-1a, for an order that is stable across runs and machines. */
function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A deterministic sample of at most `limit` mutants that takes the operator families in turn, so a
 * small sample still exercises every kind of mistake. The same input always gives the same sample.
 * @param mutants - every automatic mutant
 * @param limit - how many to keep
 */
export function sampleAutoMutants(mutants: readonly AutoMutant[], limit: number): AutoMutant[] {
  if (mutants.length <= limit) return [...mutants];
  const byOperator = new Map<MutationOperator, AutoMutant[]>();
  for (const m of mutants) byOperator.set(m.operator, [...(byOperator.get(m.operator) ?? []), m]);
  const queues = [...byOperator.keys()]
    .sort()
    .map((op) => (byOperator.get(op) ?? []).sort((a, b) => stableHash(a.id) - stableHash(b.id)));
  const picked: AutoMutant[] = [];
  for (let round = 0; picked.length < limit; round++) {
    for (const q of queues)
      if (round < q.length && picked.length < limit) picked.push(q[round] as AutoMutant);
  }
  const order = new Map(mutants.map((m, i) => [m.id, i]));
  return picked.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * Writes an automatic mutant into a copy of the solution.
 * @param dir - the copy
 * @param mutant - the mutant (offsets refer to the unmodified file)
 */
export function applyAutoMutant(dir: string, mutant: AutoMutant): void {
  const file = join(dir, mutant.file);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, mutant.edit.start) + mutant.edit.replace + text.slice(mutant.edit.end));
}
