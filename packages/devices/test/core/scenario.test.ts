import { describe, expect, it } from 'vitest';
import type { DevicesError } from '../../src/index.js';
import { matchesExpectation, parseScenario } from '../../src/index.js';

describe('parseScenario', () => {
  it('accepts inputs and expectations', () => {
    const scenario = parseScenario({
      name: 'pin',
      steps: [
        { press: '1234#' },
        { ir: 2048, delayMs: 10 },
        { input: { type: 'key', key: 'A' } },
        { expect: { type: 'lcd', row: 0, includes: 'IR' }, timeoutMs: 100 },
      ],
    });
    expect(scenario.steps).toHaveLength(4);
  });

  it.each([
    [null, 'must be a JSON object'],
    [{ steps: [] }, 'non-empty'],
    [{ steps: [{}] }, 'exactly one'],
    [{ steps: [{ press: '12x' }] }, '"x" is not a keypad key'],
    [{ steps: [{ ir: 1.5 }] }, '"ir" must be an integer'],
    [{ steps: [{ ir: 1, press: '1' }] }, 'exactly one'],
    [{ steps: [{ expect: { type: 'smell' } }] }, 'unknown expectation'],
    [{ steps: [{ expect: { type: 'lcd', row: 2 } }] }, '"row" must be 0 or 1'],
    [{ steps: [{ expect: { type: 'servo' }, timeoutMs: 0 }] }, '"timeoutMs"'],
    [{ steps: [{ delayMs: -1, ir: 1 }] }, '"delayMs"'],
    [{ steps: [{ input: { type: 'key', key: 'Z' } }] }, 'not a keypad key'],
  ])('rejects %j naming the problem', (value, problem) => {
    try {
      parseScenario(value);
      expect.unreachable();
    } catch (error) {
      expect((error as DevicesError).code).toBe('devices/bad-scenario');
      expect((error as Error).message).toContain(problem);
    }
  });
});

describe('matchesExpectation', () => {
  const lcd = { type: 'lcd' as const, t: 1, lines: ['IR 2048', 'Angle 90'] as const };
  it('matches LCD rows by exact text or substring, on one row or any', () => {
    expect(matchesExpectation(lcd, { type: 'lcd', text: 'Angle 90' })).toBe(true);
    expect(matchesExpectation(lcd, { type: 'lcd', row: 0, text: 'Angle 90' })).toBe(false);
    expect(matchesExpectation(lcd, { type: 'lcd', row: 1, includes: '90' })).toBe(true);
    expect(matchesExpectation(lcd, { type: 'lcd', includes: 'Locked' })).toBe(false);
  });
  it('matches servo, http, log and exit fields', () => {
    expect(matchesExpectation({ type: 'servo', t: 0, angle: 42 }, { type: 'servo', angle: 42 })).toBe(true);
    expect(matchesExpectation({ type: 'servo', t: 0, angle: 41 }, { type: 'servo', angle: 42 })).toBe(false);
    const http = {
      type: 'http' as const,
      t: 0,
      method: 'PUT',
      url: 'http://h/devices/u/latest.json',
      status: 200,
      ms: 1,
    };
    expect(
      matchesExpectation(http, { type: 'http', method: 'PUT', urlIncludes: '/latest', status: 200 }),
    ).toBe(true);
    expect(matchesExpectation(http, { type: 'http', status: 401 })).toBe(false);
    expect(
      matchesExpectation(
        { type: 'log', t: 0, level: 'error', msg: 'boom' },
        { type: 'log', level: 'error', includes: 'oo' },
      ),
    ).toBe(true);
    expect(matchesExpectation({ type: 'exit', t: 0, code: 3, signal: null }, { type: 'exit', code: 0 })).toBe(
      false,
    );
    expect(matchesExpectation(lcd, { type: 'servo' })).toBe(false);
  });
});
