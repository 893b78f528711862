import { describe, expect, it } from 'vitest';
import { isSignificant, tokenize } from '../../src/mutants/source-tokens.js';

describe('tokenize', () => {
  it('covers the text exactly, so joining the tokens gives the source back', () => {
    const cpp = '#include <a.h>\nint f(int x) { // c\n  return x >= 0 ? "a\\"b" : \'*\'; /* x */ }\n';
    expect(
      tokenize(cpp, 'cpp')
        .map((t) => t.text)
        .join(''),
    ).toBe(cpp);
    const ts = 'const s = `t${x}` + \'q\' + "d";\nlet a = b!==c && d?.e;';
    expect(
      tokenize(ts, 'ts')
        .map((t) => t.text)
        .join(''),
    ).toBe(ts);
  });

  it('reads the longest operator, quotes, comments and preprocessor lines as single tokens', () => {
    const sig = tokenize('#define N 3\nif (a !== b && c <= 0x1F) x->y("s");', 'ts').filter(isSignificant);
    expect(sig.map((t) => t.text)).toContain('!==');
    expect(sig.map((t) => t.text)).toContain('<=');
    expect(sig.find((t) => t.text === '0x1F')?.kind).toBe('number');
    expect(sig.find((t) => t.text === '"s"')?.kind).toBe('string');
    const cpp = tokenize("#define N 3\nchar c = '*';", 'cpp');
    expect(cpp[0]?.kind).toBe('preprocessor');
    expect(cpp.find((t) => t.text === "'*'")?.kind).toBe('char');
  });

  it('gives 1-based lines and columns', () => {
    const t = tokenize('a\n  bb', 'ts').find((x) => x.text === 'bb');
    expect([t?.line, t?.column]).toEqual([2, 3]);
  });
});
