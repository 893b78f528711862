import { readFile } from 'node:fs/promises';
import type { DeviceEvent } from '../core/device-event.js';
import { DevicesError } from '../core/devices-error.js';
import { describeExpectation, matchesExpectation, parseScenario, type Scenario } from '../core/scenario.js';
import type { DeviceHandle } from './start-device.js';

/** Outcome of {@link runScenario}. */
export interface ScenarioResult {
  /** The scenario's name. */
  readonly name: string;
  /** Every step ran and every expectation matched. */
  readonly passed: boolean;
  /** Index (0-based) of the step that failed, if any. */
  readonly failedStep?: number;
  /** Why it failed, including the recent timeline. */
  readonly message?: string;
  /** Wall time in ms. */
  readonly ms: number;
}

/** Default wait of an `expect` step without `timeoutMs`. */
export const DEFAULT_EXPECT_TIMEOUT_MS = 5000;

/**
 * Runs a scenario against a started device: inputs are sent in order (after each step's
 * `delayMs`); expectations consume the timeline in order — each `expect` matches the first
 * event after the one the previous `expect` matched (already recorded or still to come), so
 * events that arrive in one burst are not missed. Never throws for a failed expectation: the
 * result says which step failed and why.
 */
export async function runScenario(device: DeviceHandle, scenario: Scenario): Promise<ScenarioResult> {
  const started = Date.now();
  let cursor = 0;
  for (const [index, step] of scenario.steps.entries()) {
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    if ('input' in step) device.send(step.input);
    else if ('press' in step) device.press(step.press);
    else if ('ir' in step) device.setIr(step.ir);
    else {
      const matches = (event: DeviceEvent): boolean => matchesExpectation(event, step.expect);
      const recorded = device.timeline();
      const found = recorded.findIndex((entry, i) => i >= cursor && matches(entry.event));
      if (found >= 0) {
        cursor = found + 1;
        continue;
      }
      try {
        const event = await device.waitFor(matches, step.timeoutMs ?? DEFAULT_EXPECT_TIMEOUT_MS);
        cursor = device.timeline().findIndex((entry) => entry.event === event) + 1;
      } catch (error) {
        if (!(error instanceof DevicesError)) throw error;
        return {
          name: scenario.name,
          passed: false,
          failedStep: index,
          message: `step ${index + 1}: expected ${describeExpectation(step.expect)}: ${error.message}`,
          ms: Date.now() - started,
        };
      }
    }
  }
  return { name: scenario.name, passed: true, ms: Date.now() - started };
}

/** Reads and validates a scenario JSON file. */
export async function loadScenario(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DevicesError(
      'devices/bad-scenario',
      `cannot read scenario ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DevicesError('devices/bad-scenario', `${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseScenario(value);
}
