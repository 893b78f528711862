// The data A3's graded tests start from, written as the admin (rules bypassed).
import type { GradedBackend } from '@iotkit/grader/harness';

/** The config every test starts from unless it tests missing data. */
export const START_CONFIG = { intervalMs: 1000, threshold: 2000, label: 'hall sensor' } as const;

/** Seeds `/devices/{uid}`: the config (unless `config: null`) and readings in order; returns the reading keys, oldest first. */
export async function seedDevice(
  backend: GradedBackend,
  uid: string,
  seed: { config?: Record<string, unknown> | null; readings?: readonly number[] },
): Promise<string[]> {
  const base = `devices/${uid}`;
  if (seed.config !== null) await backend.admin('PUT', `${base}/config`, seed.config ?? START_CONFIG);
  const keys: string[] = [];
  let ts = 1_767_000_000_000;
  for (const ir of seed.readings ?? []) {
    // One after the other: push ids are made from the server's clock, so keys sort oldest first.
    const { name } = (await backend.admin('POST', `${base}/readings`, { ir, ts: (ts += 1000) })) as {
      name: string;
    };
    keys.push(name);
  }
  return keys;
}

/** The whole `/devices/{uid}` subtree (`null` when empty). */
export function subtree(backend: GradedBackend, uid: string): Promise<unknown> {
  return backend.admin('GET', `devices/${uid}`);
}

/** JSON for feedback, cut at 300 characters. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
