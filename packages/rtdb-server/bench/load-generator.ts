// The load generator, run as its own process so its CPU is not the server's: autocannon with
// keep-alive connections for a bounded duration against one loopback URL. Reads one scenario
// (JSON) per stdin line and prints one JSON result line per scenario; exits when stdin closes.
//
// Usage: node --import tsx bench/load-generator.ts   (then write scenario lines to its stdin)
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import type { LoadScenario } from './load-scenario.js';
import { requestAt } from './load-scenario.js';

async function run(scenario: LoadScenario): Promise<void> {
  if (new URL(scenario.url).hostname !== '127.0.0.1')
    throw new Error('the load generator only targets 127.0.0.1');
  let counter = 0;
  const result = await autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration: Math.min(scenario.seconds, 60),
    pipelining: 1,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const next = requestAt(scenario, counter++);
          return {
            ...request,
            method: next.method,
            path: next.path,
            ...(next.body === undefined
              ? {}
              : { body: next.body, headers: { 'content-type': 'application/json' } }),
          };
        },
      },
    ],
  });
  process.stdout.write(
    `${JSON.stringify({
      perSecond: result.requests.average,
      total: result.requests.total,
      errors: result.errors + result.timeouts + result.non2xx,
      p50: result.latency.p50,
      p99: result.latency.p99,
    })}\n`,
  );
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== '') await run(JSON.parse(line) as LoadScenario);
}
