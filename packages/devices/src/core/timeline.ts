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

/**
 * One line of text for an event, as feedback and timeout errors show it: `lcd  "IR 2048" / "Angle 90"`,
 * `http PUT /devices/u1/latest.json -> 200`, … URLs lose their scheme and host, which say nothing
 * to a student and differ between runs.
 * @param event - the event
 */
export function describeEvent(event: DeviceEvent): string {
  switch (event.type) {
    case 'boot':
      return `boot ${event.app}`;
    case 'lcd':
      return `lcd  "${event.lines[0]}" / "${event.lines[1]}"`;
    case 'servo':
      return `servo ${event.angle}°`;
    case 'http':
      return `http ${event.method} ${shortUrl(event.url)} -> ${event.status}${event.error ? ` (${event.error})` : ''}`;
    case 'log':
      return `log  ${event.level}: ${event.msg}`;
    case 'mark':
      return `mark ${event.id}`;
    case 'exit':
      return `exit code=${event.code ?? 'none'}${event.signal ? ` signal=${event.signal}` : ''}`;
  }
}

/** `http://127.0.0.1:9000/devices/u1.json?ns=x&auth=…` → `/devices/u1.json` (query dropped: it holds tokens). */
function shortUrl(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

/** A run of identical consecutive lines folded into one, for feedback. */
export interface CollapsedTimelineEntry {
  /** ms since the handle started, of the first event of the run. */
  readonly at: number;
  /** Event type. */
  readonly kind: DeviceEvent['type'];
  /** {@link describeEvent}'s text. */
  readonly text: string;
  /** How many identical events in a row this line stands for (1 = just this one). */
  readonly repeat: number;
}

/**
 * The end of a timeline with repeats folded (`http PUT /devices/u1/latest.json -> 200` ×14 is one
 * line), so a failure's feedback shows the events that differ rather than forty copies of the
 * reading loop. Events that alternate (POST, PUT, POST, PUT, …) fold as pairs.
 * @param entries - the timeline
 * @param last - how many folded lines to keep (default 20)
 */
export function collapseTimeline(entries: readonly TimelineEntry[], last = 20): CollapsedTimelineEntry[] {
  const lines = entries.map((e) => ({ at: e.at, kind: e.event.type, text: describeEvent(e.event) }));
  const out: CollapsedTimelineEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    // A period-2 run (a, b, a, b, …) counts as `a` and `b` each repeated.
    const next = lines[i + 1];
    let pairs = 1;
    if (next && next.text !== line.text) {
      while (lines[i + 2 * pairs]?.text === line.text && lines[i + 2 * pairs + 1]?.text === next.text)
        pairs += 1;
    }
    if (next && pairs > 1) {
      out.push({ ...line, repeat: pairs }, { ...next, repeat: pairs });
      i += 2 * pairs;
      continue;
    }
    let run = 1;
    while (lines[i + run]?.text === line.text) run += 1;
    out.push({ ...line, repeat: run });
    i += run;
  }
  return out.slice(Math.max(0, out.length - last));
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
    text: `  ${describeEvent(e.event)}`,
  }));
  for (const input of options.inputs ?? []) {
    if (input.at >= from || shown.length === 0) rows.push({ at: input.at, text: `> ${input.input}` });
  }
  rows.sort((a, b) => a.at - b.at);
  const header = entries.length > shown.length ? [`… ${entries.length - shown.length} earlier events`] : [];
  return [...header, ...rows.map((r) => `[${String(Math.round(r.at)).padStart(6)} ms] ${r.text}`)].join('\n');
}
