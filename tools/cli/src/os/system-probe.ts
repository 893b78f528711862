import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The result of running a program to look at it. */
export interface ProbeRun {
  /** True when the program started and exited with status 0. */
  readonly ok: boolean;
  /** Standard output and standard error together, trimmed. */
  readonly output: string;
}

/** What the OS checks may look at: programs on PATH, files, platform, privileges. */
export interface SystemProbe {
  /** Runs a program with arguments, without a shell, for at most a few seconds. */
  run(program: string, args: readonly string[]): ProbeRun;
  /** Whether a file exists. */
  exists(path: string): boolean;
  /** `process.platform` of the machine. */
  readonly platform: NodeJS.Platform;
  /** Node's version, e.g. `20.19.0`. */
  readonly nodeVersion: string;
  /** Whether the process runs as root (uid 0). */
  readonly isRoot: boolean;
}

/**
 * The probe of the machine the CLI runs on.
 *
 * @param env - environment for the probed programs (its PATH decides what is found)
 * @returns the probe
 */
export function hostProbe(env: Readonly<Record<string, string | undefined>>): SystemProbe {
  return {
    run(program, args) {
      const result = spawnSync(program, [...args], { encoding: 'utf8', timeout: 10_000, env: { ...env } });
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
      return { ok: result.error === undefined && result.status === 0, output };
    },
    exists: (path) => existsSync(path),
    platform: process.platform,
    nodeVersion: process.versions.node,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}
