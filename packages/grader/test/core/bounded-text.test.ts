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
});
