import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listSubmissions, materializeSubmission, safeId } from '../../src/class/submission-source.js';
import { unzipSubmission } from '../../src/class/unzip-submission.js';
import { GraderError } from '../../src/core/grader-error.js';
import { scratchDir } from '../helpers/fixture-paths.js';
import { writeZip } from '../helpers/make-zip.js';

const work = scratchDir('sources');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e instanceof GraderError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('listSubmissions', () => {
  it('expands a class folder into folders, zips and repositories, and keeps single submissions whole', () => {
    const cls = join(work, 'cls');
    mkdirSync(join(cls, 'amy', 'src'), { recursive: true });
    mkdirSync(join(cls, 'ben', '.git'), { recursive: true });
    writeZip(join(cls, 'Cara Smith.zip'), { 'src/a.ts': 'x' });
    writeFileSync(join(cls, 'notes.txt'), 'ignored');
    const list = listSubmissions([cls]);
    expect(list.map((s) => [s.id, s.kind])).toEqual([
      ['Cara-Smith', 'zip'],
      ['amy', 'folder'],
      ['ben', 'git'],
    ]);
    expect(listSubmissions([join(cls, 'amy')]).map((s) => s.id)).toEqual(['amy']);
  });

  it('rejects missing paths and duplicate ids', async () => {
    expect(await codeOf(() => listSubmissions([join(work, 'nope')]))).toBe('grader/submission-not-found');
    const a = join(work, 'dup1', 'x');
    const b = join(work, 'dup2', 'x');
    mkdirSync(join(a, 'src'), { recursive: true });
    mkdirSync(join(b, 'src'), { recursive: true });
    expect(await codeOf(() => listSubmissions([a, b]))).toBe('grader/bad-arguments');
  });

  it('makes ids safe for folders and namespaces', () => {
    expect(safeId('Ana María (late).zip')).toBe('Ana-Mar-a-late');
    expect(safeId('../..')).toBe('submission');
  });
});

describe('unzipSubmission', () => {
  it('extracts a zip and enters its single top folder', async () => {
    const zip = join(work, 'one.zip');
    writeZip(zip, {
      'top/src/calc.ts': 'export const a = 1;',
      'top/node_modules/evil/index.js': 'x',
      '__MACOSX/._x': 'y',
    });
    const m = await materializeSubmission({ id: 'one', path: zip, kind: 'zip' });
    expect(readFileSync(join(m.dir, 'src', 'calc.ts'), 'utf8')).toBe('export const a = 1;');
    expect(() => readFileSync(join(m.dir, 'node_modules', 'evil', 'index.js'))).toThrow();
    m.dispose();
  });

  it('refuses entries that escape the folder (zip slip)', async () => {
    const zip = join(work, 'slip.zip');
    writeZip(zip, { 'ok.txt': 'fine', '../../escaped.txt': 'pwned' });
    expect(await codeOf(unzipSubmission(zip, join(work, 'slip-out')))).toBe('grader/unsafe-path');
    expect(() => readFileSync(join(work, '..', 'escaped.txt'))).toThrow();
  });

  it('stops at the byte limit and reports files that are not zips', async () => {
    const zip = join(work, 'big.zip');
    writeZip(zip, { 'a.txt': 'x'.repeat(5000) });
    expect(
      await codeOf(unzipSubmission(zip, join(work, 'big-out'), { maxEntries: 10, maxBytes: 1000 })),
    ).toBe('grader/bad-submission');
    const fake = join(work, 'fake.zip');
    writeFileSync(fake, 'not a zip');
    expect(await codeOf(materializeSubmission({ id: 'fake', path: fake, kind: 'zip' }))).toBe(
      'grader/bad-submission',
    );
  });

  it('reports a git repository that cannot be cloned', async () => {
    const repo = join(work, 'empty-repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    expect(await codeOf(materializeSubmission({ id: 'r', path: repo, kind: 'git' }))).toBe(
      'grader/git-failed',
    );
  });
});
