import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeFrames, splitText } from '../../src/realtime/frame-codec.js';

describe('encodeFrames', () => {
  it('sends a short message as one frame without a count', () => {
    expect(encodeFrames({ t: 'd', d: { r: 1, b: { s: 'ok', d: '' } } })).toEqual([
      '{"t":"d","d":{"r":1,"b":{"s":"ok","d":""}}}',
    ]);
  });

  it('prefixes a long message with its frame count and splits it into bounded chunks', () => {
    const message = { t: 'd', d: { a: 'd', b: { p: '/x', d: 'y'.repeat(40_000) } } };
    const frames = encodeFrames(message);
    expect(frames[0]).toBe(String(frames.length - 1));
    expect(frames.length - 1).toBe(3);
    for (const chunk of frames.slice(1)) expect(chunk.length).toBeLessThanOrEqual(16384);
    expect(JSON.parse(frames.slice(1).join(''))).toEqual(message);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = 'a' + '😀'.repeat(20);
    const frames = splitText(text, 4);
    const chunks = frames.slice(1);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      // A lone surrogate at either end would be a broken character once encoded to UTF-8.
      expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('never produces a bare "0" frame', () => {
    for (let size = 2; size < 12; size += 1) {
      const frames = splitText('{"t":"c","d":{"t":"o","d":{}}}', size);
      expect(frames).not.toContain('0');
    }
  });
});

describe('FrameDecoder', () => {
  it('passes a whole message through', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push('{"t":"d"}')).toEqual({ kind: 'message', text: '{"t":"d"}' });
  });

  it('treats "0" as a keep-alive', () => {
    const decoder = new FrameDecoder();
    expect(decoder.push('0')).toEqual({ kind: 'keep-alive' });
    expect(decoder.buffering).toBe(false);
  });

  it('reassembles literal wire text split at every boundary', () => {
    const wire = '{"t":"d","d":{"r":7,"a":"p","b":{"p":"/a","d":{"x":"héllo"}}}}';
    for (let cut = 1; cut < wire.length; cut += 1) {
      const decoder = new FrameDecoder();
      expect(decoder.push('2')).toEqual({ kind: 'partial' });
      expect(decoder.push(wire.slice(0, cut))).toEqual({ kind: 'partial' });
      expect(decoder.push(wire.slice(cut))).toEqual({ kind: 'message', text: wire });
      expect(decoder.buffering).toBe(false);
    }
  });

  it('round-trips everything encodeFrames produces', () => {
    const message = { t: 'd', d: { r: 2, a: 'm', b: { p: '/', d: { big: 'z'.repeat(70_000) } } } };
    const decoder = new FrameDecoder();
    const results = encodeFrames(message).map((frame) => decoder.push(frame));
    const last = results.at(-1);
    expect(last?.kind).toBe('message');
    expect(last?.kind === 'message' && JSON.parse(last.text)).toEqual(message);
  });

  it('does not take a digit-only chunk of a split message for a count', () => {
    const decoder = new FrameDecoder();
    decoder.push('3');
    expect(decoder.push('{"n":')).toEqual({ kind: 'partial' });
    expect(decoder.push('12345')).toEqual({ kind: 'partial' });
    expect(decoder.push('}')).toEqual({ kind: 'message', text: '{"n":12345}' });
  });

  it('rejects a huge frame count and stays failed', () => {
    const decoder = new FrameDecoder({ maxFrames: 10, maxMessageChars: 1000 });
    expect(decoder.push('999999').kind).toBe('error');
    expect(decoder.push('{"t":"d"}').kind).toBe('error');
  });

  it('rejects a reassembled message over the size limit', () => {
    const decoder = new FrameDecoder({ maxFrames: 10, maxMessageChars: 10 });
    decoder.push('2');
    expect(decoder.push('123456')).toEqual({ kind: 'partial' });
    expect(decoder.push('1234567')).toMatchObject({ kind: 'error' });
  });
});
