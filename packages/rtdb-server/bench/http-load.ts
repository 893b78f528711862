// Closed-loop HTTP load over loopback: `concurrency` keep-alive connections issue requests back to
// back until `count` have completed. Used for the server and for the bare baseline alike.
import { Agent, request } from 'node:http';

/** Result of one load run. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  failures: number;
}

/** Runs `count` requests produced by `make(i)` against `baseUrl`. */
export async function runLoad(
  baseUrl: string,
  count: number,
  concurrency: number,
  make: (i: number) => { method: string; path: string; body?: string },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(baseUrl);
  let next = 0;
  let failures = 0;
  const one = (i: number): Promise<void> =>
    new Promise((resolve) => {
      const spec = make(i);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: spec.method,
          path: spec.path,
          agent,
          headers: spec.body ? { 'content-length': Buffer.byteLength(spec.body) } : {},
        },
        (res) => {
          if (res.statusCode !== 200) failures += 1;
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', () => {
        failures += 1;
        resolve();
      });
      req.end(spec.body);
    });
  const worker = async (): Promise<void> => {
    while (next < count) await one(next++);
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requests: count, seconds, perSecond: count / seconds, failures };
}
