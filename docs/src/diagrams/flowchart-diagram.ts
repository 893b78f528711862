// The subset of Mermaid's `flowchart` / `graph` syntax the guides use (nodes with [], (), (()),
// {}, ([]) shapes; --> --- -.-> ==> edges with |labels|; chains; subgraph … end), laid out in
// ranks by longest path and drawn as a static SVG.
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

type Shape = 'box' | 'round' | 'circle' | 'diamond' | 'stadium';

interface FlowNode {
  readonly id: string;
  lines: string[];
  shape: Shape;
  rank: number;
  order: number;
}

interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly arrow: boolean;
  readonly dashed: boolean;
}

/** A parsed flowchart. */
export interface Flowchart {
  readonly direction: 'LR' | 'RL' | 'TB' | 'BT';
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly edges: readonly FlowEdge[];
  readonly groups: ReadonlyArray<{ title: string; members: string[] }>;
}

const NODE = /^([A-Za-z_][\w-]*)\s*(\(\(.*?\)\)|\(\[.*?\]\)|\[.*?\]|\(.*?\)|\{.*?\})?/;
const EDGE = /^(?:(-->|---|-\.->|-\.-|==>|===)(?:\|([^|]*)\|)?|--\s+([^-]+?)\s+(-->|---))/;

/** Parses Mermaid flowchart source; throws {@link DiagramError} naming the line it cannot read. */
export function parseFlowchart(source: string): Flowchart {
  const lines = source.split('\n');
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const groups: Array<{ title: string; members: string[] }> = [];
  const openGroups: Array<{ title: string; members: string[] }> = [];
  let direction: Flowchart['direction'] | undefined;

  const node = (id: string, shapeText: string | undefined): string => {
    let entry = nodes.get(id);
    if (!entry) {
      entry = { id, lines: [id], shape: 'box', rank: 0, order: nodes.size };
      nodes.set(id, entry);
    }
    if (shapeText) {
      const [shape, open, close]: [Shape, number, number] = shapeText.startsWith('((')
        ? ['circle', 2, 2]
        : shapeText.startsWith('([')
          ? ['stadium', 2, 2]
          : shapeText.startsWith('[')
            ? ['box', 1, 1]
            : shapeText.startsWith('(')
              ? ['round', 1, 1]
              : ['diamond', 1, 1];
      entry.shape = shape;
      entry.lines = splitLines(shapeText.slice(open, shapeText.length - close).replace(/^"|"$/g, ''));
    }
    for (const group of openGroups) if (!group.members.includes(id)) group.members.push(id);
    return id;
  };

  lines.forEach((raw, index) => {
    const line = raw.trim().replace(/;$/, '');
    const where = `line ${index + 1}`;
    if (line === '' || line.startsWith('%%')) return;
    let match: RegExpExecArray | null;
    if (direction === undefined) {
      match = /^(?:flowchart|graph)\s+(LR|RL|TB|TD|BT)$/.exec(line);
      if (!match)
        throw new DiagramError(`${where}: a flowchart starts with "flowchart LR" (or TD), not "${line}"`);
      direction = match[1] === 'TD' ? 'TB' : (match[1] as Flowchart['direction']);
      return;
    }
    if ((match = /^subgraph\s+(.+)$/.exec(line))) {
      const group = { title: (match[1] as string).replace(/^\w+\s*\[(.*)\]$/, '$1'), members: [] };
      groups.push(group);
      openGroups.push(group);
      return;
    }
    if (line === 'end') {
      if (!openGroups.pop()) throw new DiagramError(`${where}: "end" without a subgraph`);
      return;
    }
    if (/^(direction|classDef|class|style|linkStyle|click)\b/.test(line)) return;
    let rest = line;
    let previous: string | undefined;
    while (rest.length > 0) {
      const nodeMatch = NODE.exec(rest);
      if (!nodeMatch) throw new DiagramError(`${where}: cannot read "${rest}"`);
      const id = node(nodeMatch[1] as string, nodeMatch[2]);
      rest = rest.slice(nodeMatch[0].length).trim();
      if (previous !== undefined) {
        const last = edges.at(-1) as FlowEdge;
        edges[edges.length - 1] = { ...last, to: id };
      }
      if (rest.length === 0) break;
      const edgeMatch = EDGE.exec(rest);
      if (!edgeMatch) throw new DiagramError(`${where}: cannot read the link in "${rest}"`);
      const arrowText = (edgeMatch[1] ?? edgeMatch[4]) as string;
      edges.push({
        from: id,
        to: '',
        label: (edgeMatch[2] ?? edgeMatch[3] ?? '').trim(),
        arrow: arrowText.endsWith('>'),
        dashed: arrowText.includes('.'),
      });
      rest = rest.slice(edgeMatch[0].length).trim();
      previous = id;
      if (rest.length === 0) throw new DiagramError(`${where}: the link has no target node`);
    }
  });
  if (direction === undefined) throw new DiagramError('empty diagram: expected "flowchart LR"');
  if (openGroups.length > 0) throw new DiagramError(`subgraph "${openGroups.at(-1)?.title}" is never closed`);
  rankNodes(nodes, edges);
  return { direction, nodes, edges, groups };
}

/** Longest-path ranks (cycles broken by ignoring back edges), then order within each rank. */
function rankNodes(nodes: Map<string, FlowNode>, edges: readonly FlowEdge[]): void {
  for (let pass = 0; pass < nodes.size; pass++) {
    let changed = false;
    for (const edge of edges) {
      const from = nodes.get(edge.from) as FlowNode;
      const to = nodes.get(edge.to) as FlowNode;
      if (to.rank < from.rank + 1) {
        to.rank = from.rank + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

const PAD = 16;
const RANK_GAP = 70;
const NODE_GAP = 22;

/** Renders a parsed flowchart to an SVG string. */
export function renderFlowchartSvg(chart: Flowchart): string {
  const horizontal = chart.direction === 'LR' || chart.direction === 'RL';
  const all = [...chart.nodes.values()];
  const size = new Map(
    all.map((n) => {
      const w = Math.max(60, linesWidth(n.lines) + (n.shape === 'diamond' || n.shape === 'circle' ? 40 : 24));
      const h = n.shape === 'circle' ? w : n.lines.length * LINE_HEIGHT + 18;
      return [n.id, { w, h }];
    }),
  );
  const ranks = Math.max(...all.map((n) => n.rank)) + 1;
  // Members of a subgraph sit together so its frame holds only them; then each node follows the
  // mean position of its neighbours in the previous rank, which removes most crossings.
  const groupOf = (id: string): number => {
    const index = chart.groups.findIndex((g) => g.members.includes(id));
    return index === -1 ? chart.groups.length : index;
  };
  const byRank: FlowNode[][] = [];
  const slot = new Map<string, number>();
  for (let r = 0; r < ranks; r++) {
    const barycenter = (n: FlowNode): number => {
      const near = chart.edges
        .flatMap((e) => (e.to === n.id ? [e.from] : e.from === n.id ? [e.to] : []))
        .filter((id) => slot.has(id))
        .map((id) => slot.get(id) as number);
      return near.length ? near.reduce((a, b) => a + b, 0) / near.length : n.order;
    };
    const nodes = all
      .filter((n) => n.rank === r)
      .sort((a, b) => groupOf(a.id) - groupOf(b.id) || barycenter(a) - barycenter(b) || a.order - b.order);
    nodes.forEach((n, i) => slot.set(n.id, i));
    byRank.push(nodes);
  }
  const rankDepth = byRank.map((nodes) =>
    Math.max(0, ...nodes.map((n) => (horizontal ? size.get(n.id)!.w : size.get(n.id)!.h))),
  );
  const labelRoom = chart.edges.reduce((max, e) => Math.max(max, e.label ? textWidth(e.label) + 16 : 0), 0);
  const gap = Math.max(RANK_GAP, horizontal ? labelRoom : RANK_GAP);
  const position = new Map<string, { x: number; y: number }>();
  let depth = PAD + (chart.groups.length ? 20 : 0);
  let breadthMax = 0;
  byRank.forEach((nodes, r) => {
    let breadth = PAD + (chart.groups.length ? 22 : 0);
    for (const n of nodes) {
      const { w, h } = size.get(n.id)!;
      const across = horizontal ? h : w;
      const center = breadth + across / 2;
      const along = depth + (rankDepth[r] as number) / 2;
      position.set(n.id, horizontal ? { x: along, y: center } : { x: center, y: along });
      breadth += across + NODE_GAP + (chart.groups.length ? 12 : 0);
    }
    breadthMax = Math.max(breadthMax, breadth);
    depth += (rankDepth[r] as number) + gap;
  });
  const flip = chart.direction === 'RL' || chart.direction === 'BT';
  const extentAlong = depth - gap + PAD;
  if (flip) {
    for (const p of position.values()) {
      if (horizontal) p.x = extentAlong - p.x;
      else p.y = extentAlong - p.y;
    }
  }
  const width = horizontal ? extentAlong : breadthMax + PAD;
  const height = horizontal ? breadthMax + PAD : extentAlong;

  const frames = chart.groups.map((group) => {
    const boxes = group.members.map((id) => ({ ...position.get(id)!, ...size.get(id)! }));
    const minX = Math.min(...boxes.map((b) => b.x - b.w / 2)) - 10;
    const maxX = Math.max(...boxes.map((b) => b.x + b.w / 2)) + 10;
    const minY = Math.min(...boxes.map((b) => b.y - b.h / 2)) - 24;
    const maxY = Math.max(...boxes.map((b) => b.y + b.h / 2)) + 10;
    return (
      `<rect x="${round(minX)}" y="${round(minY)}" width="${round(maxX - minX)}" height="${round(maxY - minY)}" rx="6" fill="currentColor" fill-opacity="0.04" stroke="currentColor" stroke-opacity="0.45" stroke-dasharray="5 4"/>` +
      `<text x="${round(minX + 8)}" y="${round(minY + 15)}" font-style="italic">${escapeXml(group.title)}</text>`
    );
  });
  const edges = chart.edges.map((edge) => drawEdge(edge, position, size, horizontal));
  const nodes = all.map((n) => drawNode(n, position.get(n.id)!, size.get(n.id)!));
  const label = `Flowchart: ${all.map((n) => n.lines.join(' ')).join(', ')}`;
  return `${svgOpen(width, height, label)}${frames.join('')}${edges.join('')}${nodes.join('')}</svg>`;
}

type Box = { w: number; h: number };
type Point = { x: number; y: number };

function drawNode(n: FlowNode, p: Point, { w, h }: Box): string {
  const style = 'fill="#2563eb" fill-opacity="0.12" stroke="currentColor" stroke-opacity="0.7"';
  const text = textLines(n.lines, p.x, p.y - ((n.lines.length - 1) * LINE_HEIGHT) / 2 + 4.5);
  if (n.shape === 'circle')
    return `<circle cx="${round(p.x)}" cy="${round(p.y)}" r="${round(w / 2)}" ${style}/>${text}`;
  if (n.shape === 'diamond') {
    return `<path d="M${round(p.x)} ${round(p.y - h / 2 - 8)} L${round(p.x + w / 2)} ${round(p.y)} L${round(p.x)} ${round(p.y + h / 2 + 8)} L${round(p.x - w / 2)} ${round(p.y)} z" ${style}/>${text}`;
  }
  const rx = n.shape === 'box' ? 3 : n.shape === 'round' ? 10 : h / 2;
  return `<rect x="${round(p.x - w / 2)}" y="${round(p.y - h / 2)}" width="${round(w)}" height="${round(h)}" rx="${round(rx)}" ${style}/>${text}`;
}

function drawEdge(
  edge: FlowEdge,
  position: ReadonlyMap<string, Point>,
  size: ReadonlyMap<string, Box>,
  horizontal: boolean,
): string {
  const a = position.get(edge.from)!;
  const b = position.get(edge.to)!;
  const sa = size.get(edge.from)!;
  const sb = size.get(edge.to)!;
  // Leave and enter through the sides facing the other node.
  const start =
    horizontal && Math.abs(b.x - a.x) > 1
      ? { x: a.x + Math.sign(b.x - a.x) * (sa.w / 2), y: a.y }
      : { x: a.x, y: a.y + Math.sign(b.y - a.y || 1) * (sa.h / 2) };
  const end =
    horizontal && Math.abs(b.x - a.x) > 1
      ? { x: b.x - Math.sign(b.x - a.x) * (sb.w / 2), y: b.y }
      : { x: b.x, y: b.y - Math.sign(b.y - a.y || 1) * (sb.h / 2) };
  const dash = edge.dashed ? ' stroke-dasharray="6 4"' : '';
  const parts = [
    `<line x1="${round(start.x)}" y1="${round(start.y)}" x2="${round(end.x)}" y2="${round(end.y)}" stroke="currentColor"${dash}/>`,
  ];
  if (edge.arrow) {
    const angle = Math.atan2(end.y - start.y, end.x - start.x);
    const back = (d: number, side: number): string =>
      `${round(end.x - 10 * Math.cos(angle) + side * d * Math.sin(angle))} ${round(end.y - 10 * Math.sin(angle) - side * d * Math.cos(angle))}`;
    parts.push(`<path d="M${round(end.x)} ${round(end.y)} L${back(5, 1)} L${back(5, -1)} z" stroke="none"/>`);
  }
  if (edge.label) {
    const mx = (start.x + end.x) / 2;
    const my = (start.y + end.y) / 2;
    const w = textWidth(edge.label) + 8;
    parts.push(
      `<rect x="${round(mx - w / 2)}" y="${round(my - 10)}" width="${round(w)}" height="18" rx="3" style="fill: var(--color-background, #fff)" fill-opacity="0.9"/>`,
      `<text x="${round(mx)}" y="${round(my + 3.5)}" text-anchor="middle" font-size="12">${escapeXml(edge.label)}</text>`,
    );
  }
  return parts.join('');
}
