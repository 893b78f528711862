import type { CommandIo } from '../../src/command.js';

/** A {@link CommandIo} that records output, for running commands in-process. */
export interface RecordingIo extends CommandIo {
  /** Lines written to standard output. */
  readonly outLines: string[];
  /** Lines written to standard error. */
  readonly errLines: string[];
}

/**
 * An io for `runCli` with the given root and environment; Ctrl-C never comes.
 * @param root - the repository root the command sees
 * @param env - its environment
 */
export function recordingIo(root: string, env: Readonly<Record<string, string | undefined>>): RecordingIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return {
    outLines,
    errLines,
    out: (text) => outLines.push(text),
    err: (text) => errLines.push(text),
    env,
    root,
    waitForInterrupt: () => new Promise<string>(() => undefined),
  };
}
