// Parses the subset of Mermaid's `sequenceDiagram` syntax the course pages use, so the same
// source renders on GitHub (Mermaid) and, pre-rendered to SVG, on the site without JavaScript.
import { DiagramError } from './diagram-error.js';

/** How a message line is drawn. */
export type ArrowStyle = 'solid' | 'dashed';
/** What ends a message line: a filled head, an open (async) head, a cross, or nothing. */
export type ArrowHead = 'filled' | 'open' | 'cross' | 'none';

/** One actor of the diagram, drawn as a box with a lifeline. */
export interface Participant {
  readonly id: string;
  readonly label: string;
}

/** One statement of the diagram, in source order. */
export type SequenceStep =
  | {
      readonly kind: 'message';
      readonly from: string;
      readonly to: string;
      readonly text: string;
      readonly style: ArrowStyle;
      readonly head: ArrowHead;
    }
  | {
      readonly kind: 'note';
      readonly placement: 'over' | 'left of' | 'right of';
      readonly over: readonly string[];
      readonly text: string;
    }
  | { readonly kind: 'block-start'; readonly keyword: string; readonly label: string }
  | { readonly kind: 'block-divider'; readonly keyword: string; readonly label: string }
  | { readonly kind: 'block-end' };

/** A parsed sequence diagram. */
export interface SequenceDiagram {
  readonly title: string | undefined;
  readonly participants: readonly Participant[];
  readonly steps: readonly SequenceStep[];
  readonly autonumber: boolean;
}

const BLOCK_KEYWORDS = new Set(['loop', 'alt', 'opt', 'par', 'critical', 'break', 'rect']);
const DIVIDER_KEYWORDS = new Map([
  ['else', 'alt'],
  ['and', 'par'],
  ['option', 'critical'],
]);
// Longest arrows first, so `-->>` is not read as `-->` followed by `>`.
const ARROWS: ReadonlyArray<readonly [string, ArrowStyle, ArrowHead]> = [
  ['-->>', 'dashed', 'filled'],
  ['->>', 'solid', 'filled'],
  ['--)', 'dashed', 'open'],
  ['-)', 'solid', 'open'],
  ['--x', 'dashed', 'cross'],
  ['-x', 'solid', 'cross'],
  ['-->', 'dashed', 'none'],
  ['->', 'solid', 'none'],
];
const ID = '[A-Za-z_][\\w.]*';

/** Parses Mermaid `sequenceDiagram` source; throws {@link DiagramError} on anything unsupported. */
export function parseSequenceDiagram(source: string): SequenceDiagram {
  const lines = source.split('\n');
  const participants = new Map<string, Participant>();
  const steps: SequenceStep[] = [];
  const openBlocks: string[] = [];
  let title: string | undefined;
  let autonumber = false;
  let sawHeader = false;

  const ensure = (id: string): void => {
    if (!participants.has(id)) participants.set(id, { id, label: id });
  };

  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 1}`;
    if (line === '' || line.startsWith('%%')) return;
    if (!sawHeader) {
      if (line !== 'sequenceDiagram') {
        throw new DiagramError(`${where}: a sequence diagram starts with "sequenceDiagram", not "${line}"`);
      }
      sawHeader = true;
      return;
    }
    let match: RegExpExecArray | null;
    if ((match = /^title:?\s+(.+)$/.exec(line))) {
      title = match[1];
    } else if (line === 'autonumber') {
      autonumber = true;
    } else if ((match = new RegExp(`^(participant|actor)\\s+(${ID})(?:\\s+as\\s+(.+))?$`).exec(line))) {
      const id = match[2] as string;
      if (participants.has(id)) throw new DiagramError(`${where}: participant "${id}" is declared twice`);
      participants.set(id, { id, label: match[3] ?? id });
    } else if (
      (match = new RegExp(`^note\\s+(over|left of|right of)\\s+([^:]+):\\s*(.*)$`, 'i').exec(line))
    ) {
      const over = (match[2] as string).split(',').map((name) => name.trim());
      for (const id of over) {
        if (!new RegExp(`^${ID}$`).test(id))
          throw new DiagramError(`${where}: "${id}" is not a participant name`);
        ensure(id);
      }
      const placement = (match[1] as string).toLowerCase() as 'over' | 'left of' | 'right of';
      if (placement !== 'over' && over.length > 1) {
        throw new DiagramError(`${where}: "Note ${placement}" takes one participant`);
      }
      steps.push({ kind: 'note', placement, over, text: match[3] as string });
    } else if ((match = /^(\w+)\b\s*(.*)$/.exec(line)) && BLOCK_KEYWORDS.has(match[1] as string)) {
      openBlocks.push(match[1] as string);
      steps.push({ kind: 'block-start', keyword: match[1] as string, label: match[2] as string });
    } else if ((match = /^(\w+)\b\s*(.*)$/.exec(line)) && DIVIDER_KEYWORDS.has(match[1] as string)) {
      const keyword = match[1] as string;
      if (openBlocks.at(-1) !== DIVIDER_KEYWORDS.get(keyword)) {
        throw new DiagramError(`${where}: "${keyword}" outside a "${DIVIDER_KEYWORDS.get(keyword)}" block`);
      }
      steps.push({ kind: 'block-divider', keyword, label: match[2] as string });
    } else if (line === 'end') {
      if (openBlocks.pop() === undefined) throw new DiagramError(`${where}: "end" without an open block`);
      steps.push({ kind: 'block-end' });
    } else if (/^(activate|deactivate)\s/.test(line)) {
      // Activation bars are decoration; the messages carry the meaning.
    } else {
      steps.push(parseMessage(line, where, ensure));
    }
  });

  if (!sawHeader) throw new DiagramError('empty diagram: expected "sequenceDiagram"');
  if (openBlocks.length > 0) {
    throw new DiagramError(`the "${openBlocks.at(-1)}" block is never closed with "end"`);
  }
  if (participants.size === 0) throw new DiagramError('the diagram has no participants');
  return { title, participants: [...participants.values()], steps, autonumber };
}

function parseMessage(line: string, where: string, ensure: (id: string) => void): SequenceStep {
  const colon = line.indexOf(':');
  if (colon === -1) throw new DiagramError(`${where}: cannot read "${line}" (a message needs "A->>B: text")`);
  const head = line.slice(0, colon).trim();
  const text = line.slice(colon + 1).trim();
  for (const [arrow, style, tip] of ARROWS) {
    const at = head.indexOf(arrow);
    if (at === -1) continue;
    const from = head.slice(0, at).trim();
    const to = head
      .slice(at + arrow.length)
      .trim()
      .replace(/^[+-]/, '');
    if (!new RegExp(`^${ID}$`).test(from) || !new RegExp(`^${ID}$`).test(to)) {
      throw new DiagramError(`${where}: cannot read the participants of "${head}"`);
    }
    ensure(from);
    ensure(to);
    return { kind: 'message', from, to, text, style, head: tip };
  }
  throw new DiagramError(`${where}: unsupported statement "${line}"`);
}
