/** Stable codes of {@link DiagramError}. */
export type DiagramErrorCode = 'docs/diagram-syntax';

/** A diagram in a docs page that the site build cannot render; the message names the line. */
export class DiagramError extends Error {
  readonly code: DiagramErrorCode = 'docs/diagram-syntax';

  constructor(message: string) {
    super(message);
    this.name = 'DiagramError';
  }
}
