import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../src/diagrams/diagram-error.js';
import { parseFlowchart, renderFlowchartSvg } from '../../src/diagrams/flowchart-diagram.js';

describe('flowchart', () => {
  it('reads shapes, labelled links, chains and subgraphs, and ranks by longest path', () => {
    const chart = parseFlowchart(
      [
        'flowchart LR',
        '  IR[IR sensor] -->|analog| ADC[GPIO34]',
        '  subgraph Keypad 4x4',
        '    R[rows] --- K((keys))',
        '  end',
        '  A --> B --> C',
        '  A -.-> C',
      ].join('\n'),
    );
    expect(chart.direction).toBe('LR');
    expect(chart.nodes.get('K')).toMatchObject({ shape: 'circle', lines: ['keys'], rank: 1 });
    expect(chart.nodes.get('C')?.rank).toBe(2);
    expect(chart.edges).toContainEqual({
      from: 'IR',
      to: 'ADC',
      label: 'analog',
      arrow: true,
      dashed: false,
    });
    expect(chart.edges).toContainEqual({ from: 'R', to: 'K', label: '', arrow: false, dashed: false });
    expect(chart.edges).toContainEqual({ from: 'A', to: 'C', label: '', arrow: true, dashed: true });
    expect(chart.groups).toEqual([{ title: 'Keypad 4x4', members: ['R', 'K'] }]);
  });

  it('renders every node label and link label', () => {
    const svg = renderFlowchartSvg(parseFlowchart('graph TD\n  A[Start] -->|go| B{Done?}'));
    expect(svg).toContain('>Start</text>');
    expect(svg).toContain('>Done?</text>');
    expect(svg).toContain('>go</text>');
  });

  it('rejects what it cannot read, naming the line', () => {
    expect(() => parseFlowchart('pie title x')).toThrow(DiagramError);
    expect(() => parseFlowchart('flowchart LR\nA -->')).toThrow('line 2: the link has no target node');
    expect(() => parseFlowchart('flowchart LR\nsubgraph S\nA')).toThrow('never closed');
  });
});
