import type { SubmissionResult } from '../core/result-model.js';
import { missingMentions, studentFeedback } from './feedback-mentions.js';

/**
 * What happened to one mutant:
 * - `killed`: a graded test that passes on the reference failed;
 * - `survived`: every test still passed (the tests cannot see this mistake);
 * - `timed-out`: the tests hit the wall-clock limit (counted as detected, as a student would lose points);
 * - `not-gradable`: the mutant does not build, so it says nothing about the tests;
 * - `equivalent`: a catalogue mutant no test can observe, with the reason; not graded;
 * - `invalid`: a catalogue entry that failed validation.
 */
export type MutantStatus = 'killed' | 'survived' | 'timed-out' | 'not-gradable' | 'equivalent' | 'invalid';

/** The result of one mutant of a run. */
export interface MutantOutcome {
  /** Catalogue id or automatic id (`file:line:column:operator`). */
  id: string;
  /** Where it came from. */
  kind: 'catalogue' | 'auto';
  /** README behaviour row (catalogue mutants). */
  row?: string;
  /** The mistake, or the operator's change. */
  description: string;
  /** See {@link MutantStatus}. */
  status: MutantStatus;
  /** Graded tests that passed on the reference and failed on the mutant. */
  failedTests: string[];
  /** Catalogue `killedBy`: tests expected to fail. */
  expectedKillers: string[];
  /** Expected killers that passed anyway: the catalogue and the tests disagree. */
  missedKillers: string[];
  /** Why it is equivalent, why it is not gradable or invalid, how it timed out. */
  note?: string;
  /**
   * Catalogue `feedbackMentions` the student feedback on a killed mutant lacks: the tests caught
   * the mistake but would send the student looking elsewhere.
   */
  misleadingFeedback?: string[];
  /** Points the mutant still earned, when graded. */
  score?: number;
  /** Wall time of its grading, in milliseconds. */
  durationMs?: number;
}

/** Messages of a test that failed because the submission's firmware or code does not build. */
const BUILD_FAILURE = /does not compile|devices\/build-failed|grader\/build-failed/i;

/**
 * Sorts a mutant's grading into a {@link MutantStatus}, comparing it with the reference's.
 * @param result - the mutant graded as a submission
 * @param referencePassed - ids (`file::name`) of the tests the reference passes
 * @param expected - catalogue `killedBy` names (empty for automatic mutants)
 * @param mentions - catalogue `feedbackMentions`: texts the student feedback on a killed mutant
 * must contain (the student feedback with hidden tests shown)
 */
export function classifyMutant(
  result: SubmissionResult,
  referencePassed: ReadonlySet<string>,
  expected: readonly string[],
  mentions: readonly string[] = [],
): Pick<
  MutantOutcome,
  'status' | 'failedTests' | 'missedKillers' | 'misleadingFeedback' | 'note' | 'score' | 'durationMs'
> {
  const failing = result.tests.filter((t) => t.status !== 'passed' && referencePassed.has(t.id));
  const failedTests = failing.map((t) => t.name);
  const passed = new Set(result.tests.filter((t) => t.status === 'passed').map((t) => t.name));
  const missedKillers = expected.filter((name) => passed.has(name));
  const base = { failedTests, missedKillers, score: result.score, durationMs: result.durationMs };
  if (!result.gradable) return { ...base, status: 'not-gradable', note: result.outcome.message };
  if (failing.length > 0 && failing.every((t) => BUILD_FAILURE.test(`${t.reason?.message ?? ''}`))) {
    const first = (failing[0]?.reason?.message ?? '').split('\n').slice(0, 2).join(' ');
    return { ...base, status: 'not-gradable', note: first };
  }
  if (result.outcome.code === 'grader/timeout')
    return { ...base, status: 'timed-out', note: result.outcome.message };
  if (failing.length > 0) {
    const missing = mentions.length > 0 ? missingMentions(studentFeedback(result), mentions) : [];
    return { ...base, status: 'killed', ...(missing.length > 0 ? { misleadingFeedback: missing } : {}) };
  }
  return { ...base, status: 'survived' };
}

/** Whether a catalogue mutant's outcome breaks the rule "every catalogue mutant is killed by its tests". */
export function catalogueProblem(o: MutantOutcome): string | null {
  if (o.kind !== 'catalogue') return null;
  switch (o.status) {
    case 'survived':
      return 'survived: no graded test noticed this mistake';
    case 'invalid':
    case 'not-gradable':
      return o.note ?? o.status;
    case 'killed':
    case 'timed-out':
      if (o.misleadingFeedback && o.misleadingFeedback.length > 0)
        return `killed but feedback misleading: the student feedback never mentions ${o.misleadingFeedback.map((t) => `"${t}"`).join(', ')}`;
      return o.missedKillers.length > 0
        ? `expected to fail but passed: ${o.missedKillers.map((n) => `"${n}"`).join(', ')}`
        : null;
    default:
      return null;
  }
}
