import { DEFAULT_CALIBRATION, mapToAngle, MappingError } from '@iotkit/mapping';
import type { Calibration } from '@iotkit/mapping';

/** The servo command the function writes, before the server fills in `ts`. */
export interface ServoCommand {
  readonly angle: number;
  readonly source: 'function';
}

/** Why a reading could not be mapped; the function logs it and writes nothing. */
export interface RejectedReading {
  readonly rejected: string;
}

/**
 * Maps one stored reading (`{ir, ts}`) to the servo command, with the same rule as the firmware.
 * Anything that is not a reading with an integer `ir` is rejected with a reason, so a malformed
 * write never moves the servo.
 */
export function servoFromReading(
  reading: unknown,
  calibration: Calibration = DEFAULT_CALIBRATION,
): ServoCommand | RejectedReading {
  if (typeof reading !== 'object' || reading === null || !('ir' in reading)) {
    return { rejected: `reading must be an object with an "ir" field, got ${JSON.stringify(reading)}` };
  }
  const ir = (reading as { ir: unknown }).ir;
  if (typeof ir !== 'number') {
    return { rejected: `reading.ir must be a number, got ${typeof ir}` };
  }
  try {
    return { angle: mapToAngle(ir, calibration), source: 'function' };
  } catch (error) {
    if (error instanceof MappingError) return { rejected: error.message };
    throw error;
  }
}
