import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { GraderError } from '../core/grader-error.js';

/** The course's security rules (`database.rules.json`'s content), as JSON. */
export interface CourseRules {
  rules: Record<string, unknown>;
}

/**
 * A change to the course rules for one graded suite, deep-merged into `rules`: objects merge key
 * by key, anything else replaces, `null` removes the key. E.g. leave `ts` unchecked for every test
 * but the one that grades it:
 * `{ devices: { $uid: { readings: { $reading: { ts: null } } } } }`.
 */
export type RulesPatch = Record<string, unknown>;

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where the course rules are: `IOTKIT_COURSE_RULES` when the grader sets it (always, for `check`
 * and `grade`: the kit's own rules, never a copy a submission could edit), else the nearest
 * `database.rules.json` above the harness itself — the repository's root in the kit, the
 * handout's root in a starter (the handout copies it there).
 */
export function courseRulesFile(): string {
  const fromEnv = process.env.IOTKIT_COURSE_RULES;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new GraderError(
        'grader/bad-arguments',
        `IOTKIT_COURSE_RULES names ${fromEnv}, which does not exist`,
      );
    return fromEnv;
  }
  for (let dir = here; ; dir = dirname(dir)) {
    const rules = join(dir, 'database.rules.json');
    if (existsSync(rules)) return rules;
    if (dirname(dir) === dir) break;
  }
  throw new GraderError(
    'grader/bad-arguments',
    'cannot find the course rules (database.rules.json) above the grading harness; set IOTKIT_COURSE_RULES',
  );
}

/**
 * Reads the course rules (comments allowed, as in Firebase's own files) and applies `patch`.
 * @param patch - see {@link RulesPatch}
 * @param file - the rules file (default {@link courseRulesFile})
 */
export function loadCourseRules(patch?: RulesPatch, file: string = courseRulesFile()): CourseRules {
  const errors: ParseError[] = [];
  const parsed = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0 || !isObject(parsed) || !isObject(parsed['rules']))
    throw new GraderError(
      'grader/bad-arguments',
      `${resolve(file)} is not a rules file (${errors.map((e) => printParseErrorCode(e.error)).join(', ') || 'no "rules" object'})`,
    );
  const rules = structuredClone(parsed['rules']);
  if (patch) mergeInto(rules, patch);
  return { rules };
}

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (isObject(value) && isObject(target[key])) mergeInto(target[key], value);
    else target[key] = structuredClone(value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
