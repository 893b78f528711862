import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Calibration } from '../core/calibration.js';

/** One shared test case: a raw reading under a calibration, and the angle it must give. */
export interface MappingVector {
  /** The calibration in force. */
  readonly calibration: Calibration;
  /** The raw ADC reading. */
  readonly raw: number;
  /** The expected servo angle. */
  readonly angle: number;
}

/**
 * Path of `vectors.json`, the cases the TypeScript mapping, the C++ mapping and the graders all
 * check against (the same file from source, from `dist/`, or from a handout's vendored copy).
 */
export function mappingVectorsFile(): string {
  return fileURLToPath(new URL('../../vectors.json', import.meta.url));
}

/** The shared cases, read from {@link mappingVectorsFile}. */
export function loadMappingVectors(): MappingVector[] {
  const parsed = JSON.parse(readFileSync(mappingVectorsFile(), 'utf8')) as { cases?: unknown };
  if (!Array.isArray(parsed.cases)) throw new Error(`${mappingVectorsFile()} has no "cases" array`);
  return parsed.cases as MappingVector[];
}
