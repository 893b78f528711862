// The rules expression parser: what it accepts, the tree it builds (precedence, associativity,
// literals, positions) and the load-time errors (message and offset) for everything it refuses.
import { describe, expect, it } from 'vitest';
import { RuleRegex } from '../../src/rules/rule-regex.js';
import { compileRuleExpression, type RuleExpr, type RuleKind } from '../../src/rules/rule-expression.js';

function parse(source: string, kind: RuleKind = 'write', wildcards: readonly string[] = ['$id']): RuleExpr {
  const result = compileRuleExpression(source, kind, wildcards);
  if (!result.ok) throw new Error(`rejected ${source}: ${result.message} at ${result.offset}`);
  expect(result.expression.source).toBe(source);
  return result.expression.ast;
}

function reject(
  source: string,
  kind: RuleKind = 'write',
  wildcards: readonly string[] = ['$id'],
): { message: string; offset: number } {
  const result = compileRuleExpression(source, kind, wildcards);
  if (result.ok) throw new Error(`accepted ${source}`);
  return { message: result.message, offset: result.offset };
}

/** The tree written back with every operation in parentheses, to read its shape at a glance. */
function show(e: RuleExpr): string {
  switch (e.type) {
    case 'literal':
      return typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'regex':
      return `re(${e.regex.source},${e.regex.flags})`;
    case 'variable':
      return e.name;
    case 'member':
      return typeof e.property === 'string'
        ? `${show(e.object)}.${e.property}`
        : `${show(e.object)}[${show(e.property)}]`;
    case 'call':
      return `${show(e.object)}.${e.method}(${e.args.map(show).join(', ')})`;
    case 'array':
      return `[${e.elements.map(show).join(', ')}]`;
    case 'unary':
      return `(${e.operator}${show(e.argument)})`;
    case 'binary':
    case 'logical':
      return `(${show(e.left)} ${e.operator} ${show(e.right)})`;
    case 'conditional':
      return `(${show(e.test)} ? ${show(e.consequent)} : ${show(e.alternate)})`;
  }
}

describe('compileRuleExpression: literals', () => {
  it.each<[string, string | number | boolean | null]>([
    ['true', true],
    ['false', false],
    ['null', null],
    ['0', 0],
    ['42', 42],
    ['3.25', 3.25],
    ['.5', 0.5],
    ['1e3', 1000],
    ['0x1F', 31],
    ["'single'", 'single'],
    ['"double"', 'double'],
    ["''", ''],
    ["'it\\'s'", "it's"],
    ['"say \\"hi\\""', 'say "hi"'],
    ["'a\\\\b'", 'a\\b'],
    ["'tab\\there'", 'tab\there'],
    ["'line\\nbreak'", 'line\nbreak'],
    ["'\\u0041\\x42'", 'AB'],
    ["'\\/'", '/'],
  ])('%s is the literal %j', (source, value) => {
    expect(parse(source)).toEqual({ type: 'literal', value, start: 0, end: source.length });
  });

  it('rejects BigInt literals where they start', () => {
    expect(reject('auth.uid == 10n')).toEqual({ message: 'BigInt literals are not allowed', offset: 12 });
  });
});

describe('compileRuleExpression: variables', () => {
  it.each<[RuleKind, string]>([
    ['read', 'auth'],
    ['read', 'root'],
    ['read', 'data'],
    ['read', 'now'],
    ['read', 'query'],
    ['write', 'newData'],
    ['validate', 'newData'],
    ['write', 'auth'],
    ['validate', 'now'],
  ])('a %s rule knows %s', (kind, name) => {
    expect(parse(name, kind, [])).toEqual({ type: 'variable', name, start: 0, end: name.length });
  });

  it('knows the wildcards of its location, and only those', () => {
    expect(parse('$uid == $room', 'read', ['$uid', '$room'])).toMatchObject({
      left: { type: 'variable', name: '$uid', start: 0, end: 4 },
      right: { type: 'variable', name: '$room', start: 8, end: 13 },
    });
    expect(reject('$uid == $room', 'read', ['$uid'])).toEqual({
      message: "unknown variable '$room'",
      offset: 8,
    });
  });

  it.each<[RuleKind, string, string, number]>([
    ['read', 'auth != null && newData.exists()', "unknown variable 'newData' (not available in .read)", 16],
    ['write', 'query.limitToFirst < 10', "unknown variable 'query' (only available in .read)", 0],
    ['validate', '1 < 2 || query.orderByKey', "unknown variable 'query' (only available in .read)", 9],
    ['read', 'Math.max(1, 2) > 0', "unknown variable 'Math'", 0],
    ['write', 'data.val() == undefined', "unknown variable 'undefined'", 14],
    ['read', 'uid == auth.uid', "unknown variable 'uid'", 0],
  ])('a %s rule refuses %s', (kind, source, message, offset) => {
    expect(reject(source, kind, [])).toEqual({ message, offset });
  });
});

describe('compileRuleExpression: precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['7 % 4 * 2', '((7 % 4) * 2)'],
    ['1 + 2 < 4', '((1 + 2) < 4)'],
    ['1 < 2 == true', '((1 < 2) == true)'],
    ['a1 === b1 !== c1'.replace(/a1|b1|c1/g, 'now'), '((now === now) !== now)'],
    ['1 <= 2 != 3 >= 4', '((1 <= 2) != (3 >= 4))'],
    ['true || false && false', '(true || (false && false))'],
    ['true && false || true', '((true && false) || true)'],
    ['true && true && false', '((true && true) && false)'],
    ['false || false || true', '((false || false) || true)'],
    ['1 == 1 && 2 > 1', '((1 == 1) && (2 > 1))'],
    ['!true && false', '((!true) && false)'],
    ['!!true', '(!(!true))'],
    ['-1 + 2', '((-1) + 2)'],
    ['- -1', '(-(-1))'],
    ['-(1 + 2)', '(-(1 + 2))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['true ? 1 : 2 + 3', '(true ? 1 : (2 + 3))'],
    ['true || false ? 1 : 2', '((true || false) ? 1 : 2)'],
    ['true ? false ? 1 : 2 : 3', '(true ? (false ? 1 : 2) : 3)'],
    ['true ? 1 : false ? 2 : 3', '(true ? 1 : (false ? 2 : 3))'],
    ['!data.exists()', '(!data.exists())'],
    ['-data.val()', '(-data.val())'],
    ["data.child('a').child('b').val()", "data.child('a').child('b').val()"],
    ["auth.token.email.endsWith('@x.org')", "auth.token.email.endsWith('@x.org')"],
    ["auth.token['email']", "auth.token['email']"],
    ['auth.token.list[0]', 'auth.token.list[0]'],
    ["'a' + $id + 'b'", "(('a' + $id) + 'b')"],
    ["data.hasChildren(['a', 'b'])", "data.hasChildren(['a', 'b'])"],
    ['$id.matches(/^a+$/i)', '$id.matches(re(^a+$,i))'],
    ['$id.matches(/x/)', '$id.matches(re(x,))'],
    ['$id.matches((/x/))', '$id.matches(re(x,))'],
  ])('%s parses as %s', (source, shape) => {
    expect(show(parse(source))).toBe(shape);
  });
});

describe('compileRuleExpression: node kinds and positions', () => {
  it('records offsets of every node, parentheses included', () => {
    expect(parse('(1 + 2) * 3')).toEqual({
      type: 'binary',
      operator: '*',
      left: {
        type: 'binary',
        operator: '+',
        left: { type: 'literal', value: 1, start: 1, end: 2 },
        right: { type: 'literal', value: 2, start: 5, end: 6 },
        start: 0,
        end: 7,
      },
      right: { type: 'literal', value: 3, start: 10, end: 11 },
      start: 0,
      end: 11,
    });
  });

  it('keeps the parentheses in the outer node span', () => {
    expect(parse('( true )')).toEqual({ type: 'literal', value: true, start: 0, end: 8 });
  });

  it('builds member, call, array, unary, logical and conditional nodes', () => {
    expect(parse("!auth.token[$id] || data.hasChildren(['a']) ? -now : 0")).toEqual({
      type: 'conditional',
      test: {
        type: 'logical',
        operator: '||',
        left: {
          type: 'unary',
          operator: '!',
          argument: {
            type: 'member',
            object: {
              type: 'member',
              object: { type: 'variable', name: 'auth', start: 1, end: 5 },
              property: 'token',
              start: 1,
              end: 11,
            },
            property: { type: 'variable', name: '$id', start: 12, end: 15 },
            start: 1,
            end: 16,
          },
          start: 0,
          end: 16,
        },
        right: {
          type: 'call',
          object: { type: 'variable', name: 'data', start: 20, end: 24 },
          method: 'hasChildren',
          args: [
            {
              type: 'array',
              elements: [{ type: 'literal', value: 'a', start: 38, end: 41 }],
              start: 37,
              end: 42,
            },
          ],
          start: 20,
          end: 43,
        },
        start: 0,
        end: 43,
      },
      consequent: {
        type: 'unary',
        operator: '-',
        argument: { type: 'variable', name: 'now', start: 47, end: 50 },
        start: 46,
        end: 50,
      },
      alternate: { type: 'literal', value: 0, start: 53, end: 54 },
      start: 0,
      end: 54,
    });
  });

  it('turns a regex argument into a RE2 pattern with its flags', () => {
    const ast = parse('$id.matches(/^dev-[0-9]+$/i)');
    expect(ast).toMatchObject({ type: 'call', method: 'matches', start: 0, end: 28 });
    const arg = ast.type === 'call' ? ast.args[0] : undefined;
    expect(arg).toMatchObject({ type: 'regex', start: 12, end: 27 });
    const regex = arg?.type === 'regex' ? arg.regex : undefined;
    expect(regex).toBeInstanceOf(RuleRegex);
    expect(String(regex)).toBe('/^dev-[0-9]+$/i');
    expect(regex?.test('DEV-12')).toBe(true);
  });

  it('accepts calls with no or several arguments', () => {
    expect(parse("$id.replace('a', 'b')")).toMatchObject({
      type: 'call',
      method: 'replace',
      args: [
        { type: 'literal', value: 'a' },
        { type: 'literal', value: 'b' },
      ],
    });
    expect(parse('data.exists()')).toMatchObject({ type: 'call', method: 'exists', args: [] });
  });

  it('tolerates surrounding white space and line breaks', () => {
    expect(parse('  true\n  ')).toEqual({ type: 'literal', value: true, start: 2, end: 6 });
    expect(show(parse('auth != null\n  && now > 0'))).toBe('((auth != null) && (now > 0))');
  });
});

describe('compileRuleExpression: syntax errors', () => {
  it.each([
    ['auth ==', 'syntax error: Unexpected token', 7],
    ['1 +', 'syntax error: Unexpected token', 3],
    ['(true', 'syntax error: Unexpected token', 5],
    ["'open", 'syntax error: Unterminated string constant', 0],
    ['', 'syntax error: Unexpected token', 0],
    ['auth.#x', "syntax error: Unexpected character '#'", 5],
  ])('%j: %s at %i', (source, message, offset) => {
    expect(reject(source)).toEqual({ message, offset });
  });

  // The offset is where the accepted expression ends.
  it('reports the message without the line:column suffix, also past line 9 and column 9', () => {
    expect(reject(`${'\n'.repeat(12)}auth.uid ==`)).toEqual({
      message: 'syntax error: Unexpected token',
      offset: 23,
    });
  });

  it.each([
    ['true false', 4],
    ['auth.uid == $id )', 15],
    ['data.exists();', 13],
    ['now 1', 3],
  ])('%j has text after the expression at %i', (source, offset) => {
    expect(reject(source)).toEqual({ message: 'unexpected text after the expression', offset });
  });
});

describe('compileRuleExpression: refused constructs', () => {
  it.each([
    ['auth = null', 'assignments are not allowed in rules', 0],
    ['now += 1', 'assignments are not allowed in rules', 0],
    ['true && now++ > 0', 'assignments are not allowed in rules', 8],
    ['--now', 'assignments are not allowed in rules', 0],
    ['(() => true)', 'functions are not allowed in rules', 1],
    ['function () { return true }', 'functions are not allowed in rules', 0],
    ['new RegExp($id)', "'new' is not allowed in rules", 0],
    ['`dev-${$id}` == $id', "template literals are not allowed in rules (use '+')", 0],
    ['$id == data.x`y`', "template literals are not allowed in rules (use '+')", 7],
    ['true, false', 'the comma operator is not allowed in rules', 0],
    ['({ a: 1 })', 'object literals are not allowed in rules', 1],
    ['this', "'this' is not allowed in rules", 0],
    ['true || this.ok', "'this' is not allowed in rules", 8],
    ['class {}', 'ClassExpression is not allowed in rules', 0],
    ['auth?.uid', 'optional chaining (?.) is not allowed', 0],
    ['1 == data?.val()', 'optional chaining (?.) is not allowed', 5],
    ['typeof auth', "operator 'typeof' is not allowed", 0],
    ['void 0', "operator 'void' is not allowed", 0],
    ['+now', "operator '+' is not allowed", 0],
    ['~now', "operator '~' is not allowed", 0],
    ['true && delete auth.uid', "operator 'delete' is not allowed", 8],
    ['now & 1', "operator '&' is not allowed", 0],
    ['1 | now', "operator '|' is not allowed", 0],
    ['now ^ 1', "operator '^' is not allowed", 0],
    ['1 << 2', "operator '<<' is not allowed", 0],
    ['now >>> 1', "operator '>>>' is not allowed", 0],
    ['2 ** 3', "operator '**' is not allowed", 0],
    ["'uid' in auth", "operator 'in' is not allowed", 0],
    ['auth instanceof now', "operator 'instanceof' is not allowed", 0],
    ['true && (auth ?? false)', "operator '??' is not allowed", 9],
    ['exists()', 'only methods can be called (like data.exists() or $id.matches(/re/))', 0],
    ["1 < 2 && data['exists']()", 'only methods can be called (like data.exists() or $id.matches(/re/))', 9],
    ["data.child(...['a'])", 'spread arguments are not allowed', 11],
    ["['a'] == $id", 'an array literal may only be a method argument (hasChildren([...]))', 0],
    ["data.hasChildren([['a']])", 'an array literal may only be a method argument (hasChildren([...]))', 18],
    ["data.hasChildren(['a', , 'b'])", 'holes and spreads are not allowed in arrays', 17],
    ["data.hasChildren([...['a']])", 'holes and spreads are not allowed in arrays', 17],
    ['/a/', 'a regular expression may only be the argument of matches()', 0],
    ['(/a/i)', 'a regular expression may only be the argument of matches()', 1],
    ["['a', 'b']", 'an array literal may only be a method argument (hasChildren([...]))', 0],
    ['/a/ == $id', 'a regular expression may only be the argument of matches()', 0],
    ['$id.matches(-/a/)', 'a regular expression may only be the argument of matches()', 13],
    ['data.hasChildren([/a/])', 'a regular expression may only be the argument of matches()', 18],
  ])('%s: %s at %i', (source, message, offset) => {
    expect(reject(source)).toEqual({ message, offset });
  });

  it('reports a refused regex pattern at its position inside the literal', () => {
    // The literal starts at 12; its pattern one character later; "^" is the pattern's 2nd character.
    expect(reject('$id.matches(/a^b/)')).toEqual({
      message: '"^" may only be the first character of the pattern',
      offset: 14,
    });
    expect(reject('$id.matches(/ab(?=c)/)')).toEqual({
      message: '"(?" groups (lookaround, named or non-capturing) are not supported in rules',
      offset: 15,
    });
    expect(reject('$id.matches(/a/g)')).toEqual({
      message: 'regular expression flag "g" is not supported (only "i")',
      offset: 13,
    });
  });

  it('reports the first refused part, left to right', () => {
    expect(reject('newData.exists() && typeof now', 'read')).toEqual({
      message: "unknown variable 'newData' (not available in .read)",
      offset: 0,
    });
    expect(reject('now + x1 + y1', 'write', [])).toEqual({ message: "unknown variable 'x1'", offset: 6 });
  });
});

describe('compileRuleExpression: nesting limit', () => {
  it('accepts 250 levels below the top', () => {
    expect(parse(`${'!'.repeat(250)}true`)).toMatchObject({ type: 'unary', operator: '!' });
  });

  it('refuses a node 251 levels deep, at that node', () => {
    expect(reject(`${'!'.repeat(251)}true`)).toEqual({
      message: 'the expression is nested more than 250 levels deep',
      offset: 251,
    });
    expect(reject(`${'('.repeat(300)}1${')'.repeat(300)}`)).toEqual({
      message: 'the expression is nested more than 250 levels deep',
      offset: 251,
    });
  });
});
