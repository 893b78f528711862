import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '@iotkit/grader';
import { A1_ROOT } from '../../src/a1-paths.js';

const read = (path: string): string => readFileSync(join(A1_ROOT, path), 'utf8');

describe('A1 grading files', () => {
  it('has a manifest worth 70 automatic and 30 manual points whose every test exists under its name', () => {
    const manifest = parseManifest(JSON.parse(read('grading/manifest.json')));
    expect(manifest.maxScore).toBe(70);
    expect(manifest.manualPoints).toBe(30);
    expect(manifest.manual.every((item) => item.rubric.length >= 2)).toBe(true);
    for (const test of manifest.tests)
      expect(read(join('grading', test.file)), test.name).toContain(`'${test.name}'`);
  });

  it('marks every lab function a student writes so the handout strips it', () => {
    for (const file of [
      'labs/mqtt/topic-match.ts',
      'labs/tokens/jwt-claims.ts',
      'labs/http-versions/http-response.ts',
      'labs/patterns/sse-parser.ts',
      'labs/layers/pcap-file.ts',
      'labs/layers/frame-layers.ts',
      'report/report.md',
    ]) {
      const text = read(file);
      const comment = file.endsWith('.md') ? '<!--' : '//';
      expect(text.split(`${comment} BEGIN SOLUTION`).length, file).toBe(
        text.split(`${comment} END SOLUTION`).length,
      );
      expect(text, file).toContain(`${comment} BEGIN SOLUTION:`);
    }
  });
});
