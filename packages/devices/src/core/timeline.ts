import type { DeviceEvent } from './device-event.js';

/** An event as recorded, with the host's receive time next to the device's own `t`. */
export interface TimelineEntry {
  /** ms since the handle started (host clock), so inputs and events share one axis. */
  readonly at: number;
  /** What the device reported. */
  readonly event: DeviceEvent;
}

/** An input sent to the device, recorded for feedback. */
export interface TimelineInput {
  /** ms since the handle started. */
  readonly at: number;
  /** The JSON line sent. */
  readonly input: string;
}

/** Options of {@link formatTimeline}. */
export interface FormatTimelineOptions {
  /** Only the last N entries (default 20). */
  readonly last?: number;
  /** Inputs to interleave (shown with `>`). */
  readonly inputs?: readonly TimelineInput[];
}

/** Everything a device did, in order; bounded so a chatty device cannot exhaust memory. */
export class Timeline {
  private readonly entries: TimelineEntry[] = [];
  private readonly sent: TimelineInput[] = [];
  private dropped = 0;

  /** @param capacity - most events kept; older ones are dropped (and counted). */
  constructor(private readonly capacity = 20_000) {}

  /** Records an event. */
  add(entry: TimelineEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) {
      this.entries.shift();
      this.dropped += 1;
    }
  }

  /** Records an input. */
  addInput(input: TimelineInput): void {
    this.sent.push(input);
    if (this.sent.length > this.capacity) this.sent.shift();
  }

  /** Events so far (oldest first). */
  events(): readonly TimelineEntry[] {
    return this.entries;
  }

  /** Inputs so far (oldest first). */
  inputs(): readonly TimelineInput[] {
    return this.sent;
  }

  /** How many old events were dropped to stay under capacity. */
  droppedCount(): number {
    return this.dropped;
  }

  /** A short text excerpt (see {@link formatTimeline}). */
  format(options: FormatTimelineOptions = {}): string {
    return formatTimeline(this.entries, { inputs: this.sent, ...options });
  }
}

function describe(event: DeviceEvent): string {
  switch (event.type) {
    case 'boot':
      return `boot ${event.app}`;
    case 'lcd':
      return `lcd  "${event.lines[0]}" / "${event.lines[1]}"`;
    case 'servo':
      return `servo ${event.angle}°`;
    case 'http':
      return `http ${event.method} ${event.url} -> ${event.status}${event.error ? ` (${event.error})` : ''} ${event.ms}ms`;
    case 'log':
      return `log  ${event.level}: ${event.msg}`;
    case 'exit':
      return `exit code=${event.code ?? 'none'}${event.signal ? ` signal=${event.signal}` : ''}`;
  }
}

/**
 * Renders the end of a timeline for humans (grader feedback, timeout errors), one line per
 * event: `[  1234 ms] lcd  "IR 2048" / "Angle 90"`, inputs marked with `>`.
 */
export function formatTimeline(
  entries: readonly TimelineEntry[],
  options: FormatTimelineOptions = {},
): string {
  const last = options.last ?? 20;
  const shown = entries.slice(Math.max(0, entries.length - last));
  const from = shown[0]?.at ?? Number.POSITIVE_INFINITY;
  const rows: { at: number; text: string }[] = shown.map((e) => ({
    at: e.at,
    text: `  ${describe(e.event)}`,
  }));
  for (const input of options.inputs ?? []) {
    if (input.at >= from || shown.length === 0) rows.push({ at: input.at, text: `> ${input.input}` });
  }
  rows.sort((a, b) => a.at - b.at);
  const header = entries.length > shown.length ? [`… ${entries.length - shown.length} earlier events`] : [];
  return [...header, ...rows.map((r) => `[${String(Math.round(r.at)).padStart(6)} ms] ${r.text}`)].join('\n');
}
