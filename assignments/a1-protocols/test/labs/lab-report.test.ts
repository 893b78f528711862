import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barChartSvg, formatTable, writeLabResult, type LabResult } from '../../src/labs/lab-report.js';

const result: LabResult = {
  lab: 'demo',
  title: 'two rows',
  rows: [
    { name: 'a<b', bytes: 100 },
    { name: 'c', bytes: 50 },
  ],
  chart: { value: 'bytes', label: 'name', unit: 'B' },
};

describe('lab report', () => {
  it('lines the table up under its header', () => {
    expect(formatTable(result.rows).split('\n')).toEqual([
      'name  bytes',
      '----  -----',
      'a<b   100',
      'c     50',
    ]);
  });

  it('draws bars in proportion and escapes labels', () => {
    const svg = barChartSvg(result);
    expect(svg).toContain('a&lt;b');
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeCloseTo(2 * (widths[1] ?? 0), 0);
  });

  it('writes the JSON the report checks read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'a1-lab-'));
    try {
      const files = writeLabResult(result, dir);
      expect(JSON.parse(readFileSync(files.json, 'utf8'))).toMatchObject({ lab: 'demo', rows: result.rows });
      expect(readFileSync(files.svg, 'utf8')).toMatch(/^<svg /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
