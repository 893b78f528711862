import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/rules/jsonc-value.js';

describe('parseJsonc', () => {
  it('reads an object with line and block comments and trailing commas', () => {
    const text =
      '{\n  // where the rules are\n  "database": { "rules": "a.json", },\n  /* more */ "n": [1, 2,],\n}';
    expect(parseJsonc(text)).toEqual({ database: { rules: 'a.json' }, n: [1, 2] });
  });

  it.each([
    ['an array', '[1, 2]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"x"'],
    ['empty text', ''],
    ['broken JSON', '{"a": }'],
    ['an object followed by garbage', '{"a": 1} x'],
    ['an unclosed object', '{"a": 1'],
  ])('gives undefined for %s', (_name, text) => {
    expect(parseJsonc(text)).toBeUndefined();
  });
});
