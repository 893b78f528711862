import { MappingError } from './mapping-error.js';

/** The largest reading of the ESP32's 12-bit ADC. */
export const ADC_MAX = 4095;

/** The largest angle a hobby servo is commanded to. */
export const SERVO_MAX = 180;

/** How raw readings translate into servo angles. All bounds are integers. */
export interface Calibration {
  /** Reading that maps to `angleMin` (or to `angleMax` when inverted); `0 <= rawMin < rawMax`. */
  readonly rawMin: number;
  /** Reading that maps to `angleMax` (or to `angleMin` when inverted); `rawMax <= 4095`. */
  readonly rawMax: number;
  /** Smallest angle produced; `0 <= angleMin < angleMax`. */
  readonly angleMin: number;
  /** Largest angle produced; `angleMax <= 180`. */
  readonly angleMax: number;
  /** When true, a larger reading gives a smaller angle. */
  readonly inverted: boolean;
}

/** The full ADC range onto the full servo range, not inverted. */
export const DEFAULT_CALIBRATION: Calibration = Object.freeze({
  rawMin: 0,
  rawMax: ADC_MAX,
  angleMin: 0,
  angleMax: SERVO_MAX,
  inverted: false,
});

/**
 * Checks a calibration and returns it unchanged when it is usable.
 *
 * Accepts `unknown` so values read from JSON or a database can be checked before use.
 *
 * @param value - the candidate calibration
 * @returns the same object, typed
 * @throws {@link MappingError} `mapping/invalid-calibration`, naming the field and the problem
 */
export function validateCalibration(value: unknown): Calibration {
  if (typeof value !== 'object' || value === null) {
    throw invalid(`calibration must be an object, got ${describe(value)}`);
  }
  const c = value as Record<string, unknown>;
  const rawMin = checkBound(c, 'rawMin', ADC_MAX, 'the ADC range 0..4095');
  const rawMax = checkBound(c, 'rawMax', ADC_MAX, 'the ADC range 0..4095');
  const angleMin = checkBound(c, 'angleMin', SERVO_MAX, 'the servo range 0..180');
  const angleMax = checkBound(c, 'angleMax', SERVO_MAX, 'the servo range 0..180');
  if (typeof c['inverted'] !== 'boolean') {
    throw invalid(`inverted must be a boolean, got ${describe(c['inverted'])}`);
  }
  // Equal bounds would divide by zero, so the ordering is strict.
  if (rawMin >= rawMax) {
    throw invalid(`rawMin (${rawMin}) must be less than rawMax (${rawMax})`);
  }
  if (angleMin >= angleMax) {
    throw invalid(`angleMin (${angleMin}) must be less than angleMax (${angleMax})`);
  }
  return value as Calibration;
}

function checkBound(c: Record<string, unknown>, field: string, max: number, range: string): number {
  const v = c[field];
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw invalid(`${field} must be an integer, got ${describe(v)}`);
  }
  if (v < 0 || v > max) {
    throw invalid(`${field} (${v}) is outside ${range}`);
  }
  return v;
}

function invalid(message: string): MappingError {
  return new MappingError('mapping/invalid-calibration', `invalid calibration: ${message}`);
}

function describe(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return v === null ? 'null' : typeof v;
}
