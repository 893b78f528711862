import type { ExportReport } from '../core/export-report.js';
import type { TriggerSpec } from '../core/trigger-spec.js';
import type { InvocationRecord } from '../api/runner-types.js';

/** What the runner tells the functions host at start (environment variable `IOTKIT_FUNCTIONS_HOST`). */
export interface HostConfig {
  /** Absolute path or `file:` URL of the functions module. */
  readonly module: string;
  /** `host:port` of the local RTDB. */
  readonly databaseHost: string;
  /** The namespace to serve. */
  readonly namespace: string;
  /** Project id. */
  readonly projectId: string;
  /** Event `location` of functions without a region. */
  readonly location?: string;
  /** The module bundled as plain JavaScript, imported in place of `module` when set. */
  readonly load?: string;
}

/** An error as it crosses the process boundary. */
export interface WireError {
  /** The error's `name` (`Error`, `TypeError`…). */
  readonly name: string;
  /** Its message. */
  readonly message: string;
  /** Its stack, when it had one. */
  readonly stack?: string;
}

/** Messages from the host to the runner (JSON lines on file descriptor 3). */
export type HostMessage =
  | {
      readonly type: 'started';
      readonly triggers: readonly TriggerSpec[];
      readonly report: readonly ExportReport[];
    }
  | {
      readonly type: 'failed';
      readonly code: string;
      readonly message: string;
      readonly details: readonly string[];
    }
  | { readonly type: 'invocation'; readonly record: Omit<InvocationRecord, 'error'> & { error?: WireError } }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'idle'; readonly id: number }
  | { readonly type: 'stopped' };

/** Messages from the runner to the host. */
export type RunnerMessage = { readonly type: 'idle'; readonly id: number } | { readonly type: 'stop' };

/** The environment variable carrying the {@link HostConfig} as JSON. */
export const HOST_CONFIG_ENV = 'IOTKIT_FUNCTIONS_HOST';

/** An error (or anything thrown) in a form that survives JSON. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error)
    return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'Error', message: String(error) };
}

/** The error rebuilt on the runner's side. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
