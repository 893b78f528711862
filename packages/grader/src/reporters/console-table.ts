import type { SubmissionResult } from '../core/result-model.js';

/**
 * A plain-text table for the terminal: one row per test, then the total and the outcome.
 * @param result - the graded submission
 * @param showHidden - include hidden tests (instructors) or summarise them (students)
 */
export function toConsoleTable(result: SubmissionResult, showHidden: boolean): string {
  const rows = result.tests.filter((t) => showHidden || t.visibility === 'visible');
  const width = Math.min(70, Math.max(4, ...rows.map((t) => t.name.length + (t.bonus ? 8 : 0))));
  const mark = (s: string): string => (s === 'passed' ? 'PASS' : s === 'failed' ? 'FAIL' : 'SKIP');
  const lines = rows.map((t) => {
    const name = `${t.name}${t.bonus ? ' (bonus)' : ''}`;
    const shown = name.length > width ? `${name.slice(0, width - 1)}…` : name.padEnd(width);
    const why = t.reason ? `  ${t.reason.message.split('\n')[0]?.slice(0, 80)}` : '';
    return `${mark(t.status)}  ${shown}  ${String(t.score).padStart(5)} / ${String(t.points).padEnd(5)}${why}`;
  });
  const hiddenCount = result.tests.length - rows.length;
  return [
    `${result.title} — ${result.submission}`,
    ...lines,
    ...(hiddenCount > 0 ? [`(${hiddenCount} hidden test(s) not shown)`] : []),
    `score ${result.score} / ${result.maxScore}${result.outcome.code === 'ok' ? '' : `  — ${result.outcome.message}`}`,
    '',
  ].join('\n');
}
