import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../src/diagrams/diagram-error.js';
import { parseLayersDiagram, renderLayersSvg } from '../../src/diagrams/layers-diagram.js';

describe('layers diagram', () => {
  const source = [
    'title: OSI vs TCP/IP',
    'legend: * shaded = provider',
    'column: OSI',
    '  Application',
    '  Presentation',
    'column: TCP/IP',
    '  * Application (2)',
  ].join('\n');

  it('parses columns, row spans and shading', () => {
    const diagram = parseLayersDiagram(source);
    expect(diagram.title).toBe('OSI vs TCP/IP');
    expect(diagram.columns.map((c) => c.heading)).toEqual(['OSI', 'TCP/IP']);
    expect(diagram.columns[1]?.boxes).toEqual([{ lines: ['Application'], rows: 2, shaded: true }]);
  });

  it('draws a box spanning two rows as tall as two single boxes', () => {
    const svg = renderLayersSvg(parseLayersDiagram(source));
    const heights = [
      ...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" rx="4"/g),
    ].map((m) => Number(m[1]));
    expect(heights).toHaveLength(3);
    const [first, second, spanning] = heights as [number, number, number];
    expect(spanning).toBeCloseTo(first + second + 4, 5);
    expect(svg).toContain('>shaded = provider</text>');
  });

  it('rejects a box before any column and an empty diagram', () => {
    expect(() => parseLayersDiagram('Application')).toThrow(DiagramError);
    expect(() => parseLayersDiagram('Application')).toThrow('before any "column:" line');
    expect(() => parseLayersDiagram('title: x')).toThrow('at least one "column:"');
    expect(() => parseLayersDiagram('column: empty')).toThrow('has no boxes');
  });
});
