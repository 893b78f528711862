import type { SubmissionResult } from '../core/result-model.js';
import { toMarkdown } from '../reporters/markdown-feedback.js';

// Markdown wraps, indents and backticks as it likes; a mention is about words, not layout.
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The feedback a student reads on a graded submission once every test may be shown (hidden tests
 * included): what a catalogue mutant's `feedbackMentions` are checked against.
 * @param result - the graded submission
 */
export function studentFeedback(result: SubmissionResult): string {
  return toMarkdown(result, { audience: 'student', afterDueDate: true });
}

/**
 * The mentions `feedback` does not contain, comparing without regard to case or runs of spaces.
 * @param feedback - the student feedback (Markdown)
 * @param mentions - texts it must contain
 * @returns the missing ones, in their given order (empty when all are there)
 */
export function missingMentions(feedback: string, mentions: readonly string[]): string[] {
  const text = normalise(feedback);
  return mentions.filter((m) => !text.includes(normalise(m)));
}
