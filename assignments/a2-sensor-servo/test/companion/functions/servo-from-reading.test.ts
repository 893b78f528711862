import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Calibration } from '@iotkit/mapping';
import { servoFromReading } from '../../../companion/functions/src/servo-from-reading.js';

interface VectorCase {
  name: string;
  calibration: Calibration;
  raw: number;
  angle: number;
}
const vectorsPath = createRequire(import.meta.url)
  .resolve('@iotkit/mapping')
  .replace(/src[\\/]index\.ts$/, 'vectors.json');
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: VectorCase[] };

describe('servoFromReading', () => {
  it.each(vectors.cases)('agrees with the shared vector "$name"', (c) => {
    expect(servoFromReading({ ir: c.raw, ts: 1 }, c.calibration)).toEqual({
      angle: c.angle,
      source: 'function',
    });
  });

  it('rejects readings without an integer ir, naming the problem', () => {
    expect(servoFromReading(null)).toEqual({ rejected: expect.stringContaining('"ir" field') });
    expect(servoFromReading({ ts: 1 })).toEqual({ rejected: expect.stringContaining('"ir" field') });
    expect(servoFromReading({ ir: '12' })).toEqual({ rejected: 'reading.ir must be a number, got string' });
    expect(servoFromReading({ ir: 12.5 })).toEqual({ rejected: expect.stringContaining('finite integer') });
  });
});
