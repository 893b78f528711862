import type { SubmissionResult } from '../core/result-model.js';
import { BUILD_OUTPUT_BOUNDS, CONSOLE_BOUNDS, boundedText, compilerErrors } from './failure-text.js';

const indent = (text: string, by: string): string[] => text.split('\n').map((l) => `${by}${l}`);

/**
 * A plain-text table for the terminal: one row per test with its whole failure message under
 * it (bounded), then the total and the outcome. A submission that does not build opens with
 * "Not gradable: does not build" and the compiler's first errors.
 * @param result - the graded submission
 * @param showHidden - include hidden tests (instructors) or summarise them (students)
 */
export function toConsoleTable(result: SubmissionResult, showHidden: boolean): string {
  const rows = result.tests.filter((t) => showHidden || t.visibility === 'visible');
  const width = Math.min(70, Math.max(4, ...rows.map((t) => t.name.length + (t.bonus ? 8 : 0))));
  const mark = (s: string): string => (s === 'passed' ? 'PASS' : s === 'failed' ? 'FAIL' : 'SKIP');
  const buildFailed = result.outcome.code === 'grader/build-failed';
  const head: string[] = [`${result.title} — ${result.submission}`];
  if (buildFailed) {
    head.push(`Not gradable: ${result.outcome.message}`);
    if (result.buildOutput) head.push(...indent(boundedText(result.buildOutput, BUILD_OUTPUT_BOUNDS), '  '));
    head.push('');
  }
  const lines = rows.flatMap((t) => {
    const name = `${t.name}${t.bonus ? ' (bonus)' : ''}`;
    const shown = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
    const row = `${mark(t.status)}  ${shown}  ${String(t.score).padStart(5)} / ${t.points}`;
    if (!t.reason || t.status === 'passed') return [row];
    const message =
      buildFailed && compilerErrors(t.reason.message) !== undefined
        ? 'your firmware does not compile (errors above)'
        : boundedText(t.reason.message, CONSOLE_BOUNDS);
    return [row, ...indent(message, '      ')];
  });
  const hiddenCount = result.tests.length - rows.length;
  return [
    ...head,
    ...lines,
    ...(hiddenCount > 0 ? [`(${hiddenCount} hidden test(s) not shown)`] : []),
    `score ${result.score} / ${result.maxScore}${result.outcome.code === 'ok' || buildFailed ? '' : `  — ${result.outcome.message}`}`,
    '',
  ].join('\n');
}
