import { afterAll, beforeAll } from 'vitest';
import { startRtdbServer, type RtdbServerOptions, type RunningRtdbServer } from '../../src/index.js';

/** One HTTP exchange's outcome. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Options of one request: a JSON body (or `raw` text) and headers. */
export interface CallOptions {
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** Starts a server on a free port for the file's tests and returns a request helper. */
export function useServer(options: RtdbServerOptions = {}): {
  server: () => RunningRtdbServer;
  call: (method: string, path: string, options?: CallOptions) => Promise<Reply>;
} {
  let running: RunningRtdbServer | undefined;
  const logs: string[] = [];
  beforeAll(async () => {
    running = await startRtdbServer({ port: 0, log: (line) => logs.push(line), ...options });
  });
  afterAll(async () => {
    await running?.close();
  });
  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<Reply> => {
    const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const res = await fetch(running!.url + path, {
      method,
      headers: opts.headers ?? {},
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return { server: () => running!, call };
}
