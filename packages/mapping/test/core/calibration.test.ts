import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION, MappingError, validateCalibration } from '../../src/index.js';

function messageOf(value: unknown): string {
  try {
    validateCalibration(value);
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    expect((error as MappingError).code).toBe('mapping/invalid-calibration');
    return (error as MappingError).message;
  }
  throw new Error('expected validateCalibration to throw');
}

describe('validateCalibration()', () => {
  it('returns a valid calibration unchanged', () => {
    const c = { rawMin: 10, rawMax: 20, angleMin: 0, angleMax: 1, inverted: true };
    expect(validateCalibration(c)).toBe(c);
    expect(validateCalibration(DEFAULT_CALIBRATION)).toBe(DEFAULT_CALIBRATION);
  });

  it('freezes the default so no caller can change it for everyone', () => {
    expect(Object.isFrozen(DEFAULT_CALIBRATION)).toBe(true);
    expect(DEFAULT_CALIBRATION).toEqual({
      rawMin: 0,
      rawMax: 4095,
      angleMin: 0,
      angleMax: 180,
      inverted: false,
    });
  });

  it.each([
    [null, /must be an object, got null/],
    ['x', /must be an object/],
    [{ ...DEFAULT_CALIBRATION, rawMin: undefined }, /rawMin must be an integer, got undefined/],
    [{ ...DEFAULT_CALIBRATION, rawMax: '4095' }, /rawMax must be an integer, got "4095"/],
    [{ ...DEFAULT_CALIBRATION, angleMax: Number.NaN }, /angleMax must be an integer, got NaN/],
    [{ ...DEFAULT_CALIBRATION, angleMin: -1 }, /angleMin \(-1\) is outside the servo range/],
    [{ ...DEFAULT_CALIBRATION, rawMin: -1 }, /rawMin \(-1\) is outside the ADC range 0\.\.4095$/],
    [{ ...DEFAULT_CALIBRATION, angleMax: 181 }, /angleMax \(181\) is outside the servo range 0\.\.180$/],
    [{ ...DEFAULT_CALIBRATION, rawMin: true }, /rawMin must be an integer, got true$/],
    [{ ...DEFAULT_CALIBRATION, angleMin: [1] }, /angleMin must be an integer, got object$/],
    [{ ...DEFAULT_CALIBRATION, rawMax: 5000 }, /rawMax \(5000\) is outside the ADC range/],
    [{ ...DEFAULT_CALIBRATION, inverted: 'yes' }, /inverted must be a boolean, got "yes"/],
    [{ ...DEFAULT_CALIBRATION, inverted: undefined }, /inverted must be a boolean/],
    [{ ...DEFAULT_CALIBRATION, rawMin: 7, rawMax: 7 }, /rawMin \(7\) must be less than rawMax \(7\)/],
    [
      { ...DEFAULT_CALIBRATION, angleMin: 90, angleMax: 45 },
      /angleMin \(90\) must be less than angleMax \(45\)/,
    ],
  ])('rejects %j naming the problem', (value, message) => {
    expect(messageOf(value)).toMatch(message);
  });
});
