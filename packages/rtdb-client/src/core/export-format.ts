/** A value read with `format=export`, split into its plain JSON form and its priority. */
export interface ExportedValue {
  readonly value: unknown;
  readonly priority: string | number | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the export form (`{".value": v, ".priority": p}` leaves, `.priority` keys on objects) into
 * the plain JSON a normal read returns, keeping the top-level priority apart.
 */
export function fromExportFormat(exported: unknown): ExportedValue {
  if (!isPlainObject(exported)) return { value: exported ?? null, priority: null };
  const rawPriority = exported['.priority'];
  const priority = typeof rawPriority === 'string' || typeof rawPriority === 'number' ? rawPriority : null;
  if ('.value' in exported) return { value: exported['.value'] ?? null, priority };
  const value: Record<string, unknown> = {};
  let empty = true;
  for (const [key, child] of Object.entries(exported)) {
    if (key === '.priority') continue;
    const plain = fromExportFormat(child).value;
    if (plain === null) continue;
    value[key] = plain;
    empty = false;
  }
  return { value: empty ? null : value, priority };
}
