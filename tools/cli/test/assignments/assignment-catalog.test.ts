import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findAssignment, listAssignments, loadStartDemo } from '../../src/assignments/assignment-catalog.js';
import { CliError } from '../../src/cli-error.js';

const root = mkdtempSync(join(tmpdir(), 'iotkit-catalog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function addPackage(folder: string, pj: unknown, entry?: string): void {
  const dir = join(root, 'assignments', folder);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pj));
  if (entry !== undefined) writeFileSync(join(dir, 'src', 'index.mjs'), entry);
}

addPackage('a10-late', { iotkit: { id: 'a10', title: 'Late' } });
addPackage(
  'a3-crud',
  {
    iotkit: { id: 'a3', title: 'CRUD' },
    exports: { '.': { '@iotkit/source': './src/index.mjs' } },
  },
  'export const startDemo = async (o) => ({ lines: [`demo on ${o.rtdbUrl}`], stop: async () => {} });\n',
);
addPackage(
  'a4-nodemo',
  {
    iotkit: { id: 'a4', title: 'No demo' },
    exports: { '.': { '@iotkit/source': './src/index.mjs' } },
  },
  'export const other = 1;\n',
);
addPackage('not-an-assignment', { name: 'x' });
mkdirSync(join(root, 'assignments', 'broken'), { recursive: true });
writeFileSync(join(root, 'assignments', 'broken', 'package.json'), '{ not json');

describe('assignment catalog', () => {
  it('lists packages that name themselves, in numeric id order, skipping the rest', () => {
    expect(listAssignments(root).map((a) => [a.id, a.title])).toEqual([
      ['a3', 'CRUD'],
      ['a4', 'No demo'],
      ['a10', 'Late'],
    ]);
  });

  it('finds an assignment by id or by folder name', () => {
    expect(findAssignment(root, 'a3').dir).toBe(join(root, 'assignments', 'a3-crud'));
    expect(findAssignment(root, 'a3-crud').id).toBe('a3');
  });

  it('names the assignments there are when the ref matches none', () => {
    const error = (() => {
      try {
        findAssignment(root, 'a9');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('cli/usage');
    expect((error as CliError).message).toBe('there is no assignment "a9"; choose one of: a3, a4, a10');
  });

  it('loads the startDemo hook and runs it', async () => {
    const start = await loadStartDemo(findAssignment(root, 'a3'));
    const demo = await start({
      rtdbUrl: 'http://127.0.0.1:1',
      authUrl: 'http://127.0.0.1:2',
      projectId: 'demo-x',
    });
    expect(demo.lines).toEqual(['demo on http://127.0.0.1:1']);
  });

  it('says so when a package exports no startDemo', async () => {
    await expect(loadStartDemo(findAssignment(root, 'a4'))).rejects.toMatchObject({
      code: 'cli/backend-failed',
      message: 'assignment a4 has no demo to start (its package does not export startDemo)',
    });
  });

  it('finds the repository’s own assignments, A2 among them', () => {
    const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
    expect(listAssignments(repoRoot).map((a) => a.id)).toContain('a2');
  });
});
