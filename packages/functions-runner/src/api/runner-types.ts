import type { DatabaseEventType } from '../core/event-types.js';
import type { ExportReport } from '../core/export-report.js';
import type { FunctionsApi, TriggerSpec } from '../core/trigger-spec.js';
import type { WriterIdentity } from '../core/writer-identity.js';

/** A command line: what the runner would execute to start a functions host. */
export interface HostCommand {
  /** The executable (Node itself by default). */
  readonly file: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** Its whole environment (nothing of the runner's environment is inherited beyond it). */
  readonly env: Readonly<Record<string, string>>;
}

/** How to run a functions module against the local RTDB. */
export interface FunctionsRunnerOptions {
  /**
   * The functions module: a file path / `file:` URL to import (preferred: the environment is set
   * before the module's top-level `initializeApp()` runs), or its already-imported exports
   * (`isolation: 'inline'` only).
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
  /**
   * `inline` (default): import the module into this process. `process`: load it in a separate
   * Node process, the functions host, that reaches the database over the network as the real
   * Cloud Functions runtime does; nothing of the module runs in this process.
   */
  readonly isolation?: 'inline' | 'process';
  /**
   * With `isolation: 'process'`: rewrites the host's command line before it is started, e.g. to
   * run it inside a sandbox (`bwrap … node …`). The host talks to the runner over file descriptor
   * 3, which the wrapper must pass through; it exits when that descriptor closes.
   */
  readonly wrapCommand?: (
    file: string,
    args: readonly string[],
    env: Readonly<Record<string, string>>,
  ) => HostCommand;
  /** With `isolation: 'process'`: how long the host may take to import the module and subscribe (ms, default 60 000). */
  readonly hostStartTimeoutMs?: number;
  /** With `isolation: 'process'`: each line the module prints (default: written to this process's stderr). */
  readonly onHostOutput?: (line: string) => void;
  /** Source of `event.time` (`inline` only); injectable for tests. */
  readonly clock?: () => Date;
  /** Source of `event.id` (`inline` only); injectable for tests. */
  readonly newEventId?: () => string;
  /** Called after each handler invocation settles. */
  readonly onInvocation?: (record: InvocationRecord) => void;
  /** Receives the start-up report (one line per export) and later problems (the database went away). */
  readonly log?: (line: string) => void;
}

/** What happened when one trigger fired. */
export interface InvocationRecord {
  /** The trigger's export name. */
  readonly name: string;
  /** The firebase-functions API of the trigger. */
  readonly api: FunctionsApi;
  /** Which of the four database event types fired (v2 name; a v1 `onCreate` fires as `created`). */
  readonly eventType: DatabaseEventType;
  /** Concrete path without a leading slash. */
  readonly ref: string;
  /** Values of the path's captures, e.g. `{ uid, readingId }`. */
  readonly params: Readonly<Record<string, string>>;
  /** Who made the write that fired it. */
  readonly writer: WriterIdentity;
  /** Whether the handler returned (or resolved) without an error. */
  readonly ok: boolean;
  /** The handler's exception or rejection when `ok` is false (an `Error` rebuilt from its name, message and stack when it crossed from a host process). */
  readonly error?: unknown;
  /** Handler run time in milliseconds. */
  readonly ms: number;
}

/** A running set of triggers. */
export interface RunningFunctions {
  /** Where the module runs. */
  readonly isolation: 'inline' | 'process';
  /** The database triggers found in the module and being watched. */
  readonly triggers: readonly TriggerSpec[];
  /** Every export of the module: what it is and whether it runs locally. */
  readonly report: readonly ExportReport[];
  /** Settled invocations, oldest first (the last 1000). */
  readonly invocations: readonly InvocationRecord[];
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
  /** Closes the write feed; pending handlers finish first (a host process is then ended). Calling it twice is harmless. */
  stop(): Promise<void>;
}
