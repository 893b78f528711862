import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { applyEdits, loadCatalogue, parseCatalogueEntry } from '../../src/mutants/mutant-catalogue.js';
import { MUTANTS_FIXTURE, scratchDir } from '../helpers/fixture-paths.js';

const assignment = loadAssignment(MUTANTS_FIXTURE);
const ROWS = ['1', '2'];
const good = {
  id: 'opens-above-90',
  row: '2',
  description: '90 degrees counts as closed',
  edits: [{ file: 'src/servo.ts', find: 'angle >= 90', replace: 'angle > 90' }],
  killedBy: ['label > open from 90 degrees'],
};

function problem(raw: unknown, id = 'opens-above-90'): string {
  try {
    parseCatalogueEntry(raw, id, assignment, ROWS);
  } catch (e) {
    expect((e as { code?: string }).code).toBe('grader/bad-mutant');
    return (e as Error).message;
  }
  throw new Error('expected the entry to be rejected');
}

describe('mutant catalogue', () => {
  it('reads every grading/mutants/*.json of the fixture, with the README rows', () => {
    const c = loadCatalogue(assignment);
    expect(c.invalid).toEqual([]);
    expect(c.rows).toEqual(ROWS);
    expect(c.mutants.map((m) => [m.id, m.row, m.equivalent !== undefined])).toEqual([
      ['no-lower-limit', '1', false],
      ['opens-above-90', '2', false],
      ['upper-limit-inclusive', '1', true],
    ]);
  });

  it('accepts a well-formed entry as it is', () => {
    expect(parseCatalogueEntry(good, 'opens-above-90', assignment, ROWS)).toEqual(good);
  });

  it('rejects unknown keys and wrong types, naming the mutant and the field', () => {
    expect(problem({ ...good, killedby: [] })).toBe(
      'mutant "opens-above-90": "killedby" is not a catalogue field (known: id, row, description, edits, killedBy, equivalent, feedbackMentions)',
    );
    expect(problem({ ...good, edits: [{ ...good.edits[0], line: 3 }] })).toMatch(
      /^mutant "opens-above-90": "edits\[0\]\.line" is not an edit field/,
    );
    expect(problem({ ...good, row: 3 })).toMatch(/"row" must be a non-empty string/);
    expect(problem({ ...good, edits: [] })).toMatch(/"edits" must be a non-empty array/);
    expect(problem({ ...good, id: 'Opens_Above' })).toMatch(/"id" must be a kebab-case string/);
    expect(problem(good, 'other-name')).toMatch(
      /"id" is "opens-above-90" but the file is named other-name\.json/,
    );
    expect(problem([1])).toMatch(/the file must hold a JSON object/);
  });

  it('rejects a find that occurs 0 or 2+ times, and a file that does not exist', () => {
    const edit = (e: object): unknown => ({ ...good, edits: [{ ...good.edits[0], ...e }] });
    expect(problem(edit({ find: 'angle >= 91' }))).toMatch(
      /"edits\[0\]\.find" occurs 0 times in src\/servo\.ts, it must occur exactly once/,
    );
    expect(problem(edit({ find: 'return' }))).toMatch(/"edits\[0\]\.find" occurs 5 times in src\/servo\.ts/);
    expect(problem(edit({ file: 'src/missing.ts' }))).toMatch(
      /"edits\[0\]\.file" "src\/missing\.ts" does not exist in the assignment folder/,
    );
    expect(problem(edit({ file: '../m0-clamp/src/servo.ts' }))).toMatch(
      /must be a path inside the assignment folder/,
    );
    expect(problem(edit({ file: 'grading/manifest.json', find: 'M0' }))).toMatch(
      /mutants never edit grading\//,
    );
    expect(problem(edit({ replace: 'angle >= 90' }))).toMatch(/"edits\[0\]\.replace" is the same as find/);
    // A later edit sees the earlier ones: after the first, the original text is gone.
    expect(problem({ ...good, edits: [good.edits[0], good.edits[0]] })).toMatch(
      /"edits\[1\]\.find" occurs 0 times in src\/servo\.ts \(after the earlier edits\)/,
    );
  });

  it('rejects killedBy names missing from the manifest, rows missing from the README, and unkillable non-equivalents', () => {
    expect(problem({ ...good, killedBy: ['label > opens'] })).toMatch(
      /"killedBy\[0\]" "label > opens" is not a test in grading\/manifest\.json/,
    );
    expect(problem({ ...good, row: '7' })).toMatch(
      /"row" is "7", not a row of the README behaviour table \(1, 2\)/,
    );
    expect(problem({ ...good, killedBy: [] })).toMatch(/"killedBy" is empty: name the tests that must fail/);
    expect(problem({ ...good, equivalent: '' })).toMatch(/"equivalent" must be a non-empty string/);
  });

  it('reads feedbackMentions, trimmed, and rejects an empty list, a blank text or a non-string', () => {
    expect(
      parseCatalogueEntry(
        { ...good, feedbackMentions: [' label ', '90'] },
        'opens-above-90',
        assignment,
        ROWS,
      ),
    ).toEqual({ ...good, feedbackMentions: ['label', '90'] });
    for (const bad of [[], [''], ['  '], [3], 'label'])
      expect(problem({ ...good, feedbackMentions: bad })).toMatch(
        /"feedbackMentions" must be a non-empty array of non-empty strings, or absent/,
      );
  });

  it('lists an invalid file with its reason instead of failing the whole catalogue', () => {
    const dir = scratchDir('catalogue');
    cpSync(MUTANTS_FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'grading', 'mutants', 'broken.json'), '{ "id": ');
    const c = loadCatalogue(loadAssignment(dir));
    expect(c.mutants).toHaveLength(3);
    expect(c.invalid).toEqual([
      {
        id: 'broken',
        file: 'grading/mutants/broken.json',
        message: expect.stringMatching(/^mutant "broken": grading\/mutants\/broken\.json is not valid JSON/),
      },
    ]);
  });

  it('applies the edits to a copy and refuses when a find no longer matches once', () => {
    const dir = scratchDir('apply');
    cpSync(MUTANTS_FIXTURE, dir, { recursive: true });
    applyEdits(dir, 'opens-above-90', good.edits);
    expect(readFileSync(join(dir, 'src', 'servo.ts'), 'utf8')).toContain('angle > 90 ?');
    expect(() => applyEdits(dir, 'opens-above-90', good.edits)).toThrow(
      /mutant "opens-above-90": "edits\[0\]\.find" occurs 0 times in src\/servo\.ts/,
    );
  });
});

describe('the handout', () => {
  it('leaves the catalogue out: it quotes the reference solution', async () => {
    const { makeHandout } = await import('../../src/handout/make-handout.js');
    const out = join(scratchDir('handout'), 'm0');
    makeHandout({ assignmentDir: MUTANTS_FIXTURE, outDir: out });
    expect(existsSync(join(out, 'grading', 'manifest.json'))).toBe(true);
    expect(existsSync(join(out, 'grading', 'mutants'))).toBe(false);
    expect(readFileSync(join(out, 'src', 'servo.ts'), 'utf8')).not.toContain('angle >= 90');
  });
});
