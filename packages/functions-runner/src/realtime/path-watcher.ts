import type { Database, DataSnapshot } from 'firebase-admin/database';
import type { JsonValue } from '../core/json-equal.js';

/** Receives each new value of a watched location together with the previous one. */
export type ValueChangeListener = (before: JsonValue, after: JsonValue) => void;

/** A live subscription; `ready` settles once the first (baseline) value arrived. */
export interface PathWatch {
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * Subscribes to a location through the admin SDK's realtime connection and reports every change
 * after the first value. The first value is the state before the runner started: deployed
 * functions do not fire for data that already existed, so it only becomes the baseline.
 */
export function watchPath(database: Database, path: string, listener: ValueChangeListener): PathWatch {
  const ref = database.ref(path === '' ? '/' : path);
  let previous: JsonValue | undefined;
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  const onValue = (snapshot: DataSnapshot): void => {
    const value = (snapshot.val() ?? null) as JsonValue;
    if (previous === undefined) {
      previous = value;
      resolveReady();
      return;
    }
    const before = previous;
    previous = value;
    listener(before, value);
  };
  ref.on('value', onValue, (error: Error) => rejectReady(error));
  return { ready, stop: () => ref.off('value', onValue) };
}
