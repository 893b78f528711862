/** What a piece of C++ or TypeScript source is, as far as the mutation operators care. */
export type TokenKind =
  'space' | 'comment' | 'preprocessor' | 'string' | 'char' | 'number' | 'ident' | 'punct';

/** One token with its place in the text. */
export interface SourceToken {
  /** Kind of token. */
  kind: TokenKind;
  /** The exact text. */
  text: string;
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character. */
  column: number;
}

/** Source language of the tokenizer: the two share C-like syntax, they differ in quotes and `#`. */
export type TokenLanguage = 'cpp' | 'ts';

// Longest first, so `!==` is never read as `!=` followed by `=`.
const PUNCTUATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '<<=',
  '>>=',
  '**=',
  '&&=',
  '||=',
  '??=',
  '->*',
  '::',
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '??',
  '?.',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '=>',
  '**',
];

function quotedEnd(text: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote !== '`') return i;
    else i += 1;
  }
  return text.length;
}

/**
 * Splits C++ or TypeScript source into tokens, exactly covering the text (joining every token's
 * text gives the input back). Good enough for operator mutation, not a parser: regular
 * expression literals and C++ raw strings are read as ordinary punctuation and strings.
 * @param text - the source
 * @param language - `cpp` (char literals, preprocessor lines) or `ts` (three kinds of quotes)
 */
export function tokenize(text: string, language: TokenLanguage): SourceToken[] {
  const tokens: SourceToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const rest = text.slice(i, i + 4);
    let end: number;
    let kind: TokenKind;
    if (/\s/.test(c)) {
      kind = 'space';
      end = i + 1;
      while (end < text.length && /\s/.test(text[end] as string)) end++;
    } else if (rest.startsWith('//')) {
      kind = 'comment';
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (rest.startsWith('/*')) {
      kind = 'comment';
      end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
    } else if (language === 'cpp' && c === '#' && text.slice(lineStart, i).trim() === '') {
      kind = 'preprocessor';
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    } else if (c === '"' || c === '`' || c === "'") {
      kind = language === 'cpp' && c === "'" ? 'char' : 'string';
      end = quotedEnd(text, i, c);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      kind = 'number';
      const m =
        /^(?:0[xX][0-9a-fA-F']+|0[bB][01']+|[0-9][0-9_']*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)[a-zA-Z]*/.exec(
          text.slice(i),
        );
      end = i + (m?.[0].length ?? 1);
    } else if (/[A-Za-z_$]/.test(c)) {
      kind = 'ident';
      end = i + 1;
      while (end < text.length && /[\w$]/.test(text[end] as string)) end++;
    } else {
      kind = 'punct';
      const p = PUNCTUATORS.find((op) => text.startsWith(op, i));
      end = i + (p?.length ?? 1);
    }
    tokens.push({ kind, text: text.slice(i, end), start: i, end, line, column: i - lineStart + 1 });
    for (let k = i; k < end; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    i = end;
  }
  return tokens;
}

/** Whether a token carries code (not whitespace, a comment or a preprocessor line). */
export function isSignificant(t: SourceToken): boolean {
  return t.kind !== 'space' && t.kind !== 'comment' && t.kind !== 'preprocessor';
}
