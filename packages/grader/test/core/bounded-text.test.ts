import { describe, expect, it } from 'vitest';
import { BoundedText } from '../../src/core/bounded-text.js';

describe('BoundedText', () => {
  it('keeps short output whole', () => {
    const b = new BoundedText(100);
    b.push('hello ');
    b.push(Buffer.from('world'));
    expect([b.toString(), b.truncated, b.totalBytes]).toEqual(['hello world', false, 11]);
  });

  it('keeps the head and the tail of long output and says how much was cut', () => {
    const b = new BoundedText(40);
    b.push('HEAD-');
    for (let i = 0; i < 10_000; i++) b.push('x'.repeat(100));
    b.push('-TAIL');
    const s = b.toString();
    expect(s.startsWith('HEAD-')).toBe(true);
    expect(s.endsWith('-TAIL')).toBe(true);
    expect(s).toMatch(/\[999970 bytes cut: output limit reached\]/);
    expect(b.totalBytes).toBe(1_000_010);
  });

  it('keeps exactly the limit whole and cuts from one byte more', () => {
    const exact = new BoundedText(8);
    exact.push('abcdefgh');
    expect([exact.toString(), exact.truncated]).toEqual(['abcdefgh', false]);
    const over = new BoundedText(8);
    over.push('abcdefghi');
    // Three quarters (6 bytes) from the head, the last quarter (2 bytes) from the tail.
    expect(over.toString()).toBe('abcdef\n… [1 bytes cut: output limit reached] …\nhi');
    expect([over.truncated, over.totalBytes]).toEqual([true, 9]);
  });

  it('fills the head across several pieces before keeping a tail', () => {
    const b = new BoundedText(8);
    b.push('abc');
    b.push('defgh');
    b.push('ijk');
    expect(b.toString()).toBe('abcdef\n… [3 bytes cut: output limit reached] …\njk');
    expect(b.totalBytes).toBe(11);
  });

  it('keeps a tail shorter than its quarter without cutting', () => {
    const b = new BoundedText(8);
    b.push('abcdefg');
    expect([b.toString(), b.truncated]).toEqual(['abcdefg', false]);
  });
});
