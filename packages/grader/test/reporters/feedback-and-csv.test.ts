import { describe, expect, it } from 'vitest';
import {
  csvField,
  parseCsv,
  parseRosterCsv,
  toCanvasCsv,
  toMoodleCsv,
  toSummaryCsv,
} from '../../src/reporters/class-csv.js';
import { toConsoleTable } from '../../src/reporters/console-table.js';
import { toMarkdown } from '../../src/reporters/markdown-feedback.js';
import { sampleResult } from '../helpers/sample-result.js';

describe('Markdown feedback', () => {
  it('shows students what to fix without revealing hidden tests or the total', () => {
    const md = toMarkdown(sampleResult(), { audience: 'student' });
    expect(md).toMatch(/^# A9 demo.* — 3 \/ 5 on the visible tests/);
    expect(md).toMatch(/## What to fix/);
    expect(md).toMatch(/\*\*Hint:\*\* map the reading before printing/);
    expect(md).toMatch(/Timeline \(last 3 events\)/);
    expect(md).toContain('3 more test(s) are hidden');
    expect(md).not.toMatch(/edge|extra|partial credit|Warnings/);
  });
  it('shows after-due-date tests once the deadline passed, and everything to instructors', () => {
    expect(toMarkdown(sampleResult(), { audience: 'student', afterDueDate: true })).toMatch(/late/);
    const md = toMarkdown(sampleResult(), { audience: 'instructor' });
    expect(md).toMatch(/— 6\.5 \/ 10/);
    expect(md).toMatch(/edge/);
    expect(md).toMatch(/## Warnings for the instructor/);
  });
  it('puts the build log first when the submission does not build', () => {
    const md = toMarkdown(
      sampleResult({
        gradable: false,
        outcome: { code: 'grader/build-failed', message: 'the submission does not build' },
        buildOutput: 'src/x.ts(1,1): error TS2322',
      }),
      { audience: 'student' },
    );
    expect(md).toMatch(/> \*\*Not gradable:\*\* the submission does not build/);
    expect(md).toMatch(/error TS2322/);
  });
});

describe('console table', () => {
  it('lists visible tests for students and all for instructors', () => {
    const student = toConsoleTable(sampleResult(), false);
    expect(student).toMatch(/PASS {2}servo > moves/);
    expect(student).toMatch(/FAIL {2}lcd > shows the angle/);
    expect(student).toMatch(/\(3 hidden test\(s\) not shown\)/);
    expect(toConsoleTable(sampleResult(), true)).toMatch(/SKIP {2}late/);
  });
});

describe('class CSVs', () => {
  const results = [
    sampleResult(),
    sampleResult({
      submission: 'bob',
      score: 0,
      gradable: false,
      outcome: { code: 'grader/build-failed', message: 'does not build, "really"' },
    }),
  ];
  it('writes a summary with one row per submission', () => {
    const rows = parseCsv(toSummaryCsv(results));
    expect(rows).toHaveLength(3);
    expect(rows[1]?.slice(0, 6)).toEqual(['alice', '6.5', '10', '65.0', 'yes', 'ok']);
    expect(rows[2]?.[6]).toBe('does not build, "really"');
  });
  it('writes Canvas import shape with a Points Possible row', () => {
    const roster = parseRosterCsv('id,name,sis_id,section\nalice,"Liddell, Alice",S1,L01\n');
    const rows = parseCsv(toCanvasCsv(results, roster));
    expect(rows[0]).toEqual([
      'Student',
      'ID',
      'SIS User ID',
      'SIS Login ID',
      'Section',
      'A9 demo, "quoted" & <escaped> (a9-demo)',
    ]);
    expect(rows[1]).toEqual(['    Points Possible', '', '', '', '', '10']);
    expect(rows[2]).toEqual(['Liddell, Alice', '', 'S1', 'alice', 'L01', '6.5']);
  });
  it('writes Moodle import shape keyed by email when the roster has every email', () => {
    const rows = parseCsv(toMoodleCsv(results));
    expect(rows[0]).toEqual(['username', 'grade', 'feedback']);
    expect(rows[1]?.[2]).toBe('Lost points on: lcd > shows the angle');
    const roster = parseRosterCsv('id,email\nalice,a@x.edu\nbob,b@x.edu\n');
    expect(parseCsv(toMoodleCsv(results, roster)).map((r) => r[0])).toEqual(['email', 'a@x.edu', 'b@x.edu']);
  });
  it('quotes fields that need it and rejects a roster without ids', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(parseCsv(`${csvField('x\ny')},2\r\n`)).toEqual([['x\ny', '2']]);
    expect(() => parseRosterCsv('name\nx\n')).toThrow(/needs an "id" column/);
  });
});
