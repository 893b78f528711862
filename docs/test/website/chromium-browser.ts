// Debian's Chromium, driven by playwright-core, with the flags the kit uses everywhere: headless,
// no sandbox (CI runs as root), no GPU, no background traffic, and a fresh profile per launch.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium package; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A browser context on a fresh profile; `close()` also deletes the profile. */
export interface SiteBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium on a new, empty user-data-dir, or fails saying what to install. */
export async function launchSiteBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<SiteBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: the docs site tests load every page in Debian's Chromium; install it with \`pnpm os-deps\` (apt-get install chromium)`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'iotkit-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
