// The kit's own `layers` diagram: side-by-side columns of stacked boxes, for protocol stacks
// (OSI vs TCP/IP), responsibility stacks (IaaS/PaaS/SaaS) and nested places (regions, zones).
//
//   title: OSI and TCP/IP side by side
//   legend: * shaded = what the provider runs
//   column: OSI
//     Application
//     * Transport (2)          <- "*" shades the box, "(2)" makes it two rows tall
//
// Rows of all columns share one height, so boxes with the same row line up across columns.
import { DiagramError } from './diagram-error.js';
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

/** One box of a column. */
export interface LayerBox {
  readonly lines: readonly string[];
  readonly rows: number;
  readonly shaded: boolean;
}

/** One column: a heading and its boxes from top to bottom. */
export interface LayerColumn {
  readonly heading: string;
  readonly boxes: readonly LayerBox[];
}

/** A parsed `layers` diagram. */
export interface LayersDiagram {
  readonly title: string | undefined;
  readonly legend: string | undefined;
  readonly columns: readonly LayerColumn[];
}

/** Parses `layers` source; throws {@link DiagramError} naming the line it cannot read. */
export function parseLayersDiagram(source: string): LayersDiagram {
  let title: string | undefined;
  let legend: string | undefined;
  const columns: Array<{ heading: string; boxes: LayerBox[] }> = [];
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('%%')) return;
    let match: RegExpExecArray | null;
    if ((match = /^title:\s*(.+)$/.exec(line))) title = match[1];
    else if ((match = /^legend:\s*(.+)$/.exec(line))) legend = match[1];
    else if ((match = /^column:\s*(.*)$/.exec(line)))
      columns.push({ heading: (match[1] as string).trim(), boxes: [] });
    else {
      const column = columns.at(-1);
      if (!column) throw new DiagramError(`line ${index + 1}: "${line}" comes before any "column:" line`);
      match = /^(\*\s*)?(.+?)(?:\s+\((\d+)\))?$/.exec(line) as RegExpExecArray;
      const rows = match[3] === undefined ? 1 : Number(match[3]);
      if (rows < 1) throw new DiagramError(`line ${index + 1}: a box is at least one row tall`);
      column.boxes.push({ lines: splitLines(match[2] as string), rows, shaded: match[1] !== undefined });
    }
  });
  if (columns.length === 0) throw new DiagramError('a layers diagram needs at least one "column:" line');
  for (const column of columns) {
    if (column.boxes.length === 0) throw new DiagramError(`column "${column.heading}" has no boxes`);
  }
  return { title, legend, columns };
}

const PAD = 16;
const GAP = 18;
const HEADING = 26;

/** Renders a parsed `layers` diagram to an SVG string. */
export function renderLayersSvg(diagram: LayersDiagram): string {
  const maxLines = Math.max(
    ...diagram.columns.flatMap((c) => c.boxes.map((b) => Math.ceil(b.lines.length / b.rows))),
  );
  const rowHeight = Math.max(34, maxLines * LINE_HEIGHT + 14);
  const widths = diagram.columns.map((column) =>
    Math.max(
      110,
      linesWidth([column.heading]) + 16,
      ...column.boxes.map((box) => linesWidth(box.lines) + 24),
    ),
  );
  const totalRows = Math.max(...diagram.columns.map((c) => c.boxes.reduce((sum, b) => sum + b.rows, 0)));
  const top = PAD + (diagram.columns.some((c) => c.heading) ? HEADING : 0);
  const parts: string[] = [];
  let x = PAD;
  diagram.columns.forEach((column, i) => {
    const width = widths[i] as number;
    if (column.heading) {
      parts.push(`<g font-weight="600">${textLines([column.heading], x + width / 2, PAD + 15)}</g>`);
    }
    let y = top;
    for (const box of column.boxes) {
      const height = box.rows * rowHeight - 4;
      const fill = box.shaded
        ? 'fill="#2563eb" fill-opacity="0.22"'
        : 'fill="currentColor" fill-opacity="0.04"';
      parts.push(
        `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="4" ${fill} stroke="currentColor" stroke-opacity="0.6"/>`,
        textLines(
          box.lines,
          x + width / 2,
          y + height / 2 - ((box.lines.length - 1) * LINE_HEIGHT) / 2 + 4.5,
        ),
      );
      y += box.rows * rowHeight;
    }
    x += width + GAP;
  });
  let height = top + totalRows * rowHeight;
  if (diagram.legend) {
    parts.push(
      `<rect x="${PAD}" y="${round(height + 6)}" width="14" height="14" rx="2" fill="#2563eb" fill-opacity="0.22" stroke="currentColor" stroke-opacity="0.6"/>`,
      `<text x="${PAD + 20}" y="${round(height + 17.5)}">${escapeXml(diagram.legend.replace(/^\*\s*/, ''))}</text>`,
    );
    height += 26;
  }
  const legendWidth = diagram.legend ? PAD + 20 + textWidth(diagram.legend) + PAD : 0;
  const width = Math.max(x - GAP + PAD, legendWidth);
  const label = diagram.title ?? diagram.columns.map((c) => c.heading).join(' / ');
  return `${svgOpen(width, height + PAD - 4, label)}${parts.join('')}</svg>`;
}
