/**
 * Failure messages as reports show them: whole (every line, so the cause after "…:" is not lost)
 * but bounded, so a runaway message cannot swamp a table or an LMS field.
 */

/** Limits of {@link boundedText}. */
export interface TextBounds {
  /** Lines kept before the rest is summarised. */
  maxLines: number;
  /** Characters kept in total. */
  maxChars: number;
}

/** Bounds of a failure message in Markdown, Gradescope and JUnit. */
export const MESSAGE_BOUNDS: TextBounds = { maxLines: 30, maxChars: 3000 };
/** Bounds of a failure message under a row of the console table. */
export const CONSOLE_BOUNDS: TextBounds = { maxLines: 8, maxChars: 800 };
/** Bounds of build output shown in a collapsible block. */
export const BUILD_OUTPUT_BOUNDS: TextBounds = { maxLines: 60, maxChars: 6000 };

/**
 * The text with trailing blanks removed, cut after `maxLines` lines or `maxChars` characters;
 * a cut says how many lines were left out.
 * @param text - any message
 * @param bounds - how much to keep
 */
export function boundedText(text: string, bounds: TextBounds = MESSAGE_BOUNDS): string {
  const lines = text.replace(/\r\n/g, '\n').trimEnd().split('\n');
  const kept: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (kept.length >= bounds.maxLines || chars + line.length > bounds.maxChars) break;
    kept.push(line);
    chars += line.length + 1;
  }
  if (kept.length === 0 && lines.length > 0) kept.push(`${(lines[0] ?? '').slice(0, bounds.maxChars)}…`);
  const left = lines.length - kept.length;
  return left > 0 ? `${kept.join('\n')}\n… (${left} more line${left === 1 ? '' : 's'})` : kept.join('\n');
}

const COMPILE_FAILURE = /^your firmware does not compile:\s*\n?/;

/**
 * The compiler's error lines (`file:line: error: …`) when a message is the device build's
 * "your firmware does not compile" failure; `undefined` for any other message.
 * @param message - a test's failure message
 */
export function compilerErrors(message: string): string | undefined {
  const at = message.search(/your firmware does not compile:/);
  if (at < 0) return undefined;
  return message.slice(at).replace(COMPILE_FAILURE, '').trim();
}
