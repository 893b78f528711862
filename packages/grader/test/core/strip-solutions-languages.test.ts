import { describe, expect, it } from 'vitest';
import { solutionLanguage, stripSolutions } from '../../src/core/strip-solutions.js';

describe('solutionLanguage', () => {
  it.each([
    ...['ts', 'tsx', 'mts', 'cts', 'js', 'mjs', 'cjs', 'jsx'].map((ext) => [ext, 'ts'] as const),
    ...['c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'ino'].map((ext) => [ext, 'cpp'] as const),
    ...['md', 'markdown', 'html'].map((ext) => [ext, 'markdown'] as const),
    ...['py', 'sh', 'yaml', 'yml', 'ini', 'toml', 'txt'].map((ext) => [ext, 'hash'] as const),
  ])('reads .%s as %s', (ext, language) => {
    expect(solutionLanguage(`dir.v2/file.${ext}`)).toBe(language);
  });

  it('ignores the case of the extension and knows nothing of other files', () => {
    expect(solutionLanguage('MAIN.CPP')).toBe('cpp');
    expect(solutionLanguage('notes.Md')).toBe('markdown');
    expect(solutionLanguage('data.json')).toBeNull();
    expect(solutionLanguage('Makefile')).toBeNull();
    expect(solutionLanguage('archive.ts.bak')).toBeNull();
  });
});

describe('stripSolutions per language', () => {
  it('leaves a C++ region as a TODO alone when it has no STUB (no throw in C++)', () => {
    const src = ['void f() {', '  // BEGIN SOLUTION: blink', '  led();', '  // END SOLUTION', '}'].join('\n');
    expect(stripSolutions(src, 'app.cpp')).toEqual({
      text: ['void f() {', '  // TODO: blink', '}'].join('\n'),
      regions: 1,
    });
  });

  it('writes a # TODO in hash-comment files', () => {
    const src = ['a: 1', '  # BEGIN SOLUTION: the port', '  port: 9000', '  # END SOLUTION'].join('\n');
    expect(stripSolutions(src, 'config.yaml').text).toBe(['a: 1', '  # TODO: the port'].join('\n'));
  });

  it('asks to complete the part when the marker has no hint', () => {
    const src = ['// BEGIN SOLUTION', 'x();', '// END SOLUTION'].join('\n');
    expect(stripSolutions(src, 'a.ts').text).toBe(
      ['// TODO: complete this part', 'throw new Error("Not implemented yet: complete this part");'].join(
        '\n',
      ),
    );
    expect(stripSolutions(['# BEGIN SOLUTION:', 'x', '# END SOLUTION'].join('\n'), 'a.sh').text).toBe(
      '# TODO: complete this part',
    );
  });

  it('drops a block comment end from the hint', () => {
    const src = ['  /* BEGIN SOLUTION: scale it */', '  y = x;', '  /* END SOLUTION */'].join('\n');
    expect(stripSolutions(src, 'a.c').text).toBe('  // TODO: scale it');
  });

  it('takes only a closing comment at the very end off the hint', () => {
    const strip = (marker: string): string =>
      stripSolutions([marker, 'x', '/* END SOLUTION */'].join('\n'), 'a.c').text;
    expect(strip('/* BEGIN SOLUTION: a */ */')).toBe('// TODO: a');
    expect(strip('/* BEGIN SOLUTION: a*/ */')).toBe('// TODO: a');
    expect(strip('/* BEGIN SOLUTION: a */ b */')).toBe('// TODO: a */ b');
    expect(strip('/* BEGIN SOLUTION: a */b */')).toBe('// TODO: a */b');
  });

  it('counts every region and keeps the text between them', () => {
    const src = [
      'keep 1',
      '// BEGIN SOLUTION: one',
      'a',
      '// END SOLUTION',
      'keep 2',
      '// BEGIN SOLUTION: two',
      '// STUB: return 0;',
      '// STUB:',
      '// END SOLUTION',
      'keep 3',
    ].join('\n');
    const r = stripSolutions(src, 'x.h');
    expect(r.regions).toBe(2);
    // A STUB line with nothing after it is left out rather than kept as an empty line.
    expect(r.text).toBe(
      ['keep 1', '// TODO: one', 'keep 2', '// TODO: two', 'return 0;', 'keep 3'].join('\n'),
    );
  });

  it('leaves out an indented STUB line with nothing after it', () => {
    const src = ['  // BEGIN SOLUTION: x', '  // STUB:', '  // STUB: return 1;', '  // END SOLUTION'].join(
      '\n',
    );
    expect(stripSolutions(src, 'a.cpp').text).toBe(['  // TODO: x', '  return 1;'].join('\n'));
  });

  it('leaves a file without markers as it is', () => {
    const src = 'const a = 1;\r\nconst b = 2;\r\n';
    expect(stripSolutions(src, 'a.ts')).toEqual({ text: src, regions: 0 });
  });
});
