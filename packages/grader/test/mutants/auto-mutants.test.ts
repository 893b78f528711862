import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyAutoMutant,
  listAutoMutants,
  sampleAutoMutants,
  solutionRegionOffsets,
} from '../../src/mutants/auto-mutants.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const CPP = `#include <string>
int outside(int a) { return a < 1 ? 2 : 3; }
void App::tick(Board& board) {
  // BEGIN SOLUTION: the part students write
  const auto n = static_cast<long>(count_);
  if (n >= limit_ && !busy_) {
    lcd_.setLinef(0, "IR %ld", n);
    path_ = base_ + "/latest";
    total_ = total_ * 2;
  }
  iotkit::logf(board.log,
               "done %d", 1);
  // END SOLUTION
}
`;
const TS = `export function f(xs: Array<number>): string {
  // BEGIN SOLUTION
  const ok = xs.length > 0 === true;
  console.log(\`n=\${xs.length}\`);
  return ok ? 'some' : "";
  // END SOLUTION
}
`;

function project(): string {
  const dir = scratchDir('auto-mutants');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'grading'), { recursive: true });
  writeFileSync(join(dir, 'src', 'app.cpp'), CPP);
  writeFileSync(join(dir, 'src', 'f.ts'), TS);
  // Files in grading/ are tests, never mutated, even with markers in them.
  writeFileSync(join(dir, 'grading', 'g.ts'), TS);
  return dir;
}

describe('automatic mutants', () => {
  const dir = project();
  const all = listAutoMutants(dir);
  const cpp = all.filter((m) => m.file === 'src/app.cpp');
  const changes = (ms: typeof all): string[] => ms.map((m) => `${m.line} ${m.description}`);

  it('only come from SOLUTION regions of C++ and TypeScript files outside grading/', () => {
    expect(new Set(all.map((m) => m.file))).toEqual(new Set(['src/app.cpp', 'src/f.ts']));
    expect(cpp.every((m) => m.line > 4 && m.line < 13)).toBe(true);
    const [region] = solutionRegionOffsets(CPP);
    expect(CPP.slice(...(region as [number, number]))).toMatch(/^ {2}const auto n[^]*"done %d", 1\);\n$/);
  });

  it('swap relational, logical and arithmetic operators, never template brackets or string concatenation', () => {
    const c = changes(cpp);
    expect(c).toContain('6 `>=` → `>`');
    expect(c).toContain('6 `&&` → `||`');
    expect(c).toContain('9 `*` → `/`');
    expect(c.filter((x) => x.startsWith('5 ') && /`[<>]/.test(x))).toEqual([]);
    expect(c.filter((x) => x.startsWith('8 ') && x.includes('`+`'))).toEqual([]);
  });

  it('shift integer constants, flip booleans, negate if conditions, delete call statements', () => {
    const c = changes(cpp);
    expect(c).toEqual(
      expect.arrayContaining([
        '9 `2` → `3`',
        '9 `2` → `1`',
        '6 drop `!`',
        '6 negate `if (n >= limit_ && !busy_)`',
        '7 delete `lcd_.setLinef(0, "IR %ld", n);`',
        '11 delete `iotkit::logf(board.log, "done %d", 1);`',
      ]),
    );
    expect(changes(all.filter((m) => m.file === 'src/f.ts'))).toEqual(
      expect.arrayContaining(['3 `true` → `false`', "5 'some' → ''", '5 "" → "mutant"']),
    );
  });

  it('change C++ format strings but keep their conversions, so the mutant still compiles', () => {
    expect(changes(cpp)).toContain('7 "IR %ld" → "%ld"');
    expect(changes(cpp).some((c) => c.includes('"done %d" → "%d"'))).toBe(true);
  });

  it('apply one change to a copy of the file', () => {
    const m = cpp.find((x) => x.description === '`>=` → `>`');
    expect(m?.id).toBe('src/app.cpp:6:9:relational');
    applyAutoMutant(dir, m as (typeof all)[number]);
    expect(readFileSync(join(dir, 'src', 'app.cpp'), 'utf8')).toContain('if (n > limit_ && !busy_)');
  });

  it('are sampled deterministically, taking every operator family in turn', () => {
    const a = sampleAutoMutants(all, 7).map((m) => m.id);
    expect(
      sampleAutoMutants([...all].reverse(), 7)
        .map((m) => m.id)
        .sort(),
    ).toEqual([...a].sort());
    expect(new Set(sampleAutoMutants(all, 7).map((m) => m.operator)).size).toBe(7);
    expect(sampleAutoMutants(all, 1000)).toHaveLength(all.length);
  });
});
