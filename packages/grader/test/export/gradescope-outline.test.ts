import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest.js';
import { gradescopeOutline } from '../../src/export/gradescope-outline.js';

describe('gradescopeOutline', () => {
  it('has the autograder worth the automatic maximum, then one manually graded question per manual item', () => {
    const manifest = parseManifest({
      assignment: 'a9-report',
      title: 'Report',
      maxScore: 100,
      tests: [
        { file: 'public/a.test.ts', name: 'sections', points: 60 },
        { file: 'hidden/b.test.ts', name: 'corners', points: 10, visibility: 'hidden' },
        { file: 'hidden/b.test.ts', name: 'extra', points: 5, visibility: 'hidden', bonus: true },
      ],
      manual: [
        { name: 'the argument', points: 20, rubric: ['claims backed by the labs', 'trade-offs weighed'] },
        { name: 'the writing', points: 10 },
      ],
    });
    expect(gradescopeOutline(manifest)).toEqual({
      assignment: 'a9-report',
      title: 'Report',
      totalPoints: 100,
      questions: [
        { title: 'Autograder', points: 70, grading: 'autograder', rubric: [] },
        {
          title: 'the argument',
          points: 20,
          grading: 'manual',
          rubric: ['claims backed by the labs', 'trade-offs weighed'],
        },
        { title: 'the writing', points: 10, grading: 'manual', rubric: [] },
      ],
    });
  });
});
