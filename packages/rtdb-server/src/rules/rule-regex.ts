import { RE2JS } from 're2js';

/** A regular expression the rules syntax does not accept, with the offset of the problem in the pattern. */
export class RuleRegexSyntaxError extends Error {
  /**
   * @param message - what is wrong, in words
   * @param index - offset in the pattern (0 = its first character)
   */
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'RuleRegexSyntaxError';
  }
}

const CLASS_ESCAPES = new Set(['s', 'S', 'w', 'W', 'd', 'D']);

/**
 * The regular expression of a `matches()` call. Matching runs on RE2 (the engine production
 * rules use), whose time grows linearly with the string: no pattern can make one write stall the
 * server, unlike JavaScript's backtracking `RegExp` on patterns such as `/^(a+)+$/`.
 */
export class RuleRegex {
  private readonly engine: RE2JS;

  /**
   * @param source - the pattern between the slashes
   * @param flags - `""` or `"i"`
   * @throws RuleRegexSyntaxError when the pattern uses syntax the rules language does not document
   */
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    if (flags !== '' && flags !== 'i')
      throw new RuleRegexSyntaxError(`regular expression flag "${flags}" is not supported (only "i")`, 0);
    checkDocumentedSyntax(source);
    try {
      this.engine = RE2JS.compile(source, flags === 'i' ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (error) {
      const message =
        error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
      throw new RuleRegexSyntaxError(`invalid regular expression: ${message}`, 0);
    }
  }

  /** Whether the pattern occurs anywhere in `text` (anchors pin it to the start or end). */
  test(text: string): boolean {
    return this.engine.test(text);
  }

  /** The literal as written in the rules: `/pattern/flags`. */
  toString(): string {
    return `/${this.source}/${this.flags}`;
  }
}

/**
 * Accepts exactly what the rules reference documents: literals, `.`, `* + ?`, `{n} {n,} {n,m}`,
 * groups `( )`, `|`, character sets `[…]` `[^…]` with ranges, `\s \w \d \S \W \D`, a backslash
 * before any other punctuation, `^` only as the first and `$` only as the last character.
 */
function checkDocumentedSyntax(pattern: string): void {
  let inSet = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new RuleRegexSyntaxError('the pattern ends with a lone backslash', i);
      if (/[A-Za-z0-9]/.test(next) && !CLASS_ESCAPES.has(next))
        throw new RuleRegexSyntaxError(
          `\\${next} is not supported in rules (only \\s \\w \\d \\S \\W \\D, or a backslash before punctuation)`,
          i,
        );
      i += 1;
      continue;
    }
    if (inSet) {
      if (c === '[') throw new RuleRegexSyntaxError('"[" inside a character set must be escaped as \\[', i);
      if (c === ']') inSet = false;
      continue;
    }
    switch (c) {
      case '[': {
        inSet = true;
        const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
        if (pattern[first] === ']')
          throw new RuleRegexSyntaxError('an empty character set "[]" matches nothing; escape "]" as \\]', i);
        i = first - 1;
        break;
      }
      case '(':
        if (pattern[i + 1] === '?')
          throw new RuleRegexSyntaxError(
            '"(?" groups (lookaround, named or non-capturing) are not supported in rules',
            i,
          );
        break;
      case '^':
        if (i !== 0) throw new RuleRegexSyntaxError('"^" may only be the first character of the pattern', i);
        break;
      case '$':
        if (i !== pattern.length - 1)
          throw new RuleRegexSyntaxError('"$" may only be the last character of the pattern', i);
        break;
      default:
        break;
    }
  }
  if (inSet) throw new RuleRegexSyntaxError('a character set "[" is never closed with "]"', pattern.length);
}
