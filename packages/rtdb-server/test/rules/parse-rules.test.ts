import { describe, expect, it } from 'vitest';
import { RtdbError } from '../../src/core/rtdb-error.js';
import { parseRules } from '../../src/rules/parse-rules.js';

function problemOf(text: string): RtdbError {
  try {
    parseRules(text, 'my.rules.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RtdbError);
    expect((error as RtdbError).code).toBe('rtdb/invalid-rules');
    expect((error as RtdbError).status).toBe(400);
    return error as RtdbError;
  }
  throw new Error(`rules were accepted: ${text}`);
}

describe('parseRules', () => {
  it('accepts comments, booleans, expressions, wildcards and indexes, and records locations', () => {
    const text = [
      '{',
      '  // line comment',
      '  "rules": {',
      '    /* block */',
      '    ".read": false,',
      '    "devices": {',
      '      "$uid": {',
      '        ".write": "auth.uid === $uid",',
      '        ".indexOn": ["ts", "ir"],',
      '        "name": { ".validate": "newData.isString()", ".indexOn": ".value" }',
      '      }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const set = parseRules(text, 'course.json');
    expect(set.text).toBe(text);
    expect(set.root.read).toMatchObject({
      constant: false,
      location: { file: 'course.json', line: 5, column: 14, rulePath: '/rules/.read' },
    });
    const uid = set.root.children.get('devices')?.wildcard;
    expect(uid?.name).toBe('$uid');
    expect(uid?.node.write?.location).toEqual({
      file: 'course.json',
      line: 8,
      column: 19,
      rulePath: '/rules/devices/$uid/.write',
    });
    expect(uid?.node.indexOn).toEqual(['ts', 'ir']);
    expect(uid?.node.children.get('name')?.indexOn).toEqual(['.value']);
  });

  const invalid: [string, string, RegExp][] = [
    ['broken JSON', '{\n  "rules": {\n    ".read": true,,\n  }\n}', /my\.rules\.json:3:\d+: invalid JSON/],
    ['missing rules', '{ "x": {} }', /unknown top-level key "x"[\s\S]*missing the top-level "rules"/],
    ['not an object', '[1]', /must hold a JSON object/],
    [
      'unknown rule key',
      '{\n "rules": {\n  ".reed": true\n }\n}',
      /my\.rules\.json:3:3: unknown rule "\.reed"/,
    ],
    [
      'number as rule',
      '{"rules": {".read": 1}}',
      /:1:21: \.read must be a boolean or an expression string, got number/,
    ],
    [
      'null as rule',
      '{"rules": {".write": null}}',
      /\.write must be a boolean or an expression string, got null/,
    ],
    [
      'expression syntax error',
      '{\n"rules": {\n".read": "auth.uid ==="\n}\n}',
      /my\.rules\.json:3:\d+: \.read: syntax error/,
    ],
    ['trailing garbage', '{"rules": {".read": "true false"}}', /unexpected text after the expression/],
    ['assignment', '{"rules": {".read": "auth.uid = \'x\'"}}', /assignments are not allowed/],
    ['increment', '{"rules": {".write": "now++ > 0"}}', /assignments are not allowed/],
    [
      'function',
      '{"rules": {".read": "(function(){ return true })()"}}',
      /functions are not allowed|only methods can be called/,
    ],
    ['arrow', '{"rules": {".read": "(() => true)"}}', /functions are not allowed/],
    ['new', '{"rules": {".read": "new Date() != null"}}', /'new' is not allowed/],
    ['template literal', '{"rules": {".read": "`x` == \'x\'"}}', /template literals are not allowed/],
    ['typeof', '{"rules": {".read": "typeof auth == \'object\'"}}', /operator 'typeof' is not allowed/],
    ['bitwise', '{"rules": {".read": "(1 | 2) == 3"}}', /operator '\|' is not allowed/],
    ['in operator', '{"rules": {".read": "\'uid\' in auth"}}', /operator 'in' is not allowed/],
    ['nullish', '{"rules": {".read": "auth ?? true"}}', /'\?\?' is not allowed/],
    ['comma', '{"rules": {".read": "(1, true)"}}', /comma operator/],
    ['object literal', '{"rules": {".read": "({}) == null"}}', /object literals are not allowed/],
    ['this', '{"rules": {".read": "this == null"}}', /'this' is not allowed/],
    ['plain call', '{"rules": {".read": "exists()"}}', /only methods can be called/],
    ['unknown variable', '{"rules": {".read": "foo == 1"}}', /unknown variable 'foo'/],
    [
      'newData in .read',
      '{"rules": {".read": "newData.exists()"}}',
      /unknown variable 'newData' \(not available in \.read\)/,
    ],
    [
      'query in .write',
      '{"rules": {".write": "query.limitToFirst < 5"}}',
      /unknown variable 'query' \(only available in \.read\)/,
    ],
    ['unbound $var', '{"rules": {"a": {".read": "$id == \'x\'"}}}', /unknown variable '\$id'/],
    [
      'regex outside matches',
      '{"rules": {".read": "/a/ == null"}}',
      /regular expression may only be the argument/,
    ],
    ['regex flag g', '{"rules": {".read": "auth.uid.matches(/a/g)"}}', /flag "g" is not supported/],
    [
      'regex lookahead (not in the documented syntax)',
      '{\n  "rules": {\n    ".read": "auth.uid.matches(/^(?=a)b/)"\n  }\n}',
      /my\.rules\.json:3:34: \.read: "\(\?" groups \(lookaround, named or non-capturing\) are not supported/,
    ],
    [
      'regex anchor in the middle',
      '{"rules": {".read": "auth.uid.matches(/a|^b/)"}}',
      /"\^" may only be the first character of the pattern/,
    ],
    [
      'array outside a call',
      '{"rules": {".read": "[1] == null"}}',
      /array literal may only be a method argument/,
    ],
    [
      'two wildcards',
      '{\n"rules": {\n"$a": {},\n"$b": {}\n}\n}',
      /my\.rules\.json:4:1: two wildcards at one level: \$a and \$b/,
    ],
    ['wildcard reused below', '{"rules": {"$a": {"$a": {}}}}', /wildcard \$a is already used/],
    ['bad wildcard name', '{"rules": {"$1x": {}}}', /invalid wildcard name "\$1x"/],
    [
      'indexOn number',
      '{"rules": {".indexOn": 5}}',
      /\.indexOn must be a string or an array of strings, got number/,
    ],
    [
      'indexOn mixed array',
      '{"rules": {".indexOn": ["a", 1]}}',
      /\.indexOn must be a string or an array of strings, got array/,
    ],
    ['child not an object', '{"rules": {"a": true}}', /\/rules\/a must be an object/],
    ['invalid child name', '{"rules": {"a#b": {}}}', /invalid child name/],
    ['duplicate key', '{"rules": {".read": true, ".read": false}}', /duplicate key "\.read"/],
    ['optional chaining', '{"rules": {".read": "auth?.uid == \'a\'"}}', /optional chaining/],
  ];
  it.each(invalid)('rejects %s with a line-numbered message', (_name, text, pattern) => {
    expect(problemOf(text).message).toMatch(pattern);
  });

  it('refuses absurdly nested expressions instead of overflowing the stack', () => {
    const nested = `${'('.repeat(300)}true${')'.repeat(300)}`;
    expect(problemOf(JSON.stringify({ rules: { '.read': nested } })).message).toMatch(
      /nested more than 250 levels/,
    );
    const huge = `${'('.repeat(100_000)}true${')'.repeat(100_000)}`;
    expect(problemOf(JSON.stringify({ rules: { '.read': huge } })).message).toMatch(
      /\.read: (syntax error|the expression is nested)/,
    );
    const deepJson = `{"rules": ${'{"a": '.repeat(50_000)}{}${'}'.repeat(50_000)}}`;
    expect(problemOf(deepJson).message).toMatch(/nested too deeply|must be an object/);
    const chain = Array.from({ length: 60 }, () => 'true').join(' && ');
    expect(parseRules(JSON.stringify({ rules: { '.read': chain } })).root.read?.expression).toBeDefined();
  });

  it('reports several problems at once, each with its position', () => {
    const error = problemOf('{"rules": {\n".read": 1,\n".write": "x ==",\n".oops": true\n}}');
    expect(error.message).toMatch(/my\.rules\.json:2:10: \.read must be/);
    expect(error.message).toMatch(/my\.rules\.json:3:\d+: \.write: syntax error/);
    expect(error.message).toMatch(/my\.rules\.json:4:1: unknown rule "\.oops"/);
  });
});

describe('parseRules: JSON problems', () => {
  it.each([
    [
      'a trailing comma',
      '{"rules": {".read": true,}}',
      'my.rules.json:1:26: invalid JSON (property name expected)',
    ],
    ['a missing value', '{"rules": {".read": }}', 'my.rules.json:1:21: invalid JSON (value expected)'],
    ['an empty file', '', 'my.rules.json:1:1: invalid JSON (value expected)'],
    ['text after the object', '{"rules": {}} x', 'my.rules.json:1:15: invalid JSON (invalid symbol)'],
    [
      'a missing brace',
      '{"rules": {".read": true}',
      'my.rules.json:1:26: invalid JSON (close brace expected)',
    ],
  ])('reports %s in words at its position', (_name, text, line) => {
    expect(
      problemOf(text)
        .message.replace(/^Invalid rules: /, '')
        .split('\n'),
    ).toContain(line);
  });

  it('starts the message with "Invalid rules:" and checks nothing else while the JSON is broken', () => {
    const message = problemOf('{"rules": {".reed": 1,,}}').message;
    expect(message).toMatch(/^Invalid rules: my\.rules\.json:1:\d+: invalid JSON/);
    expect(message).not.toContain('unknown rule');
    expect(message).not.toContain('must be');
  });

  it.each([
    ['a string', '\n  "rules"', 'my.rules.json:2:3: the file must hold a JSON object like {"rules": {…}}'],
    ['a number', '7', 'my.rules.json:1:1: the file must hold a JSON object like {"rules": {…}}'],
    ['an object without rules', '\n {}', 'my.rules.json:2:2: missing the top-level "rules" object'],
  ])('refuses a file holding %s', (_name, text, line) => {
    expect(problemOf(text).message).toBe(`Invalid rules: ${line}`);
  });

  it('names an unknown top-level key at its position', () => {
    expect(problemOf('{"rules": {},\n  "extra": 1}').message).toBe(
      'Invalid rules: my.rules.json:2:12: unknown top-level key "extra" (only "rules" is allowed)',
    );
  });
});

describe('parseRules: structure problems', () => {
  it.each([
    [
      'rules is not an object',
      '{"rules": true}',
      'my.rules.json:1:11: /rules must be an object of rules and children, got boolean',
    ],
    [
      'a child is a string',
      '{"rules": {"a": "x"}}',
      'my.rules.json:1:17: /rules/a must be an object of rules and children, got string',
    ],
    [
      'a deeper child is an array',
      '{"rules": {"a": {"$b": {"c": []}}}}',
      'my.rules.json:1:30: /rules/a/$b/c must be an object of rules and children, got array',
    ],
    [
      'an invalid wildcard name',
      '{"rules": {\n  "$a-b": {}}}',
      'my.rules.json:2:3: invalid wildcard name "$a-b" (letters, digits and _ after $)',
    ],
    [
      'a bare $',
      '{"rules": {"$": {}}}',
      'my.rules.json:1:12: invalid wildcard name "$" (letters, digits and _ after $)',
    ],
    [
      'a wildcard reused two levels down',
      '{"rules": {"$a": {"b": {\n "$a": {}}}}}',
      'my.rules.json:2:2: wildcard $a is already used by a parent level',
    ],
    [
      'an unknown rule',
      '{"rules": {"a": {\n   ".value": true}}}',
      'my.rules.json:2:4: unknown rule ".value" (expected .read, .write, .validate or .indexOn)',
    ],
    ['an invalid child name', '{"rules": {\n"a.b": {}}}', 'my.rules.json:2:1: invalid child name: '],
    ['a duplicate child', '{"rules": {"a": {},\n "a": {}}}', 'my.rules.json:2:2: duplicate key "a"'],
    [
      'a .validate that is a number',
      '{"rules": {".validate": 0}}',
      'my.rules.json:1:25: .validate must be a boolean or an expression string, got number',
    ],
    [
      'an .indexOn object',
      '{"rules": {".indexOn": {}}}',
      'my.rules.json:1:24: .indexOn must be a string or an array of strings, got object',
    ],
  ])('reports %s at its position', (_name, text, start) => {
    const message = problemOf(text).message;
    expect(message.startsWith(`Invalid rules: ${start}`)).toBe(true);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('places an expression error inside the string when it has no escapes, else at the string', () => {
    expect(problemOf('{"rules": {".read": "auth.uid ==="}}').message).toMatch(
      /^Invalid rules: my\.rules\.json:1:34: \.read: syntax error: .* in "auth\.uid ==="$/,
    );
    expect(problemOf('{"rules": {".read": "auth.uid == \\"a\\" =="}}').message).toMatch(
      /^Invalid rules: my\.rules\.json:1:21: \.read: syntax error: .* in "auth\.uid == "a" =="$/,
    );
  });

  it('compiles .validate rules with newData, and .write rules without query', () => {
    const set = parseRules('{"rules": {".validate": "newData.isNumber()", ".write": "newData.exists()"}}');
    expect(set.root.validate).toMatchObject({
      kind: 'validate',
      expression: { source: 'newData.isNumber()' },
    });
    expect(set.root.write).toMatchObject({ kind: 'write', expression: { source: 'newData.exists()' } });
    expect(problemOf('{"rules": {".validate": "query.orderByKey"}}').message).toContain(
      "unknown variable 'query'",
    );
  });

  it('lists at most ten problems and counts the rest', () => {
    const keys = (n: number): string =>
      `{"rules": {${Array.from({ length: n }, (_, i) => `\n".bad${i}": true`).join(',')}}}`;
    const twelve = problemOf(keys(12)).message.split('\n');
    expect(twelve).toHaveLength(11);
    expect(twelve[0]).toBe(
      'Invalid rules: my.rules.json:2:1: unknown rule ".bad0" (expected .read, .write, .validate or .indexOn)',
    );
    expect(twelve[9]).toMatch(/^my\.rules\.json:11:1: unknown rule "\.bad9"/);
    expect(twelve[10]).toBe('… and 2 more');
    const ten = problemOf(keys(10)).message.split('\n');
    expect(ten).toHaveLength(10);
    expect(ten[9]).toMatch(/^my\.rules\.json:11:1: unknown rule "\.bad9"/);
    const eleven = problemOf(keys(11)).message.split('\n');
    expect(eleven.at(-1)).toBe('… and 1 more');
  });
});

describe('parseRules: absurd nesting', () => {
  it('names the file when the rules tree is nested too deeply to walk', () => {
    const deep = `{"rules": ${'{"a": '.repeat(50_000)}{}${'}'.repeat(50_000)}}`;
    expect(() => parseRules(deep, 'deep.json')).toThrow(
      expect.objectContaining({
        code: 'rtdb/invalid-rules',
        message: 'Invalid rules: deep.json: nested too deeply',
      }) as Error,
    );
  });
});

describe('parseRules: what a valid file gives', () => {
  it('keeps the file name (rules.json by default) and the text', () => {
    const text = '{"rules": {}}';
    expect(parseRules(text)).toMatchObject({ file: 'rules.json', text });
    expect(parseRules(text, 'x.json').file).toBe('x.json');
  });

  it('records the rule path and position of rules in named and wildcard children', () => {
    const text = [
      '{"rules": {',
      '  "a": {',
      '    "b": { ".read": true },',
      '    "$id": {',
      '      "c": {',
      '        ".write": "$id == \'x\'"',
      '      }',
      '    }',
      '  }',
      '}}',
    ].join('\n');
    const a = parseRules(text, 'p.json').root.children.get('a');
    expect(a?.children.get('b')?.read).toEqual({
      kind: 'read',
      constant: true,
      location: { file: 'p.json', line: 3, column: 21, rulePath: '/rules/a/b/.read' },
    });
    expect(a?.wildcard?.name).toBe('$id');
    expect(a?.wildcard?.node.children.get('c')?.write?.location).toEqual({
      file: 'p.json',
      line: 6,
      column: 19,
      rulePath: '/rules/a/$id/c/.write',
    });
  });

  it.each([
    ['a string', '"ts"', ['ts']],
    ['an array', '["ts", "a/b"]', ['ts', 'a/b']],
    ['an empty array', '[]', []],
  ])('.indexOn as %s', (_name, value, expected) => {
    expect(parseRules(`{"rules": {".indexOn": ${value}}}`).root.indexOn).toEqual(expected);
  });

  it('gives nodes without rules no rules, indexes or wildcard', () => {
    const root = parseRules('{"rules": {"a": {}}}').root;
    expect(root.read).toBeUndefined();
    expect(root.indexOn).toEqual([]);
    expect(root.wildcard).toBeUndefined();
    expect(root.children.get('a')).toEqual({ indexOn: [], children: new Map() });
  });
});
