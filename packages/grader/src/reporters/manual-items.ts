import type { ManualItem } from '../core/manifest.js';

/**
 * The manifest's manual items as plain text for the terminal: "to be graded by hand", each with
 * its points and rubric, so a score printed above them is read as the automatic part only.
 * Empty when there are none.
 * @param manual - the manifest's manual items
 */
export function manualItemsText(manual: readonly ManualItem[]): string {
  if (manual.length === 0) return '';
  const total = manual.reduce((sum, item) => sum + item.points, 0);
  return [
    `To be graded by hand (${total} points, not part of the score above, not failed):`,
    ...manual.flatMap((item) => [
      `  HAND  ${item.name}  – / ${item.points}`,
      ...item.rubric.map((criterion) => `        - ${criterion}`),
    ]),
    '',
  ].join('\n');
}
