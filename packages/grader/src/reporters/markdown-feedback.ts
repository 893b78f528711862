import type { GradedTestResult, SubmissionResult, TestFeedback } from '../core/result-model.js';
import { BUILD_OUTPUT_BOUNDS, boundedText, compilerErrors } from './failure-text.js';

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /** `student` hides what students may not see yet; `instructor` shows everything. */
  audience: 'student' | 'instructor';
  /** Whether `after_due_date` tests are shown to students (false before the deadline). */
  afterDueDate?: boolean;
}

const fence = (text: string): string => text.replace(/```/g, 'ˋˋˋ');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Whether a student sees this test's details. */
export function visibleTo(
  t: GradedTestResult,
  audience: MarkdownOptions['audience'],
  afterDueDate = false,
): boolean {
  if (audience === 'instructor') return true;
  if (t.visibility === 'visible') return true;
  return t.visibility === 'after_due_date' && afterDueDate;
}

function icon(t: GradedTestResult): string {
  if (t.status === 'passed') return '✅';
  if (t.status === 'not_run') return '⏹️';
  return t.score > 0 ? '🟡' : '❌';
}

function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '');
}

/** A collapsible block of preformatted text (`open` when it is the thing to read first). */
export function detailsBlock(summary: string, text: string, open = false): string[] {
  return [
    `<details${open ? ' open' : ''}><summary>${summary}</summary>`,
    '',
    '```text',
    fence(text),
    '```',
    '',
    '</details>',
  ];
}

/**
 * The whole failure message as a Markdown list item: one line inline, several lines as a
 * block under it (bounded). A compile failure already shown at the top is only referred to.
 * @param message - the failure message
 * @param buildShownAbove - whether the compiler's errors are at the top of the report
 */
function whyLines(message: string, buildShownAbove: boolean): string[] {
  if (buildShownAbove && compilerErrors(message) !== undefined)
    return ["- **Why:** your firmware does not compile (the compiler's errors are at the top)"];
  const whole = boundedText(message);
  const [first = '', ...rest] = whole.split('\n');
  if (rest.length === 0) return [`- **Why:** ${first}`];
  return [
    `- **Why:** ${first}`,
    '',
    '  ```text',
    ...fence(rest.join('\n'))
      .split('\n')
      .map((l) => `  ${l}`),
    '  ```',
    '',
  ];
}

/**
 * Markdown for one test: what was expected, what happened, why points were lost (the whole
 * message), and the timeline excerpt a device test attached.
 * @param t - the test result
 * @param buildShownAbove - the report already shows the compiler's errors, so a test failing
 *   with them only refers to them
 */
export function testMarkdown(t: GradedTestResult, buildShownAbove = false): string {
  const lines: string[] = [];
  const fb: TestFeedback = t.feedback ?? {};
  if (fb.expected !== undefined) lines.push(`- **Expected:** ${fb.expected}`);
  if (fb.actual !== undefined) lines.push(`- **Got:** ${fb.actual}`);
  if (t.reason) lines.push(...whyLines(t.reason.message, buildShownAbove));
  if (fb.hint !== undefined && t.status !== 'passed') lines.push(`- **Hint:** ${fb.hint}`);
  for (const note of fb.notes ?? []) lines.push(`- **Note:** ${note}`);
  if (fb.timeline && fb.timeline.length > 0) {
    const rows = fb.timeline.map(
      (e) =>
        `${e.t !== undefined ? `${String(e.t).padStart(6)} ms` : '         '}  ${e.kind.padEnd(6)} ${e.text}`,
    );
    lines.push(
      '',
      `<details><summary>Timeline (last ${fb.timeline.length} events)</summary>`,
      '',
      '```text',
      fence(rows.join('\n')),
      '```',
      '',
      '</details>',
    );
  }
  if (t.output && t.status !== 'passed')
    lines.push('', ...detailsBlock('Console output', boundedText(t.output, BUILD_OUTPUT_BOUNDS)));
  return lines.join('\n');
}

/**
 * Feedback a student can act on: total, a table of tests, then details of every lost point.
 * @param result - the graded submission
 * @param options - audience and due-date state
 */
export function toMarkdown(result: SubmissionResult, options: MarkdownOptions): string {
  const shown = result.tests.filter((t) => visibleTo(t, options.audience, options.afterDueDate));
  const hidden = result.tests.filter((t) => !shown.includes(t));
  const showTotal = options.audience === 'instructor' || hidden.length === 0;
  const out: string[] = [];
  const total = showTotal
    ? `${pts(result.score)} / ${pts(result.maxScore)}`
    : `${pts(shown.reduce((s, t) => s + t.score, 0))} / ${pts(shown.filter((t) => !t.bonus).reduce((s, t) => s + t.points, 0))} on the visible tests`;
  out.push(`# ${result.title} — ${total}`, '');
  if (result.outcome.code !== 'ok')
    out.push(`> **${result.gradable ? 'Run stopped' : 'Not gradable'}:** ${result.outcome.message}`, '');
  const buildShown = result.outcome.code === 'grader/build-failed' && Boolean(result.buildOutput);
  if (buildShown && result.buildOutput)
    out.push(...detailsBlock('Build output', boundedText(result.buildOutput, BUILD_OUTPUT_BOUNDS), true), '');
  out.push('| | test | points |', '|---|---|---|');
  for (const t of shown)
    out.push(
      `| ${icon(t)} | ${cell(t.name)}${t.bonus ? ' (bonus)' : ''} | ${pts(t.score)} / ${pts(t.points)} |`,
    );
  if (hidden.length > 0) {
    out.push('', `${hidden.length} more test(s) are hidden until grades are released.`);
  }
  const lost = shown.filter((t) => t.status !== 'passed');
  if (lost.length > 0) out.push('', '## What to fix');
  for (const t of lost)
    out.push(
      '',
      `### ${icon(t)} ${t.name} — ${pts(t.score)} / ${pts(t.points)}`,
      '',
      testMarkdown(t, buildShown),
    );
  if (options.audience === 'instructor' && result.warnings.length > 0) {
    out.push('', '## Warnings for the instructor', '', ...result.warnings.map((w) => `- ${w}`));
  }
  return `${out.join('\n')}\n`;
}
