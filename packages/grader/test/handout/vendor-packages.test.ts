import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vendorPackages, type VendorLog } from '../../src/handout/vendor-packages.js';
import type { WorkspaceInfo } from '../../src/handout/workspace-catalog.js';

const root = mkdtempSync(join(tmpdir(), 'vendor-packages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function writePackage(dir: string, pj: object, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pj));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

const maths = join(root, 'repo', 'packages', 'maths');
const cpp = join(root, 'repo', 'firmware');
writePackage(
  maths,
  {
    name: '@kit/maths',
    files: ['dist', 'vectors.json'],
    exports: {
      '.': { '@iotkit/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      './extra': { '@iotkit/source': './src/extra.ts', default: './dist/extra.js' },
      // sources exported from outside src/ (a page bundle's entry) come along too
      './page': { '@iotkit/source': './page/index.ts', default: './dist/page/index.js' },
    },
    scripts: { build: 'tsc' },
    dependencies: { '@kit/cpp': 'workspace:*', tiny: 'catalog:' },
    devDependencies: { vitest: 'catalog:', '@types/ws': '8.18.1' },
  },
  {
    'src/index.ts': 'export {};',
    'page/index.ts': 'export {};',
    'dist/index.js': 'built',
    'vectors.json': '[]',
    'test/a.test.ts': '',
  },
);
writePackage(
  cpp,
  { name: '@kit/cpp', files: ['lib', 'README.md'] },
  {
    'lib/core.cpp': '',
    'README.md': '# cpp',
    'build/stale.o': '',
    'test/core_test.cpp': '',
  },
);
const ws: WorkspaceInfo = {
  root: join(root, 'repo'),
  catalog: new Map([['tiny', '1.2.3']]),
  packages: new Map([
    ['@kit/maths', maths],
    ['@kit/cpp', cpp],
  ]),
  allowBuilds: null,
};
const out = join(root, 'handout');
const log: VendorLog = { vendored: [], rewritten: {} };
const copies = vendorPackages(['@kit/maths', '@kit/maths'], ws, out, log);
const vendoredMaths = join(out, 'vendor', 'kit-maths');
const pj = JSON.parse(readFileSync(join(vendoredMaths, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('vendorPackages', () => {
  it('copies each package once, with the workspace packages it depends on', () => {
    expect(log.vendored).toEqual(['@kit/maths', '@kit/cpp']);
    expect([...copies]).toEqual([
      [maths, vendoredMaths],
      [cpp, join(out, 'vendor', 'kit-cpp')],
    ]);
  });

  it('copies sources and the files list, never build output or tests', () => {
    expect(existsSync(join(vendoredMaths, 'src', 'index.ts'))).toBe(true);
    expect(existsSync(join(vendoredMaths, 'vectors.json'))).toBe(true);
    expect(existsSync(join(vendoredMaths, 'page', 'index.ts'))).toBe(true);
    expect(existsSync(join(vendoredMaths, 'dist'))).toBe(false);
    expect(existsSync(join(vendoredMaths, 'test'))).toBe(false);
    expect(existsSync(join(out, 'vendor', 'kit-cpp', 'lib', 'core.cpp'))).toBe(true);
    expect(existsSync(join(out, 'vendor', 'kit-cpp', 'build'))).toBe(false);
  });

  it('lists exactly what was copied in `files`, since pnpm installs only those', () => {
    expect(pj['files']).toEqual(['src', 'page', 'vectors.json']);
    const cppJson = JSON.parse(readFileSync(join(out, 'vendor', 'kit-cpp', 'package.json'), 'utf8')) as {
      files: string[];
    };
    expect(cppJson.files).toEqual(['README.md', 'lib']);
  });

  it('points every export at its source, rewrites specs, keeps only type packages of the dev ones', () => {
    expect(pj['exports']).toEqual({
      '.': './src/index.ts',
      './extra': './src/extra.ts',
      './page': './page/index.ts',
    });
    expect(pj['dependencies']).toEqual({
      '@kit/cpp': 'file:../kit-cpp',
      tiny: '1.2.3',
      '@types/ws': '8.18.1',
    });
    expect(pj['scripts']).toBeUndefined();
    expect(pj['devDependencies']).toBeUndefined();
  });
});
