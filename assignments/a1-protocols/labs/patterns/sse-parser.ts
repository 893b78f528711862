/**
 * Server-Sent Events (lab `patterns`, row 4).
 *
 * An SSE stream is text: lines end with `\n`, `\r\n` or `\r`; a line `field: value` sets a field
 * (one space after the colon is dropped), a line starting with `:` is a comment (keep-alive), and
 * an empty line dispatches the event collected so far. `data` lines add up, joined with `\n`;
 * `event` names the type (default `message`); `id` sets the last event id, which stays for later
 * events. An event with no `data` line is not dispatched, and neither is an unfinished one at the
 * end of the text. Unknown fields are ignored.
 */

/** One dispatched event. */
export interface SseEvent {
  event: string;
  data: string;
  /** The last event id seen so far in the stream (`''` when none). */
  id: string;
}

/**
 * The events of a stream received so far.
 * @param text - the stream text
 */
export function parseSse(text: string): SseEvent[] {
  // BEGIN SOLUTION: split lines on \r\n|\r|\n; skip ":" comments; collect data/event/id; dispatch on an empty line when data was seen
  const events: SseEvent[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  // the piece after the last line break is unfinished
  lines.pop();
  let data: string[] = [];
  let event = '';
  let id = '';
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) events.push({ event: event || 'message', data: data.join('\n'), id });
      data = [];
      event = '';
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
  }
  return events;
  // END SOLUTION
}
