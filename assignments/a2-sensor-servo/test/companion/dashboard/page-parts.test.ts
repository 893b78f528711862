import { describe, expect, it } from 'vitest';
import { needleTip } from '../../../companion/dashboard/src/page/angle-gauge.js';
import { lcdLines } from '../../../companion/dashboard/src/page/lcd-lines.js';
import { chartPolyline, readingsToPoints } from '../../../companion/dashboard/src/page/readings-chart.js';
import { dashboardPage } from '../../../companion/dashboard/src/dashboard-page.js';

describe('readingsToPoints', () => {
  it('orders by push id, uses ts when present and skips malformed readings', () => {
    const points = readingsToPoints({
      '-b': { ir: 20, ts: 2000 },
      '-a': { ir: 10, ts: 1000 },
      '-c': { ir: 'x' },
      '-d': 5,
      '-e': { ir: 30 },
    });
    expect(points).toEqual([
      { x: 1000, ir: 10 },
      { x: 2000, ir: 20 },
      { x: 4, ir: 30 },
    ]);
    expect(readingsToPoints(null)).toEqual([]);
  });
});

describe('chartPolyline', () => {
  const box = { width: 120, height: 60, padding: 10 };
  it('spans the inner box: first point left, 4095 at the top, 0 at the bottom', () => {
    expect(
      chartPolyline(
        [
          { x: 0, ir: 0 },
          { x: 10, ir: 4095 },
        ],
        box,
      ),
    ).toBe('10.0,50.0 110.0,10.0');
  });
  it('clamps out-of-range readings and handles a single point', () => {
    expect(chartPolyline([{ x: 5, ir: 9000 }], box)).toBe('10.0,10.0');
    expect(chartPolyline([], box)).toBe('');
  });
});

describe('needleTip', () => {
  it('points left at 0°, up at 90°, right at 180° and clamps', () => {
    const r = (p: { x: number; y: number }) => [Math.round(p.x), Math.round(p.y)];
    expect(r(needleTip(0, 100, 100, 50))).toEqual([50, 100]);
    expect(r(needleTip(90, 100, 100, 50))).toEqual([100, 50]);
    expect(r(needleTip(180, 100, 100, 50))).toEqual([150, 100]);
    expect(r(needleTip(500, 100, 100, 50))).toEqual([150, 100]);
  });
});

describe('lcdLines', () => {
  it('pads and cuts to 16 columns and tolerates junk', () => {
    expect(lcdLines({ line1: 'IR 2048', line2: 'Angle 90 and far too long' })).toEqual([
      'IR 2048         ',
      'Angle 90 and far',
    ]);
    expect(lcdLines(null)).toEqual(['                ', '                ']);
  });
});

describe('dashboardPage', () => {
  it('embeds the config so that markup in a value cannot close the script', () => {
    const html = dashboardPage({
      databaseHost: '127.0.0.1:9000',
      namespace: 'ns',
      projectId: 'demo-iotkit',
      uid: '</script><b>x',
    });
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('\\u003c/script\\u003e');
    const json = /<script type="application\/json" id="config">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual({
      databaseHost: '127.0.0.1:9000',
      namespace: 'ns',
      projectId: 'demo-iotkit',
      uid: '</script><b>x',
    });
  });
});
