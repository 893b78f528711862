import { describe, expect, it } from 'vitest';
import { boundedFeedback } from '../../src/runner/observation-reporter.js';

describe('boundedFeedback', () => {
  it('keeps every field a test attached, notes included', () => {
    expect(
      boundedFeedback({
        expected: '180',
        actual: '179',
        hint: 'round half up',
        notes: ['the database refused 3 request(s) sent without an ID token'],
        timeline: [{ t: 5, kind: 'servo', text: 'servo 179°' }],
      }),
    ).toEqual({
      expected: '180',
      actual: '179',
      hint: 'round half up',
      notes: ['the database refused 3 request(s) sent without an ID token'],
      timeline: [{ t: 5, kind: 'servo', text: 'servo 179°' }],
    });
  });

  it('bounds the notes in number and length', () => {
    const fb = boundedFeedback({ notes: Array.from({ length: 30 }, () => 'x'.repeat(5000)) });
    expect(fb?.notes).toHaveLength(10);
    expect(fb?.notes?.every((n) => n.length <= 1100)).toBe(true);
    expect(boundedFeedback({ hint: 'h' })).toEqual({ hint: 'h' });
  });
});
