import type { SubmissionResult } from '../core/result-model.js';
import { BUILD_OUTPUT_BOUNDS, boundedText } from './failure-text.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/**
 * JUnit XML (one `<testsuite>` per test file) for CodeGrade and CI. A failed test is a
 * `<failure>`, a test that never ran an `<error>`; points travel as `<properties>`.
 * @param result - the graded submission
 */
export function toJUnitXml(result: SubmissionResult): string {
  const files = [...new Set(result.tests.map((t) => t.file))];
  const secs = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);
  const count = (pred: (s: string) => boolean, list = result.tests): number =>
    list.filter((t) => pred(t.status)).length;
  const suites = files.map((file) => {
    const tests = result.tests.filter((t) => t.file === file);
    const cases = tests.map((t) => {
      const props = `<properties><property name="points" value="${t.points}"/><property name="score" value="${t.score}"/><property name="visibility" value="${t.visibility}"/></properties>`;
      // The attribute keeps the first line (tools show it as a title); the body the whole message.
      const whole = boundedText(t.reason?.message ?? '');
      const msg = xmlEscape(whole.split('\n')[0] ?? '');
      const text = xmlEscape(whole);
      const body =
        t.status === 'failed'
          ? `<failure message="${msg}" type="${t.reason?.code ?? 'grader/test-failed'}">${text}</failure>`
          : t.status === 'not_run'
            ? `<error message="${msg}" type="${t.reason?.code ?? 'grader/not-run'}">${text}</error>`
            : '';
      const out = t.output
        ? `<system-out>${xmlEscape(boundedText(t.output, BUILD_OUTPUT_BOUNDS))}</system-out>`
        : '';
      return `    <testcase name="${xmlEscape(t.name)}" classname="${xmlEscape(`grading/${file}`)}" time="${secs(t.durationMs)}">${props}${body}${out}</testcase>`;
    });
    const time = tests.reduce((s, t) => s + (t.durationMs ?? 0), 0);
    return [
      `  <testsuite name="${xmlEscape(file)}" tests="${tests.length}" failures="${count((s) => s === 'failed', tests)}" errors="${count((s) => s === 'not_run', tests)}" skipped="0" time="${secs(time)}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(`${result.assignment} ${result.submission}`)}" tests="${result.tests.length}" failures="${count((s) => s === 'failed')}" errors="${count((s) => s === 'not_run')}" time="${secs(result.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
