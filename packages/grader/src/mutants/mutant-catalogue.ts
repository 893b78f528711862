import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { Assignment } from '../assignment/load-assignment.js';
import { GraderError } from '../core/grader-error.js';
import { behaviourRows } from './behaviour-rows.js';

/** One exact text edit of a file of the reference solution. */
export interface MutantEdit {
  /** Path relative to the assignment folder, e.g. `firmware/src/app/a2_app.cpp`. */
  file: string;
  /** Text that occurs exactly once in the file (after the mutant's earlier edits). */
  find: string;
  /** What it becomes. */
  replace: string;
}

/** A curated mutant: `grading/mutants/<id>.json`. */
export interface CatalogueMutant {
  /** Kebab-case id, the file's name without `.json`. */
  id: string;
  /** The README behaviour-table row it breaks (`"3"`, `"B1"`). */
  row: string;
  /** The mistake, in a student's terms. */
  description: string;
  /** The patch of the reference solution. */
  edits: MutantEdit[];
  /** Manifest test names expected to fail. */
  killedBy: string[];
  /** Why no test can observe it; such a mutant is not expected to be killed. */
  equivalent?: string;
  /**
   * Texts the student feedback on this mutant must contain (case and spacing aside): the cause a
   * student should be pointed at, e.g. the function to fix. Absent: the feedback is not checked.
   */
  feedbackMentions?: string[];
}

/** A catalogue file that could not be used, with the reason. */
export interface InvalidMutant {
  /** The id the file claims, or its file name. */
  id: string;
  /** `grading/mutants/<file>`. */
  file: string;
  /** What is wrong, naming the field. */
  message: string;
}

/** Every catalogue file of an assignment, sorted by id, and the README rows they cover. */
export interface MutantCatalogue {
  /** Valid entries. */
  mutants: CatalogueMutant[];
  /** Entries that failed validation. */
  invalid: InvalidMutant[];
  /** Rows of the README behaviour table (empty when the README has none). */
  rows: string[];
}

const KEYS = new Set(['id', 'row', 'description', 'edits', 'killedBy', 'equivalent', 'feedbackMentions']);
const EDIT_KEYS = new Set(['file', 'find', 'replace']);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Number of non-overlapping occurrences of `find` in `text`. */
export function countOccurrences(text: string, find: string): number {
  return find === '' ? 0 : text.split(find).length - 1;
}

/**
 * Checks one parsed catalogue entry against the assignment: known keys only, every field typed,
 * every `find` occurring exactly once in its file, every `killedBy` a manifest test.
 * @param raw - parsed JSON of `grading/mutants/<fileId>.json`
 * @param fileId - the file name without `.json`
 * @param assignment - the assignment whose reference solution the edits apply to
 * @param rows - README behaviour rows the `row` must be one of (not checked when empty)
 * @throws GraderError `grader/bad-mutant` naming the mutant and the field
 */
export function parseCatalogueEntry(
  raw: unknown,
  fileId: string,
  assignment: Assignment,
  rows: readonly string[],
): CatalogueMutant {
  const fail = (field: string, problem: string): never => {
    throw new GraderError('grader/bad-mutant', `mutant "${fileId}": ${field} ${problem}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail('the file', 'must hold a JSON object');
  const m = raw as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!KEYS.has(key)) fail(`"${key}"`, `is not a catalogue field (known: ${[...KEYS].join(', ')})`);
  }
  if (typeof m.id !== 'string' || !KEBAB.test(m.id)) fail('"id"', 'must be a kebab-case string');
  if (m.id !== fileId) fail('"id"', `is "${String(m.id)}" but the file is named ${fileId}.json`);
  if (typeof m.row !== 'string' || m.row.trim() === '') fail('"row"', 'must be a non-empty string');
  const row = (m.row as string).trim();
  if (rows.length > 0 && !rows.includes(row)) {
    fail('"row"', `is "${row}", not a row of the README behaviour table (${rows.join(', ')})`);
  }
  if (typeof m.description !== 'string' || m.description.trim() === '')
    fail('"description"', 'must be a non-empty string');
  if (m.equivalent !== undefined && (typeof m.equivalent !== 'string' || m.equivalent.trim() === ''))
    fail('"equivalent"', 'must be a non-empty string giving the reason, or absent');
  const edits = parseEdits(m.edits, assignment, fail);
  if (!Array.isArray(m.killedBy) || !m.killedBy.every((n) => typeof n === 'string'))
    fail('"killedBy"', 'must be an array of manifest test names');
  const killedBy = m.killedBy as string[];
  if (killedBy.length === 0 && m.equivalent === undefined)
    fail('"killedBy"', 'is empty: name the tests that must fail, or give "equivalent" with the reason');
  for (const [i, name] of killedBy.entries()) {
    const matches = assignment.manifest.tests.filter((t) => t.name === name);
    if (matches.length === 0) fail(`"killedBy[${i}]"`, `"${name}" is not a test in grading/manifest.json`);
    if (matches.length > 1)
      fail(`"killedBy[${i}]"`, `"${name}" names ${matches.length} manifest tests; test names must be unique`);
  }
  const mentions = m.feedbackMentions;
  if (
    mentions !== undefined &&
    (!Array.isArray(mentions) ||
      mentions.length === 0 ||
      !mentions.every((t) => typeof t === 'string' && t.trim() !== ''))
  )
    fail('"feedbackMentions"', 'must be a non-empty array of non-empty strings, or absent');
  return {
    id: m.id as string,
    row,
    description: (m.description as string).trim(),
    edits,
    killedBy,
    ...(m.equivalent !== undefined ? { equivalent: (m.equivalent as string).trim() } : {}),
    ...(mentions !== undefined ? { feedbackMentions: (mentions as string[]).map((t) => t.trim()) } : {}),
  };
}

function parseEdits(
  raw: unknown,
  assignment: Assignment,
  fail: (field: string, problem: string) => never,
): MutantEdit[] {
  if (!Array.isArray(raw) || raw.length === 0) fail('"edits"', 'must be a non-empty array');
  const texts = new Map<string, string>();
  return (raw as unknown[]).map((e, i): MutantEdit => {
    const field = `"edits[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) fail(`${field}"`, 'must be an object');
    const edit = e as Record<string, unknown>;
    for (const key of Object.keys(edit)) {
      if (!EDIT_KEYS.has(key)) fail(`${field}.${key}"`, 'is not an edit field (known: file, find, replace)');
    }
    for (const key of EDIT_KEYS) {
      if (typeof edit[key] !== 'string') fail(`${field}.${key}"`, 'must be a string');
    }
    const { file, find, replace } = edit as { file: string; find: string; replace: string };
    const rel = normalize(file);
    if (file === '' || isAbsolute(file) || rel.split(sep).includes('..'))
      fail(`${field}.file"`, `must be a path inside the assignment folder, got "${file}"`);
    if (rel.split(sep)[0] === 'grading')
      fail(`${field}.file"`, 'must be a file of the solution: mutants never edit grading/');
    const abs = join(assignment.dir, rel);
    if (!existsSync(abs) || !statSync(abs).isFile())
      fail(`${field}.file"`, `"${file}" does not exist in the assignment folder`);
    if (find === '') fail(`${field}.find"`, 'must not be empty');
    if (find === replace) fail(`${field}.replace"`, 'is the same as find: the edit changes nothing');
    const text = texts.get(rel) ?? readFileSync(abs, 'utf8');
    const n = countOccurrences(text, find);
    if (n !== 1) {
      fail(
        `${field}.find"`,
        `occurs ${n} times in ${file}${i > 0 ? ' (after the earlier edits)' : ''}, it must occur exactly once: ${JSON.stringify(find.slice(0, 80))}`,
      );
    }
    texts.set(
      rel,
      text.replace(find, () => replace),
    );
    return { file: rel, find, replace };
  });
}

/**
 * Reads `grading/mutants/*.json` of an assignment. Invalid entries are returned with their reason
 * rather than thrown, so one bad file does not hide the results of the others.
 * @param assignment - the assignment
 */
export function loadCatalogue(assignment: Assignment): MutantCatalogue {
  const dir = join(assignment.dir, 'grading', 'mutants');
  const readme = join(assignment.dir, 'README.md');
  const rows = existsSync(readme) ? behaviourRows(readFileSync(readme, 'utf8')) : [];
  const mutants: CatalogueMutant[] = [];
  const invalid: InvalidMutant[] = [];
  if (!existsSync(dir)) return { mutants, invalid, rows };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const fileId = name.slice(0, -'.json'.length);
    const file = `grading/mutants/${name}`;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      } catch (e) {
        throw new GraderError(
          'grader/bad-mutant',
          `mutant "${fileId}": ${file} is not valid JSON: ${(e as Error).message}`,
        );
      }
      mutants.push(parseCatalogueEntry(raw, fileId, assignment, rows));
    } catch (e) {
      if (!(e instanceof GraderError)) throw e;
      invalid.push({ id: fileId, file, message: e.message });
    }
  }
  return { mutants, invalid, rows };
}

/**
 * Applies a mutant's edits to a copy of the solution.
 * @param dir - the copy (edited in place)
 * @param mutantId - for error messages
 * @param edits - the edits, in order
 * @throws GraderError `grader/bad-mutant` when a `find` no longer occurs exactly once
 */
export function applyEdits(dir: string, mutantId: string, edits: readonly MutantEdit[]): void {
  const texts = new Map<string, string>();
  for (const [i, edit] of edits.entries()) {
    const file = join(dir, edit.file);
    const text = texts.get(file) ?? readFileSync(file, 'utf8');
    const n = countOccurrences(text, edit.find);
    if (n !== 1) {
      throw new GraderError(
        'grader/bad-mutant',
        `mutant "${mutantId}": "edits[${i}].find" occurs ${n} times in ${edit.file}, it must occur exactly once`,
      );
    }
    texts.set(
      file,
      text.replace(edit.find, () => edit.replace),
    );
  }
  for (const [file, text] of texts) writeFileSync(file, text, 'utf8');
}
