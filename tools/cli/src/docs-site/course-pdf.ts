// `iotkit docs --pdf`: the course notes of a built site as one PDF, in teaching order, printed by
// Debian's Chromium from the site's own pages (so the diagrams are the same inline SVGs) with
// every quiz answer unfolded.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CliError } from '../cli-error.js';
import { serveSite } from './static-site-server.js';

/** Debian's chromium package, the browser the kit prints and tests pages with. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

interface SiteMapFile {
  readonly sections: ReadonlyArray<{
    readonly title: string;
    readonly pages: ReadonlyArray<{ url: string; title: string }>;
  }>;
}

/** Reads the course pages (URLs relative to the site root) from the site's `site-map.json`. */
export function coursePages(siteDir: string): Array<{ url: string; title: string }> {
  const file = join(siteDir, 'site-map.json');
  if (!existsSync(file)) {
    throw new CliError(
      'cli/missing-config',
      `no site map in ${siteDir}: build the site first with \`pnpm iotkit docs\``,
    );
  }
  const map = JSON.parse(readFileSync(file, 'utf8')) as SiteMapFile;
  const pages = map.sections.find((section) => section.title === 'Course')?.pages ?? [];
  if (pages.length === 0)
    throw new CliError('cli/invalid-config', `the site in ${siteDir} has no course pages`);
  return [...pages];
}

/** Prints the course pages of the site in `siteDir` into `outFile`; returns how many pages went in. */
export async function writeCoursePdf(siteDir: string, outFile: string): Promise<number> {
  const pages = coursePages(siteDir);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new CliError(
      'cli/missing-tool',
      `${CHROMIUM_PATH} not found: the PDF is printed by Debian's Chromium; install it with \`pnpm os-deps\``,
    );
  }
  const server = await serveSite(siteDir, '127.0.0.1', 0);
  const profile = mkdtempSync(join(tmpdir(), 'iotkit-pdf-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await context.newPage();
      const articles: string[] = [];
      for (const entry of pages) {
        await page.goto(server.url + entry.url, { waitUntil: 'load' });
        articles.push(await page.$eval('.col-content .tsd-typography', (element) => element.innerHTML));
      }
      // One document, so the PDF has one running page count; the base keeps relative links and
      // stylesheets pointing into the site.
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><base href="${server.url}course/">` +
          '<title>IoT Cloud Kit: course notes</title>' +
          '<link rel="stylesheet" href="../assets/style.css"><link rel="stylesheet" href="../assets/highlight.css">' +
          '<link rel="stylesheet" href="../assets/custom.css">' +
          '<style>body{background:#fff;color:#111;margin:0}article{break-after:page}pre{white-space:pre-wrap}</style>' +
          `</head><body>${articles.map((html) => `<article class="tsd-typography">${html}</article>`).join('')}</body></html>`,
        { waitUntil: 'load' },
      );
      await page.$$eval('details', (all) => all.forEach((details) => details.setAttribute('open', '')));
      mkdirSync(dirname(outFile), { recursive: true });
      await page.pdf({
        path: outFile,
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      });
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  return pages.length;
}
