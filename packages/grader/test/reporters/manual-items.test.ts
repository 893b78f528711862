import { describe, expect, it } from 'vitest';
import { manualItemsText } from '../../src/reporters/manual-items.js';

describe('manualItemsText', () => {
  it('lists each item to be graded by hand with its points and rubric, apart from the score', () => {
    expect(
      manualItemsText([
        { name: 'the argument', points: 20, rubric: ['claims backed by the labs'] },
        { name: 'the writing', points: 10, rubric: [] },
      ]).split('\n'),
    ).toEqual([
      'To be graded by hand (30 points, not part of the score above, not failed):',
      '  HAND  the argument  – / 20',
      '        - claims backed by the labs',
      '  HAND  the writing  – / 10',
      '',
    ]);
  });

  it('is empty when nothing is graded by hand', () => {
    expect(manualItemsText([])).toBe('');
  });
});
