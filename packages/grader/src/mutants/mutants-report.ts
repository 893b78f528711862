import type { MutantOutcome } from './mutant-outcome.js';
import type { MutantsRun, MutantTally } from './run-mutants.js';

const misleading = (m: MutantOutcome): string =>
  m.misleadingFeedback && m.misleadingFeedback.length > 0
    ? ` — FEEDBACK MISLEADING, never mentions: ${m.misleadingFeedback.join('; ')}`
    : '';

/** The result column of one mutant, in words. */
export function mutantVerdict(m: MutantOutcome): string {
  const missed =
    m.missedKillers.length > 0 ? ` — but expected to fail and passed: ${m.missedKillers.join('; ')}` : '';
  switch (m.status) {
    case 'killed':
      return `killed by: ${m.failedTests.join('; ')}${missed}${misleading(m)}`;
    case 'timed-out':
      return `timed out (counts as killed)${missed}`;
    case 'survived':
      return 'SURVIVED';
    case 'equivalent':
      return `equivalent: ${m.note ?? ''}`;
    case 'not-gradable':
      return `not gradable: ${m.note ?? ''}`;
    case 'invalid':
      return `INVALID: ${m.note ?? ''}`;
  }
}

function pct(score: number | null): string {
  return score === null ? 'n/a' : `${score.toFixed(1)}%`;
}

/** "15/15 killed (0 survived, …)" for the catalogue. */
export function catalogueSummary(t: MutantTally): string {
  return `${t.detected}/${t.total - t.equivalent - t.invalid - t.notGradable} killed (${t.survived} survived, ${t.equivalent} equivalent, ${t.invalid} invalid, ${t.notGradable} not gradable)`;
}

/** "18/20 killed = 90.0% (sampled 20 of 202, …)" for the automatic mutants. */
export function autoSummary(t: MutantTally & { available: number }): string {
  return `${t.detected}/${t.detected + t.survived} killed = ${pct(t.score)} (graded ${t.total} of ${t.available} automatic mutants; ${t.notGradable} did not build)`;
}

/**
 * The run as a plain-text table for the terminal: mutant, README row, and what killed it.
 * @param run - the run
 */
export function toMutantsTable(run: MutantsRun): string {
  const rows = run.mutants.map((m) => [m.id, m.row ?? (m.kind === 'auto' ? 'auto' : ''), mutantVerdict(m)]);
  const w0 = Math.max(6, ...rows.map((r) => (r[0] as string).length));
  const w1 = Math.max(3, ...rows.map((r) => (r[1] as string).length));
  const line = (c: string[]): string =>
    `${(c[0] as string).padEnd(w0)}  ${(c[1] as string).padEnd(w1)}  ${c[2]}`;
  const out = [
    line(['mutant', 'row', 'result']),
    line(['-'.repeat(w0), '-'.repeat(w1), '------']),
    ...rows.map(line),
  ];
  out.push('');
  out.push(`reference: ${run.reference.score}/${run.reference.maxScore}`);
  out.push(`catalogue: ${catalogueSummary(run.catalogue)}`);
  out.push(`automatic: ${autoSummary(run.auto)}`);
  out.push(`time: ${(run.durationMs / 1000).toFixed(0)} s`);
  for (const p of run.problems) out.push(`problem: ${p}`);
  return out.join('\n');
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The run as a Markdown report (written as `mutants.md` beside the results).
 * @param run - the run
 */
export function toMutantsMarkdown(run: MutantsRun): string {
  const out = [
    `# Mutation testing: ${run.title}`,
    '',
    `Each mutant is the reference solution with one mistake, graded exactly like a submission. A test kills a mutant when it passes on the reference and fails on the mutant.`,
    '',
    `- Reference solution: ${run.reference.score}/${run.reference.maxScore}`,
    `- Catalogue: ${catalogueSummary(run.catalogue)}`,
    `- Automatic mutation score: ${autoSummary(run.auto)}`,
    `- README rows covered by the catalogue: ${run.rows.all.filter((r) => !run.rows.uncovered.includes(r)).join(', ') || 'none'}${run.rows.uncovered.length > 0 ? ` (not covered: ${run.rows.uncovered.join(', ')})` : ''}`,
    `- Wall time: ${(run.durationMs / 1000).toFixed(0)} s`,
    '',
  ];
  if (run.problems.length > 0) {
    out.push('## Problems to fix', '', ...run.problems.map((p) => `- ${p}`), '');
  }
  const table = (title: string, ms: MutantOutcome[], withRow: boolean): void => {
    if (ms.length === 0) return;
    out.push(`## ${title}`, '');
    out.push(withRow ? '| mutant | row | mistake | result |' : '| mutant | change | result |');
    out.push(withRow ? '|---|---|---|---|' : '|---|---|---|');
    for (const m of ms) {
      const cells = withRow
        ? [m.id, m.row ?? '', m.description, mutantVerdict(m)]
        : [m.id, m.description, mutantVerdict(m)];
      out.push(`| ${cells.map((c) => cell(c)).join(' | ')} |`);
    }
    out.push('');
  };
  table(
    'Catalogue',
    run.mutants.filter((m) => m.kind === 'catalogue'),
    true,
  );
  table(
    'Automatic',
    run.mutants.filter((m) => m.kind === 'auto'),
    false,
  );
  return out.join('\n');
}
