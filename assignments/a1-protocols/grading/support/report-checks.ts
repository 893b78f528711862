// The automatic checks of the report (report/report.md): sections with enough prose and their
// key concepts, lab figures placed and cited with numbers that match the student's own
// lab-results/*.json, references listed. Pure functions of the text, so each check can be tested
// on its own and its message says what to fix.
import {
  MIN_REFERENCES,
  REPORT_LABS,
  REPORT_SECTIONS,
  citationTolerance,
  type RubricConcept,
  type RubricSection,
} from './report-rubric.js';

/** One lab's `lab-results/<lab>.json` as the labs write it. */
export interface LabResultsFile {
  readonly lab?: string;
  readonly rows: readonly Record<string, string | number>[];
}

/** The outcome of one check, with a message a student acts on. */
export interface ReportCheck {
  readonly check: string;
  readonly ok: boolean;
  readonly message: string;
}

/** A number cited in the text as `{{lab | row | column = value}}`. */
export interface Citation {
  readonly lab: string;
  readonly row: string;
  readonly column: string;
  readonly value: string;
  readonly text: string;
}

const COMMENT = /<!--[^]*?-->/g;
const FENCE = /^```[^]*?^```/gm;
const CITATION = /\{\{\s*([^|{}]+?)\s*\|\s*([^|{}]+?)\s*\|\s*([^={}]+?)\s*=\s*([^{}]+?)\s*\}\}/g;
const LAB_MARKER = /<!--\s*lab:\s*([a-z0-9-]+)\s*-->/g;

/** The text without comments (the template's prompts and TODOs) or code blocks. */
function visible(markdown: string): string {
  return markdown.replace(COMMENT, ' ').replace(FENCE, ' ');
}

/** Every citation in the visible text. */
export function findCitations(markdown: string): Citation[] {
  return [...visible(markdown).matchAll(CITATION)].map((m) => ({
    lab: (m[1] ?? '').trim(),
    row: (m[2] ?? '').trim(),
    column: (m[3] ?? '').trim(),
    value: (m[4] ?? '').trim(),
    text: m[0],
  }));
}

/** Labs whose figure the report places with `<!-- lab: name -->`. */
export function placedFigures(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(LAB_MARKER)].map((m) => m[1] ?? ''));
}

/** The report split at its `## ` headings: heading text and body. */
export function splitSections(markdown: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      if (current) out.push({ heading: current.heading, body: current.lines.join('\n') });
      current = { heading: (heading[1] ?? '').trim(), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) out.push({ heading: current.heading, body: current.lines.join('\n') });
  return out;
}

/** The student's own prose of a section: no comments, prompts (`>` lines), tables, images or headings; a citation counts as its number. */
export function prose(body: string): string {
  return visible(body)
    .replace(CITATION, (_all, _lab, _row, _column, value: string) => value)
    .split(/\r?\n/)
    .filter((line) => !/^\s*(>|\||#|!\[)/.test(line))
    .join('\n');
}

/** Words in a text. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’/.-]*/gu) ?? []).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` shows the concept through one of its synonyms. */
export function mentions(text: string, concept: RubricConcept): boolean {
  const lower = text.toLowerCase();
  return concept.synonyms.some((synonym) => {
    const stem = synonym.endsWith('*');
    const word = escapeRegExp((stem ? synonym.slice(0, -1) : synonym).toLowerCase());
    return new RegExp(`(?<![\\p{L}\\p{N}])${word}${stem ? '' : '(?![\\p{L}\\p{N}])'}`, 'u').test(lower);
  });
}

/** The section of the report that matches a rubric section, by its heading. */
export function findSection(
  sections: readonly { heading: string; body: string }[],
  rubric: RubricSection,
): { heading: string; body: string } | undefined {
  return sections.find((s) => rubric.headingWords.some((w) => s.heading.toLowerCase().includes(w)));
}

/** Checks one section: present, at least `minWords` of prose, at least `need` concepts. */
export function checkSection(markdown: string, rubric: RubricSection): ReportCheck {
  const check = `section ${rubric.number} (${rubric.title})`;
  const section = findSection(splitSections(markdown), rubric);
  if (!section)
    return {
      check,
      ok: false,
      message: `${check} is missing: no "## " heading mentions ${rubric.headingWords.map((w) => `"${w}"`).join(' or ')}`,
    };
  const text = prose(section.body);
  const words = countWords(text);
  const found = rubric.concepts.filter((concept) => mentions(text, concept));
  const missing = rubric.concepts.filter((concept) => !found.includes(concept));
  const problems: string[] = [];
  if (words < rubric.minWords)
    problems.push(`has ${words} words of your own prose, needs at least ${rubric.minWords}`);
  if (found.length < rubric.need)
    problems.push(
      `names ${found.length} of its key concepts, needs ${rubric.need}; not found: ${missing
        .map((m) => `${m.name} (e.g. "${(m.synonyms[0] ?? '').replace(/\*$/, '')}")`)
        .join(', ')}`,
    );
  return problems.length === 0
    ? {
        check,
        ok: true,
        message: `${check}: ${words} words, ${found.length} of ${rubric.concepts.length} key concepts`,
      }
    : { check, ok: false, message: `${check} ${problems.join('; and it ')}` };
}

/** {@link checkSection} for every section of the rubric. */
export function checkSections(markdown: string): ReportCheck[] {
  return REPORT_SECTIONS.map((rubric) => checkSection(markdown, rubric));
}

function cellMatches(row: Record<string, string | number>, label: string): boolean {
  const want = label.toLowerCase();
  return Object.values(row).some((v) => typeof v === 'string' && v.trim().toLowerCase() === want);
}

/** Checks one citation against the lab's results: lab, row, column found, number within tolerance. */
export function checkCitation(
  citation: Citation,
  results: Readonly<Record<string, LabResultsFile | undefined>>,
): ReportCheck {
  const check = `citation ${citation.text}`;
  const file = results[citation.lab];
  if (!file)
    return {
      check,
      ok: false,
      message: `${check} names lab "${citation.lab}", which has no lab-results/${citation.lab}.json`,
    };
  const row = file.rows.find((r) => cellMatches(r, citation.row));
  if (!row)
    return {
      check,
      ok: false,
      message: `${check}: lab-results/${citation.lab}.json has no row "${citation.row}"; its rows are ${file.rows
        .map((r) => `"${String(Object.values(r)[0])}"`)
        .join(', ')}`,
    };
  const column = Object.keys(row).find((k) => k.toLowerCase() === citation.column.toLowerCase());
  if (column === undefined)
    return {
      check,
      ok: false,
      message: `${check}: lab-results/${citation.lab}.json has no column "${citation.column}"; its columns are ${Object.keys(
        row,
      )
        .map((k) => `"${k}"`)
        .join(', ')}`,
    };
  const actual = row[column];
  const cited = Number.parseFloat(citation.value.replace(/,/g, ''));
  if (typeof actual !== 'number') {
    const same = String(actual).trim().toLowerCase() === citation.value.toLowerCase();
    return same
      ? { check, ok: true, message: `${check} matches` }
      : {
          check,
          ok: false,
          message: `${check} says "${citation.value}" but your lab-results/${citation.lab}.json says "${String(actual)}"`,
        };
  }
  if (!Number.isFinite(cited))
    return {
      check,
      ok: false,
      message: `${check}: "${citation.value}" is not a number; cite the value as the lab printed it`,
    };
  return Math.abs(cited - actual) <= citationTolerance(actual)
    ? { check, ok: true, message: `${check} matches ${actual}` }
    : {
        check,
        ok: false,
        message: `${check} says ${cited} but your lab-results/${citation.lab}.json says ${actual} (${citation.row}, ${column}): cite the number your own run measured, or run the lab again and update the text`,
      };
}

/**
 * The evidence checks: per lab, its figure placed (`<!-- lab: name -->`), its results present and
 * at least one of its numbers cited; every citation consistent with the results; references listed.
 */
export function checkEvidence(
  markdown: string,
  results: Readonly<Record<string, LabResultsFile | undefined>>,
): ReportCheck[] {
  const placed = placedFigures(markdown);
  const citations = findCitations(markdown);
  const checks: ReportCheck[] = REPORT_LABS.map((lab) => {
    const check = `lab ${lab}`;
    const problems: string[] = [];
    if (!results[lab])
      problems.push(
        `lab-results/${lab}.json is missing: run \`pnpm --filter @iotkit/a1-protocols lab ${lab}\` and submit lab-results/`,
      );
    if (!placed.has(lab))
      problems.push(
        `its figure is not placed: put \`<!-- lab: ${lab} -->\` where the table and chart belong`,
      );
    if (!citations.some((c) => c.lab === lab))
      problems.push(
        `none of its numbers is cited: write e.g. \`{{${lab} | <row> | <column> = <value>}}\` in your text`,
      );
    return problems.length === 0
      ? { check, ok: true, message: `${check}: figure placed and cited` }
      : { check, ok: false, message: `${check}: ${problems.join('; ')}` };
  });
  const wrong = citations.map((c) => checkCitation(c, results)).filter((c) => !c.ok);
  checks.push(
    citations.length === 0
      ? {
          check: 'cited numbers',
          ok: false,
          message: 'cited numbers: the report cites no measured number yet',
        }
      : wrong.length === 0
        ? {
            check: 'cited numbers',
            ok: true,
            message: `all ${citations.length} cited numbers match lab-results/`,
          }
        : { check: 'cited numbers', ok: false, message: wrong.map((w) => w.message).join('\n') },
  );
  checks.push(checkReferences(markdown));
  return checks;
}

/** At least {@link MIN_REFERENCES} entries under a "References" heading, each with a link or a standard's number. */
export function checkReferences(markdown: string): ReportCheck {
  const check = 'references';
  const section = splitSections(markdown).find((s) => /reference|bibliograph|sources/i.test(s.heading));
  if (!section) return { check, ok: false, message: 'references: there is no "## References" section' };
  const entries = visible(section.body)
    .split(/\r?\n/)
    .filter((line) => /^\s*([-*+]|\d+[.)]|\[\d+\])\s+\S/.test(line));
  const sourced = entries.filter((line) => /https?:\/\/\S+|\bRFC\s*\d+|\bISO\/IEC\s*\d+|\bdoi:/i.test(line));
  return sourced.length >= MIN_REFERENCES
    ? { check, ok: true, message: `references: ${sourced.length} entries` }
    : {
        check,
        ok: false,
        message: `references: ${sourced.length} entries with a link or an RFC/ISO number (of ${entries.length} listed), needs at least ${MIN_REFERENCES}`,
      };
}
