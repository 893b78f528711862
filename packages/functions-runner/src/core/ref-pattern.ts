import { FunctionsRunnerError } from './functions-runner-error.js';

/** One segment of a trigger path. */
export type PatternSegment =
  | {
      /** A fixed key. */
      readonly kind: 'literal';
      /** The key the path must have here. */
      readonly key: string;
    }
  | {
      /** Any one key: `{uid}`, `{uid=*}` or an anonymous `*`. */
      readonly kind: 'capture';
      /** Name of the capture (`uid` for `{uid}`); `undefined` for an anonymous `*`. */
      readonly name: string | undefined;
    }
  | {
      /** One or more keys, always the last segment: `{rest=**}` or an anonymous `**`. */
      readonly kind: 'rest';
      /** Name of the capture (`rest` for `{rest=**}`); `undefined` for `**`. */
      readonly name: string | undefined;
    };

/** A compiled trigger path such as `devices/{uid}/readings/{readingId}`. */
export interface RefPattern {
  /** The pattern as written, without leading or trailing slashes. */
  readonly source: string;
  /** One entry per path segment. */
  readonly segments: readonly PatternSegment[];
  /** Number of leading literal segments: the deepest location that still sees every match. */
  readonly staticDepth: number;
  /** Whether the last segment takes any number of keys (`**`): matches lie at any depth below. */
  readonly multiSegment: boolean;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';

/**
 * Compiles a trigger path with the path-pattern syntax firebase-functions accepts for database
 * triggers: literal keys, single-key wildcards (`{uid}`, `{uid=*}`, `*`) and, as the last segment,
 * a multi-key wildcard (`{rest=**}`, `**`).
 *
 * @throws {@link FunctionsRunnerError} `functions/unsupported-trigger` for a malformed segment,
 *   a partial-key wildcard (`user*`) or a multi-key wildcard that is not the last segment
 */
export function compileRefPattern(source: string): RefPattern {
  const trimmed = source.replace(/^\/+|\/+$/g, '');
  const parts = trimmed === '' ? [] : trimmed.split('/');
  const segments: PatternSegment[] = parts.map((part, index) => {
    const single = new RegExp(`^\\{(${NAME})(=\\*)?\\}$`).exec(part);
    if (single) return { kind: 'capture', name: single[1] };
    if (part === '*') return { kind: 'capture', name: undefined };
    const rest = new RegExp(`^\\{(${NAME})=\\*\\*\\}$`).exec(part);
    if (rest || part === '**') {
      if (index !== parts.length - 1) {
        throw new FunctionsRunnerError(
          'functions/unsupported-trigger',
          `trigger path "${source}" has the multi-segment wildcard "${part}" before its end; the runner takes "**" only as the last segment`,
        );
      }
      return { kind: 'rest', name: rest?.[1] };
    }
    if (/[{}*]/.test(part) || part === '') {
      throw new FunctionsRunnerError(
        'functions/unsupported-trigger',
        `trigger path "${source}" has a malformed segment "${part}" (use a key, {name}, *, or a final {name=**})`,
      );
    }
    return { kind: 'literal', key: part };
  });
  const firstWildcard = segments.findIndex((s) => s.kind !== 'literal');
  return {
    source: trimmed,
    segments,
    staticDepth: firstWildcard === -1 ? segments.length : firstWildcard,
    multiSegment: segments.at(-1)?.kind === 'rest',
  };
}

/** The literal path every match lies under, e.g. `devices` for `devices/{uid}/readings/{id}`. */
export function staticPrefix(pattern: RefPattern): string {
  return pattern.segments
    .slice(0, pattern.staticDepth)
    .map((s) => (s.kind === 'literal' ? s.key : ''))
    .join('/');
}

/**
 * The deepest location a change must be reported at for this pattern: its own length, or
 * `undefined` for a multi-segment pattern (a change is reported where it was written).
 */
export function reportDepth(pattern: RefPattern): number | undefined {
  return pattern.multiSegment ? undefined : pattern.segments.length;
}

/**
 * Matches the first `parts.length` segments of the pattern against a concrete location and
 * returns the captures so far, or `undefined` when a literal differs. With `whole`, the location
 * must match the entire pattern (a `**` then takes every remaining key, at least one).
 */
export function matchPrefix(
  pattern: RefPattern,
  parts: readonly string[],
  whole: boolean,
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const segments = pattern.segments;
  for (let i = 0; i < parts.length; i++) {
    const segment = segments[i];
    const part = parts[i] as string;
    if (segment === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (segment.key !== part) return undefined;
    } else if (segment.kind === 'capture') {
      if (segment.name !== undefined) params[segment.name] = part;
    } else {
      if (segment.name !== undefined) params[segment.name] = parts.slice(i).join('/');
      return params;
    }
  }
  if (whole && parts.length !== segments.length) return undefined;
  return params;
}

/** Matches a concrete path (`a/b/c`) against the whole pattern and returns the captures, or undefined. */
export function matchRefPattern(pattern: RefPattern, path: string): Record<string, string> | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  return matchPrefix(pattern, parts, true);
}
