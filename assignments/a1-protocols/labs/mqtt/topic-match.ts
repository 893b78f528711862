/**
 * MQTT topic filters (lab `mqtt`, row 1).
 *
 * A subscription names a topic filter; the broker hands a message to a subscriber when the
 * message's topic matches the filter. Levels are separated by `/`:
 * - `+` matches exactly one level (which may be empty): `home/+/ir` matches `home/hall/ir`;
 * - `#` matches the parent level and any number of levels below it, and may only be the last level:
 *   `home/#` matches `home`, `home/hall` and `home/hall/ir`;
 * - a filter starting with a wildcard never matches a topic starting with `$` (`$SYS/…` is the
 *   broker's own);
 * - everything else must be equal, level by level (case matters).
 */

/**
 * Whether a message published on `topic` reaches a subscriber of `filter`.
 * @param filter - the subscription's topic filter, e.g. `devices/+/ir` or `devices/#`
 * @param topic - the topic a message was published on (no wildcards)
 */
export function topicMatches(filter: string, topic: string): boolean {
  // BEGIN SOLUTION: split both on "/" and compare level by level; "+" takes one level, "#" the rest (and its parent); wildcards never match a topic starting with "$"
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const want = filter.split('/');
  const got = topic.split('/');
  for (let i = 0; i < want.length; i += 1) {
    const level = want[i];
    if (level === '#') return i === want.length - 1;
    if (i >= got.length) return false;
    if (level !== '+' && level !== got[i]) return false;
  }
  return want.length === got.length;
  // END SOLUTION
}

/**
 * Whether `filter` is a valid topic filter: not empty, `#` only as the whole last level, `+` only
 * as a whole level.
 * @param filter - the filter to check
 */
export function isValidFilter(filter: string): boolean {
  // BEGIN SOLUTION: reject "", "a/#/b", "a#", "a+/b"; accept "#", "+", "a/+/b", "a/#"
  if (filter === '') return false;
  const levels = filter.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
  // END SOLUTION
}
