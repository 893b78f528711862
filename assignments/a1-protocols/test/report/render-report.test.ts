// Renders the reference report with Debian's Chromium (a missing Chromium fails this test with
// the install line, as it fails `pnpm report` for a student).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { A1_ROOT } from '../../src/a1-paths.js';
import { renderReport } from '../../src/report/render-report.js';
import { ReportError } from '../../src/report/report-error.js';

const work = mkdtempSync(join(tmpdir(), 'a1-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm report', () => {
  it('renders the reference report to HTML with every lab figure embedded, and to a PDF', async () => {
    const done = await renderReport({ root: A1_ROOT, outDir: work });
    expect(done.embedded).toEqual(['layers', 'http-versions', 'patterns', 'mqtt', 'tokens', 'rtdb']);
    expect(done.missing).toEqual([]);
    const html = readFileSync(done.html, 'utf8');
    expect(html.match(/<img class="chart"[^>]*src="data:image\/svg\+xml;base64,/g)).toHaveLength(6);
    expect(html).toContain('Figure 6: lab <code>rtdb</code>');
    const pdf = readFileSync(done.pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  }, 120_000);

  it('fails with the install line when Chromium is missing, after writing the HTML', async () => {
    const out = join(work, 'no-chromium');
    const error = await renderReport({ root: A1_ROOT, outDir: out, chromium: '/nonexistent/chromium' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).code).toBe('a1/chromium-missing');
    expect((error as ReportError).message).toContain('sudo apt-get install chromium');
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('says the report is missing when there is none', async () => {
    const root = join(work, 'empty');
    cpSync(join(A1_ROOT, 'lab-results'), join(root, 'lab-results'), { recursive: true });
    await expect(renderReport({ root })).rejects.toMatchObject({ code: 'a1/report-missing' });
  });
});
