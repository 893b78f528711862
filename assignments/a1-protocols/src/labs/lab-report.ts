import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of a lab table: column name to value. */
export type LabRow = Record<string, string | number>;

/** What a lab measured. */
export interface LabResult {
  /** Lab name, e.g. `http-versions`; names the output files. */
  readonly lab: string;
  /** One line on what was measured and how. */
  readonly title: string;
  /** The table rows, all with the same columns. */
  readonly rows: readonly LabRow[];
  /** The column the chart draws (a number in every row) and the column naming each bar. */
  readonly chart: { readonly value: string; readonly label: string; readonly unit: string };
}

/** Files a lab wrote. */
export interface LabFiles {
  readonly json: string;
  readonly svg: string;
}

/**
 * The rows as a fixed-width text table (the header, a rule, one line per row).
 * @param rows - rows with the same columns
 */
export function formatTable(rows: readonly LabRow[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const width = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(width[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    line(width.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(columns.map((c) => String(r[c] ?? '')))),
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A horizontal bar chart of one numeric column, as a standalone SVG document.
 * @param result - the lab result
 */
export function barChartSvg(result: LabResult): string {
  const { value, label, unit } = result.chart;
  const bars = result.rows.map((row) => ({ name: String(row[label]), amount: Number(row[value]) }));
  const max = Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.amount) ? b.amount : 0)));
  const barHeight = 22;
  const left = 170;
  const width = 640;
  const height = 50 + bars.length * (barHeight + 8);
  const rects = bars.map((bar, i) => {
    const y = 40 + i * (barHeight + 8);
    const w = Number.isFinite(bar.amount) ? Math.max(1, ((width - left - 90) * bar.amount) / max) : 0;
    return [
      `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${escapeXml(bar.name)}</text>`,
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="#3b7dd8"/>`,
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 15}">${bar.amount} ${escapeXml(unit)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<text x="10" y="22" font-weight="bold">${escapeXml(`${result.lab}: ${value} (${unit})`)}</text>`,
    ...rects,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Writes `<lab>.json` (title, rows, when) and `<lab>.svg` into `dir`.
 * @param result - the lab result
 * @param dir - output folder, created when missing
 */
export function writeLabResult(result: LabResult, dir: string): LabFiles {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${result.lab}.json`);
  const svg = join(dir, `${result.lab}.svg`);
  writeFileSync(
    json,
    `${JSON.stringify({ lab: result.lab, title: result.title, measuredAt: new Date().toISOString(), rows: result.rows }, null, 2)}\n`,
  );
  writeFileSync(svg, barChartSvg(result));
  return { json, svg };
}
