import { FunctionsRunnerError } from './functions-runner-error.js';

/** One segment of a trigger path: a literal key or a `{name}` capture. */
export type PatternSegment =
  | {
      /** A fixed key. */
      readonly kind: 'literal';
      /** The key the path must have here. */
      readonly key: string;
    }
  | {
      /** A wildcard: any key, reported in `params` under `name`. */
      readonly kind: 'capture';
      /** Name of the capture (`uid` for `{uid}`). */
      readonly name: string;
    };

/** A compiled trigger path such as `devices/{uid}/readings/{readingId}`. */
export interface RefPattern {
  /** The pattern as written, without leading or trailing slashes. */
  readonly source: string;
  /** One entry per path segment. */
  readonly segments: readonly PatternSegment[];
  /** Number of leading literal segments: the deepest location that still sees every match. */
  readonly staticDepth: number;
}

/**
 * Compiles a trigger path. Single-segment captures (`{uid}`, `*`) are supported; multi-segment
 * captures (`{rest=**}`, `**`) are refused, because the runner enumerates matches by walking the
 * tree one pattern segment at a time.
 *
 * @throws {@link FunctionsRunnerError} `functions/unsupported-trigger` for `**` or a malformed capture
 */
export function compileRefPattern(source: string): RefPattern {
  const trimmed = source.replace(/^\/+|\/+$/g, '');
  const parts = trimmed === '' ? [] : trimmed.split('/');
  const segments: PatternSegment[] = [];
  parts.forEach((part, index) => {
    if (part.includes('**')) {
      throw new FunctionsRunnerError(
        'functions/unsupported-trigger',
        `trigger path "${source}" uses a multi-segment wildcard ("${part}"); only single-segment captures like {uid} are supported`,
      );
    }
    if (part === '*') {
      segments.push({ kind: 'capture', name: `__wildcard${index}` });
      return;
    }
    const capture = /^\{([A-Za-z_][A-Za-z0-9_]*)(=\*)?\}$/.exec(part);
    if (capture) {
      segments.push({ kind: 'capture', name: capture[1] as string });
      return;
    }
    if (/[{}*]/.test(part) || part === '') {
      throw new FunctionsRunnerError(
        'functions/unsupported-trigger',
        `trigger path "${source}" has a malformed segment "${part}"`,
      );
    }
    segments.push({ kind: 'literal', key: part });
  });
  const firstCapture = segments.findIndex((s) => s.kind === 'capture');
  return { source: trimmed, segments, staticDepth: firstCapture === -1 ? segments.length : firstCapture };
}

/** The literal path every match lies under, e.g. `devices` for `devices/{uid}/readings/{id}`. */
export function staticPrefix(pattern: RefPattern): string {
  return pattern.segments
    .slice(0, pattern.staticDepth)
    .map((s) => (s.kind === 'literal' ? s.key : ''))
    .join('/');
}

/** Matches a concrete path (`a/b/c`) and returns the captured values, or undefined. */
export function matchRefPattern(pattern: RefPattern, path: string): Record<string, string> | undefined {
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter((p) => p !== '');
  if (parts.length !== pattern.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = pattern.segments[i] as PatternSegment;
    const part = parts[i] as string;
    if (segment.kind === 'literal') {
      if (segment.key !== part) return undefined;
    } else if (!segment.name.startsWith('__wildcard')) {
      params[segment.name] = part;
    }
  }
  return params;
}
