import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseGraderConfig } from '../../src/core/grader-config.js';
import { GraderError } from '../../src/core/grader-error.js';

function refusal(raw: unknown): string {
  try {
    parseGraderConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GraderError);
    expect((error as GraderError).code).toBe('grader/bad-config');
    return (error as GraderError).message;
  }
  throw new Error('expected grader/bad-config');
}

describe('parseGraderConfig defaults', () => {
  it('are the documented limits', () => {
    expect(DEFAULT_CONFIG).toEqual({
      backend: 'none',
      build: null,
      buildTimeoutSeconds: 120,
      timeoutSeconds: 120,
      testTimeoutMs: 10_000,
      memoryMb: 512,
      outputLimitBytes: 65_536,
      requiredFiles: [],
      testProcess: 'per-file',
    });
  });

  it('fill an empty object, and a missing file gets a copy it may change', () => {
    expect(parseGraderConfig({})).toEqual(DEFAULT_CONFIG);
    const copy = parseGraderConfig(undefined);
    expect(copy).toEqual(DEFAULT_CONFIG);
    expect(copy).not.toBe(DEFAULT_CONFIG);
  });
});

describe('parseGraderConfig limits', () => {
  it('reads every limit that is given', () => {
    expect(
      parseGraderConfig({
        buildTimeoutSeconds: 1,
        timeoutSeconds: 2,
        testTimeoutMs: 3,
        memoryMb: 4,
        outputLimitBytes: 5,
      }),
    ).toMatchObject({
      buildTimeoutSeconds: 1,
      timeoutSeconds: 2,
      testTimeoutMs: 3,
      memoryMb: 4,
      outputLimitBytes: 5,
    });
    expect(parseGraderConfig({ timeoutSeconds: 0.5 }).timeoutSeconds).toBe(0.5);
  });

  it.each(['buildTimeoutSeconds', 'timeoutSeconds', 'testTimeoutMs', 'memoryMb', 'outputLimitBytes'])(
    'refuses a %s that is not a positive number, naming it',
    (key) => {
      const message = `grading/grader.config.json: "${key}" must be a positive number`;
      for (const bad of [0, -1, '10', Number.POSITIVE_INFINITY, Number.NaN, null]) {
        expect(refusal({ [key]: bad }), `${key}: ${String(bad)}`).toBe(message);
      }
    },
  );
});

describe('parseGraderConfig build, backend and required files', () => {
  it('keeps a build command, and null means none', () => {
    expect(parseGraderConfig({ build: ['make', 'all'] }).build).toEqual(['make', 'all']);
    expect(parseGraderConfig({ build: null }).build).toBeNull();
  });

  it('refuses a build that is not a non-empty list of strings', () => {
    const message = 'grading/grader.config.json: "build" must be a non-empty array of strings (argv)';
    for (const bad of ['make', [], ['make', 1], {}]) expect(refusal({ build: bad })).toBe(message);
  });

  it('accepts each backend and refuses others', () => {
    for (const backend of ['none', 'rtdb', 'rtdb+auth'])
      expect(parseGraderConfig({ backend }).backend).toBe(backend);
    const message = 'grading/grader.config.json: "backend" must be "none", "rtdb" or "rtdb+auth"';
    for (const bad of ['auth', '', 1]) expect(refusal({ backend: bad })).toBe(message);
    expect(parseGraderConfig({ backend: null }).backend).toBe('none');
  });

  it('keeps relative required files and refuses anything that could leave the submission', () => {
    expect(parseGraderConfig({ requiredFiles: ['firmware/src/app/', 'a..b/c'] }).requiredFiles).toEqual([
      'firmware/src/app/',
      'a..b/c',
    ]);
    const message =
      'grading/grader.config.json: "requiredFiles" must be an array of relative paths inside the submission';
    for (const bad of ['src/', [''], ['/etc/passwd'], ['../x'], ['a/../../b'], [1], {}])
      expect(refusal({ requiredFiles: bad })).toBe(message);
  });

  it('accepts each test-process layout and refuses others', () => {
    expect(parseGraderConfig({ testProcess: 'per-file' }).testProcess).toBe('per-file');
    expect(parseGraderConfig({ testProcess: 'per-submission' }).testProcess).toBe('per-submission');
    const message = 'grading/grader.config.json: "testProcess" must be "per-file" or "per-submission"';
    for (const bad of ['shared', '', true, 1]) expect(refusal({ testProcess: bad })).toBe(message);
    expect(parseGraderConfig({ testProcess: null }).testProcess).toBe('per-file');
  });

  it('refuses a config that is not a JSON object', () => {
    const message = 'grading/grader.config.json must be a JSON object';
    for (const bad of [null, [], 'x', 3]) expect(refusal(bad)).toBe(message);
  });
});
