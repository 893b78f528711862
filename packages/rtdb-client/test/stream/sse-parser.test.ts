import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../src/stream/sse-parser.js';

// A Firebase REST stream as it appears on the wire: first put, a patch, a keep-alive, a put with
// non-ASCII text (multi-byte UTF-8 sequences to split), and a cancel.
const WIRE =
  'event: put\n' +
  'data: {"path":"/","data":{"a":1,"b":{"c":true}}}\n' +
  '\n' +
  'event: patch\n' +
  'data: {"path":"/b","data":{"c":false,"d/e":"x"}}\n' +
  '\n' +
  'event: keep-alive\n' +
  'data: null\n' +
  '\n' +
  'event: put\n' +
  'data: {"path":"/name","data":"Température 🌡️ 温度"}\n' +
  '\n' +
  'event: cancel\n' +
  'data: "Permission denied"\n' +
  '\n';

const EXPECTED: Array<Pick<SseMessage, 'event' | 'data'>> = [
  { event: 'put', data: '{"path":"/","data":{"a":1,"b":{"c":true}}}' },
  { event: 'patch', data: '{"path":"/b","data":{"c":false,"d/e":"x"}}' },
  { event: 'keep-alive', data: 'null' },
  { event: 'put', data: '{"path":"/name","data":"Température 🌡️ 温度"}' },
  { event: 'cancel', data: '"Permission denied"' },
];

function feed(chunks: Array<Uint8Array | string>): Array<Pick<SseMessage, 'event' | 'data'>> {
  const parser = new SseParser();
  const out = chunks.flatMap((chunk) => parser.push(chunk));
  out.push(...parser.end());
  return out.map(({ event, data }) => ({ event, data }));
}

describe('SseParser', () => {
  const bytes = new TextEncoder().encode(WIRE);

  it('parses the whole stream in one chunk', () => {
    expect(feed([bytes])).toEqual(EXPECTED);
  });

  it('gives the same events whatever byte boundary splits the stream in two', () => {
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      expect(feed([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events when fed one byte at a time', () => {
    const single = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(feed(single)).toEqual(EXPECTED);
  });

  it('gives the same events with CRLF and with CR line endings, split at every boundary', () => {
    for (const eol of ['\r\n', '\r']) {
      const wire = new TextEncoder().encode(WIRE.replaceAll('\n', eol));
      for (let cut = 0; cut <= wire.length; cut += 1) {
        expect(
          feed([wire.subarray(0, cut), wire.subarray(cut)]),
          `${JSON.stringify(eol)} cut at ${cut}`,
        ).toEqual(EXPECTED);
      }
    }
  });

  it('returns each event as soon as its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: put\ndata: {"path":"/","data":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([
      { event: 'put', data: '{"path":"/","data":1}', lastEventId: undefined },
    ]);
  });

  it('joins multi-line data, skips comments, strips a BOM and defaults the type to message', () => {
    const events = feed(['\ufeff: a comment\ndata: line one\ndata:line two\ndata\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'line one\nline two\n' }]);
  });

  it('drops an event whose terminating blank line never arrives', () => {
    expect(
      feed(['event: put\ndata: {"path":"/","data":1}\n\nevent: put\ndata: {"path":"/","data":2}\n']),
    ).toEqual([{ event: 'put', data: '{"path":"/","data":1}' }]);
  });

  it('dispatches nothing for a blank-line-terminated block without data', () => {
    expect(feed(['event: put\n\nevent: patch\ndata: {}\n\n'])).toEqual([{ event: 'patch', data: '{}' }]);
  });

  it('remembers id and retry fields', () => {
    const parser = new SseParser();
    const events = parser.push('id: 7\nretry: 2500\ndata: x\n\nretry: soon\ndata: y\n\n');
    expect(events.map((e) => e.lastEventId)).toEqual(['7', '7']);
    expect(parser.retryMs).toBe(2500);
  });
});
