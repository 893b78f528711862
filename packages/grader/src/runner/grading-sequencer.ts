import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs test files in a fixed order — `public/` before `hidden/`, then by path — so a regrade of
 * the same submission runs the same tests before any kill and earns the same score.
 */
export class GradingSequencer extends BaseSequencer {
  /** @param files - test files to order */
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (id: string): string => `${id.includes('/grading/hidden/') ? 1 : 0}:${id}`;
    return [...files].sort((a, b) => (rank(a.moduleId) < rank(b.moduleId) ? -1 : 1));
  }
}
