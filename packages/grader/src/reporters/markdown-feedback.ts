import type { GradedTestResult, SubmissionResult, TestFeedback } from '../core/result-model.js';

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

/**
 * Markdown for one test: what was expected, what happened, why points were lost, and the
 * timeline excerpt a device test attached.
 * @param t - the test result
 */
export function testMarkdown(t: GradedTestResult): string {
  const lines: string[] = [];
  const fb: TestFeedback = t.feedback ?? {};
  if (fb.expected !== undefined) lines.push(`- **Expected:** ${fb.expected}`);
  if (fb.actual !== undefined) lines.push(`- **Got:** ${fb.actual}`);
  if (t.reason) lines.push(`- **Why:** ${t.reason.message.split('\n')[0]}`);
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
  if (t.output && t.status !== 'passed') {
    lines.push(
      '',
      '<details><summary>Console output</summary>',
      '',
      '```text',
      fence(t.output),
      '```',
      '',
      '</details>',
    );
  }
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
  if (result.outcome.code === 'grader/build-failed' && result.buildOutput) {
    out.push(
      '<details open><summary>Build output</summary>',
      '',
      '```text',
      fence(result.buildOutput),
      '```',
      '',
      '</details>',
      '',
    );
  }
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
    out.push('', `### ${icon(t)} ${t.name} — ${pts(t.score)} / ${pts(t.points)}`, '', testMarkdown(t));
  if (options.audience === 'instructor' && result.warnings.length > 0) {
    out.push('', '## Warnings for the instructor', '', ...result.warnings.map((w) => `- ${w}`));
  }
  return `${out.join('\n')}\n`;
}
