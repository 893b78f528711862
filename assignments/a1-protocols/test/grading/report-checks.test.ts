// The report checks on the reference report, on the handout template and on single mistakes,
// each expected message written out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSolutions } from '@iotkit/grader';
import {
  checkCitation,
  checkEvidence,
  checkReferences,
  checkSection,
  checkSections,
  countWords,
  findCitations,
  mentions,
  prose,
  type LabResultsFile,
} from '../../grading/support/report-checks.js';
import { REPORT_LABS, REPORT_SECTIONS } from '../../grading/support/report-rubric.js';
import { A1_ROOT } from '../../src/a1-paths.js';

const reference = readFileSync(join(A1_ROOT, 'report', 'report.md'), 'utf8');
const results: Record<string, LabResultsFile> = Object.fromEntries(
  REPORT_LABS.map((lab) => [
    lab,
    JSON.parse(readFileSync(join(A1_ROOT, 'lab-results', `${lab}.json`), 'utf8')) as LabResultsFile,
  ]),
);
const handout = stripSolutions(reference, 'report.md').text;
const section = (n: number): (typeof REPORT_SECTIONS)[number] => REPORT_SECTIONS[n - 1]!;

describe('report checks', () => {
  it('the reference report passes every check against the committed lab results', () => {
    const failed = [...checkSections(reference), ...checkEvidence(reference, results)].filter((c) => !c.ok);
    expect(failed.map((c) => c.message)).toEqual([]);
    expect(findCitations(reference).length).toBeGreaterThanOrEqual(REPORT_LABS.length);
  });

  it('the handout template fails every section for want of prose and every lab for want of a citation', () => {
    const sections = checkSections(handout);
    expect(sections.every((c) => !c.ok)).toBe(true);
    expect(sections[0]?.message).toMatch(
      /^section 1 \(OSI vs TCP\/IP\) has 0 words of your own prose, needs at least 150; and it names 0 of its key concepts, needs 6/,
    );
    const evidence = checkEvidence(handout, results);
    expect(evidence.find((c) => c.check === 'lab layers')?.message).toBe(
      'lab layers: none of its numbers is cited: write e.g. `{{layers | <row> | <column> = <value>}}` in your text',
    );
    expect(evidence.find((c) => c.check === 'references')?.ok).toBe(false);
  });

  it('prompts, comments, tables and headings are not prose; a citation counts as its number', () => {
    const text = prose(
      '> a prompt of five words\n<!-- a comment -->\n| a | table |\n### Heading\nTwo words {{lab | r | c = 12}}.',
    );
    expect(countWords(text)).toBe(3);
  });

  it('names the missing section by its heading words', () => {
    const without = reference.replace('## 4. MQTT', '## 4. Something else');
    expect(checkSection(without, section(4)).message).toBe(
      'section 4 (MQTT) is missing: no "## " heading mentions "mqtt"',
    );
  });

  it('names the concepts a section lacks', () => {
    const text = `## 3. Publish/subscribe\n\n${'word '.repeat(160)} broker topic polling\n`;
    const check = checkSection(text, section(3));
    expect(check.ok).toBe(false);
    expect(check.message).toContain(
      'names 3 of its key concepts, needs 6; not found: publishers and subscribers (e.g. "publisher")',
    );
  });

  it('matches synonyms as whole words, stems only where marked', () => {
    const concept = { name: 'x', synonyms: ['exp', 'encapsulat*'] };
    expect(mentions('the exp claim', concept)).toBe(true);
    expect(mentions('we explain', concept)).toBe(false);
    expect(mentions('Encapsulation!', concept)).toBe(true);
    expect(mentions('MQTT (QoS)', { name: 'q', synonyms: ['qos'] })).toBe(true);
  });

  it('a cited number far from the lab result is named with both values', () => {
    const [citation] = findCitations('{{http-versions | HTTP/1.0 | connections = 90}}');
    const check = checkCitation(citation!, results);
    expect(check.ok).toBe(false);
    expect(check.message).toBe(
      `citation {{http-versions | HTTP/1.0 | connections = 90}} says 90 but your lab-results/http-versions.json says 100 (HTTP/1.0, connections): cite the number your own run measured, or run the lab again and update the text`,
    );
    const [close] = findCitations('{{http-versions | http/1.0 | Connections = 97}}');
    expect(checkCitation(close!, results).ok).toBe(true);
  });

  it('a citation of a row or column that does not exist lists the ones that do', () => {
    const [row] = findCitations('{{http-versions | HTTP/3 | connections = 1}}');
    expect(checkCitation(row!, results).message).toMatch(
      /has no row "HTTP\/3"; its rows are "HTTP\/1\.0", "HTTP\/1\.1 keep-alive", "HTTP\/2 \(h2c\)"/,
    );
    const [column] = findCitations('{{http-versions | HTTP/1.0 | latency = 1}}');
    expect(checkCitation(column!, results).message).toMatch(
      /has no column "latency"; its columns are "protocol", "requests"/,
    );
    const [lab] = findCitations('{{wifi | a | b = 1}}');
    expect(checkCitation(lab!, results).message).toContain(
      'names lab "wifi", which has no lab-results/wifi.json',
    );
  });

  it('a lab without results or without its figure is named with what to run or write', () => {
    const rest: Record<string, LabResultsFile> = { ...results };
    delete rest['rtdb'];
    const evidence = checkEvidence(reference.replace('<!-- lab: mqtt -->', ''), rest);
    expect(evidence.find((c) => c.check === 'lab rtdb')?.message).toContain(
      'lab-results/rtdb.json is missing: run `pnpm --filter @iotkit/a1-protocols lab rtdb` and submit lab-results/',
    );
    expect(evidence.find((c) => c.check === 'lab mqtt')?.message).toContain(
      'its figure is not placed: put `<!-- lab: mqtt -->`',
    );
  });

  it('references need three entries with a link or a standard number', () => {
    expect(checkReferences('## References\n\n1. A book.\n2. RFC 9110\n- https://example.org\n').message).toBe(
      'references: 2 entries with a link or an RFC/ISO number (of 3 listed), needs at least 3',
    );
    expect(checkReferences('## 1. OSI\n').message).toBe('references: there is no "## References" section');
    expect(
      checkReferences('## Sources\n\n- RFC 9110\n- ISO/IEC 7498-1\n- [3] https://x.org\n- doi:10.1/2\n').ok,
    ).toBe(true);
  });
});
