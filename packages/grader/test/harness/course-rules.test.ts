import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { courseRulesFile, loadCourseRules } from '../../src/harness/course-rules.js';
import { GraderError } from '../../src/core/grader-error.js';

const dir = mkdtempSync(join(tmpdir(), 'iotkit-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.IOTKIT_COURSE_RULES;
});

const RULES = `{
  // comments are allowed, as in Firebase's own files
  "rules": {
    "devices": { "$uid": {
      ".read": "auth.uid === $uid",
      "latest": { ".validate": "newData.hasChildren(['ir', 'ts'])", "ts": { ".validate": "now" } },
    } }
  }
}`;

describe('course rules', () => {
  it('finds the repository’s database.rules.json above the harness', () => {
    expect(courseRulesFile()).toMatch(/[/\\]database\.rules\.json$/);
    expect(loadCourseRules().rules).toHaveProperty('devices');
  });

  it('prefers IOTKIT_COURSE_RULES, and says when it names nothing', () => {
    const file = join(dir, 'given.rules.json');
    writeFileSync(file, RULES);
    process.env.IOTKIT_COURSE_RULES = file;
    expect(courseRulesFile()).toBe(file);
    process.env.IOTKIT_COURSE_RULES = join(dir, 'nope.json');
    expect(() => courseRulesFile()).toThrow(/IOTKIT_COURSE_RULES names .*nope\.json, which does not exist/);
  });

  it('deep-merges a patch: objects key by key, values replace, null removes', () => {
    const file = join(dir, 'merge.rules.json');
    writeFileSync(file, RULES);
    const { rules } = loadCourseRules(
      {
        devices: {
          $uid: {
            latest: { '.validate': "newData.hasChildren(['ir'])", ts: null },
            extra: { '.read': true },
          },
        },
      },
      file,
    );
    expect(rules).toEqual({
      devices: {
        $uid: {
          '.read': 'auth.uid === $uid',
          latest: { '.validate': "newData.hasChildren(['ir'])" },
          extra: { '.read': true },
        },
      },
    });
    // The file itself is untouched by a patch.
    expect(loadCourseRules(undefined, file).rules).toEqual(loadCourseRules({}, file).rules);
  });

  it('rejects a file that is not rules, naming it', () => {
    const file = join(dir, 'bad.rules.json');
    writeFileSync(file, '{ "rules": ');
    expect(() => loadCourseRules(undefined, file)).toThrow(GraderError);
    writeFileSync(file, '{ "other": {} }');
    expect(() => loadCourseRules(undefined, file)).toThrow(
      /bad\.rules\.json is not a rules file \(no "rules" object\)/,
    );
  });
});
