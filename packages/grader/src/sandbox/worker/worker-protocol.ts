/** How an export of a submission module crosses the sandbox boundary. */
export interface ExportInfo {
  /** Export name (`default` for the default export). */
  name: string;
  /** `function`: callable through the proxy; `value`: copied once; `opaque`: cannot be copied (a class instance with methods, a symbol). */
  kind: 'function' | 'value' | 'opaque';
  /** The copied value (kind `value`). */
  value?: unknown;
}

/** An error as it crosses the boundary. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

/** Test process to worker. */
export type ToWorker = { type: 'call'; id: number; name: string; args: unknown[] };

/** Worker to test process. */
export type FromWorker =
  | { type: 'ready'; exports: ExportInfo[] }
  | { type: 'load-failed'; error: WireError }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: WireError };

/**
 * An error of submission code as plain data (structured clone keeps no class, and a thrown
 * non-Error value is described by its text).
 * @param error - what was thrown
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: error.message,
      ...(error.stack ? { stack: error.stack } : {}),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  return { name: 'Error', message: `a non-Error value was thrown: ${String(error)}` };
}
