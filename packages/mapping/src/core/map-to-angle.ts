import { DEFAULT_CALIBRATION, validateCalibration } from './calibration.js';
import type { Calibration } from './calibration.js';
import { MappingError } from './mapping-error.js';

/**
 * Maps a raw IR reading to a servo angle.
 *
 * The reading is clamped into `[rawMin, rawMax]`, scaled linearly onto `[angleMin, angleMax]`
 * (reversed when `inverted`), and rounded half up. Everything is integer arithmetic: the
 * largest intermediate is `2 * 4095 * 180 + 4095`, far below 2^31, so the C++ firmware computes
 * bit-for-bit the same result with 32-bit integers.
 *
 * @param raw - the ADC reading; any integer (out-of-range values are clamped)
 * @param calibration - defaults to {@link DEFAULT_CALIBRATION}
 * @returns an integer angle in `[angleMin, angleMax]`
 * @throws {@link MappingError} `mapping/invalid-calibration` or `mapping/invalid-reading`
 */
export function mapToAngle(raw: number, calibration: Calibration = DEFAULT_CALIBRATION): number {
  const c = validateCalibration(calibration);
  if (typeof raw !== 'number' || !Number.isInteger(raw)) {
    throw new MappingError(
      'mapping/invalid-reading',
      `invalid reading: raw must be a finite integer, got ${typeof raw === 'number' ? String(raw) : typeof raw}`,
    );
  }
  const r = Math.min(Math.max(raw, c.rawMin), c.rawMax);
  const span = c.inverted ? c.rawMax - r : r - c.rawMin;
  const rawRange = c.rawMax - c.rawMin;
  const angleRange = c.angleMax - c.angleMin;
  // floor((2ab + d) / 2d) rounds a*b/d half up. The remainder is taken first so the division is
  // exact and no float rounding can creep in.
  const numerator = 2 * span * angleRange + rawRange;
  const denominator = 2 * rawRange;
  return c.angleMin + (numerator - (numerator % denominator)) / denominator;
}
