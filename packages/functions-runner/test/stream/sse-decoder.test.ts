import { describe, expect, it } from 'vitest';
import { SseDecoder } from '../../src/stream/sse-decoder.js';

const wire =
  'event: ready\ndata: {"namespace":"n"}\n\n' +
  ': keep-alive\n\n' +
  'event: write\r\ndata: {"v":"é✓"}\r\n\r\n' +
  'data: line1\ndata: line2\nid: 3\n\n';
const bytes = new TextEncoder().encode(wire);
const expected = [
  { event: 'ready', data: '{"namespace":"n"}' },
  { event: 'write', data: '{"v":"é✓"}' },
  { event: 'message', data: 'line1\nline2' },
];

describe('SseDecoder', () => {
  it('decodes the same events wherever the stream is cut, CRLF and UTF-8 sequences included', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new SseDecoder();
      const got = [...decoder.push(bytes.slice(0, cut)), ...decoder.push(bytes.slice(cut))];
      expect(got, `cut at byte ${cut}`).toEqual(expected);
    }
  });

  it('decodes the stream fed one byte at a time', () => {
    const decoder = new SseDecoder();
    const got = [...bytes].flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(got).toEqual(expected);
  });

  it('holds an event until its blank line arrives', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('event: write\ndata: 1\n')).toEqual([]);
    expect(decoder.push('\n')).toEqual([{ event: 'write', data: '1' }]);
  });
});
