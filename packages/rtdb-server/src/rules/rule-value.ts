import type { RuleExpr } from './rule-expression.js';
import { RuleRegex } from './rule-regex.js';

/** A primitive value a rule can compute with. */
export type RulePrimitive = string | number | boolean | null;

/**
 * What rule expressions see as `root`, `data`, `newData` and the results of `child()`/`parent()`.
 * Implementations may throw (for instance on an invalid child path): the evaluator turns that into
 * an evaluation error, which makes the rule false.
 */
export interface RuleSnapshotLike {
  /** Marks the object as a snapshot for the evaluator's type checks. */
  readonly isRuleSnapshot: true;
  /** Path of the snapshot, for explanations (`/devices/alice`). */
  readonly pathText: string;
  /** The primitive value, `null` when absent, a {@link RuleOpaqueObject} for a node with children. */
  val(): RulePrimitive | RuleOpaqueObject;
  /** Snapshot at a relative path (may contain `/`). */
  child(path: string): RuleSnapshotLike;
  /** Snapshot of the parent; throws at the root. */
  parent(): RuleSnapshotLike;
  /** Whether the relative path has data. */
  hasChild(path: string): boolean;
  /** With no argument: whether there are any children; else whether all listed children exist. */
  hasChildren(keys?: string[]): boolean;
  /** Whether there is data here. */
  exists(): boolean;
  /** The node's priority (`null` when none). */
  getPriority(): string | number | null;
  /** Whether the value is a number. */
  isNumber(): boolean;
  /** Whether the value is a string. */
  isString(): boolean;
  /** Whether the value is a boolean. */
  isBoolean(): boolean;
}

/** The value of `val()` on a node with children: not usable in comparisons or arithmetic. */
export class RuleOpaqueObject {
  /** Path the object was read from, for explanations. */
  constructor(readonly pathText: string) {}
}

/** A read-only JSON object exposed to rules (`auth`, `auth.token`, `query`). Missing fields are `null`. */
export class RuleRecord {
  /** @param fields - the JSON object's own fields */
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}

  /** Field value converted to a rule value; nested objects and arrays become records. */
  get(name: string): RuleValue {
    if (!Object.prototype.hasOwnProperty.call(this.fields, name)) return null;
    return toRuleValue(this.fields[name]);
  }
}

/** Everything an expression can evaluate to. */
export type RuleValue =
  RulePrimitive | RuleSnapshotLike | RuleRecord | RuleOpaqueObject | RuleRegex | RuleValue[];

/** An evaluation error: the rule counts as false and the trace shows the message and where. */
export class EvalFault {
  /**
   * @param message - what went wrong, in words
   * @param at - the sub-expression that failed
   */
  constructor(
    readonly message: string,
    readonly at: RuleExpr,
  ) {}
}

/** Convert plain JSON (auth claims, query values) into a rule value. */
export function toRuleValue(value: unknown): RuleValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return new RuleRecord(Object.fromEntries(value.map((v, i) => [String(i), v])));
  if (typeof value === 'object') return new RuleRecord(value as Record<string, unknown>);
  return null;
}

/** Whether a value is a snapshot. */
export function isSnapshot(value: unknown): value is RuleSnapshotLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isRuleSnapshot?: unknown }).isRuleSnapshot === true
  );
}

/** Short human text for a value, used in explanations (`"alice"`, `null`, `snapshot /a/b`). */
export function describeValue(value: RuleValue | EvalFault): string {
  if (value instanceof EvalFault) return `error (${value.message})`;
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof RuleRegex) return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => describeValue(v)).join(', ')}]`;
  if (value instanceof RuleOpaqueObject) return `object at ${value.pathText}`;
  if (value instanceof RuleRecord) return JSON.stringify(value.fields);
  return `snapshot ${value.pathText}`;
}

/** Type name used in error messages. */
export function typeName(value: RuleValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof RuleRegex) return 'regex';
  if (value instanceof RuleOpaqueObject) return 'object';
  if (value instanceof RuleRecord) return 'object';
  if (isSnapshot(value)) return 'snapshot';
  return typeof value;
}
