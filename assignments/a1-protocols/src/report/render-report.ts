import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureMarkers, readLabFigures, reportHtml } from './report-document.js';
import { printPdf } from './print-pdf.js';
import { ReportError } from './report-error.js';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** The assignment folder holding `report/report.md` and `lab-results/`. */
  readonly root: string;
  /** Where report.html and report.pdf go (default `<root>/report`). */
  readonly outDir?: string;
  /** The Chromium binary (default: found on PATH or `IOTKIT_CHROMIUM`). */
  readonly chromium?: string;
}

/** What {@link renderReport} wrote. */
export interface RenderedReport {
  readonly html: string;
  readonly pdf: string;
  /** Labs placed in the report whose results were embedded. */
  readonly embedded: string[];
  /** Labs placed in the report that have no results yet (a red note in the page). */
  readonly missing: string[];
}

/**
 * Renders `report/report.md` to HTML (the labs' latest tables and charts embedded where the
 * report places them) and prints it to PDF with headless Chromium.
 * @param options - see {@link RenderReportOptions}
 * @throws ReportError `a1/report-missing`, `a1/chromium-missing` (after writing the HTML), `a1/pdf-failed`
 */
export async function renderReport(options: RenderReportOptions): Promise<RenderedReport> {
  const source = join(options.root, 'report', 'report.md');
  if (!existsSync(source))
    throw new ReportError(
      'a1/report-missing',
      `there is no report/report.md to render (the handout has the template)`,
    );
  const markdown = readFileSync(source, 'utf8');
  const placed = figureMarkers(markdown);
  const figures = readLabFigures(join(options.root, 'lab-results'), placed);
  const outDir = options.outDir ?? join(options.root, 'report');
  mkdirSync(outDir, { recursive: true });
  const html = join(outDir, 'report.html');
  const pdf = join(outDir, 'report.pdf');
  writeFileSync(html, reportHtml(markdown, figures));
  await printPdf(html, pdf, options.chromium);
  return {
    html,
    pdf,
    embedded: placed.filter((l) => figures.has(l)),
    missing: placed.filter((l) => !figures.has(l)),
  };
}
