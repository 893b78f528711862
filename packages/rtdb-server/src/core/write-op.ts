import type { Path } from './path.js';

/** One location of an atomic write. */
export interface WriteOp {
  /** Where to write; may end in `.priority` to set only the priority of the parent. */
  path: Path;
  /** JSON value (`null` deletes); may hold `.sv` placeholders and `.priority`/`.value` wrappers. */
  value: unknown;
  /**
   * `set` replaces a location; `merge-child` is one child of a multi-path update. Both replace the
   * data at `path`; the kind tells rules and stream events that the location was part of a merge.
   */
  kind: 'set' | 'merge-child';
}
