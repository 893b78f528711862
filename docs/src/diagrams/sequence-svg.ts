// Lays out a parsed sequence diagram and draws it as one self-contained SVG string: no script,
// no external CSS, colours taken from the page (`currentColor`), so it reads the same in the
// light and dark themes, in the PDF, and with JavaScript off.
import type { ArrowHead, SequenceDiagram, SequenceStep } from './sequence-parser.js';
import {
  LINE_HEIGHT,
  escapeXml,
  linesWidth,
  round,
  splitLines,
  svgOpen,
  textLines,
  textWidth,
} from './svg-text.js';

const PAD = 16;
const BOX_HEIGHT = 34;
const MIN_BOX_WIDTH = 90;
const MIN_GAP = 36;
const SELF_LOOP = 34;
const NOTE_PAD = 8;

interface Span {
  min: number;
  max: number;
}

interface OpenBlock {
  readonly keyword: string;
  readonly label: string;
  readonly top: number;
  readonly dividers: Array<{ y: number; label: string }>;
  extent: Span | undefined;
}

/** Renders a parsed sequence diagram to an SVG string. */
export function renderSequenceSvg(diagram: SequenceDiagram): string {
  const index = new Map(diagram.participants.map((p, i) => [p.id, i]));
  const headerLines = diagram.participants.map((p) => splitLines(p.label));
  const widths = headerLines.map((lines) => Math.max(MIN_BOX_WIDTH, linesWidth(lines) + 24));
  const boxHeight =
    Math.max(...headerLines.map((lines) => lines.length)) * LINE_HEIGHT + BOX_HEIGHT - LINE_HEIGHT;
  const { centers, extraRight } = placeColumns(diagram, index, widths);
  const at = (id: string): number => centers[index.get(id) as number] as number;

  const frames: string[] = [];
  const body: string[] = [];
  const open: OpenBlock[] = [];
  let right = (centers.at(-1) as number) + (widths.at(-1) as number) / 2 + extraRight;
  let y = PAD + boxHeight + 18;
  let number = 0;

  const touch = (min: number, max: number): void => {
    for (const block of open) {
      block.extent = block.extent
        ? { min: Math.min(block.extent.min, min), max: Math.max(block.extent.max, max) }
        : { min, max };
    }
    right = Math.max(right, max);
  };

  for (const step of diagram.steps) {
    if (step.kind === 'message') {
      number += 1;
      const text = diagram.autonumber ? `${number}. ${step.text}` : step.text;
      const lines = splitLines(text);
      const x1 = at(step.from);
      const x2 = at(step.to);
      const dash = step.style === 'dashed' ? ' stroke-dasharray="6 4"' : '';
      if (step.from === step.to) {
        const top = y + 4;
        body.push(
          `<path d="M${round(x1)} ${round(top)} h${SELF_LOOP} v22 h-${SELF_LOOP - 2}" fill="none" stroke="currentColor"${dash}/>`,
          arrowHead(x1 + 2, top + 22, -1, step.head),
          textLines(lines, x1 + SELF_LOOP + 8, top + 15 - ((lines.length - 1) * LINE_HEIGHT) / 2, 'start'),
        );
        touch(x1, x1 + SELF_LOOP + 12 + linesWidth(lines));
        y += Math.max(lines.length * LINE_HEIGHT, 26) + 18;
      } else {
        const lineY = y + lines.length * LINE_HEIGHT + 4;
        const direction = x2 > x1 ? 1 : -1;
        body.push(
          textLines(lines, (x1 + x2) / 2, y + LINE_HEIGHT - 4),
          `<line x1="${round(x1)}" y1="${round(lineY)}" x2="${round(x2 - direction * 1.5)}" y2="${round(lineY)}" stroke="currentColor"${dash}/>`,
          arrowHead(x2, lineY, direction, step.head),
        );
        touch(Math.min(x1, x2), Math.max(x1, x2));
        y = lineY + 16;
      }
    } else if (step.kind === 'note') {
      const lines = splitLines(step.text);
      const width = linesWidth(lines) + 2 * NOTE_PAD + 4;
      const height = lines.length * LINE_HEIGHT + 2 * NOTE_PAD - 2;
      const span = noteSpan(step, width, at);
      body.push(
        `<rect x="${round(span.min)}" y="${round(y)}" width="${round(span.max - span.min)}" height="${round(height)}" rx="3" fill="#f59e0b" fill-opacity="0.18" stroke="#d97706" stroke-opacity="0.8"/>`,
        textLines(lines, (span.min + span.max) / 2, y + NOTE_PAD + LINE_HEIGHT - 5),
      );
      touch(span.min, span.max);
      y += height + 14;
    } else if (step.kind === 'block-start') {
      open.push({ keyword: step.keyword, label: step.label, top: y, dividers: [], extent: undefined });
      y += 30;
    } else if (step.kind === 'block-divider') {
      (open.at(-1) as OpenBlock).dividers.push({ y, label: step.label });
      y += 28;
    } else {
      const block = open.pop() as OpenBlock;
      const fallback = { min: (centers[0] as number) - 20, max: (centers.at(-1) as number) + 20 };
      const inner = block.extent ?? fallback;
      const tab = textWidth(block.keyword) + 18;
      const labelWidth = block.label ? textWidth(`[${block.label}]`) + 10 : 0;
      const frame = {
        min: inner.min - 14,
        max: Math.max(inner.max + 14, inner.min - 14 + tab + labelWidth + 8),
      };
      y += 6;
      frames.push(drawFrame(block, frame, y, tab));
      touch(frame.min, frame.max);
      y += 12;
    }
  }

  const bottom = y + 4;
  const lifelines = centers.map(
    (x) =>
      `<line x1="${round(x)}" y1="${round(PAD + boxHeight)}" x2="${round(x)}" y2="${round(bottom)}" stroke="currentColor" stroke-opacity="0.45" stroke-dasharray="3 4"/>`,
  );
  const boxes = diagram.participants.map((_, i) => {
    const x = (centers[i] as number) - (widths[i] as number) / 2;
    const lines = headerLines[i] as string[];
    return (
      `<rect x="${round(x)}" y="${PAD}" width="${round(widths[i] as number)}" height="${round(boxHeight)}" rx="4" fill="#2563eb" fill-opacity="0.12" stroke="currentColor" stroke-opacity="0.7"/>` +
      `<g font-weight="600">${textLines(lines, centers[i] as number, PAD + (boxHeight - lines.length * LINE_HEIGHT) / 2 + LINE_HEIGHT - 4)}</g>`
    );
  });
  const width = right + PAD;
  const label = diagram.title ?? `Sequence diagram: ${diagram.participants.map((p) => p.label).join(', ')}`;
  return `${svgOpen(width, bottom + PAD, label)}${lifelines.join('')}${frames.join('')}${body.join('')}${boxes.join('')}</svg>`;
}

/** Places the participant columns so that every label fits between the lifelines it spans. */
function placeColumns(
  diagram: SequenceDiagram,
  index: ReadonlyMap<string, number>,
  widths: readonly number[],
): { centers: number[]; extraLeft: number; extraRight: number } {
  const count = widths.length;
  const gaps = widths.slice(1).map((w, i) => ((widths[i] as number) + w) / 2 + MIN_GAP);
  const needs: Array<{ from: number; to: number; need: number }> = [];
  let extraLeft = 0;
  let extraRight = 0;
  const needBeside = (i: number, side: 1 | -1, need: number): void => {
    const neighbour = i + side;
    if (neighbour < 0) extraLeft = Math.max(extraLeft, need - (widths[i] as number) / 2);
    else if (neighbour >= count) extraRight = Math.max(extraRight, need - (widths[i] as number) / 2);
    else needs.push({ from: Math.min(i, neighbour), to: Math.max(i, neighbour), need: need + 20 });
  };
  for (const step of diagram.steps) {
    if (step.kind === 'message') {
      const a = index.get(step.from) as number;
      const b = index.get(step.to) as number;
      const width = linesWidth(splitLines(step.text)) + (diagram.autonumber ? 24 : 0);
      if (a === b) needBeside(a, 1, SELF_LOOP + 16 + width);
      else needs.push({ from: Math.min(a, b), to: Math.max(a, b), need: width + 28 });
    } else if (step.kind === 'note') {
      const width = linesWidth(splitLines(step.text)) + 2 * NOTE_PAD + 4;
      const ids = step.over.map((id) => index.get(id) as number);
      const first = Math.min(...ids);
      const last = Math.max(...ids);
      if (step.placement === 'right of') needBeside(first, 1, width + 10);
      else if (step.placement === 'left of') needBeside(first, -1, width + 10);
      else if (first !== last) needs.push({ from: first, to: last, need: width - 40 });
      else {
        if (first === 0) extraLeft = Math.max(extraLeft, width / 2 - (widths[0] as number) / 2);
        if (first === count - 1) extraRight = Math.max(extraRight, width / 2 - (widths[first] as number) / 2);
      }
    }
  }
  needs.sort((a, b) => a.to - a.from - (b.to - b.from));
  for (const { from, to, need } of needs) {
    let current = 0;
    for (let g = from; g < to; g++) current += gaps[g] as number;
    if (current >= need) continue;
    const share = (need - current) / (to - from);
    for (let g = from; g < to; g++) gaps[g] = (gaps[g] as number) + share;
  }
  const centers = [PAD + extraLeft + (widths[0] as number) / 2];
  for (const gap of gaps) centers.push((centers.at(-1) as number) + gap);
  return { centers, extraLeft, extraRight };
}

function noteSpan(
  step: Extract<SequenceStep, { kind: 'note' }>,
  width: number,
  at: (id: string) => number,
): Span {
  const xs = step.over.map(at);
  const first = Math.min(...xs);
  const last = Math.max(...xs);
  if (step.placement === 'right of') return { min: first + 10, max: first + 10 + width };
  if (step.placement === 'left of') return { min: first - 10 - width, max: first - 10 };
  const half = Math.max(width, last - first + 40) / 2;
  const middle = (first + last) / 2;
  return { min: middle - half, max: middle + half };
}

function drawFrame(block: OpenBlock, frame: Span, bottom: number, tab: number): string {
  const { min, max } = frame;
  const top = block.top;
  const parts = [
    `<rect x="${round(min)}" y="${round(top)}" width="${round(max - min)}" height="${round(bottom - top)}" fill="none" stroke="currentColor" stroke-opacity="0.55"/>`,
    `<path d="M${round(min)} ${round(top)} h${round(tab)} v14 l-6 7 h${round(-tab + 6)} z" fill="currentColor" fill-opacity="0.1" stroke="currentColor" stroke-opacity="0.55"/>`,
    `<text x="${round(min + 6)}" y="${round(top + 15)}" font-weight="600">${escapeXml(block.keyword)}</text>`,
  ];
  if (block.label) {
    parts.push(
      `<text x="${round(min + tab + 8)}" y="${round(top + 15)}" font-style="italic">[${escapeXml(block.label)}]</text>`,
    );
  }
  for (const divider of block.dividers) {
    parts.push(
      `<line x1="${round(min)}" y1="${round(divider.y)}" x2="${round(max)}" y2="${round(divider.y)}" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="5 4"/>`,
    );
    if (divider.label) {
      parts.push(
        `<text x="${round((min + max) / 2)}" y="${round(divider.y + 16)}" text-anchor="middle" font-style="italic">[${escapeXml(divider.label)}]</text>`,
      );
    }
  }
  return parts.join('');
}

function arrowHead(x: number, y: number, direction: number, head: ArrowHead): string {
  const back = x - direction * 10;
  switch (head) {
    case 'filled':
      return `<path d="M${round(x)} ${round(y)} L${round(back)} ${round(y - 5)} L${round(back)} ${round(y + 5)} z" stroke="none"/>`;
    case 'open':
      return `<path d="M${round(back)} ${round(y - 5)} L${round(x)} ${round(y)} L${round(back)} ${round(y + 5)}" fill="none" stroke="currentColor"/>`;
    case 'cross':
      return `<path d="M${round(x - 5)} ${round(y - 5)} l10 10 M${round(x + 5)} ${round(y - 5)} l-10 10" stroke="currentColor" stroke-width="1.6"/>`;
    case 'none':
      return '';
  }
}
