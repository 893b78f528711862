import { parse } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';

/** JSON-with-comments text as a plain object; `undefined` when it does not parse to an object. */
export function parseJsonc(text: string): Record<string, unknown> | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value))
    return undefined;
  return value as Record<string, unknown>;
}
