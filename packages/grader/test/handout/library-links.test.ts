import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteLibraryLinks } from '../../src/handout/library-links.js';

// A monorepo with the kit's firmware and one assignment, and a handout with a vendored copy.
const root = mkdtempSync(join(tmpdir(), 'library-links-'));
const repoFirmware = join(root, 'repo', 'firmware');
const project = join(root, 'repo', 'assignments', 'a9', 'firmware');
const handout = join(root, 'handout');
const vendored = join(handout, 'vendor', 'iotkit-firmware');
for (const dir of [
  join(repoFirmware, 'lib'),
  join(vendored, 'lib'),
  join(vendored, 'platform', 'esp32'),
  project,
])
  mkdirSync(dir, { recursive: true });
mkdirSync(join(handout, 'firmware'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const INI = [
  '[env]',
  'lib_deps =',
  '    core=symlink://../../../firmware/lib',
  '    esp=file://../../../firmware/platform/esp32 ; adapters',
  '    missing=symlink://../../../firmware/apps',
  '    other=symlink://../../../elsewhere/lib',
  '    madhephaestus/ESP32Servo@3.2.0',
  '',
].join('\n');

function copy(): { from: string; to: string } {
  const file = { from: join(project, 'platformio.ini'), to: join(handout, 'firmware', 'platformio.ini') };
  writeFileSync(file.to, INI);
  return file;
}

describe('rewriteLibraryLinks', () => {
  it('points links into a vendored package at the copy, relative to the copied project', () => {
    const file = copy();
    expect(rewriteLibraryLinks(file, new Map([[repoFirmware, vendored]]))).toBe(2);
    const text = readFileSync(file.to, 'utf8');
    expect(text).toContain('core=symlink://../vendor/iotkit-firmware/lib\n');
    expect(text).toContain('esp=file://../vendor/iotkit-firmware/platform/esp32 ; adapters');
  });

  it('leaves links to parts that were not vendored, to other folders, and registry deps alone', () => {
    const file = copy();
    rewriteLibraryLinks(file, new Map([[repoFirmware, vendored]]));
    const text = readFileSync(file.to, 'utf8');
    expect(text).toContain('missing=symlink://../../../firmware/apps');
    expect(text).toContain('other=symlink://../../../elsewhere/lib');
    expect(text).toContain('madhephaestus/ESP32Servo@3.2.0');
  });

  it('does not touch the file when nothing points into a vendored package', () => {
    const file = copy();
    expect(rewriteLibraryLinks(file, new Map())).toBe(0);
    expect(readFileSync(file.to, 'utf8')).toBe(INI);
  });
});
