/** Admin REST access (`auth=owner`, rules bypassed) to one namespace of the local RTDB. */
export type AdminRest = (method: string, path: string, value?: unknown) => Promise<unknown>;

/**
 * An {@link AdminRest} for `namespace` on the RTDB at `rtdbUrl`; rejects naming the request and
 * the answer on a non-2xx status.
 * @param rtdbUrl - the RTDB base URL
 * @param namespace - the database (`?ns=`)
 */
export function adminRest(rtdbUrl: string, namespace: string): AdminRest {
  const base = rtdbUrl.replace(/\/$/, '');
  return async (method, path, value) => {
    const res = await fetch(`${base}/${path}.json?ns=${encodeURIComponent(namespace)}&auth=owner`, {
      method,
      ...(value === undefined ? {} : { body: JSON.stringify(value) }),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`${method} /${path} on the local RTDB failed: ${res.status} ${text.slice(0, 200)}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
}

/** The demo device's settings when it has none yet. */
export const DEMO_CONFIG = { intervalMs: 1000, threshold: 2000, label: 'hall sensor' } as const;

/** Readings the demo keeps at most, so the tree stays readable. */
export const DEMO_MAX_READINGS = 12;

/**
 * An IR value for the demo's sensor at `step`: a slow wave across the ADC range, so consecutive
 * readings differ and the read screen shows something new each time.
 * @param step - how many readings came before
 */
export function demoIr(step: number): number {
  return Math.round(2047 + 1800 * Math.sin(step / 3));
}

/**
 * Gives the demo device something to work on: its config when missing, and one more reading
 * (plus `latest`) unless it already has {@link DEMO_MAX_READINGS}. Written as the A2 firmware
 * writes them, with a server timestamp.
 * @param admin - admin access to the demo namespace
 * @param uid - the demo device's uid
 * @param step - running number of the reading
 */
export async function feedDemoDevice(admin: AdminRest, uid: string, step: number): Promise<void> {
  const base = `devices/${uid}`;
  if ((await admin('GET', `${base}/config`)) === null) await admin('PUT', `${base}/config`, DEMO_CONFIG);
  const readings = (await admin('GET', `${base}/readings`)) as Record<string, unknown> | null;
  if (readings !== null && Object.keys(readings).length >= DEMO_MAX_READINGS) return;
  const reading = { ir: demoIr(step), ts: { '.sv': 'timestamp' } };
  await admin('POST', `${base}/readings`, reading);
  await admin('PUT', `${base}/latest`, reading);
}
