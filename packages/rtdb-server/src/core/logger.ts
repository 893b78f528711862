import { RtdbError } from './rtdb-error.js';

/** Severity of a log line, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** The most detailed level a logger writes, or `silent` for no lines at all. */
export type LogThreshold = LogLevel | 'silent';

/** Where finished lines go. */
export type LogSink = (line: string) => void;

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /**
   * The most detailed level written. Default: what the `IOTKIT_LOG` environment variable says for
   * the tag (see {@link logThresholdFor}), else `info`.
   */
  level?: LogThreshold;
  /** Where lines go (default: standard error). */
  sink?: LogSink;
  /** The `IOTKIT_LOG` value to use instead of the environment's (tests, embedding programs). */
  env?: string;
}

/**
 * A tagged logger: each line reads `<tag> <LEVEL> <message>`, e.g.
 * `rtdb:rules INFO reloaded database.rules.json`. Lines more detailed than its level are dropped
 * before their text reaches the sink.
 */
export interface Logger {
  /** The subsystem, e.g. `rtdb:realtime`. */
  readonly tag: string;
  /** The most detailed level written. */
  readonly level: LogThreshold;
  /** Something failed and was not handled as the client expected (a 500, a lost journal). */
  error(message: string): void;
  /** Something a person should look at (an exposed server, refused rules, a dropped client). */
  warn(message: string): void;
  /** Normal events worth a line (rules reloaded, a denied request). */
  info(message: string): void;
  /** Detail for chasing a problem (socket errors, session ends). */
  debug(message: string): void;
  /** Whether lines of `level` are written; check it before building costly text. */
  enabled(level: LogLevel): boolean;
  /**
   * A logger for a part of this subsystem: tag `rtdb` with part `rules` gives `rtdb:rules`. It
   * writes to the same sink; its level is the one given here, else the `IOTKIT_LOG` entry for its
   * own tag when there is one (and this family's level was not set explicitly), else this logger's.
   */
  child(part: string, level?: LogThreshold): Logger;
}

const RANK: Record<LogThreshold, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };
const LABEL: Record<LogLevel, string> = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG' };

/** The environment variable that sets log levels. */
export const LOG_ENV = 'IOTKIT_LOG';

const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/**
 * Makes a tagged logger.
 *
 * @param tag - the subsystem, `:`-separated from general to specific (`rtdb:realtime`)
 * @param options - level, sink and the `IOTKIT_LOG` text to read levels from
 * @returns the logger
 * @throws RtdbError `rtdb/invalid-option` when `IOTKIT_LOG` names an unknown level
 */
export function createLogger(tag: string, options: LoggerOptions = {}): Logger {
  const sink = options.sink ?? stderrSink;
  // An explicit level holds for the whole family of loggers; the variable is not consulted.
  if (options.level !== undefined) return makeLogger(tag, options.level, sink, undefined);
  const env = options.env ?? process.env[LOG_ENV];
  return makeLogger(tag, logThresholdFor(tag, env) ?? 'info', sink, env);
}

function makeLogger(tag: string, level: LogThreshold, sink: LogSink, env: string | undefined): Logger {
  const rank = RANK[level];
  const write = (at: LogLevel, message: string): void => {
    if (RANK[at] <= rank) sink(`${tag} ${LABEL[at]} ${message}`);
  };
  return {
    tag,
    level,
    error: (message) => write('error', message),
    warn: (message) => write('warn', message),
    info: (message) => write('info', message),
    debug: (message) => write('debug', message),
    enabled: (at) => RANK[at] <= rank,
    child: (part, childLevel) => {
      const childTag = `${tag}:${part}`;
      return makeLogger(childTag, childLevel ?? ownEntry(childTag, env) ?? level, sink, env);
    },
  };
}

/**
 * The level `IOTKIT_LOG` gives a tag. The variable is a comma-separated list: a bare level
 * (`debug`) applies to every tag, `tag=level` to that tag and the tags below it
 * (`rtdb:realtime=debug` also covers `rtdb:realtime:long-poll`); the most specific entry wins.
 *
 * @param tag - the logger's tag
 * @param env - the variable's value (absent or empty: no levels)
 * @returns the level, or `undefined` when the variable says nothing about the tag
 * @throws RtdbError `rtdb/invalid-option` naming an unknown level or a malformed entry
 */
export function logThresholdFor(tag: string, env: string | undefined): LogThreshold | undefined {
  if (env === undefined || env.trim() === '') return undefined;
  let best: { length: number; level: LogThreshold } | undefined;
  for (const raw of env.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    const scope = equals < 0 ? '' : entry.slice(0, equals).trim();
    const level = parseThreshold(equals < 0 ? entry : entry.slice(equals + 1).trim(), entry);
    if (equals >= 0 && scope === '')
      throw new RtdbError('rtdb/invalid-option', `${LOG_ENV}: "${entry}" names no tag before "="`);
    const covers = scope === '' || tag === scope || tag.startsWith(`${scope}:`);
    if (covers && (!best || scope.length >= best.length)) best = { length: scope.length, level };
  }
  return best?.level;
}

// The entry for exactly this tag or a tag above it, ignoring a bare default level (the parent's
// level already carries that).
function ownEntry(tag: string, env: string | undefined): LogThreshold | undefined {
  if (env === undefined || !env.includes('=')) return undefined;
  const scoped = env
    .split(',')
    .filter((entry) => entry.includes('='))
    .join(',');
  return logThresholdFor(tag, scoped);
}

function parseThreshold(text: string, entry: string): LogThreshold {
  const level = text.toLowerCase();
  if (Object.hasOwn(RANK, level)) return level as LogThreshold;
  throw new RtdbError(
    'rtdb/invalid-option',
    `${LOG_ENV}: unknown level "${text.slice(0, 20)}" in "${entry.slice(0, 60)}"; use silent, error, warn, info or debug`,
  );
}
