import { describe, expect, it } from 'vitest';
import { fromExportFormat } from '../../src/core/export-format.js';

describe('fromExportFormat', () => {
  it('passes primitives through with no priority, and undefined as null', () => {
    expect(fromExportFormat(5)).toEqual({ value: 5, priority: null });
    expect(fromExportFormat('x')).toEqual({ value: 'x', priority: null });
    expect(fromExportFormat(null)).toEqual({ value: null, priority: null });
    expect(fromExportFormat(undefined)).toEqual({ value: null, priority: null });
    expect(fromExportFormat([1, 2])).toEqual({ value: [1, 2], priority: null });
  });

  it('unwraps a .value leaf and keeps its priority', () => {
    expect(fromExportFormat({ '.value': 'A', '.priority': 3 })).toEqual({ value: 'A', priority: 3 });
    expect(fromExportFormat({ '.value': false, '.priority': 'p' })).toEqual({ value: false, priority: 'p' });
    expect(fromExportFormat({ '.value': 1 })).toEqual({ value: 1, priority: null });
    expect(fromExportFormat({ '.value': null, '.priority': 1 })).toEqual({ value: null, priority: 1 });
  });

  it('ignores priorities that are neither numbers nor strings', () => {
    expect(fromExportFormat({ '.value': 1, '.priority': true })).toEqual({ value: 1, priority: null });
    expect(fromExportFormat({ a: 1, '.priority': { x: 1 } })).toEqual({ value: { a: 1 }, priority: null });
  });

  it('strips wrappers and priorities all the way down, keeping the top priority apart', () => {
    expect(
      fromExportFormat({
        '.priority': 9,
        a: { '.value': 'A', '.priority': 1 },
        b: { c: { '.value': 2 }, '.priority': 'x' },
      }),
    ).toEqual({ value: { a: 'A', b: { c: 2 } }, priority: 9 });
  });

  it('drops null children, and an object left with none is null', () => {
    expect(fromExportFormat({ a: null, b: 1 })).toEqual({ value: { b: 1 }, priority: null });
    expect(fromExportFormat({ a: null, '.priority': 2 })).toEqual({ value: null, priority: 2 });
    expect(fromExportFormat({ a: { '.value': null } })).toEqual({ value: null, priority: null });
    expect(fromExportFormat({})).toEqual({ value: null, priority: null });
  });
});
