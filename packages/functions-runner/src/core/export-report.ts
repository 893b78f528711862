import { isDatabaseEventType, V1_DATABASE_EVENT_TYPES } from './event-types.js';
import { FunctionsRunnerError } from './functions-runner-error.js';
import { compileRefPattern } from './ref-pattern.js';
import type { CloudFunctionHandler, LoadedTrigger } from './trigger-spec.js';
import { describeTrigger, instanceMatches } from './trigger-spec.js';

/** What an export of a functions module is, as far as the local runner is concerned. */
export type ExportKind =
  | 'database-trigger'
  | 'https'
  | 'callable'
  | 'scheduled'
  | 'task-queue'
  | 'blocking'
  | 'other-trigger'
  | 'plain-function'
  | 'not-a-function'
  | 'malformed';

/** One export of the module and whether the runner runs it. */
export interface ExportReport {
  /** The export name. */
  readonly name: string;
  /** What it is. */
  readonly kind: ExportKind;
  /** Whether its trigger fires locally. */
  readonly runs: boolean;
  /** What it is, in words (`HTTPS function (onRequest)`, `onValueCreated("/a/{b}")`). */
  readonly what: string;
  /** Why it does not run, when it does not. */
  readonly why?: string;
}

/** How to read the exports: which namespace the runner serves. */
export interface ClassifyOptions {
  /** The namespace (database instance) the runner watches. */
  readonly namespace: string;
  /**
   * The instance a v1 `functions.database.ref()` without `.instance()` binds to (the default
   * database of `FIREBASE_CONFIG`): such triggers serve the runner's namespace.
   */
  readonly defaultInstance?: string;
}

/** The module's runnable database triggers and a report line for every export. */
export interface ClassifiedExports {
  /** Database triggers that fire for the runner's namespace. */
  readonly triggers: LoadedTrigger[];
  /** Every export, in the order of the module object (alphabetical for an ES module namespace). */
  readonly report: ExportReport[];
}

const ONLY_DATABASE = 'the local runner fires only Realtime Database triggers';

interface EndpointShape {
  region?: unknown;
  httpsTrigger?: unknown;
  callableTrigger?: unknown;
  scheduleTrigger?: unknown;
  taskQueueTrigger?: unknown;
  blockingTrigger?: { eventType?: unknown };
  eventTrigger?: {
    eventType?: unknown;
    eventFilters?: Record<string, unknown>;
    eventFilterPathPatterns?: Record<string, unknown>;
  };
}

/**
 * Reads every export as the Firebase CLI does when it deploys (from the `__endpoint` metadata
 * firebase-functions attaches), keeps the Realtime Database triggers (v2 and v1) that serve the
 * namespace, and says for every other export what it is and why it will not fire locally.
 */
export function classifyExports(
  moduleExports: Record<string, unknown>,
  options: ClassifyOptions,
): ClassifiedExports {
  const triggers: LoadedTrigger[] = [];
  const report: ExportReport[] = [];
  for (const [name, value] of Object.entries(moduleExports)) {
    if (name === 'default' && value !== null && typeof value === 'object') continue;
    const entry = classifyOne(name, value, options);
    report.push(entry.report);
    if (entry.trigger) triggers.push(entry.trigger);
  }
  return { triggers, report };
}

function classifyOne(
  name: string,
  value: unknown,
  options: ClassifyOptions,
): { report: ExportReport; trigger?: LoadedTrigger } {
  const notRun = (kind: ExportKind, what: string, why: string): { report: ExportReport } => ({
    report: { name, kind, runs: false, what, why },
  });
  if (typeof value !== 'function')
    return notRun('not-a-function', `a ${value === null ? 'null' : typeof value} value`, 'not a function');
  let endpoint: EndpointShape | undefined;
  try {
    endpoint = (value as { __endpoint?: EndpointShape }).__endpoint;
  } catch (error) {
    return notRun('malformed', 'a Cloud Function whose trigger cannot be read', messageOf(error));
  }
  if (endpoint === undefined || endpoint === null || typeof endpoint !== 'object')
    return notRun('plain-function', 'a plain function (no trigger)', 'it is not a Cloud Function');
  if (endpoint.httpsTrigger) return notRun('https', 'HTTPS function (onRequest)', ONLY_DATABASE);
  if (endpoint.callableTrigger) return notRun('callable', 'callable function (onCall)', ONLY_DATABASE);
  if (endpoint.scheduleTrigger) return notRun('scheduled', 'scheduled function (onSchedule)', ONLY_DATABASE);
  if (endpoint.taskQueueTrigger)
    return notRun('task-queue', 'task queue function (onTaskDispatched)', ONLY_DATABASE);
  if (endpoint.blockingTrigger)
    return notRun(
      'blocking',
      `blocking function (${String(endpoint.blockingTrigger.eventType)})`,
      ONLY_DATABASE,
    );
  const eventTrigger = endpoint.eventTrigger;
  if (!eventTrigger || typeof eventTrigger.eventType !== 'string')
    return notRun(
      'malformed',
      'a Cloud Function with trigger metadata the runner does not recognise',
      'unknown trigger',
    );
  const eventType = eventTrigger.eventType;
  const region =
    Array.isArray(endpoint.region) && typeof endpoint.region[0] === 'string' ? endpoint.region[0] : undefined;
  try {
    let trigger: LoadedTrigger;
    if (isDatabaseEventType(eventType)) {
      const ref = eventTrigger.eventFilterPathPatterns?.['ref'] ?? eventTrigger.eventFilters?.['ref'];
      const instance =
        eventTrigger.eventFilters?.['instance'] ?? eventTrigger.eventFilterPathPatterns?.['instance'] ?? '*';
      if (typeof ref !== 'string') throw unsupported(`function "${name}" has no ref path in its trigger`);
      if (typeof instance !== 'string')
        throw unsupported(
          `function "${name}" sets its instance from a parameter, which the runner cannot resolve`,
        );
      trigger = {
        name,
        api: 'v2',
        eventType,
        declaredEventType: eventType,
        pattern: compileRefPattern(ref),
        instance: instance.replace(/\{[^/{}]*\}/g, '*'),
        region,
        handler: value as CloudFunctionHandler,
      };
    } else if (eventType in V1_DATABASE_EVENT_TYPES) {
      const resource = eventTrigger.eventFilters?.['resource'];
      if (typeof resource !== 'string')
        throw unsupported(
          `function "${name}" sets its database from a parameter, which the runner cannot resolve`,
        );
      const match = /^projects\/_\/instances\/([^/]+)\/refs(\/.*)?$/.exec(resource);
      if (!match) throw unsupported(`function "${name}" has an unexpected database resource "${resource}"`);
      const pattern = compileRefPattern(match[2] ?? '');
      if (pattern.segments.some((s) => s.kind !== 'literal' && s.name === undefined) || pattern.multiSegment)
        throw unsupported(
          `function "${name}" uses a "*" or "**" wildcard; v1 database triggers take only {name} wildcards`,
        );
      const declared = match[1] as string;
      trigger = {
        name,
        api: 'v1',
        eventType: V1_DATABASE_EVENT_TYPES[eventType]!,
        declaredEventType: eventType,
        pattern,
        instance: declared === options.defaultInstance ? options.namespace : declared,
        region,
        handler: value as CloudFunctionHandler,
      };
    } else {
      return notRun('other-trigger', `${eventType} trigger`, ONLY_DATABASE);
    }
    const what = `${trigger.api} ${describeTrigger(trigger)}`;
    if (!instanceMatches(trigger.instance, options.namespace))
      return notRun(
        'database-trigger',
        what,
        `it listens to database instance "${trigger.instance}", not "${options.namespace}"`,
      );
    return { report: { name, kind: 'database-trigger', runs: true, what }, trigger };
  } catch (error) {
    return notRun('malformed', `a Realtime Database trigger (${eventType})`, messageOf(error));
  }
}

function unsupported(message: string): FunctionsRunnerError {
  return new FunctionsRunnerError('functions/unsupported-trigger', message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The start-up lines: one per export, `runs` or `not run` with what it is and, for the latter,
 * that it will not fire locally and why.
 */
export function exportReportLines(report: readonly ExportReport[]): string[] {
  return report.map((entry) =>
    entry.runs
      ? `runs     ${entry.name}: ${entry.what}`
      : `not run  ${entry.name}: ${entry.what}; it will not fire locally (${entry.why ?? 'not supported'})`,
  );
}
