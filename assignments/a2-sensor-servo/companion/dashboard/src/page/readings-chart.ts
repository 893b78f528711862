/** One point of the readings chart. */
export interface ChartPoint {
  /** Server timestamp in ms, or the reading's position when it has none. */
  readonly x: number;
  readonly ir: number;
}

/** Chart geometry in SVG user units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

/**
 * The `points` attribute of an SVG polyline plotting IR readings (0–4095, the ADC range, fixed so
 * the line does not jump when the range of recent values changes) against time.
 */
export function chartPolyline(points: readonly ChartPoint[], box: ChartBox): string {
  if (points.length === 0) return '';
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const spanX = Math.max(...xs) - minX || 1;
  const innerW = box.width - 2 * box.padding;
  const innerH = box.height - 2 * box.padding;
  return points
    .map((p) => {
      const x = box.padding + ((p.x - minX) / spanX) * innerW;
      const clamped = Math.min(Math.max(p.ir, 0), 4095);
      const y = box.padding + innerH - (clamped / 4095) * innerH;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** Orders stored readings (`{pushId: {ir, ts}}`) for the chart; malformed entries are skipped. */
export function readingsToPoints(value: unknown): ChartPoint[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const out: ChartPoint[] = [];
  entries.forEach(([, reading], index) => {
    if (typeof reading !== 'object' || reading === null) return;
    const { ir, ts } = reading as { ir?: unknown; ts?: unknown };
    if (typeof ir !== 'number' || !Number.isFinite(ir)) return;
    out.push({ x: typeof ts === 'number' ? ts : index, ir });
  });
  return out;
}
