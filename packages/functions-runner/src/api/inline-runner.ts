import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { deleteApp, getApps } from 'firebase-admin/app';
import { changedMatches } from '../core/changed-matches.js';
import { databaseCloudEvent } from '../core/database-cloud-event.js';
import { firesFor } from '../core/event-types.js';
import { classifyExports, exportReportLines } from '../core/export-report.js';
import { FunctionsRunnerError } from '../core/functions-runner-error.js';
import { legacyDatabaseEvent } from '../core/legacy-database-event.js';
import { reportDepth, staticPrefix } from '../core/ref-pattern.js';
import type { LoadedTrigger, TriggerSpec } from '../core/trigger-spec.js';
import type { WriterIdentity } from '../core/writer-identity.js';
import type { FeedRecord, FeedWatch } from '../stream/write-feed-client.js';
import { openWriteFeed } from '../stream/write-feed-client.js';
import { applyFunctionsEnvironment, defaultInstanceOf } from './functions-environment.js';
import type { FunctionsRunnerOptions, InvocationRecord, RunningFunctions } from './runner-types.js';

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

/** Runs the module in this process (see {@link startFunctionsRunner}). */
export async function startInlineRunner(options: FunctionsRunnerOptions): Promise<RunningFunctions> {
  const projectId = options.projectId ?? 'demo-iotkit';
  if (activeRunners === 0) appsBeforeRunners = new Set(getApps().map((app) => app.name));
  applyFunctionsEnvironment({ databaseHost: options.databaseHost, namespace: options.namespace, projectId });
  const failStart = async (error: FunctionsRunnerError): Promise<never> => {
    if (activeRunners === 0) await releaseFunctionApps();
    throw error;
  };
  let exports: Record<string, unknown>;
  try {
    exports = await loadModule(options.module);
  } catch (error) {
    return failStart(error as FunctionsRunnerError);
  }
  const defaultInstance = defaultInstanceOf(process.env['FIREBASE_CONFIG']);
  const { triggers, report } = classifyExports(exports, {
    namespace: options.namespace,
    ...(defaultInstance === undefined ? {} : { defaultInstance }),
  });
  const lines = exportReportLines(report);
  if (triggers.length === 0) {
    return failStart(
      new FunctionsRunnerError(
        'functions/no-triggers',
        `the module exports no Realtime Database trigger the runner can fire for "${options.namespace}" (onValueCreated/Written/Updated/Deleted, or v1 database.ref().onCreate/onUpdate/onDelete/onWrite)`,
        { details: lines },
      ),
    );
  }
  for (const line of lines) options.log?.(line);

  const clock = options.clock ?? (() => new Date());
  const newEventId = options.newEventId ?? randomUUID;
  const invocations: InvocationRecord[] = [];
  let queue: Promise<void> = Promise.resolve();

  // One watch per distinct (prefix, depth); a write is reported to each watch it concerns.
  const watches: FeedWatch[] = [];
  const triggersOfWatch: LoadedTrigger[][] = [];
  for (const trigger of triggers) {
    const path = staticPrefix(trigger.pattern);
    const depth = reportDepth(trigger.pattern);
    let index = watches.findIndex((w) => w.path === path && w.depth === depth);
    if (index === -1) {
      index = watches.push(depth === undefined ? { path } : { path, depth }) - 1;
      triggersOfWatch.push([]);
    }
    triggersOfWatch[index]!.push(trigger);
  }

  const invoke = async (
    trigger: LoadedTrigger,
    ref: string,
    params: Record<string, string>,
    writer: WriterIdentity,
    args: unknown[],
  ): Promise<void> => {
    const started = performance.now();
    const base = { name: trigger.name, api: trigger.api, eventType: trigger.eventType, ref, params, writer };
    let record: InvocationRecord;
    try {
      await trigger.handler(...args);
      record = { ...base, ok: true, ms: performance.now() - started };
    } catch (error) {
      record = { ...base, ok: false, error, ms: performance.now() - started };
    }
    invocations.push(record);
    if (invocations.length > 1000) invocations.shift();
    options.onInvocation?.(record);
  };

  const onRecord = (record: FeedRecord): void => {
    for (const change of record.changes) {
      for (const trigger of triggersOfWatch[change.watch] ?? []) {
        for (const match of changedMatches(trigger.pattern, change.path, change.before, change.after)) {
          if (!firesFor(trigger.eventType, match.before, match.after)) continue;
          const common = {
            eventType: trigger.eventType,
            ref: match.ref,
            instance: options.namespace,
            before: match.before,
            after: match.after,
            id: newEventId(),
            time: clock(),
            writer: record.writer,
          };
          const args =
            trigger.api === 'v2'
              ? [
                  databaseCloudEvent({
                    ...common,
                    location: trigger.region ?? options.location ?? 'us-central1',
                  }),
                ]
              : (() => {
                  const legacy = legacyDatabaseEvent({ ...common, params: match.params });
                  return [legacy.data, legacy.context];
                })();
          const params = { ...match.params };
          queue = queue.then(() => invoke(trigger, match.ref, params, record.writer, args));
        }
      }
    }
  };

  const feed = openWriteFeed(options.databaseHost, options.namespace, watches, onRecord, (reason) =>
    options.log?.(`functions: ${reason}; triggers stop firing`),
  );
  try {
    await feed.ready;
  } catch (cause) {
    feed.close();
    return failStart(
      new FunctionsRunnerError(
        'functions/load-failed',
        `could not subscribe to the database's writes: ${(cause as Error).message}`,
        { cause },
      ),
    );
  }

  activeRunners += 1;
  let stopped = false;
  const specs: TriggerSpec[] = triggers.map(({ handler: _handler, ...spec }) => spec);
  return {
    isolation: 'inline',
    triggers: specs,
    report,
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
      feed.close();
      await queue;
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
