import { describe, expect, it } from 'vitest';
import { DiagramError } from '../../src/diagrams/diagram-error.js';
import { parseSequenceDiagram } from '../../src/diagrams/sequence-parser.js';

describe('parseSequenceDiagram', () => {
  it('reads participants with aliases, messages of every arrow, notes and blocks', () => {
    const diagram = parseSequenceDiagram(
      [
        'sequenceDiagram',
        '  title Sign in',
        '  %% a comment',
        '  participant D as ESP32',
        '  actor U',
        '  U->>D: types the password',
        '  D-->>U: ok',
        '  D-)DB: async',
        '  D--xDB: lost',
        '  D->+DB: open line',
        '  Note over D,DB: both',
        '  Note right of DB: beside',
        '  alt good',
        '    DB-->>D: 200',
        '  else bad',
        '    DB-->>D: 401',
        '  end',
      ].join('\n'),
    );
    expect(diagram.title).toBe('Sign in');
    expect(diagram.participants).toEqual([
      { id: 'D', label: 'ESP32' },
      { id: 'U', label: 'U' },
      { id: 'DB', label: 'DB' },
    ]);
    const messages = diagram.steps.filter((s) => s.kind === 'message');
    expect(messages.map((m) => [m.style, m.head])).toEqual([
      ['solid', 'filled'],
      ['dashed', 'filled'],
      ['solid', 'open'],
      ['dashed', 'cross'],
      ['solid', 'none'],
      ['dashed', 'filled'],
      ['dashed', 'filled'],
    ]);
    expect(messages[4]).toMatchObject({ from: 'D', to: 'DB', text: 'open line' });
    expect(diagram.steps.filter((s) => s.kind === 'note')).toEqual([
      { kind: 'note', placement: 'over', over: ['D', 'DB'], text: 'both' },
      { kind: 'note', placement: 'right of', over: ['DB'], text: 'beside' },
    ]);
    expect(diagram.steps.map((s) => s.kind).slice(-5)).toEqual([
      'block-start',
      'message',
      'block-divider',
      'message',
      'block-end',
    ]);
  });

  it('keeps the colon-separated text after the first colon whole', () => {
    const diagram = parseSequenceDiagram('sequenceDiagram\nA->>B: GET /x.json?a=1: with colon');
    expect(diagram.steps[0]).toMatchObject({ text: 'GET /x.json?a=1: with colon' });
  });

  it.each([
    ['flowchart LR\nA-->B', 'starts with "sequenceDiagram"'],
    ['sequenceDiagram\nA->>B', 'needs "A->>B: text"'],
    ['sequenceDiagram\nloop forever\nA->>B: x', 'never closed'],
    ['sequenceDiagram\nend', '"end" without an open block'],
    ['sequenceDiagram\nA->>B: x\nelse nope', 'outside a "alt" block'],
    ['sequenceDiagram\nparticipant A\nparticipant A', 'declared twice'],
    ['sequenceDiagram\nA=>B: x', 'unsupported statement'],
    ['', 'expected "sequenceDiagram"'],
  ])('rejects %j with a message naming the problem', (source, message) => {
    expect(() => parseSequenceDiagram(source)).toThrow(DiagramError);
    expect(() => parseSequenceDiagram(source)).toThrow(message);
  });

  it('names the line of the mistake', () => {
    expect(() => parseSequenceDiagram('sequenceDiagram\nA->>B: ok\nA B C')).toThrow(/^line 3:/);
  });
});
