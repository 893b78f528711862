import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAppRecipe } from '../../src/build/app-recipe.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-recipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('readAppRecipe', () => {
  it('keeps every item in order, paths with spaces and = whole', () => {
    const file = join(work, 'ok.txt');
    writeFileSync(
      file,
      [
        'cxx=/usr/bin/c++',
        'flag=-O3',
        'flag=-DNAME=a b',
        'include=/kit dir/lib',
        'include=/usr/include/cjson',
        'link=/build/libkit_main.a',
        'link=/usr/lib/libcurl.so',
        'flag=',
        '',
      ].join('\n'),
    );
    expect(readAppRecipe(file)).toEqual({
      cxx: '/usr/bin/c++',
      flags: ['-O3', '-DNAME=a b'],
      includes: ['/kit dir/lib', '/usr/include/cjson'],
      links: ['/build/libkit_main.a', '/usr/lib/libcurl.so'],
    });
  });

  it('refuses a recipe without a compiler or libraries, naming the file', () => {
    const file = join(work, 'half.txt');
    writeFileSync(file, 'flag=-O3\n');
    expect(() => readAppRecipe(file)).toThrow(expect.objectContaining({ code: 'devices/build-failed' }));
    expect(() => readAppRecipe(file)).toThrow(/incomplete .*half\.txt/);
  });
});
