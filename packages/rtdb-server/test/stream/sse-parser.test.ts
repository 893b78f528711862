import { describe, expect, it } from 'vitest';
import { formatSseEvent } from '../../src/stream/sse-event.js';
import { SseParser } from './sse-reader.js';

describe('SSE wire text', () => {
  it('round-trips through a parser fed at every split point', () => {
    const text =
      formatSseEvent('put', { path: '/', data: { a: 'x\ny' } }) +
      formatSseEvent('keep-alive', null) +
      formatSseEvent('patch', { path: '/a', data: { b: 1 } });
    expect(text.startsWith('event: put\ndata: {"path":"/","data":{"a":"x\\ny"}}\n\n')).toBe(true);
    for (let split = 0; split <= text.length; split += 1) {
      const parser = new SseParser();
      const events = [...parser.feed(text.slice(0, split)), ...parser.feed(text.slice(split))];
      expect(events.map((e) => e.event)).toEqual(['put', 'keep-alive', 'patch']);
      expect(events[0]!.data).toEqual({ path: '/', data: { a: 'x\ny' } });
    }
  });
});
