import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allowBuildsBlock,
  parseCatalog,
  parseWorkspaceGlobs,
  readWorkspace,
} from '../../src/handout/workspace-catalog.js';

const YAML = [
  'packages:',
  '  - packages/*',
  "  - 'tools/*'",
  '  - firmware   # the C++ workspace member',
  '',
  'catalog:',
  "  '@types/node': 20.19.43",
  '  vitest: 4.1.12',
  '',
  'allowBuilds:',
  '  esbuild: true',
  '',
].join('\n');

const root = mkdtempSync(join(tmpdir(), 'workspace-catalog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('pnpm-workspace.yaml reading', () => {
  it('reads the package globs, the catalog and the allowBuilds block', () => {
    expect(parseWorkspaceGlobs(YAML)).toEqual(['packages/*', 'tools/*', 'firmware']);
    expect([...parseCatalog(YAML)]).toEqual([
      ['@types/node', '20.19.43'],
      ['vitest', '4.1.12'],
    ]);
    expect(allowBuildsBlock(YAML)).toBe('allowBuilds:\n  esbuild: true\n');
  });

  it('finds packages in glob folders and in plain folders named by the globs', () => {
    writeFileSync(join(root, 'pnpm-workspace.yaml'), YAML);
    for (const [dir, name] of [
      ['packages/maths', '@kit/maths'],
      ['tools/cli', '@kit/cli'],
      ['firmware', '@kit/firmware'],
      ['assignments/a1', '@kit/a1'],
    ] as const) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ name }));
    }
    mkdirSync(join(root, 'packages', 'no-manifest'));
    const ws = readWorkspace(root);
    // assignments/* is not in this file's globs, so its package is not a workspace member here
    expect([...ws.packages.keys()].sort()).toEqual(['@kit/cli', '@kit/firmware', '@kit/maths']);
    expect(ws.packages.get('@kit/firmware')).toBe(join(root, 'firmware'));
  });
});
