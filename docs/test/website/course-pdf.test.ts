// `pnpm iotkit docs --pdf` on the real built site: one PDF holding every course page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readSiteMap } from './site-files.js';
import { REPO_ROOT } from './site-paths.js';

const siteDir = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'iotkit-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('iotkit docs --pdf', () => {
  it('prints every course page, in one PDF', () => {
    const output = join(work, 'notes.pdf');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@iotkit/source',
        'tools/cli/src/main.ts',
        'docs',
        '--pdf',
        '--no-build',
        '--site',
        siteDir,
        '--output',
        output,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const course = readSiteMap(siteDir).sections.find((s) => s.title === 'Course')?.pages ?? [];
    expect(run.stdout).toContain(`docs: ${course.length} course pages printed to ${output}`);
    const pdf = readFileSync(output);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Chromium writes one page object per printed page; each lecture takes at least one.
    const pageObjects = pdf.toString('latin1').match(/\/Type \/Page(?!s)/g) ?? [];
    expect(pageObjects.length).toBeGreaterThanOrEqual(course.length);
  }, 300_000);
});
