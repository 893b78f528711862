import type { DeviceEvent, LogLevel } from './device-event.js';
import { DevicesError } from './devices-error.js';

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error']);

/**
 * Splits a byte stream into lines. Chunks may end anywhere (mid-line, mid-UTF-8 character):
 * the partial tail is kept until its newline arrives.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';

  /** Feeds a chunk; returns the lines it completed (without the newline, `\r` stripped). */
  push(chunk: Uint8Array | string): string[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.pending.slice(0, newline);
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
    return lines;
  }

  /** Whatever is left after the stream ended (a last line without newline). */
  flush(): string[] {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    return rest.length > 0 ? [rest] : [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(line: string, problem: string): never {
  throw new DevicesError(
    'devices/bad-event',
    `device output line is not a protocol event (${problem}): ${line.slice(0, 200)}`,
  );
}

/** Parses one stdout line of a device into a typed event; throws `devices/bad-event` otherwise. */
export function parseEventLine(line: string): DeviceEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    fail(line, 'not JSON');
  }
  if (!isRecord(value)) fail(line, 'not an object');
  const t = value['t'];
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) fail(line, 'missing "t"');
  switch (value['type']) {
    case 'boot':
      if (typeof value['app'] !== 'string') fail(line, 'boot without "app"');
      return { type: 'boot', t, app: value['app'] };
    case 'lcd': {
      const lines = value['lines'];
      if (!Array.isArray(lines) || lines.length !== 2 || !lines.every((l) => typeof l === 'string')) {
        fail(line, 'lcd needs "lines": [string, string]');
      }
      return { type: 'lcd', t, lines: [lines[0] as string, lines[1] as string] };
    }
    case 'servo':
      if (typeof value['angle'] !== 'number') fail(line, 'servo without numeric "angle"');
      return { type: 'servo', t, angle: value['angle'] };
    case 'http': {
      const { method, url, status, ms, error } = value;
      if (
        typeof method !== 'string' ||
        typeof url !== 'string' ||
        typeof status !== 'number' ||
        typeof ms !== 'number'
      ) {
        fail(line, 'http needs method, url, status, ms');
      }
      return typeof error === 'string'
        ? { type: 'http', t, method, url, status, ms, error }
        : { type: 'http', t, method, url, status, ms };
    }
    case 'log': {
      const { level, msg } = value;
      if (typeof level !== 'string' || !LEVELS.has(level) || typeof msg !== 'string') {
        fail(line, 'log needs level (debug|info|warn|error) and msg');
      }
      return { type: 'log', t, level: level as LogLevel, msg };
    }
    case 'mark':
      if (typeof value['id'] !== 'number' || !Number.isInteger(value['id']))
        fail(line, 'mark without integer "id"');
      return { type: 'mark', t, id: value['id'] };
    default:
      return fail(line, `unknown type ${JSON.stringify(value['type'])}`);
  }
}
