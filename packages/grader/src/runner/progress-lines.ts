import { closeSync, openSync, readSync } from 'node:fs';
import type { Observation } from '../core/observation.js';

/** How often the observations file is read for new lines. */
const POLL_MS = 400;

/** One progress line for an observation, or `undefined` when it is not worth a line. */
export function progressLine(o: Observation): string | undefined {
  if (o.kind === 'start') return `  … ${o.name}`;
  if (o.kind === 'test') {
    const mark = o.state === 'passed' ? 'PASS' : o.state === 'failed' ? 'FAIL' : 'SKIP';
    const secs = o.durationMs !== undefined ? ` (${(o.durationMs / 1000).toFixed(1)} s)` : '';
    return `  ${mark} ${o.name}${secs}`;
  }
  if (o.kind === 'module-error') return `  FAIL ${o.file} could not be loaded`;
  return undefined;
}

/**
 * Follows the test process's observations file while it runs and reports each test as it starts
 * and ends, so a student is not left with a minute of silence. Returns a function that reads
 * what is left and stops.
 * @param file - the JSON-lines observations file
 * @param onProgress - receives one line at a time
 */
export function followProgress(file: string, onProgress: (line: string) => void): () => void {
  let offset = 0;
  let pending = '';
  const read = (): void => {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return;
    }
    try {
      const buf = Buffer.alloc(64 * 1024);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        pending += buf.subarray(0, n).toString('utf8');
      }
    } finally {
      closeSync(fd);
    }
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const shown = progressLine(JSON.parse(line) as Observation);
        if (shown !== undefined) onProgress(shown);
      } catch {
        // A line cut mid-write by a kill is skipped; the final parse reports what counts.
      }
    }
  };
  const timer = setInterval(read, POLL_MS);
  return () => {
    clearInterval(timer);
    read();
  };
}
