import type { Manifest } from '../core/manifest.js';

/** One question of a Gradescope assignment outline. */
export interface GradescopeQuestion {
  /** The question's title as the instructor types it into the outline. */
  title: string;
  /** Its points. */
  points: number;
  /** `autograder`: scored by `results.json`; `manual`: graded by hand on Gradescope. */
  grading: 'autograder' | 'manual';
  /** Rubric items to create for a manual question. */
  rubric: string[];
}

/** The outline a Gradescope programming assignment needs for this manifest. */
export interface GradescopeOutline {
  /** Assignment id. */
  assignment: string;
  /** Assignment title. */
  title: string;
  /** Autograder points plus every manual question's. */
  totalPoints: number;
  /** The autograder's question first, then each manual item as a manually graded question. */
  questions: GradescopeQuestion[];
}

/**
 * The Gradescope outline of an assignment: the autograder worth the manifest's automatic maximum
 * (what `results.json` reports), and each manual item as a manually graded question with its
 * rubric. Gradescope has no file import for outlines, so the export writes this beside the zip
 * and prints it for the instructor to enter once.
 * @param manifest - the parsed manifest
 */
export function gradescopeOutline(manifest: Manifest): GradescopeOutline {
  return {
    assignment: manifest.assignment,
    title: manifest.title,
    totalPoints: manifest.maxScore + manifest.manualPoints,
    questions: [
      { title: 'Autograder', points: manifest.maxScore, grading: 'autograder', rubric: [] },
      ...manifest.manual.map((item): GradescopeQuestion => ({
        title: item.name,
        points: item.points,
        grading: 'manual',
        rubric: [...item.rubric],
      })),
    ],
  };
}
