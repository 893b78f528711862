import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReportError } from './report-error.js';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** How to get Chromium, for the error that says it is missing. */
export const CHROMIUM_INSTALL =
  'install Chromium with `sudo apt-get install chromium` (Debian/Ubuntu; or `pnpm os-deps`), or `brew install --cask chromium` on macOS, or point IOTKIT_CHROMIUM at a Chrome/Chromium binary';

/**
 * The Chromium binary: `IOTKIT_CHROMIUM` when set, else the first of chromium, chromium-browser,
 * google-chrome on PATH.
 * @param env - the environment to read (default: this process's)
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.IOTKIT_CHROMIUM) return existsSync(env.IOTKIT_CHROMIUM) ? env.IOTKIT_CHROMIUM : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES)
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/**
 * Prints an HTML file to PDF with headless Chromium (A4, no header or footer).
 * @param htmlFile - the page
 * @param pdfFile - the PDF to write
 * @param chromium - the binary (default {@link findChromium})
 * @throws ReportError `a1/chromium-missing` with the install line; `a1/pdf-failed` when Chromium wrote no PDF
 */
export async function printPdf(htmlFile: string, pdfFile: string, chromium = findChromium()): Promise<void> {
  if (!chromium || !existsSync(chromium))
    throw new ReportError(
      'a1/chromium-missing',
      `Chromium is needed to print the report to PDF but ${chromium ? `${chromium} does not exist` : 'none was found'}: ${CHROMIUM_INSTALL}`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'a1-report-chromium-'));
  rmSync(pdfFile, { force: true });
  try {
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      '--print-to-pdf-no-header',
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ];
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ code: null, text: error.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, text });
      });
    });
    if (!existsSync(pdfFile) || statSync(pdfFile).size === 0)
      throw new ReportError(
        'a1/pdf-failed',
        `Chromium (${chromium}) exited with ${String(output.code)} and wrote no PDF: ${output.text.trim().split('\n').slice(-3).join(' ')}`,
      );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
