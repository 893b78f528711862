import { GraderError } from './grader-error.js';
import type { Visibility } from './result-model.js';

/** One graded test as the manifest lists it. */
export interface ManifestTest {
  /** Test file relative to `grading/` (`public/x.test.ts` or `hidden/x.test.ts`). */
  file: string;
  /** Full vitest name: describe blocks and test name joined with ` > `. */
  name: string;
  /** Points for passing. */
  points: number;
  /** Who sees the result. Tests under `public/` must be `visible`. */
  visibility: Visibility;
  /** Bonus points count towards the score, never towards the maximum. */
  bonus?: boolean;
}

/**
 * A part of the grade an instructor gives by hand (e.g. the argument of a report): listed by
 * `check` and `grade` as "to be graded by hand", never run and never counted as failed, and
 * exported to Gradescope as a manually graded question.
 */
export interface ManualItem {
  /** The question's title, unique in the manifest. */
  name: string;
  /** Points the instructor can give. */
  points: number;
  /** What the instructor looks for, one criterion per entry (may be empty). */
  rubric: string[];
}

/** `grading/manifest.json`: the source of truth for tests and maximum points. */
export interface Manifest {
  /** Assignment id, e.g. `a2-sensor-servo`. */
  assignment: string;
  /** Human title used in reports and CSV column headers. */
  title: string;
  /**
   * Sum of the points of every non-bonus test: the automatic maximum. The JSON's `maxScore` is
   * this plus {@link Manifest.manualPoints}; both are checked when the manifest is read.
   */
  maxScore: number;
  /** Every graded test. */
  tests: ManifestTest[];
  /** Items graded by hand (`"manual"` in the JSON); empty when there are none. */
  manual: ManualItem[];
  /** Sum of the points of the manual items. */
  manualPoints: number;
}

const VISIBILITIES: readonly Visibility[] = ['visible', 'hidden', 'after_due_date'];

/** The key the grader uses for a test: `file::name`. */
export function testId(file: string, name: string): string {
  return `${file}::${name}`;
}

function fail(message: string): never {
  throw new GraderError('grader/bad-manifest', `grading/manifest.json: ${message}`);
}

/**
 * Checks and returns a manifest parsed from JSON.
 * @param raw - the parsed JSON value
 * @throws GraderError `grader/bad-manifest` naming the first problem found
 */
export function parseManifest(raw: unknown): Manifest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be a JSON object');
  const m = raw as Record<string, unknown>;
  if (typeof m.assignment !== 'string' || m.assignment === '')
    fail('"assignment" must be a non-empty string');
  const title = typeof m.title === 'string' && m.title !== '' ? m.title : m.assignment;
  if (!Array.isArray(m.tests) || m.tests.length === 0) fail('"tests" must be a non-empty array');
  const seen = new Set<string>();
  const tests = m.tests.map((t: unknown, i: number): ManifestTest => {
    if (typeof t !== 'object' || t === null) fail(`tests[${i}] must be an object`);
    const e = t as Record<string, unknown>;
    if (
      typeof e.file !== 'string' ||
      !/^(public|hidden)\/[^]+\.test\.ts$/.test(e.file) ||
      e.file.includes('..')
    ) {
      fail(
        `tests[${i}].file must be "public/<name>.test.ts" or "hidden/<name>.test.ts", got ${JSON.stringify(e.file)}`,
      );
    }
    if (typeof e.name !== 'string' || e.name === '') fail(`tests[${i}].name must be a non-empty string`);
    if (typeof e.points !== 'number' || !Number.isFinite(e.points) || e.points < 0) {
      fail(`tests[${i}] (${e.name}).points must be a number >= 0`);
    }
    const visibility = e.visibility ?? 'visible';
    if (!VISIBILITIES.includes(visibility as Visibility)) {
      fail(`tests[${i}] (${e.name}).visibility must be one of ${VISIBILITIES.join(', ')}`);
    }
    if (e.file.startsWith('public/') && visibility !== 'visible') {
      fail(`tests[${i}] (${e.name}) is in public/ so students can read it: its visibility must be "visible"`);
    }
    if (e.bonus !== undefined && typeof e.bonus !== 'boolean')
      fail(`tests[${i}] (${e.name}).bonus must be a boolean`);
    const id = testId(e.file, e.name);
    if (seen.has(id)) fail(`test "${e.name}" in ${e.file} is listed twice`);
    seen.add(id);
    return {
      file: e.file,
      name: e.name,
      points: e.points,
      visibility: visibility as Visibility,
      bonus: e.bonus === true,
    };
  });
  const sum = tests.filter((t) => !t.bonus).reduce((s, t) => s + t.points, 0);
  const manual = parseManualItems(m.manual, seen);
  const manualPoints = manual.reduce((s, item) => s + item.points, 0);
  if (typeof m.maxScore !== 'number' || Math.abs(m.maxScore - sum - manualPoints) > 1e-9) {
    fail(
      manual.length === 0
        ? `"maxScore" is ${JSON.stringify(m.maxScore)} but the non-bonus tests add up to ${sum}`
        : `"maxScore" is ${JSON.stringify(m.maxScore)} but the non-bonus tests (${sum}) and the manual items (${manualPoints}) add up to ${sum + manualPoints}`,
    );
  }
  return { assignment: m.assignment, title, maxScore: sum, tests, manual, manualPoints };
}

function parseManualItems(raw: unknown, names: Set<string>): ManualItem[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail('"manual" must be an array of {name, points, rubric}');
  const taken = new Set([...names].map((id) => id.slice(id.indexOf('::') + 2)));
  return raw.map((item: unknown, i: number): ManualItem => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      fail(`manual[${i}] must be an object`);
    const e = item as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name.trim() === '')
      fail(`manual[${i}].name must be a non-empty string`);
    if (typeof e.points !== 'number' || !Number.isFinite(e.points) || e.points <= 0)
      fail(`manual[${i}] (${e.name}).points must be a number > 0`);
    const rubric = e.rubric ?? [];
    if (!Array.isArray(rubric) || rubric.some((r) => typeof r !== 'string' || r.trim() === ''))
      fail(`manual[${i}] (${e.name}).rubric must be an array of non-empty strings`);
    if (taken.has(e.name)) fail(`manual item "${e.name}" is listed twice (or shares its name with a test)`);
    taken.add(e.name);
    return { name: e.name, points: e.points, rubric: [...(rubric as string[])] };
  });
}

/**
 * The manifest restricted to what a run grades: public tests, plus hidden ones when asked.
 * @param manifest - the full manifest
 * @param includeHidden - whether tests under `hidden/` are part of the run
 */
export function selectTests(manifest: Manifest, includeHidden: boolean): ManifestTest[] {
  return manifest.tests.filter((t) => includeHidden || t.file.startsWith('public/'));
}
