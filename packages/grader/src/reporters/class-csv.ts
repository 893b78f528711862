import type { SubmissionResult } from '../core/result-model.js';

/** What the roster knows about a student (all optional but the id). */
export interface RosterEntry {
  /** Submission id (folder / zip / repository name). */
  id: string;
  /** Display name. */
  name?: string;
  /** Email, the identifier Moodle maps on. */
  email?: string;
  /** Canvas SIS user id. */
  sisId?: string;
  /** Canvas SIS login id. */
  sisLogin?: string;
  /** Section. */
  section?: string;
}

/** Quotes one CSV field when needed (RFC 4180). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: (string | number)[]): string => cells.map(csvField).join(',');

/**
 * Class summary: one row per submission with score, maximum, percent, status and reason.
 * @param results - graded submissions
 */
export function toSummaryCsv(results: SubmissionResult[]): string {
  const lines = [
    row([
      'submission',
      'score',
      'max_score',
      'percent',
      'gradable',
      'outcome',
      'reason',
      'tests_passed',
      'tests_total',
      'seconds',
    ]),
  ];
  for (const r of results) {
    const pct = r.maxScore > 0 ? ((100 * r.score) / r.maxScore).toFixed(1) : '0.0';
    const passed = r.tests.filter((t) => t.status === 'passed').length;
    lines.push(
      row([
        r.submission,
        r.score,
        r.maxScore,
        pct,
        r.gradable ? 'yes' : 'no',
        r.outcome.code,
        r.outcome.code === 'ok' ? '' : r.outcome.message,
        passed,
        r.tests.length,
        (r.durationMs / 1000).toFixed(1),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Canvas gradebook import: `Student,ID,SIS User ID,SIS Login ID,Section,<title> (<points>)`, a
 * `Points Possible` row, then one row per student.
 * @param results - graded submissions
 * @param roster - optional roster keyed by submission id
 */
export function toCanvasCsv(
  results: SubmissionResult[],
  roster: Map<string, RosterEntry> = new Map(),
): string {
  const first = results[0];
  const title = first ? first.title : 'Assignment';
  const max = first ? first.maxScore : 0;
  const lines = [
    row(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', `${title} (${first?.assignment ?? ''})`]),
  ];
  lines.push(row(['    Points Possible', '', '', '', '', max]));
  for (const r of results) {
    const s = roster.get(r.submission);
    lines.push(
      row([
        s?.name ?? r.submission,
        '',
        s?.sisId ?? '',
        s?.sisLogin ?? r.submission,
        s?.section ?? '',
        r.score,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Moodle gradebook import: an identifier column (email when the roster has it, else the
 * submission id as username), the grade and a short feedback text.
 * @param results - graded submissions
 * @param roster - optional roster keyed by submission id
 */
export function toMoodleCsv(
  results: SubmissionResult[],
  roster: Map<string, RosterEntry> = new Map(),
): string {
  const useEmail = results.length > 0 && results.every((r) => roster.get(r.submission)?.email);
  const lines = [row([useEmail ? 'email' : 'username', 'grade', 'feedback'])];
  for (const r of results) {
    const id = useEmail ? (roster.get(r.submission)?.email ?? '') : r.submission;
    const lost = r.tests
      .filter((t) => t.status !== 'passed' && t.visibility === 'visible')
      .map((t) => t.name);
    const feedback =
      r.outcome.code !== 'ok'
        ? r.outcome.message
        : lost.length > 0
          ? `Lost points on: ${lost.join('; ')}`
          : 'All visible tests passed.';
    lines.push(row([id, r.score, feedback]));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Reads a roster CSV with a header naming some of `id,name,email,sis_id,sis_login,section`.
 * @param text - CSV text
 */
export function parseRosterCsv(text: string): Map<string, RosterEntry> {
  const records = parseCsv(text);
  const header = (records.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  if (col('id') < 0) throw new Error('roster CSV needs an "id" column (the submission folder name)');
  const map = new Map<string, RosterEntry>();
  for (const rec of records) {
    const get = (name: string): string | undefined => {
      const i = col(name);
      const v = i >= 0 ? rec[i]?.trim() : undefined;
      return v ? v : undefined;
    };
    const id = get('id');
    if (!id) continue;
    const entry: RosterEntry = { id };
    const name = get('name'),
      email = get('email'),
      sisId = get('sis_id'),
      sisLogin = get('sis_login'),
      section = get('section');
    if (name) entry.name = name;
    if (email) entry.email = email;
    if (sisId) entry.sisId = sisId;
    if (sisLogin) entry.sisLogin = sisLogin;
    if (section) entry.section = section;
    map.set(id, entry);
  }
  return map;
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rec.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rec.push(field);
      out.push(rec);
      rec = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || rec.length > 0) {
    rec.push(field);
    out.push(rec);
  }
  return out.filter((r) => !(r.length === 1 && r[0] === ''));
}
