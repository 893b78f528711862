import { relative } from 'node:path';

/** At most this many diagnostics are kept: the first errors are the ones to fix. */
const MAX_DIAGNOSTICS = 8;

const DIAGNOSTIC = /^(.+?):(\d+):(?:\d+:)?\s*(fatal error|error):\s*(.*)$/;

/**
 * The compiler's errors in the submission's own files, first ones first, as
 * `src/app/a2_app.cpp:12: error: …` (paths relative to the submission's firmware, never the
 * temporary folder the build ran in), each followed by the offending source line gcc prints.
 * @param output - the build log
 * @param appDir - the app folder the paths are made relative to
 */
export function compilerDiagnostics(output: string, appDir: string): string[] {
  const lines = output.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length && found.length < MAX_DIAGNOSTICS; i++) {
    const match = DIAGNOSTIC.exec(lines[i] ?? '');
    if (!match) continue;
    const [, file = '', line = '', kind = '', message = ''] = match;
    // Only the submission's own files are quoted: an error inside some other file (a header the
    // app pulled in with #include) must not print that file's lines into student feedback.
    if (!file.startsWith(`${appDir}/`)) continue;
    const shown = `src/app/${relative(appDir, file)}`;
    let text = `${shown}:${line}: ${kind}: ${message}`;
    // gcc prints "   12 |   code here" after an error; keep it so the student sees where.
    const source = /^\s*\d+\s*\|(.*)$/.exec(lines[i + 1] ?? '');
    if (source?.[1] !== undefined && source[1].trim() !== '') text += `\n    ${source[1].trim()}`;
    found.push(text);
  }
  return found;
}
