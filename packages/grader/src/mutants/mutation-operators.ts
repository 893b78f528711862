import { isSignificant, type SourceToken, type TokenLanguage } from './source-tokens.js';

/** The automatic operator families. */
export type MutationOperator =
  'relational' | 'arithmetic' | 'logical' | 'constant' | 'boolean' | 'call' | 'string';

/** One text replacement an operator proposes, in offsets of the original file. */
export interface ProposedMutation {
  /** Operator family. */
  operator: MutationOperator;
  /** First replaced character. */
  start: number;
  /** After the last replaced character. */
  end: number;
  /** Replacement text. */
  replace: string;
  /** Token where the mutation starts (for its line and column). */
  at: SourceToken;
  /** Short description: "`<` → `<=`". */
  what: string;
}

const RELATIONAL: Record<string, string> = {
  '<': '<=',
  '<=': '<',
  '>': '>=',
  '>=': '>',
  '==': '!=',
  '!=': '==',
  '===': '!==',
  '!==': '===',
};
const ARITHMETIC: Record<string, string> = {
  '+': '-',
  '-': '+',
  '*': '/',
  '/': '*',
  '%': '*',
  '++': '--',
  '--': '++',
  '+=': '-=',
  '-=': '+=',
};
const LOGICAL: Record<string, string> = { '&&': '||', '||': '&&' };
const BINARY_NEEDS_SPACES = new Set(['+', '-', '*', '/', '%']);
const ASSIGNMENTS = new Set([
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<=',
  '>>=',
  '&&=',
  '||=',
  '??=',
]);
const NOT_A_CALL_START = new Set([
  'return',
  'if',
  'else',
  'for',
  'while',
  'do',
  'switch',
  'case',
  'const',
  'let',
  'var',
  'auto',
  'throw',
  'break',
  'continue',
  'new',
  'delete',
  'using',
  'typedef',
  'static',
  'goto',
  'try',
  'catch',
  'function',
  'class',
  'struct',
  'namespace',
  'template',
  'default',
  'typeof',
  'yield',
  'export',
  'import',
]);
/** Tokens allowed between `<` and `>` of a template or generic argument list. */
const TYPE_TOKENS = new Set(['::', ',', '*', '&', '.', '[', ']', '|']);

const short = (s: string): string => (s.length > 48 ? `${s.slice(0, 45)}…` : s);

/** Whether the `<` or `>` at `i` brackets template/generic arguments rather than comparing. */
function isTypeBracket(sig: SourceToken[], i: number): boolean {
  const self = sig[i] as SourceToken;
  const open = self.text === '<';
  const [same, other] = open ? ['<', '>'] : ['>', '<'];
  let depth = 0;
  for (let k = i; k >= 0 && k < sig.length; k += open ? 1 : -1) {
    const t = sig[k] as SourceToken;
    if (t.line !== self.line) return false;
    if (t.text === same) depth++;
    else if (t.text === other || (open && t.text === '>>')) {
      depth -= t.text === '>>' ? 2 : 1;
      if (depth <= 0) return true;
    } else if (t.kind !== 'ident' && t.kind !== 'number' && !TYPE_TOKENS.has(t.text)) return false;
  }
  return false;
}

function spacedBinary(text: string, t: SourceToken): boolean {
  return /\s/.test(text[t.start - 1] ?? '') && /\s/.test(text[t.end] ?? '');
}

function matching(sig: SourceToken[], i: number): number {
  let depth = 0;
  for (let k = i; k < sig.length; k++) {
    const s = (sig[k] as SourceToken).text;
    if (s === '(' || s === '[' || s === '{') depth++;
    else if (s === ')' || s === ']' || s === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

function changedString(t: SourceToken, language: TokenLanguage): string | null {
  const quote = t.text[0] as string;
  const body = t.text.slice(1, -1);
  if (quote === '`' && body.includes('${')) return null;
  if (body === '') return `${quote === '`' ? "'" : quote}mutant${quote === '`' ? "'" : quote}`;
  // C++ format strings keep their conversions, so the mutant still compiles under -Wformat.
  const conversions =
    language === 'cpp'
      ? (body.match(/%[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp%]/g) ?? [])
      : [];
  const mutated = conversions.join(' ');
  if (mutated === body) return null;
  return `${quote}${mutated}${quote}`;
}

/** A call used as a statement (`lcd_.setLine(0, "x");`) starting at `sig[i]`: index of its `;`, or -1. */
function callStatementEnd(text: string, sig: SourceToken[], i: number): number {
  const first = sig[i] as SourceToken;
  const prev = sig[i - 1];
  if (prev && !['{', '}', ';'].includes(prev.text)) return -1;
  if (text.slice(text.lastIndexOf('\n', first.start - 1) + 1, first.start).trim() !== '') return -1;
  if (first.kind !== 'ident' || NOT_A_CALL_START.has(first.text)) return -1;
  let depth = 0;
  let last: SourceToken | undefined;
  for (let k = i; k < sig.length; k++) {
    const t = sig[k] as SourceToken;
    if (depth === 0) {
      if (t.text === ';') return last?.text === ')' ? k : -1;
      if (ASSIGNMENTS.has(t.text) || t.text === '{' || t.text === '}') return -1;
      const before = sig[k - 1];
      if (k > i && t.kind === 'ident' && before?.kind === 'ident' && before.text !== 'await') return -1;
    }
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    if (depth < 0) return -1;
    last = t;
  }
  return -1;
}

/**
 * Every mutation the automatic operators propose for the tokens whose start lies in `[from, to)`:
 * relational and arithmetic operator swaps, `&&`/`||`, integer constants ±1, `true`/`false`,
 * dropping a `!`, negating an `if` condition, deleting a call statement, changing a string literal.
 * @param text - the whole file
 * @param tokens - {@link tokenize}d `text`
 * @param from - start offset of the region
 * @param to - end offset of the region
 * @param language - source language
 */
export function proposeMutations(
  text: string,
  tokens: SourceToken[],
  from: number,
  to: number,
  language: TokenLanguage,
): ProposedMutation[] {
  const sig = tokens.filter(isSignificant);
  const out: ProposedMutation[] = [];
  const add = (
    operator: MutationOperator,
    at: SourceToken,
    end: number,
    replace: string,
    what: string,
  ): void => {
    out.push({ operator, start: at.start, end, replace, at, what });
  };
  sig.forEach((t, i) => {
    if (t.start < from || t.start >= to) return;
    const swap = (operator: MutationOperator, table: Record<string, string>): void => {
      const to2 = table[t.text];
      if (to2 !== undefined) add(operator, t, t.end, to2, `\`${t.text}\` → \`${to2}\``);
    };
    if (t.kind === 'punct') {
      if ((t.text === '<' || t.text === '>') && isTypeBracket(sig, i)) return;
      if (BINARY_NEEDS_SPACES.has(t.text) && !spacedBinary(text, t)) return;
      swap('relational', RELATIONAL);
      // `base + "/x"` concatenates: `-` would not compile in C++ and gives NaN in TypeScript.
      const nearString = [sig[i - 1], sig[i + 1]].some((n) => n?.kind === 'string');
      if (!nearString) swap('arithmetic', ARITHMETIC);
      swap('logical', LOGICAL);
      if (t.text === '!') add('boolean', t, t.end, '', 'drop `!`');
    } else if (t.kind === 'number' && /^[0-9]+[uUlL]*$/.test(t.text)) {
      const n = Number(/^[0-9]+/.exec(t.text)?.[0]);
      const suffix = t.text.replace(/^[0-9]+/, '');
      add('constant', t, t.end, `${n + 1}${suffix}`, `\`${t.text}\` → \`${n + 1}${suffix}\``);
      if (n > 0) add('constant', t, t.end, `${n - 1}${suffix}`, `\`${t.text}\` → \`${n - 1}${suffix}\``);
    } else if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') {
        const flip = t.text === 'true' ? 'false' : 'true';
        add('boolean', t, t.end, flip, `\`${t.text}\` → \`${flip}\``);
      }
      if (t.text === 'if' && sig[i + 1]?.text === '(') {
        const close = matching(sig, i + 1);
        if (close > 0) {
          const cond = text.slice((sig[i + 1] as SourceToken).end, (sig[close] as SourceToken).start);
          add(
            'boolean',
            sig[i + 1] as SourceToken,
            (sig[close] as SourceToken).end,
            `(!(${cond}))`,
            `negate \`if (${short(cond)})\``,
          );
        }
      }
      const end = callStatementEnd(text, sig, i);
      if (end > 0) {
        const stmt = text.slice(t.start, (sig[end] as SourceToken).end);
        add('call', t, (sig[end] as SourceToken).end, '', `delete \`${short(stmt.replace(/\s+/g, ' '))}\``);
      }
    } else if (t.kind === 'string') {
      const changed = changedString(t, language);
      if (changed !== null) add('string', t, t.end, changed, `${short(t.text)} → ${changed}`);
    }
  });
  return out;
}
