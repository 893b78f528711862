// What the load generator sends: the same request sequence goes to the kit and to the bare
// baseline, so their rates compare like for like.

/** One request of a scenario. */
export interface LoadRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'POST';
  path: string;
  body?: string;
}

/** A bounded load run against one server. */
export interface LoadScenario {
  /** Which request sequence. */
  kind: 'GET' | 'PUT' | 'PATCH' | 'POST' | 'mix';
  /** Base URL (loopback). */
  url: string;
  /** Keep-alive connections. */
  connections: number;
  /** Duration of the run in seconds. */
  seconds: number;
}

/** Devices in the class the scenarios model. */
export const DEVICES = 30;

const reading = (i: number): string => JSON.stringify({ ir: 400 + (i % 200), ts: 1_700_000_000_000 + i });

/**
 * The `i`-th request of a scenario. `mix` is a class of 30 devices each posting a reading and
 * updating its latest value once a second, and dashboards reading latest values and servos.
 */
export function requestAt(scenario: LoadScenario, i: number): LoadRequest {
  const device = `d${i % DEVICES}`;
  const ns = 'ns=bench';
  switch (scenario.kind) {
    case 'GET':
      return { method: 'GET', path: `/devices/${device}/latest.json?${ns}` };
    case 'PUT':
      return { method: 'PUT', path: `/devices/${device}/latest.json?${ns}`, body: reading(i) };
    case 'PATCH':
      return {
        method: 'PATCH',
        path: `/devices/${device}/latest.json?${ns}`,
        body: JSON.stringify({ ir: 400 + (i % 200), ts: 1_700_000_000_000 + i }),
      };
    case 'POST':
      // Spread over many lists so no list grows past a few thousand children in a run.
      return {
        method: 'POST',
        path: `/devices/${device}/readings/r${i % 1000}.json?${ns}`,
        body: reading(i),
      };
    case 'mix': {
      const step = i % 5;
      if (step === 0)
        return {
          method: 'POST',
          path: `/devices/${device}/readings/r${i % 1000}.json?${ns}`,
          body: reading(i),
        };
      if (step === 1)
        return { method: 'PUT', path: `/devices/${device}/latest.json?${ns}`, body: reading(i) };
      if (step === 2) return { method: 'GET', path: `/devices/${device}/servo.json?${ns}` };
      return { method: 'GET', path: `/devices/${device}/latest.json?${ns}` };
    }
  }
}
