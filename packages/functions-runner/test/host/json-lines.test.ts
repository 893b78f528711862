import { describe, expect, it } from 'vitest';
import { encodeJsonLine, JsonLinesDecoder } from '../../src/host/json-lines.js';

const wire = encodeJsonLine({ type: 'log', line: 'héllo ✓' }) + encodeJsonLine({ type: 'idle', id: 7 });
const bytes = new TextEncoder().encode(wire);

describe('JsonLinesDecoder', () => {
  it('returns the same messages wherever the byte stream is cut, even inside a UTF-8 sequence', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new JsonLinesDecoder();
      const got = [...decoder.push(bytes.slice(0, cut)), ...decoder.push(bytes.slice(cut))];
      expect(got, `cut at byte ${cut}`).toEqual([
        { type: 'log', line: 'héllo ✓' },
        { type: 'idle', id: 7 },
      ]);
    }
  });

  it('keeps an unfinished line until its newline arrives', () => {
    const decoder = new JsonLinesDecoder();
    expect(decoder.push('{"type":"st')).toEqual([]);
    expect(decoder.push('opped"}\n')).toEqual([{ type: 'stopped' }]);
  });

  it('turns a line that is not JSON into an unparsable message instead of throwing', () => {
    const decoder = new JsonLinesDecoder();
    expect(decoder.push('oops\n\n{"type":"stopped"}\n')).toEqual([
      { type: 'unparsable', line: 'oops' },
      { type: 'stopped' },
    ]);
  });
});
