import { describe, expect, it } from 'vitest';
import { DevicesError, LineSplitter, parseEventLine } from '../../src/index.js';

const wire =
  '{"type":"boot","t":0,"app":"demo"}\n' +
  '{"type":"lcd","t":12,"lines":["IR 2048","Angle 90°"]}\r\n' +
  '{"type":"servo","t":13,"angle":90}\n';

describe('LineSplitter', () => {
  it('yields the same lines for every split point, including inside a UTF-8 character', () => {
    const bytes = new TextEncoder().encode(wire);
    for (let split = 0; split <= bytes.length; split += 1) {
      const splitter = new LineSplitter();
      const lines = [
        ...splitter.push(bytes.subarray(0, split)),
        ...splitter.push(bytes.subarray(split)),
        ...splitter.flush(),
      ];
      expect(lines, `split at ${split}`).toEqual([
        '{"type":"boot","t":0,"app":"demo"}',
        '{"type":"lcd","t":12,"lines":["IR 2048","Angle 90°"]}',
        '{"type":"servo","t":13,"angle":90}',
      ]);
    }
  });

  it('byte by byte', () => {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    for (const byte of new TextEncoder().encode(wire)) lines.push(...splitter.push(Uint8Array.of(byte)));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('90°');
  });

  it('keeps a last line without newline until flush', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\nb')).toEqual(['a']);
    expect(splitter.flush()).toEqual(['b']);
    expect(splitter.flush()).toEqual([]);
  });
});

describe('parseEventLine', () => {
  it('parses every event type of the protocol', () => {
    expect(parseEventLine('{"type":"boot","t":0,"app":"demo"}')).toEqual({ type: 'boot', t: 0, app: 'demo' });
    expect(parseEventLine('{"type":"lcd","t":1,"lines":["a",""]}')).toEqual({
      type: 'lcd',
      t: 1,
      lines: ['a', ''],
    });
    expect(parseEventLine('{"type":"servo","t":2,"angle":45}')).toEqual({ type: 'servo', t: 2, angle: 45 });
    expect(
      parseEventLine(
        '{"type":"http","t":3,"method":"GET","url":"http://x/a.json?auth=<redacted>","status":200,"ms":4}',
      ),
    ).toEqual({
      type: 'http',
      t: 3,
      method: 'GET',
      url: 'http://x/a.json?auth=<redacted>',
      status: 200,
      ms: 4,
    });
    expect(
      parseEventLine('{"type":"http","t":3,"method":"GET","url":"u","status":0,"ms":4,"error":"timeout"}'),
    ).toMatchObject({
      error: 'timeout',
    });
    expect(parseEventLine('{"type":"log","t":5,"level":"warn","msg":"m"}')).toEqual({
      type: 'log',
      t: 5,
      level: 'warn',
      msg: 'm',
    });
  });

  it.each([
    ['hello', 'not JSON'],
    ['[1]', 'not an object'],
    ['{"type":"servo","angle":1}', 'missing "t"'],
    ['{"type":"lcd","t":1,"lines":["only one"]}', 'lcd needs'],
    ['{"type":"servo","t":1,"angle":"90"}', 'numeric "angle"'],
    ['{"type":"log","t":1,"level":"loud","msg":"x"}', 'log needs'],
    ['{"type":"http","t":1,"method":"GET"}', 'http needs'],
    ['{"type":"teleport","t":1}', 'unknown type'],
  ])('rejects %s with devices/bad-event', (line, problem) => {
    try {
      parseEventLine(line);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DevicesError);
      expect((error as DevicesError).code).toBe('devices/bad-event');
      expect((error as DevicesError).message).toContain(problem);
    }
  });
});
