import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION, MappingError, mapToAngle } from '../../src/index.js';
import type { Calibration } from '../../src/index.js';
import { loadVectors } from '../helpers/vectors.js';

const vectors = loadVectors();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return (error as MappingError).code;
  }
  return undefined;
}

describe('vectors.json', () => {
  it('holds at least 60 valid cases with unique names and every field present', () => {
    expect(vectors.cases.length).toBeGreaterThanOrEqual(60);
    const names = [...vectors.cases, ...vectors.invalid].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of [...vectors.cases, ...vectors.invalid]) {
      expect(Object.keys(c.calibration).sort()).toEqual([
        'angleMax',
        'angleMin',
        'inverted',
        'rawMax',
        'rawMin',
      ]);
    }
  });

  it('covers both invalid codes', () => {
    expect(new Set(vectors.invalid.map((c) => c.code))).toEqual(
      new Set(['mapping/invalid-calibration', 'mapping/invalid-reading']),
    );
  });
});

describe('mapToAngle() on the shared vectors', () => {
  it.each(vectors.cases)('$name: $raw -> $angle', ({ calibration, raw, angle }) => {
    expect(mapToAngle(raw, calibration as unknown as Calibration)).toBe(angle);
  });

  it.each(vectors.invalid)('$name -> $code', ({ calibration, raw, code }) => {
    expect(codeOf(() => mapToAngle(raw, calibration as unknown as Calibration))).toBe(code);
  });
});

describe('mapToAngle()', () => {
  it('uses the default calibration when none is given', () => {
    expect(mapToAngle(4095)).toBe(180);
    expect(mapToAngle(2048)).toBe(mapToAngle(2048, DEFAULT_CALIBRATION));
  });

  it('is the nearest integer to the exact value, ties up, over the whole ADC range', () => {
    for (const inverted of [false, true]) {
      const c = { ...DEFAULT_CALIBRATION, rawMin: 300, rawMax: 3800, angleMin: 20, angleMax: 160, inverted };
      const rawRange = c.rawMax - c.rawMin;
      let previous = inverted ? Infinity : -Infinity;
      for (let raw = 0; raw <= 4095; raw += 1) {
        const angle = mapToAngle(raw, c);
        const r = Math.min(Math.max(raw, c.rawMin), c.rawMax);
        const span = inverted ? c.rawMax - r : r - c.rawMin;
        // Compare angle with angleMin + span*angleRange/rawRange, scaled by 2*rawRange to stay exact.
        const diff = 2 * ((angle - c.angleMin) * rawRange - span * (c.angleMax - c.angleMin));
        expect(diff).toBeGreaterThan(-rawRange);
        expect(diff).toBeLessThanOrEqual(rawRange);
        if (inverted) expect(angle).toBeLessThanOrEqual(previous);
        else expect(angle).toBeGreaterThanOrEqual(previous);
        previous = angle;
      }
    }
  });

  it('differs from Arduino map() where truncation bites', () => {
    const arduinoMap = (x: number) => Math.trunc((x * 180) / 4095);
    expect(arduinoMap(4094)).toBe(179);
    expect(mapToAngle(4094)).toBe(180);
    expect(arduinoMap(4100)).toBe(180);
    expect(mapToAngle(5000)).toBe(180);
  });

  it('rejects a reading that is not a number', () => {
    expect(codeOf(() => mapToAngle('12' as unknown as number))).toBe('mapping/invalid-reading');
    // The type, not the text: "got 12" would read like a number.
    expect(() => mapToAngle('12' as unknown as number)).toThrow(/raw must be a finite integer, got string$/);
    expect(() => mapToAngle(Number.NaN)).toThrow(/raw must be a finite integer, got NaN/);
  });

  it('checks the calibration before the reading', () => {
    const bad = { ...DEFAULT_CALIBRATION, rawMin: 5, rawMax: 5 };
    expect(codeOf(() => mapToAngle(Number.NaN, bad))).toBe('mapping/invalid-calibration');
  });
});
