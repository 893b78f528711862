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
