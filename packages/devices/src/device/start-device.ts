import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceExecutable } from '../build/firmware-paths.js';
import type { DeviceEvent, DeviceInput, ExitEvent } from '../core/device-event.js';
import { DevicesError } from '../core/devices-error.js';
import { LineSplitter, parseEventLine } from '../core/event-line-parser.js';
import { validateKeys } from '../core/scenario.js';
import { Timeline, type FormatTimelineOptions, type TimelineEntry } from '../core/timeline.js';

/** The device's `--config` file: where to connect and as whom (see docs/packages/devices.md). */
export interface DeviceConfig {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000` or `https://<db>.firebaseio.com`. */
  readonly rtdbUrl: string;
  /** Database namespace (`?ns=`) on the local backend. */
  readonly namespace?: string;
  /** Auth base URL: the emulator's (`http://127.0.0.1:9099`) or `https://identitytoolkit.googleapis.com`. */
  readonly authUrl: string;
  /** Web API key (any string for the emulator). */
  readonly apiKey?: string;
  /** Device account e-mail. */
  readonly email?: string;
  /** Device account password. */
  readonly password?: string;
  /** Sign in with this custom token instead of e-mail/password. */
  readonly customToken?: string;
  /** App-specific settings, passed through untouched. */
  readonly app?: Record<string, unknown>;
}

/** The process {@link startDevice} is about to start, handed to {@link StartDeviceOptions.wrap}. */
export interface DeviceLaunch {
  /** The device executable. */
  readonly file: string;
  /** Its arguments (`--config <file>`, maybe `--scenario <file>`). */
  readonly args: readonly string[];
  /** Variables set for this device on top of a minimal environment (`env`, the latency setting). */
  readonly env: Readonly<Record<string, string>>;
  /** Files the device reads: the executable, its config file, the scenario file. */
  readonly files: readonly string[];
}

/** How to start a wrapped device: the program, its complete environment, and optionally its user. */
export interface WrappedDeviceLaunch {
  /** Executable to spawn (e.g. a sandbox that runs the device). */
  readonly file: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** The complete environment (nothing else is inherited). */
  readonly env: Readonly<Record<string, string>>;
  /** Working directory. */
  readonly cwd?: string;
  /** Run as this user. */
  readonly uid?: number;
  /** Run as this group. */
  readonly gid?: number;
}

/** Options of {@link startDevice}: give `executable`, or `app` for `firmware/build/devices/<app>-device`. */
export interface StartDeviceOptions {
  /** Path of a device executable. */
  readonly executable?: string;
  /** App name: runs `firmware/build/devices/<app>-device`. */
  readonly app?: string;
  /** Written to a temporary file and passed as `--config`. */
  readonly config: DeviceConfig;
  /** Extra environment variables for the process. */
  readonly env?: Record<string, string>;
  /** A scenario of timed inputs (JSON lines with `at`) the firmware replays itself. */
  readonly scenarioFile?: string;
  /** Hard limit: the process is killed (SIGKILL) after this long. Default 120 000 ms. */
  readonly maxRunMs?: number;
  /** Called for every event as it arrives. */
  readonly onEvent?: (event: DeviceEvent) => void;
  /** Simulated network latency added to every HTTP request, in ms (0..59 999). */
  readonly latencyMs?: number;
  /**
   * Starts the device through a wrapper instead of directly, e.g. the grader's sandbox
   * (`sandboxLauncher()` of `@iotkit/grader/harness`). Killing the wrapped process must end the device.
   */
  readonly wrap?: (launch: DeviceLaunch) => WrappedDeviceLaunch;
}

/** Options of {@link DeviceHandle.waitFor}. */
export interface WaitForOptions {
  /** Also match events that arrived before the call (default false: only new ones). */
  readonly includePast?: boolean;
}

/** A running virtual device. */
export interface DeviceHandle {
  /** OS process id. */
  readonly pid: number | undefined;
  /** Sets the raw IR reading (0..4095 on the real ADC) the sensor returns from now on. */
  setIr(value: number): void;
  /** Presses keys in order, e.g. `"1234#"`. */
  press(keys: string): void;
  /** Sends one input line. */
  send(input: DeviceInput): void;
  /**
   * The device's own clock (ms since boot, the `t` of its events), read after one more pass of its
   * loop: a test that judges "nothing happened for 2 s" measures those 2 s here, on the device.
   * Rejects with `devices/timeout` after `timeoutMs` (default 10 000) or `devices/exited`.
   */
  deviceTime(timeoutMs?: number): Promise<number>;
  /**
   * Lets the device run until its own clock reads at least `deviceMs`, then resolves with that
   * time; rejects with `devices/timeout` after `timeoutMs` of host time.
   */
  runUntil(deviceMs: number, timeoutMs: number): Promise<number>;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: (event: DeviceEvent) => void): () => void;
  /** Events from now on, ending after the `exit` event. */
  events(): AsyncIterable<DeviceEvent>;
  /** Resolves with the first event matching `predicate`; rejects with `devices/timeout` (including the recent timeline) or `devices/exited`. */
  waitFor<T extends DeviceEvent>(
    predicate: (event: DeviceEvent) => event is T,
    timeoutMs: number,
    options?: WaitForOptions,
  ): Promise<T>;
  /** Same, with a plain boolean predicate. */
  waitFor(
    predicate: (event: DeviceEvent) => boolean,
    timeoutMs: number,
    options?: WaitForOptions,
  ): Promise<DeviceEvent>;
  /** Everything recorded so far. */
  timeline(): readonly TimelineEntry[];
  /** A text excerpt of the timeline for feedback. */
  formatTimeline(options?: FormatTimelineOptions): string;
  /** What the firmware wrote to stderr (last 64 KB). */
  stderr(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<ExitEvent>;
  /** Sends `quit`, and kills the process if it has not exited after `graceMs` (default 2000). */
  stop(graceMs?: number): Promise<ExitEvent>;
  /** Kills the process at once. */
  kill(): Promise<ExitEvent>;
}

/** Starts a virtual device process. Throws `devices/not-built` if the executable is missing. */
export function startDevice(options: StartDeviceOptions): DeviceHandle {
  const executable = options.executable ?? (options.app ? deviceExecutable(options.app) : undefined);
  if (!executable) throw new DevicesError('devices/bad-config', 'startDevice needs `executable` or `app`');
  if (!existsSync(executable)) {
    throw new DevicesError(
      'devices/not-built',
      `${executable} does not exist: run buildFirmware() (pnpm --filter @iotkit/firmware build) first`,
    );
  }
  if (typeof options.config?.rtdbUrl !== 'string' || typeof options.config?.authUrl !== 'string') {
    throw new DevicesError('devices/bad-config', 'config needs string rtdbUrl and authUrl');
  }
  const latency = options.latencyMs ?? 0;
  if (!Number.isInteger(latency) || latency < 0 || latency >= 60_000) {
    throw new DevicesError('devices/bad-config', `latencyMs must be an integer in 0..59999, got ${latency}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'iotkit-device-'));
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(options.config));
  const args = ['--config', configPath];
  if (options.scenarioFile) args.push('--scenario', options.scenarioFile);

  const started = performance.now();
  const now = (): number => performance.now() - started;
  const timeline = new Timeline();
  const listeners = new Set<(event: DeviceEvent) => void>();
  if (options.onEvent) listeners.add(options.onEvent);
  let stderrText = '';
  let lastT = 0;
  let exitEvent: ExitEvent | undefined;

  const extraEnv: Record<string, string> = { ...options.env };
  if (latency > 0) extraEnv['IOTKIT_SIM_LATENCY_MS'] = String(latency);
  const files = [executable, configPath, ...(options.scenarioFile ? [options.scenarioFile] : [])];
  // a wrapper may run the device as another user: let it walk to its config (0700 from mkdtemp)
  if (options.wrap) chmodSync(dir, 0o711);
  const wrapped = options.wrap?.({ file: executable, args, env: extraEnv, files });
  const child = wrapped
    ? spawn(wrapped.file, [...wrapped.args], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...wrapped.env },
        ...(wrapped.cwd !== undefined ? { cwd: wrapped.cwd } : {}),
        ...(wrapped.uid !== undefined ? { uid: wrapped.uid } : {}),
        ...(wrapped.gid !== undefined ? { gid: wrapped.gid } : {}),
      })
    : spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...extraEnv } });
  const emit = (event: DeviceEvent): void => {
    lastT = event.t;
    // Marks are the test's own probes of the clock: nothing a student's feedback should show.
    if (event.type !== 'mark') timeline.add({ at: now(), event });
    for (const listener of [...listeners]) listener(event);
  };
  const splitter = new LineSplitter();
  const handleLine = (line: string): void => {
    if (line.trim() === '') return;
    try {
      emit(parseEventLine(line));
    } catch (error) {
      // A stray stdout line is a firmware bug; keep it visible in the timeline instead of crashing.
      emit({ type: 'log', t: lastT, level: 'error', msg: (error as Error).message });
    }
  };
  child.stdout.on('data', (chunk: Buffer) => splitter.push(chunk).forEach(handleLine));
  child.stderr.on('data', (chunk: Buffer) => {
    stderrText = (stderrText + chunk.toString('utf8')).slice(-65_536);
  });
  child.stdin.on('error', () => {
    // Writing after the device exited: the exit event already tells the story.
  });

  const exited = new Promise<ExitEvent>((resolveExit) => {
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code, signal) => {
      splitter.flush().forEach(handleLine);
      clearTimeout(hardLimit);
      rmSync(dir, { recursive: true, force: true });
      if (spawnError) stderrText += `\nspawn failed: ${spawnError.message}`;
      exitEvent = { type: 'exit', t: lastT, code, signal };
      emit(exitEvent);
      resolveExit(exitEvent);
    });
  });
  const hardLimit = setTimeout(() => child.kill('SIGKILL'), options.maxRunMs ?? 120_000);

  const send = (input: DeviceInput): void => {
    if (exitEvent || !child.stdin.writable) return;
    if (input.type !== 'mark') timeline.addInput({ at: now(), input: JSON.stringify(input) });
    child.stdin.write(`${JSON.stringify(input)}\n`);
  };

  const waitFor = (
    predicate: (event: DeviceEvent) => boolean,
    timeoutMs: number,
    waitOptions: WaitForOptions = {},
  ): Promise<DeviceEvent> => {
    if (waitOptions.includePast) {
      const past = timeline.events().find((entry) => predicate(entry.event));
      if (past) return Promise.resolve(past.event);
    }
    return new Promise<DeviceEvent>((resolveWait, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(listener);
      };
      const listener = (event: DeviceEvent): void => {
        if (predicate(event)) {
          done();
          resolveWait(event);
        } else if (event.type === 'exit') {
          done();
          reject(
            new DevicesError(
              'devices/exited',
              `the device exited (code ${event.code}, signal ${event.signal}) before the awaited event\n${timeline.format({ last: 25 })}\n${stderrTail()}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new DevicesError(
            'devices/timeout',
            `no matching device event within ${timeoutMs} ms; recent timeline:\n${timeline.format({ last: 25 })}`,
          ),
        );
      }, timeoutMs);
      if (exitEvent) {
        listener(exitEvent);
        return;
      }
      listeners.add(listener);
    });
  };
  let nextMark = 0;
  const deviceTime = async (timeoutMs = 10_000): Promise<number> => {
    const id = nextMark++;
    const answer = waitFor((event) => event.type === 'mark' && event.id === id, timeoutMs);
    send({ type: 'mark', id });
    try {
      return (await answer).t;
    } catch (error) {
      if (!(error instanceof DevicesError) || error.code !== 'devices/timeout') throw error;
      // The host answers between two passes of loop(): no answer means one pass never ended.
      throw new DevicesError(
        'devices/timeout',
        `the device did not finish a pass of loop() within ${timeoutMs} ms: something in loop() blocks (a wait or a request without a time limit)\n${timeline.format({ last: 10 })}`,
      );
    }
  };
  const runUntil = async (deviceMs: number, timeoutMs: number): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await deviceTime(Math.max(1, deadline - Date.now()));
      if (t >= deviceMs) return t;
      if (Date.now() >= deadline)
        throw new DevicesError(
          'devices/timeout',
          `the device's clock reached only ${t} ms of the ${deviceMs} ms waited for within ${timeoutMs} ms`,
        );
      // Pacing only: what counts is the clock the device itself reports.
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(5, deviceMs - t))));
    }
  };
  const stderrTail = (): string => (stderrText ? `stderr:\n${stderrText.slice(-2000)}` : '');

  const kill = (): Promise<ExitEvent> => {
    if (!exitEvent) child.kill('SIGKILL');
    return exited;
  };

  return {
    pid: child.pid,
    setIr: (value) => {
      if (!Number.isInteger(value))
        throw new DevicesError('devices/bad-input', `IR value must be an integer, got ${value}`);
      send({ type: 'ir', value });
    },
    press: (keys) => {
      try {
        validateKeys(keys);
      } catch (error) {
        throw new DevicesError('devices/bad-input', (error as Error).message);
      }
      for (const key of keys) send({ type: 'key', key });
    },
    send,
    deviceTime,
    runUntil,
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    events: () => eventIterator(listeners, () => exitEvent !== undefined),
    waitFor: waitFor as DeviceHandle['waitFor'],
    timeline: () => timeline.events(),
    formatTimeline: (formatOptions) => timeline.format(formatOptions),
    stderr: () => stderrText,
    exited,
    stop: async (graceMs = 2000) => {
      if (exitEvent) return exitEvent;
      send({ type: 'quit' });
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    kill,
  };
}

function eventIterator(
  listeners: Set<(event: DeviceEvent) => void>,
  ended: () => boolean,
): AsyncIterable<DeviceEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<DeviceEvent> {
      const queue: DeviceEvent[] = [];
      let wake: (() => void) | undefined;
      let finished = ended();
      const listener = (event: DeviceEvent): void => {
        queue.push(event);
        if (event.type === 'exit') finished = true;
        wake?.();
      };
      listeners.add(listener);
      return {
        async next(): Promise<IteratorResult<DeviceEvent>> {
          while (queue.length === 0) {
            if (finished) {
              listeners.delete(listener);
              return { done: true, value: undefined };
            }
            await new Promise<void>((resolveWake) => {
              wake = resolveWake;
            });
            wake = undefined;
          }
          return { done: false, value: queue.shift() as DeviceEvent };
        },
        async return(): Promise<IteratorResult<DeviceEvent>> {
          listeners.delete(listener);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
