import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import type { App, Credential } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';
import { changedMatches } from '../core/changed-matches.js';
import { databaseCloudEvent } from '../core/database-cloud-event.js';
import { firesFor } from '../core/event-types.js';
import type { DatabaseEventType } from '../core/event-types.js';
import { FunctionsRunnerError } from '../core/functions-runner-error.js';
import { staticPrefix } from '../core/ref-pattern.js';
import { collectTriggers, instanceMatches } from '../core/trigger-spec.js';
import type { TriggerSpec } from '../core/trigger-spec.js';
import { watchPath } from '../realtime/path-watcher.js';
import type { PathWatch } from '../realtime/path-watcher.js';
import { applyFunctionsEnvironment } from './functions-environment.js';

/** How to run a functions module against the local RTDB. */
export interface FunctionsRunnerOptions {
  /**
   * The functions module: a file path / `file:` URL to import (preferred: the environment is set
   * before the module's top-level `initializeApp()` runs), or its already-imported exports.
   */
  readonly module: string | Record<string, unknown>;
  /** `host:port` of the local RTDB, e.g. `127.0.0.1:9000`. */
  readonly databaseHost: string;
  /** The namespace (database instance) to watch and report as `event.instance`. */
  readonly namespace: string;
  /** Defaults to `demo-iotkit`. */
  readonly projectId?: string;
  /** Event `location` when a function declares no region; defaults to `us-central1`. */
  readonly location?: string;
  /** Source of `event.time`; injectable for tests. */
  readonly clock?: () => Date;
  /** Source of `event.id`; injectable for tests. */
  readonly newEventId?: () => string;
  /** Called after each handler invocation settles. */
  readonly onInvocation?: (record: InvocationRecord) => void;
}

/** What happened when one trigger fired. */
export interface InvocationRecord {
  /** The trigger's export name. */
  readonly name: string;
  /** Which of the four database event types fired. */
  readonly eventType: DatabaseEventType;
  /** Concrete path without a leading slash. */
  readonly ref: string;
  /** Values of the path's captures, e.g. `{ uid, readingId }`. */
  readonly params: Readonly<Record<string, string>>;
  /** Whether the handler returned (or resolved) without an error. */
  readonly ok: boolean;
  /** The handler's exception or rejection when `ok` is false. */
  readonly error?: unknown;
  /** Handler run time in milliseconds. */
  readonly ms: number;
}

/** A running set of triggers. */
export interface RunningFunctions {
  /** The database triggers found in the module and being watched. */
  readonly triggers: readonly TriggerSpec[];
  /** Triggers skipped because their instance filter excludes the namespace. */
  readonly skipped: readonly TriggerSpec[];
  /** Settled invocations, oldest first (the last 1000). */
  readonly invocations: readonly InvocationRecord[];
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
  /** Unsubscribes and closes the database connections (the last runner also deletes the admin apps the functions made); pending handlers finish first. Calling it twice is harmless. */
  stop(): Promise<void>;
}

const ownerCredential: Credential = {
  // The emulator protocol authenticates admin connections as `owner`; no Google token is fetched.
  getAccessToken: () => Promise.resolve({ access_token: 'owner', expires_in: 3600 }),
};

let appCounter = 0;
let activeRunners = 0;
/** Admin apps that existed before the first active runner started (they are not ours to delete). */
let appsBeforeRunners = new Set<string>();

/**
 * Deletes the admin apps the functions created while runners were active (a bare
 * `initializeApp()`, the SDK's own app for `event.data.ref`): their open database connections
 * would otherwise keep the process alive after the last runner stopped.
 */
async function releaseFunctionApps(): Promise<void> {
  await Promise.all(
    getApps()
      .filter((app) => !appsBeforeRunners.has(app.name))
      .map((app) => deleteApp(app).catch(() => undefined)),
  );
}

/**
 * Loads a firebase-functions v2 module, finds its Realtime Database triggers, subscribes to their
 * paths through firebase-admin (realtime protocol, emulator mode) and calls each handler with the
 * CloudEvent production would send, for every change after the start.
 *
 * Handlers run one at a time in the order changes arrive; a throwing handler is recorded in
 * `invocations` and does not stop the runner (production would log it too).
 *
 * @throws {@link FunctionsRunnerError} `functions/load-failed`, `functions/no-triggers`,
 *   `functions/unsupported-trigger`, `functions/invalid-options`, `functions/emulator-host-conflict`
 */
export async function startFunctionsRunner(options: FunctionsRunnerOptions): Promise<RunningFunctions> {
  if (!/^[^/:\s]+:\d+$/.test(options.databaseHost)) {
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      `databaseHost must be "host:port", got "${options.databaseHost}"`,
    );
  }
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.namespace)) {
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      `namespace must be letters, digits and dashes, got "${options.namespace}"`,
    );
  }
  const projectId = options.projectId ?? 'demo-iotkit';
  if (activeRunners === 0) appsBeforeRunners = new Set(getApps().map((app) => app.name));
  applyFunctionsEnvironment({ databaseHost: options.databaseHost, namespace: options.namespace, projectId });
  const exports = await loadModule(options.module);
  const all = collectTriggers(exports);
  if (all.length === 0) {
    if (activeRunners === 0) await releaseFunctionApps();
    throw new FunctionsRunnerError(
      'functions/no-triggers',
      'the module exports no Realtime Database trigger (onValueCreated/Written/Updated/Deleted)',
    );
  }
  const triggers = all.filter((t) => instanceMatches(t.instance, options.namespace));
  const skipped = all.filter((t) => !instanceMatches(t.instance, options.namespace));

  const clock = options.clock ?? (() => new Date());
  const newEventId = options.newEventId ?? randomUUID;
  const invocations: InvocationRecord[] = [];
  let queue: Promise<void> = Promise.resolve();

  const app: App = initializeApp(
    {
      projectId,
      databaseURL: `http://${options.databaseHost}/?ns=${options.namespace}`,
      credential: ownerCredential,
    },
    `iotkit-functions-runner-${++appCounter}`,
  );
  const database = getDatabase(app);

  const invoke = async (
    trigger: TriggerSpec,
    ref: string,
    params: Record<string, string>,
    event: Record<string, unknown>,
  ): Promise<void> => {
    const started = performance.now();
    let record: InvocationRecord;
    try {
      await trigger.handler(event);
      record = {
        name: trigger.name,
        eventType: trigger.eventType,
        ref,
        params,
        ok: true,
        ms: performance.now() - started,
      };
    } catch (error) {
      record = {
        name: trigger.name,
        eventType: trigger.eventType,
        ref,
        params,
        ok: false,
        error,
        ms: performance.now() - started,
      };
    }
    invocations.push(record);
    if (invocations.length > 1000) invocations.shift();
    options.onInvocation?.(record);
  };

  const watches: PathWatch[] = triggers.map((trigger) =>
    watchPath(database, staticPrefix(trigger.pattern), (before, after) => {
      for (const match of changedMatches(trigger.pattern, before, after)) {
        if (!firesFor(trigger.eventType, match.before, match.after)) continue;
        const event = databaseCloudEvent({
          eventType: trigger.eventType,
          ref: match.ref,
          instance: options.namespace,
          before: match.before,
          after: match.after,
          id: newEventId(),
          time: clock(),
          location: trigger.region ?? options.location ?? 'us-central1',
        });
        queue = queue.then(() => invoke(trigger, match.ref, { ...match.params }, event));
      }
    }),
  );
  try {
    await Promise.all(watches.map((w) => w.ready));
  } catch (cause) {
    watches.forEach((w) => w.stop());
    await deleteApp(app);
    if (activeRunners === 0) await releaseFunctionApps();
    throw new FunctionsRunnerError(
      'functions/load-failed',
      `could not subscribe to the trigger paths: ${String(cause)}`,
      { cause },
    );
  }

  activeRunners += 1;
  let stopped = false;
  return {
    triggers,
    skipped,
    invocations,
    idle: async () => {
      // A handler may enqueue more work (its own writes fire triggers), so drain until stable.
      for (;;) {
        const current = queue;
        await current;
        if (current === queue) return;
      }
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      watches.forEach((w) => w.stop());
      await queue;
      await deleteApp(app);
      activeRunners -= 1;
      if (activeRunners === 0) await releaseFunctionApps();
    },
  };
}

async function loadModule(module: string | Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof module !== 'string') return module;
  const url = module.startsWith('file:') ? module : pathToFileURL(module).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (cause) {
    throw new FunctionsRunnerError(
      'functions/load-failed',
      `could not import the functions module ${module}: ${String(cause)}`,
      { cause },
    );
  }
}
