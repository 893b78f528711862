// Real-socket helpers for the rules enforcement tests: emulator-style tokens, REST calls, SSE.
import { request } from 'node:http';

/** An unsigned ID token like the Auth emulator issues (claims become `auth`). */
export function idToken(uid: string, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = {
    sub: uid,
    user_id: uid,
    iat: now,
    exp: now + 3600,
    firebase: { sign_in_provider: 'password' },
    ...claims,
  };
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(payload)}.`;
}

export interface RestReply {
  status: number;
  body: unknown;
  text: string;
}

/** One REST call; `as` is a uid, `owner` (admin) or absent (unauthenticated). */
export async function rest(
  base: string,
  ns: string,
  method: string,
  path: string,
  options: { as?: string; body?: unknown; rawBody?: string; params?: Record<string, string> } = {},
): Promise<RestReply> {
  const url = new URL(`${base}${path}`);
  url.searchParams.set('ns', ns);
  for (const [k, v] of Object.entries(options.params ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (options.as === 'owner') headers['Authorization'] = 'Bearer owner';
  else if (options.as) url.searchParams.set('auth', idToken(options.as));
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

/** An open SSE stream that collects events. */
export interface SseClient {
  status: number;
  events: { event: string; data: unknown }[];
  ended: Promise<void>;
  /** Resolves once an event of this type arrived. */
  next(type: string, timeoutMs?: number): Promise<{ event: string; data: unknown }>;
  close(): void;
}

/** Open `GET <path>.json` with `Accept: text/event-stream`. */
export function openSse(base: string, ns: string, path: string, as?: string): Promise<SseClient> {
  const url = new URL(`${base}${path}`);
  url.searchParams.set('ns', ns);
  if (as) url.searchParams.set('auth', idToken(as));
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream' } }, (res) => {
      const events: SseClient['events'] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      let endResolve: () => void = () => {};
      const ended = new Promise<void>((r) => (endResolve = r));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: ?(.*)$/m.exec(block)?.[1] ?? 'null';
          let value: unknown;
          try {
            value = JSON.parse(data);
          } catch {
            value = data;
          }
          events.push({ event, data: value });
          for (const w of waiters.splice(0)) w();
        }
      });
      res.on('end', () => {
        endResolve();
        for (const w of waiters.splice(0)) w();
      });
      res.on('error', () => endResolve());
      const client: SseClient = {
        status: res.statusCode ?? 0,
        events,
        ended,
        next: async (type, timeoutMs = 5000) => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = events.find((e) => e.event === type);
            if (found) return found;
            if (Date.now() > deadline)
              throw new Error(`no "${type}" event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
            await new Promise<void>((r) => {
              waiters.push(r);
              setTimeout(r, 50);
            });
          }
        },
        close: () => req.destroy(),
      };
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}
