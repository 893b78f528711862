/** Rank of a JSON value's type in Firebase's value order. */
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (value === false) return 1;
  if (value === true) return 2;
  if (typeof value === 'number') return 3;
  if (typeof value === 'string') return 4;
  return 5;
}

/**
 * Firebase's value order (the `.value` and child-path indexes): missing/null < false < true <
 * numbers < strings (UTF-16 code units) < objects, and all objects tie. Callers break ties by key.
 */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 3) return (a as number) - (b as number);
  if (rankA === 4) {
    const sa = a as string;
    const sb = b as string;
    return sa === sb ? 0 : sa < sb ? -1 : 1;
  }
  return 0;
}

/**
 * Firebase's priority order: no priority < numbers < strings. Priorities are never booleans or
 * objects, so anything else counts as no priority.
 */
export function comparePriorities(a: unknown, b: unknown): number {
  const rank = (p: unknown): number => (typeof p === 'number' ? 1 : typeof p === 'string' ? 2 : 0);
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 1) return (a as number) - (b as number);
  if (rankA === 2) return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  return 0;
}
