import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';

/** A lab's latest output as the report embeds it. */
export interface LabFigure {
  readonly lab: string;
  readonly title: string;
  readonly measuredAt: string;
  readonly rows: readonly Record<string, string | number>[];
  /** The chart, an SVG document. */
  readonly svg: string;
}

const LAB_MARKER = /<!--\s*lab:\s*([a-z0-9-]+)\s*-->/g;
const CITATION = /\{\{\s*([^|{}]+?)\s*\|\s*([^|{}]+?)\s*\|\s*([^={}]+?)\s*=\s*([^{}]+?)\s*\}\}/g;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Reads `<dir>/<lab>.json` and `<dir>/<lab>.svg` for each lab that has them.
 * @param dir - the lab-results folder
 * @param labs - lab names
 */
export function readLabFigures(dir: string, labs: readonly string[]): Map<string, LabFigure> {
  const out = new Map<string, LabFigure>();
  for (const lab of labs) {
    const json = join(dir, `${lab}.json`);
    if (!existsSync(json)) continue;
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as Omit<LabFigure, 'svg'>;
    const svgFile = join(dir, `${lab}.svg`);
    out.set(lab, { ...parsed, lab, svg: existsSync(svgFile) ? readFileSync(svgFile, 'utf8') : '' });
  }
  return out;
}

/** The labs whose figure a report places with `<!-- lab: name -->`, in order. */
export function figureMarkers(markdown: string): string[] {
  return [...markdown.matchAll(LAB_MARKER)].map((m) => m[1] ?? '');
}

function figureHtml(number: number, lab: string, figure: LabFigure | undefined): string {
  if (!figure)
    return `<figure class="lab missing"><figcaption>Figure ${number}: lab <code>${lab}</code> has no results yet. Run <code>pnpm --filter @iotkit/a1-protocols lab ${lab}</code>, then render again.</figcaption></figure>`;
  const columns = Object.keys(figure.rows[0] ?? {});
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = figure.rows
    .map((row) => `<tr>${columns.map((c) => `<td>${escapeHtml(String(row[c] ?? ''))}</td>`).join('')}</tr>`)
    .join('');
  const chart = figure.svg
    ? `<img class="chart" alt="chart of lab ${lab}" src="data:image/svg+xml;base64,${Buffer.from(figure.svg).toString('base64')}">`
    : '';
  return [
    `<figure class="lab" id="figure-${lab}">`,
    `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`,
    chart,
    `<figcaption>Figure ${number}: lab <code>${lab}</code>, ${escapeHtml(figure.title)} (measured ${escapeHtml(figure.measuredAt)})</figcaption>`,
    '</figure>',
  ].join('\n');
}

/**
 * The report's Markdown with each `<!-- lab: name -->` replaced by that lab's latest table and
 * chart (numbered figures) and each citation `{{lab | row | column = value}}` shown as the value
 * with its lab as a superscript.
 * @param markdown - report/report.md
 * @param figures - the labs' latest output
 */
export function expandReport(markdown: string, figures: ReadonlyMap<string, LabFigure>): string {
  let number = 0;
  return markdown
    .replace(LAB_MARKER, (_all, lab: string) => {
      number += 1;
      return `\n\n${figureHtml(number, lab, figures.get(lab))}\n\n`;
    })
    .replace(
      CITATION,
      (_all, lab: string, row: string, column: string, value: string) =>
        `<span class="cite" title="${escapeHtml(`${lab}: ${row}, ${column}`)}">${escapeHtml(value.trim())}<sup>${escapeHtml(lab.trim())}</sup></span>`,
    );
}

const STYLE = `
body { font-family: "DejaVu Serif", Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45; color: #111; }
h1, h2, h3 { font-family: "DejaVu Sans", Arial, sans-serif; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
blockquote { color: #555; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; }
figure.lab { margin: 1.2em 0; break-inside: avoid; }
figure.lab table { border-collapse: collapse; font: 10px "DejaVu Sans Mono", monospace; width: 100%; }
figure.lab th, figure.lab td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; word-break: break-word; }
figure.lab img.chart { display: block; max-width: 100%; margin-top: .5em; }
figcaption { font-size: .9em; color: #333; margin-top: .3em; }
figure.missing figcaption { color: #b00; }
.cite sup { font-size: .65em; color: #36c; margin-left: 1px; }
code { font-size: .9em; }
@page { size: A4; margin: 18mm; }
`;

/**
 * A standalone HTML page of the report: figures embedded (charts as data URIs), nothing fetched.
 * @param markdown - report/report.md
 * @param figures - the labs' latest output
 */
export function reportHtml(markdown: string, figures: ReadonlyMap<string, LabFigure>): string {
  const body = new Marked({ gfm: true, async: false }).parse(expandReport(markdown, figures)) as string;
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? 'Assignment 1 report';
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
