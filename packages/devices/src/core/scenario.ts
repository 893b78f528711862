import type { DeviceEvent, DeviceInput } from './device-event.js';
import { DevicesError } from './devices-error.js';

/** Waits for an LCD frame; `text` must equal a row, `includes` must be part of it. */
export interface LcdExpectation {
  /** Discriminator. */
  readonly type: 'lcd';
  /** Only this row (default: either). */
  readonly row?: 0 | 1;
  /** Exact row text (trailing spaces trimmed). */
  readonly text?: string;
  /** Substring of the row. */
  readonly includes?: string;
}

/** Waits for a servo command. */
export interface ServoExpectation {
  /** Discriminator. */
  readonly type: 'servo';
  /** Exact angle (default: any). */
  readonly angle?: number;
}

/** Waits for a log line. */
export interface LogExpectation {
  /** Discriminator. */
  readonly type: 'log';
  /** Exact level (default: any). */
  readonly level?: string;
  /** Substring of the message. */
  readonly includes?: string;
}

/** Waits for an HTTP exchange. */
export interface HttpExpectation {
  /** Discriminator. */
  readonly type: 'http';
  /** Exact method. */
  readonly method?: string;
  /** Substring of the (redacted) URL. */
  readonly urlIncludes?: string;
  /** Exact status. */
  readonly status?: number;
}

/** Waits for the process to end. */
export interface ExitExpectation {
  /** Discriminator. */
  readonly type: 'exit';
  /** Exact exit code. */
  readonly code?: number;
}

/** What a scenario step waits for. Fields left out match anything. */
export type Expectation =
  LcdExpectation | ServoExpectation | LogExpectation | HttpExpectation | ExitExpectation;

/** Fields every step may carry. */
export interface StepTiming {
  /** Wait this long before the step runs. */
  readonly delayMs?: number;
}

/** Sends one raw input. */
export interface InputStep extends StepTiming {
  /** The input line to send. */
  readonly input: DeviceInput;
}

/** Presses keys in order. */
export interface PressStep extends StepTiming {
  /** Keys, e.g. `"1234#"`. */
  readonly press: string;
}

/** Sets the IR reading. */
export interface IrStep extends StepTiming {
  /** Raw ADC value. */
  readonly ir: number;
}

/** Waits for a matching event. */
export interface ExpectStep extends StepTiming {
  /** What must happen. */
  readonly expect: Expectation;
  /** How long to wait (default 5000 ms). */
  readonly timeoutMs?: number;
}

/** One step of a scenario. */
export type ScenarioStep = InputStep | PressStep | IrStep | ExpectStep;

/** A scripted session: inputs and expectations, run in order. */
export interface Scenario {
  /** Shown in results and errors. */
  readonly name: string;
  /** Run in order. */
  readonly steps: readonly ScenarioStep[];
}

const KEYS = '0123456789*#ABCD';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(where: string, problem: string): never {
  throw new DevicesError('devices/bad-scenario', `${where}: ${problem}`);
}

/** Checks keys for `press`: digits, `*`, `#`, `A`-`D` only. */
export function validateKeys(keys: string, where = 'press'): void {
  for (const key of keys) {
    if (!KEYS.includes(key)) bad(where, `"${key}" is not a keypad key (0-9 * # A B C D)`);
  }
}

function parseExpectation(value: unknown, where: string): Expectation {
  if (!isRecord(value)) bad(where, '"expect" must be an object');
  const type = value['type'];
  const optionalString = (key: string): void => {
    if (value[key] !== undefined && typeof value[key] !== 'string') bad(where, `"${key}" must be a string`);
  };
  const optionalNumber = (key: string): void => {
    if (value[key] !== undefined && (typeof value[key] !== 'number' || !Number.isFinite(value[key]))) {
      bad(where, `"${key}" must be a number`);
    }
  };
  switch (type) {
    case 'lcd':
      if (value['row'] !== undefined && value['row'] !== 0 && value['row'] !== 1)
        bad(where, '"row" must be 0 or 1');
      optionalString('text');
      optionalString('includes');
      break;
    case 'servo':
      optionalNumber('angle');
      break;
    case 'log':
      optionalString('level');
      optionalString('includes');
      break;
    case 'http':
      optionalString('method');
      optionalString('urlIncludes');
      optionalNumber('status');
      break;
    case 'exit':
      optionalNumber('code');
      break;
    default:
      bad(where, `unknown expectation type ${JSON.stringify(type)}`);
  }
  return value as unknown as Expectation;
}

/** Validates a scenario read from JSON; throws `devices/bad-scenario` naming the step. */
export function parseScenario(value: unknown): Scenario {
  if (!isRecord(value)) bad('scenario', 'must be a JSON object');
  const name = value['name'] ?? 'scenario';
  if (typeof name !== 'string') bad('scenario', '"name" must be a string');
  const steps = value['steps'];
  if (!Array.isArray(steps) || steps.length === 0) bad(name, '"steps" must be a non-empty array');
  const parsed = steps.map((step: unknown, index): ScenarioStep => {
    const where = `${name} step ${index + 1}`;
    if (!isRecord(step)) bad(where, 'must be an object');
    const delay = step['delayMs'];
    if (delay !== undefined && (typeof delay !== 'number' || !(delay >= 0)))
      bad(where, '"delayMs" must be >= 0');
    const kinds = ['input', 'press', 'ir', 'expect'].filter((k) => step[k] !== undefined);
    if (kinds.length !== 1) bad(where, 'needs exactly one of "input", "press", "ir", "expect"');
    if (step['press'] !== undefined) {
      if (typeof step['press'] !== 'string') bad(where, '"press" must be a string');
      validateKeys(step['press'], where);
    }
    if (step['ir'] !== undefined && (typeof step['ir'] !== 'number' || !Number.isInteger(step['ir']))) {
      bad(where, '"ir" must be an integer');
    }
    if (step['input'] !== undefined) parseInput(step['input'], where);
    if (step['expect'] !== undefined) {
      parseExpectation(step['expect'], where);
      const timeout = step['timeoutMs'];
      if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0)))
        bad(where, '"timeoutMs" must be > 0');
    }
    return step as unknown as ScenarioStep;
  });
  return { name, steps: parsed };
}

function parseInput(value: unknown, where: string): DeviceInput {
  if (!isRecord(value)) bad(where, '"input" must be an object');
  if (value['type'] === 'ir' && typeof value['value'] === 'number' && Number.isInteger(value['value'])) {
    return { type: 'ir', value: value['value'] };
  }
  if (value['type'] === 'key' && typeof value['key'] === 'string' && value['key'].length === 1) {
    validateKeys(value['key'], where);
    return { type: 'key', key: value['key'] };
  }
  if (value['type'] === 'quit') return { type: 'quit' };
  return bad(where, 'input must be {type:"ir",value:int} | {type:"key",key} | {type:"quit"}');
}

/** Does `event` satisfy `expectation`? */
export function matchesExpectation(event: DeviceEvent, expectation: Expectation): boolean {
  if (event.type !== expectation.type) return false;
  switch (expectation.type) {
    case 'lcd': {
      if (event.type !== 'lcd') return false;
      const rows = expectation.row === undefined ? event.lines : [event.lines[expectation.row]];
      return rows.some(
        (row) =>
          (expectation.text === undefined || row === expectation.text) &&
          (expectation.includes === undefined || row.includes(expectation.includes)),
      );
    }
    case 'servo':
      return event.type === 'servo' && (expectation.angle === undefined || event.angle === expectation.angle);
    case 'log':
      return (
        event.type === 'log' &&
        (expectation.level === undefined || event.level === expectation.level) &&
        (expectation.includes === undefined || event.msg.includes(expectation.includes))
      );
    case 'http':
      return (
        event.type === 'http' &&
        (expectation.method === undefined || event.method === expectation.method) &&
        (expectation.urlIncludes === undefined || event.url.includes(expectation.urlIncludes)) &&
        (expectation.status === undefined || event.status === expectation.status)
      );
    case 'exit':
      return event.type === 'exit' && (expectation.code === undefined || event.code === expectation.code);
  }
}

/** A one-line description for failure messages. */
export function describeExpectation(expectation: Expectation): string {
  return JSON.stringify(expectation);
}
