import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMappingVectors, mapToAngle, mappingVectorsFile } from '../../src/index.js';

describe('mapping vectors', () => {
  it('names the package’s vectors.json', () => {
    expect(mappingVectorsFile()).toMatch(/mapping[/\\]vectors\.json$/);
    expect(existsSync(mappingVectorsFile())).toBe(true);
  });

  it('loads cases the TypeScript mapping agrees with', () => {
    const cases = loadMappingVectors();
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) expect(mapToAngle(c.raw, c.calibration), JSON.stringify(c)).toBe(c.angle);
  });
});
