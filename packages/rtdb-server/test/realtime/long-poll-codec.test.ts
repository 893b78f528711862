import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  decodeWebSafeBase64,
  encodeWebSafeBase64,
  LongPollRequestError,
  MAX_SEGMENTS_PER_REQUEST,
  parseLongPollRequest,
} from '../../src/realtime/long-poll/long-poll-request.js';
import {
  closeScript,
  dataScript,
  disconnectFrameHtml,
  startScript,
} from '../../src/realtime/long-poll/long-poll-script.js';
import { SegmentAssembler } from '../../src/realtime/long-poll/segment-assembler.js';

const q = (query: string) => new URLSearchParams(query);

function refused(query: string): string {
  try {
    parseLongPollRequest(q(query));
  } catch (error) {
    expect(error).toBeInstanceOf(LongPollRequestError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${query}`);
}

describe('parseLongPollRequest', () => {
  it('reads the start request the SDK sends', () => {
    expect(parseLongPollRequest(q('start=t&ser=71903273&cb=1&v=5&p=1:19:web:9b&ns=alice&ls=abc123'))).toEqual(
      {
        kind: 'start',
        callbackId: '1',
        lastSessionId: 'abc123',
      },
    );
    expect(parseLongPollRequest(q('start=t&ser=1&v=5'))).toEqual({
      kind: 'start',
      callbackId: '',
      lastSessionId: null,
    });
  });

  it('reads polls with segments, the disconnect frame and the disconnect ping', () => {
    expect(
      parseLongPollRequest(
        q('id=28078&pw=QoaXoLj7Nf&ser=50262031&ns=x&seg0=0&ts0=1&d0=eyJ0IjoiZCJ9&seg1=1&ts1=2&d1=YQ..'),
      ),
    ).toEqual({
      kind: 'poll',
      id: '28078',
      password: 'QoaXoLj7Nf',
      serial: 50262031,
      segments: [
        { seg: 0, total: 1, data: 'eyJ0IjoiZCJ9' },
        { seg: 1, total: 2, data: 'YQ..' },
      ],
    });
    expect(parseLongPollRequest(q('dframe=t&id=1&pw=a'))).toEqual({ kind: 'frame', id: '1', password: 'a' });
    expect(parseLongPollRequest(q('disconn=t&id=1&pw=a'))).toEqual({
      kind: 'disconnect',
      id: '1',
      password: 'a',
    });
  });

  it('refuses requests it cannot trust, naming the parameter', () => {
    // cb becomes part of a function name in the script the server writes.
    expect(refused('start=t&cb=1;alert(1)')).toMatch(/cb/);
    expect(refused('start=t&cb=1&v=4')).toMatch(/version/);
    expect(refused('ser=1')).toMatch(/start=t, or the connection id and pw/);
    expect(refused('id=a%20b&pw=x&ser=1')).toMatch(/id and pw/);
    expect(refused('id=a&pw=x')).toMatch(/ser/);
    expect(refused('id=a&pw=x&ser=1&seg0=0&ts0=1')).toMatch(/d0/);
    expect(refused('id=a&pw=x&ser=1&seg0=-1&ts0=1&d0=YQ..')).toMatch(/seg0/);
    expect(refused('id=a&pw=x&ser=1&seg0=0&ts0=0&d0=YQ..')).toMatch(/ts0/);
    expect(refused('id=a&pw=x&ser=1&seg0=0&ts0=1&d0=a+b/c')).toMatch(/d0/);
    const many = Array.from(
      { length: MAX_SEGMENTS_PER_REQUEST + 1 },
      (_, i) => `seg${i}=${i}&ts${i}=1&d${i}=YQ..`,
    ).join('&');
    expect(refused(`id=a&pw=x&ser=1&${many}`)).toMatch(/segments/);
  });
});

describe('URL-safe base64 with "." padding', () => {
  it('decodes what the SDK sent in a captured production request', () => {
    expect(
      decodeWebSafeBase64('eyJ0IjoiZCIsImQiOnsiciI6MSwiYSI6InMiLCJiIjp7ImMiOnsic2RrLmpzLjktNS0wIjoxfX19fQ..'),
    ).toBe('{"t":"d","d":{"r":1,"a":"s","b":{"c":{"sdk.js.9-5-0":1}}}}');
  });

  it('round-trips text outside ASCII and uses only the safe alphabet', () => {
    const text = '{"d":"é€😀 ?&=/+"}';
    const encoded = encodeWebSafeBase64(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]*\.*$/);
    expect(decodeWebSafeBase64(encoded)).toBe(text);
  });

  it('refuses text that is not base64 of UTF-8', () => {
    expect(() => decodeWebSafeBase64('abc+')).toThrow(LongPollRequestError);
    expect(() => decodeWebSafeBase64('abcde')).toThrow(LongPollRequestError);
    // 0xFF is never part of UTF-8.
    expect(() => decodeWebSafeBase64('_w..')).toThrow(/UTF-8/);
  });
});

describe('SegmentAssembler', () => {
  const cut = (text: string, size: number, first: number) => {
    const data = encodeWebSafeBase64(text);
    const parts = data.match(new RegExp(`.{1,${size}}`, 'g'))!;
    return parts.map((part, i) => ({ seg: first + i, total: parts.length, data: part }));
  };

  it('puts messages back together in sending order, whatever order the segments came in', () => {
    const assembler = new SegmentAssembler();
    const a = cut('{"first":"message","pad":"aaaaaaaaaaaaaaaaaaaaaaaa"}', 8, 0);
    const b = cut('{"second":true}', 1000, a.length);
    expect(assembler.push([b[0]!, a[2]!])).toEqual([]);
    expect(assembler.push(a.slice(3))).toEqual([]);
    expect(assembler.pendingCount).toBe(a.length - 2 + 1);
    expect(assembler.push([a[1]!, a[0]!])).toEqual([
      '{"first":"message","pad":"aaaaaaaaaaaaaaaaaaaaaaaa"}',
      '{"second":true}',
    ]);
    expect(assembler.pendingCount).toBe(0);
    // A repeated request (a browser retrying a GET) changes nothing.
    expect(assembler.push([a[0]!, b[0]!])).toEqual([]);
  });

  it('fails for good on contradictions and over its limits', () => {
    const conflicting = new SegmentAssembler();
    conflicting.push([{ seg: 1, total: 2, data: 'YQ..' }]);
    expect(() => conflicting.push([{ seg: 1, total: 2, data: 'Yg..' }])).toThrow(/twice/);
    expect(() => conflicting.push([{ seg: 0, total: 1, data: 'YQ..' }])).toThrow(LongPollRequestError);

    const counts = new SegmentAssembler();
    expect(() =>
      counts.push([
        { seg: 0, total: 2, data: 'eyJh' },
        { seg: 1, total: 3, data: 'Ijox' },
      ]),
    ).toThrow(/segment count/);

    const small = new SegmentAssembler({ maxPendingChars: 10, maxSegmentsPerMessage: 4 });
    expect(() => small.push([{ seg: 0, total: 5, data: 'YQ..' }])).toThrow(/limit of 4/);
    const tight = new SegmentAssembler({ maxPendingChars: 10, maxSegmentsPerMessage: 4 });
    expect(() => tight.push([{ seg: 1, total: 2, data: 'YWFhYWFhYWFh' }])).toThrow(/characters/);
  });
});

describe('response scripts', () => {
  function run(scripts: string[], callbackId: string) {
    const calls: unknown[][] = [];
    const window = {
      [`pLPCommand${callbackId}`]: (...args: unknown[]) =>
        calls.push(['command', ...args.filter((a) => a !== undefined)]),
      [`pRTLPCB${callbackId}`]: (...args: unknown[]) => calls.push(['data', ...args]),
    };
    const context = { parent: { window } };
    for (const script of scripts) runInNewContext(script, context);
    return calls;
  }

  it('start defines the iframe callbacks that forward to the page, then data and close use them', () => {
    const hello = '{"t":"c","d":{"t":"h","d":{"ts":1,"v":"5","h":"localhost:9000","s":"abc"}}}';
    const calls = run(
      [
        startScript('7', 'id1', 'pw1', [hello]),
        dataScript(1, ['{"t":"d","d":{"r":1,"b":{"s":"ok","d":""}}}', '{"x":"\u2028"}']),
        closeScript(1),
        closeScript(),
      ],
      '7',
    );
    expect(calls).toEqual([
      ['command', 'start', 'id1', 'pw1'],
      ['data', 0, [JSON.parse(hello)]],
      ['data', 1, [{ t: 'd', d: { r: 1, b: { s: 'ok', d: '' } } }, { x: '\u2028' }]],
      ['command', 'close', 1],
      ['command', 'close'],
    ]);
  });

  it('the disconnect frame reports the exact disconnect URL and cannot be broken out of', () => {
    const html = disconnectFrameHtml('/.lp?disconn=t&id=1&pw=a&ns=x</script>');
    expect(html).toContain('"/.lp?disconn=t&id=1&pw=a&ns=x\\u003c/script>"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
