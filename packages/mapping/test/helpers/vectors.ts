import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One valid case of vectors.json. */
export interface VectorCase {
  name: string;
  calibration: Record<string, number | boolean>;
  raw: number;
  angle: number;
}

/** One invalid case of vectors.json, with non-finite numbers already converted. */
export interface InvalidCase {
  name: string;
  calibration: Record<string, number | boolean>;
  raw: number;
  code: string;
}

const path = fileURLToPath(new URL('../../vectors.json', import.meta.url));

// JSON has no NaN/Infinity; the file spells them as strings, like the C++ reader expects.
function revive(v: unknown): unknown {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  return v;
}

/** Reads the shared vectors file the C++ tests read too. */
export function loadVectors(): { cases: VectorCase[]; invalid: InvalidCase[]; rule: string } {
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    rule: string;
    cases: VectorCase[];
    invalid: { name: string; calibration: Record<string, unknown>; raw: unknown; code: string }[];
  };
  const invalid = file.invalid.map((c) => ({
    name: c.name,
    code: c.code,
    raw: revive(c.raw) as number,
    calibration: Object.fromEntries(Object.entries(c.calibration).map(([k, v]) => [k, revive(v)])) as Record<
      string,
      number | boolean
    >,
  }));
  return { cases: file.cases, invalid, rule: file.rule };
}
