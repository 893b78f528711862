/**
 * The one mapping from a raw IR reading (ESP32 ADC, 12-bit, 0–4095) to a servo angle (0–180).
 *
 * The device firmware, the cloud function and the grader all use this rule; `vectors.json` at the
 * package root holds the shared test cases that the TypeScript and C++ tests both read.
 *
 * @packageDocumentation
 */
export { mapToAngle } from './core/map-to-angle.js';
export { validateCalibration, DEFAULT_CALIBRATION, ADC_MAX, SERVO_MAX } from './core/calibration.js';
export type { Calibration } from './core/calibration.js';
export { MappingError } from './core/mapping-error.js';
export type { MappingErrorCode } from './core/mapping-error.js';
export { mappingVectorsFile, loadMappingVectors } from './data/mapping-vectors.js';
export type { MappingVector } from './data/mapping-vectors.js';
