// The device's operation log, fed by the page server's DeviceEventFeed over Server-Sent Events.
import type { OperationEntry } from '../src/core/operation-entry.js';
import type { FeedSnapshot } from '../src/server/device-event-feed.js';

/** Options of {@link mountOperationLog}. */
export interface OperationLogOptions {
  /** Rows kept on the page, newest first (default 30). */
  readonly max?: number;
  /** Called with the LCD rows whenever the device redraws its display. */
  readonly onLcd?: (lines: readonly [string, string]) => void;
  /** Called when the feed connects (`true`) or drops (`false`). */
  readonly onConnection?: (connected: boolean) => void;
}

/** A mounted log. */
export interface MountedOperationLog {
  /** The entries shown, newest first. */
  entries(): readonly OperationEntry[];
  /** Closes the event stream. */
  close(): void;
}

function statusText(entry: OperationEntry): string {
  return entry.status === 0 ? 'net' : String(entry.status);
}

/**
 * Shows the last operations of the device (method, path, query, status) in `container`, newest
 * first, each row classed by outcome (`dv-ok`, `dv-denied`, `dv-not-found`, `dv-network`,
 * `dv-error`) and carrying `data-method`, `data-path`, `data-status`.
 * @param container - an element to draw into (its content is replaced)
 * @param feedUrl - the page server's event-stream URL (a `DeviceEventFeed`)
 * @param options - see {@link OperationLogOptions}
 */
export function mountOperationLog(
  container: HTMLElement,
  feedUrl: string,
  options: OperationLogOptions = {},
): MountedOperationLog {
  const max = options.max ?? 30;
  const shown: OperationEntry[] = [];
  const list = document.createElement('ol');
  list.className = 'dv-log';
  container.replaceChildren(list);

  const rowOf = (entry: OperationEntry): HTMLLIElement => {
    const li = document.createElement('li');
    li.className = `dv-op dv-${entry.outcome}${entry.kind === 'auth' ? ' dv-auth' : ''}`;
    li.dataset['seq'] = String(entry.seq);
    li.dataset['method'] = entry.method;
    li.dataset['path'] = entry.path;
    li.dataset['status'] = String(entry.status);
    const method = document.createElement('span');
    method.className = 'dv-method';
    method.textContent = entry.kind === 'auth' ? 'AUTH' : entry.method;
    const path = document.createElement('span');
    path.className = 'dv-path';
    path.textContent = entry.path;
    if (entry.query !== '') {
      const query = document.createElement('span');
      query.className = 'dv-query';
      query.textContent = ` ?${entry.query}`;
      path.append(query);
    }
    const status = document.createElement('span');
    status.className = 'dv-status';
    status.textContent = statusText(entry);
    status.title = entry.error ?? entry.outcome;
    li.append(method, path, status);
    return li;
  };

  const add = (entry: OperationEntry): void => {
    if (shown.some((e) => e.seq === entry.seq)) return;
    shown.unshift(entry);
    list.prepend(rowOf(entry));
    while (shown.length > max) {
      shown.pop();
      list.lastElementChild?.remove();
    }
  };

  const source = new EventSource(feedUrl);
  source.addEventListener('open', () => options.onConnection?.(true));
  source.addEventListener('error', () => options.onConnection?.(false));
  source.addEventListener('snapshot', (event) => {
    const snapshot = JSON.parse((event as MessageEvent<string>).data) as FeedSnapshot;
    for (const entry of snapshot.operations) add(entry);
    if (snapshot.lcd) options.onLcd?.(snapshot.lcd);
  });
  source.addEventListener('operation', (event) => {
    add(JSON.parse((event as MessageEvent<string>).data) as OperationEntry);
  });
  source.addEventListener('lcd', (event) => {
    const { lines } = JSON.parse((event as MessageEvent<string>).data) as { lines: [string, string] };
    options.onLcd?.(lines);
  });

  return {
    entries: () => [...shown],
    close: () => source.close(),
  };
}
