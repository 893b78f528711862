// Every page of the built site loads in Debian's Chromium without a console error, a script
// error or a failed request; the navigation, the search and the JavaScript-free diagrams work;
// screenshots of the home page, a course page and an API page are kept as test artifacts.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite, type RunningSiteServer } from '@iotkit/cli/static-site-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchSiteBrowser, type SiteBrowser } from './chromium-browser.js';
import { htmlPages, readSiteMap } from './site-files.js';
import { ARTIFACTS_DIR } from './site-paths.js';

const siteDir = inject('siteDir');
let server: RunningSiteServer;
let browser: SiteBrowser;

beforeAll(async () => {
  server = await serveSite(siteDir, '127.0.0.1', 0);
  browser = await launchSiteBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records everything that went wrong while it loaded. */
async function load(page: Page, path: string, options: { scripts?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }): void => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error: Error): void => void problems.push(`script error: ${error.message}`);
  // ERR_ABORTED is the browser cancelling a request itself (the favicon when the test moves on to
  // the next page); a resource that is really missing shows up as an HTTP error status below.
  const onFailed = (request: { url(): string; failure(): { errorText: string } | null }): void => {
    const reason = request.failure()?.errorText;
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  };
  const onResponse = (response: { status(): number; url(): string }): void => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  try {
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    if (!response?.ok()) problems.push(`HTTP ${response?.status()} for the page itself`);
    // The theme fills the navigation from assets/navigation.js once loaded.
    if (options.scripts !== false) {
      await page.waitForSelector('#tsd-nav-container a', { state: 'attached', timeout: 60_000 });
    }
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
  }
  return problems;
}

describe('the built site in Chromium', () => {
  // Two passes keep this affordable on two cores: the pages people navigate (every page of the
  // four sections and every package's API page) load with JavaScript, theme scripts included;
  // the several hundred API member pages, built from the same template and the same scripts,
  // load with JavaScript off, which still checks the page, its styles, icons and images.
  it('loads every page without console errors, script errors or failed requests', async () => {
    const pages = htmlPages(siteDir);
    const navigated = new Set(readSiteMap(siteDir).sections.flatMap((s) => s.pages.map((p) => p.url)));
    navigated.add('index.html');
    expect(pages.length).toBeGreaterThan(50);
    for (const url of navigated) expect(pages).toContain(url);
    const problems: string[] = [];
    const withScripts = await browser.context.newPage();
    for (const path of pages.filter((p) => navigated.has(p))) {
      for (const problem of await load(withScripts, path)) problems.push(`${path}: ${problem}`);
    }
    await withScripts.close();
    const plain = await launchSiteBrowser({ javaScriptEnabled: false });
    try {
      const page = await plain.context.newPage();
      for (const path of pages.filter((p) => !navigated.has(p))) {
        for (const problem of await load(page, path, { scripts: false }))
          problems.push(`${path}: ${problem}`);
      }
    } finally {
      await plain.close();
    }
    expect(problems.slice(0, 20)).toEqual([]);
  }, 900_000);

  it('shows Course · Assignments · Guides · Reference as the navigation, and keeps screenshots', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const page = await browser.context.newPage();
    const shots: Array<[string, string]> = [
      ['index.html', 'home.png'],
      ['course/communication-patterns.html', 'course-communication-patterns.png'],
      ['modules/_iotkit_rtdb-client.html', 'api-rtdb-client.png'],
    ];
    for (const [path, file] of shots) {
      expect(await load(page, path)).toEqual([]);
      const topLevel = await page.$$eval('#tsd-nav-container > li > details > summary', (items) =>
        items.map((item) => item.textContent?.trim()),
      );
      expect(topLevel).toEqual(['Course', 'Assignments', 'Guides', 'Reference']);
      const sectionBar = await page.$$eval('.iotkit-sections a', (links) => links.map((a) => a.textContent));
      expect(sectionBar).toEqual(['Course', 'Assignments', 'Guides', 'Reference']);
      const titles = await page.$$eval('h1', (headings) => headings.map((h) => h.textContent?.trim()));
      expect(titles, `one title on ${path}`).toHaveLength(1);
      await page.screenshot({ path: join(ARTIFACTS_DIR, file) });
      expect(statSync(join(ARTIFACTS_DIR, file)).size).toBeGreaterThan(10_000);
    }
    const current = await page.$eval('.iotkit-sections a.current', (a) => a.textContent);
    expect(current).toBe('Reference');
    await page.close();
  }, 120_000);

  it.each([
    ['SSE', 'course/communication-patterns.html'],
    ['indexOn', 'course/realtime-database.html'],
    ['refresh token', 'course/tokens.html'],
  ])(
    'search for "%s" finds %s',
    async (query, expected) => {
      const page = await browser.context.newPage();
      expect(await load(page, 'index.html')).toEqual([]);
      await page.click('#tsd-search-trigger');
      await page.fill('#tsd-search-input', query);
      await page.waitForSelector('#tsd-search-results li a', { timeout: 15_000 });
      const hrefs = await page.$$eval('#tsd-search-results li a', (links) =>
        links.map((a) => a.getAttribute('href')),
      );
      expect(hrefs.map((href) => href?.replace(/^\.\//, '').split('#')[0])).toContain(expected);
      await page.close();
    },
    60_000,
  );

  it('shows the diagrams with JavaScript turned off', async () => {
    const noScript = await launchSiteBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${server.url}course/tokens.html`, { waitUntil: 'load' });
      const boxes = await page.$$eval('figure.iotkit-figure svg', (svgs) =>
        svgs.map((svg) => svg.getBoundingClientRect()).map((r) => ({ width: r.width, height: r.height })),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (const box of boxes) {
        expect(box.width).toBeGreaterThan(100);
        expect(box.height).toBeGreaterThan(60);
      }
      expect(await page.isVisible('figcaption:has-text("Sign in once, refresh every hour")')).toBe(true);
    } finally {
      await noScript.close();
    }
  }, 60_000);
});
