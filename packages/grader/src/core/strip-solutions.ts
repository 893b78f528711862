import { GraderError } from './grader-error.js';

/** How a file's solution regions are replaced. */
export type SolutionLanguage = 'ts' | 'cpp' | 'markdown' | 'hash';

/** Language of a file by extension, or null when markers are not looked for. */
export function solutionLanguage(file: string): SolutionLanguage | null {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if (['ts', 'tsx', 'mts', 'cts', 'js', 'mjs', 'cjs', 'jsx'].includes(ext)) return 'ts';
  if (['c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'ino'].includes(ext)) return 'cpp';
  if (['md', 'markdown', 'html'].includes(ext)) return 'markdown';
  if (['py', 'sh', 'yaml', 'yml', 'ini', 'toml', 'txt'].includes(ext)) return 'hash';
  return null;
}

/** A line opening a solution region (`// BEGIN SOLUTION: hint`, `# BEGIN SOLUTION`, `<!-- BEGIN SOLUTION -->`). */
export const BEGIN_SOLUTION_LINE =
  /^(\s*)(?:\/\/|\/\*|#|<!--)\s*BEGIN SOLUTION\b:?\s*(.*?)\s*(?:\*\/|-->)?\s*$/;
/** A line closing a solution region. */
export const END_SOLUTION_LINE = /^\s*(?:\/\/|\/\*|#|<!--)\s*END SOLUTION\b/;
const STUB = /^\s*(?:\/\/|#)\s*STUB:\s?(.*)$/;

/** Result of stripping one file. */
export interface StripResult {
  /** The handout text. */
  text: string;
  /** Number of regions removed. */
  regions: number;
}

/**
 * Removes every `BEGIN SOLUTION` … `END SOLUTION` region. The region becomes a TODO comment with
 * the hint written after the BEGIN marker. In TypeScript/JavaScript a
 * `throw new Error('Not implemented yet: …')` follows, so the file still typechecks and a test
 * fails with a message naming the task. Lines `// STUB: code` inside a region are kept as `code`
 * instead of the throw (use them for a default `return` in C++ or at module level).
 * @param text - file contents
 * @param file - file name (for the language and for error messages)
 * @throws GraderError `grader/bad-solution-markers` for nested, unmatched or unterminated markers
 */
export function stripSolutions(text: string, file: string): StripResult {
  const lang = solutionLanguage(file);
  if (lang === null) return { text, regions: 0 };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let open: { line: number; indent: string; hint: string; stubs: string[] } | null = null;
  let regions = 0;
  lines.forEach((line, i) => {
    const begin = BEGIN_SOLUTION_LINE.exec(line);
    if (begin) {
      if (open)
        throw new GraderError(
          'grader/bad-solution-markers',
          `${file}:${i + 1}: BEGIN SOLUTION inside the region opened on line ${open.line}`,
        );
      open = {
        line: i + 1,
        indent: begin[1] ?? '',
        hint: (begin[2] ?? '').replace(/\s*(\*\/|-->)\s*$/, ''),
        stubs: [],
      };
      return;
    }
    if (END_SOLUTION_LINE.test(line)) {
      if (!open)
        throw new GraderError(
          'grader/bad-solution-markers',
          `${file}:${i + 1}: END SOLUTION without a BEGIN SOLUTION`,
        );
      const { indent, hint, stubs } = open as { indent: string; hint: string; stubs: string[] };
      const task = hint === '' ? 'complete this part' : hint;
      if (lang === 'markdown') out.push(`${indent}<!-- TODO: ${task} -->`);
      else if (lang === 'hash') out.push(`${indent}# TODO: ${task}`);
      else out.push(`${indent}// TODO: ${task}`);
      if (stubs.length > 0) out.push(...stubs.filter((s) => s.trim() !== ''));
      else if (lang === 'ts')
        out.push(`${indent}throw new Error(${JSON.stringify(`Not implemented yet: ${task}`)});`);
      regions += 1;
      open = null;
      return;
    }
    if (open) {
      const stub = STUB.exec(line);
      const o = open as { indent: string; stubs: string[] };
      if (stub) o.stubs.push(`${o.indent}${stub[1] ?? ''}`);
      return;
    }
    out.push(line);
  });
  if (open) {
    throw new GraderError(
      'grader/bad-solution-markers',
      `${file}:${(open as { line: number }).line}: BEGIN SOLUTION is never closed by END SOLUTION`,
    );
  }
  return { text: out.join(eol), regions };
}
