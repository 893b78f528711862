/** Parent → reused test worker: run the graded tests once more, for this submission. */
export interface WorkerRunRequest {
  readonly kind: 'run';
  /** Run number, echoed in the answer. */
  readonly id: number;
  /** The submission's variables (folder, namespace, sandbox uid), set for this run only. */
  readonly env: Record<string, string>;
  /** Where this run's observations go. */
  readonly observationsFile: string;
}

/** Reused test worker → parent. */
export type WorkerMessage =
  /** Vitest is up and has found `files` graded test files. */
  | { readonly kind: 'ready'; readonly files: number }
  /** Run `id` is over; `error` when vitest itself failed (not a failing test). */
  | { readonly kind: 'done'; readonly id: number; readonly error?: string };

/**
 * Whether a value received over IPC is a {@link WorkerRunRequest}.
 * @param m - the message
 */
export function isRunRequest(m: unknown): m is WorkerRunRequest {
  const r = m as Partial<WorkerRunRequest> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.kind === 'run' &&
    typeof r.id === 'number' &&
    typeof r.observationsFile === 'string' &&
    typeof r.env === 'object'
  );
}

/**
 * Whether a value received over IPC is a {@link WorkerMessage}.
 * @param m - the message
 */
export function isWorkerMessage(m: unknown): m is WorkerMessage {
  const r = m as { kind?: unknown } | null;
  return typeof r === 'object' && r !== null && (r.kind === 'ready' || r.kind === 'done');
}
