import { describe, expect, it } from 'vitest';
import { parseSequenceDiagram } from '../../src/diagrams/sequence-parser.js';
import { renderSequenceSvg } from '../../src/diagrams/sequence-svg.js';
import { textWidth } from '../../src/diagrams/svg-text.js';

function render(source: string): string {
  return renderSequenceSvg(parseSequenceDiagram(source));
}

function lifelineXs(svg: string): number[] {
  return [
    ...svg.matchAll(
      /<line x1="([\d.]+)" y1="[\d.]+" x2="\1" y2="[\d.]+" stroke="currentColor" stroke-opacity="0.45"/g,
    ),
  ].map((m) => Number(m[1]));
}

describe('renderSequenceSvg', () => {
  it('draws one box and lifeline per participant and escapes every label', () => {
    const svg = render('sequenceDiagram\nparticipant A as Device <1>\nA->>B: x < y & "z"');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Device &lt;1&gt;</text>');
    expect(svg).toContain('>x &lt; y &amp; &quot;z&quot;</text>');
    expect(lifelineXs(svg)).toHaveLength(2);
    expect(svg).not.toMatch(/<script/);
  });

  it('spreads lifelines so a long message label fits between them', () => {
    const label = 'POST /devices/abc123/readings.json {ir: 2100, ts: server time}';
    const [a, b] = lifelineXs(render(`sequenceDiagram\nA->>B: ${label}`));
    expect((b as number) - (a as number)).toBeGreaterThanOrEqual(textWidth(label));
    const [c, d] = lifelineXs(render('sequenceDiagram\nA->>B: hi'));
    expect((d as number) - (c as number)).toBeLessThan(textWidth(label));
  });

  it('draws dashed replies, a frame per block and numbered messages with autonumber', () => {
    const svg = render('sequenceDiagram\nautonumber\nloop every second\nA->>B: ask\nB-->>A: answer\nend');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('>loop</text>');
    expect(svg).toContain('>[every second]</text>');
    expect(svg).toContain('>1. ask</text>');
    expect(svg).toContain('>2. answer</text>');
  });

  it('splits <br> into lines and grows the diagram for them', () => {
    const one = render('sequenceDiagram\nA->>B: one');
    const three = render('sequenceDiagram\nA->>B: one<br>two<br/>three');
    const height = (svg: string): number => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1]);
    expect(three).toContain('>three</text>');
    expect(height(three)).toBeGreaterThan(height(one));
  });

  it('uses the title as the accessible name', () => {
    const svg = render('sequenceDiagram\ntitle Handshake\nA->>B: x');
    expect(svg).toContain('aria-label="Handshake"');
    expect(svg).toContain('<title>Handshake</title>');
  });
});
