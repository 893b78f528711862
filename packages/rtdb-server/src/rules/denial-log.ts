import type { AccessTrace } from './rules-evaluator.js';
import type { RuleLocation } from './rule-set.js';

/** One refused request, as `GET /.inspect/denials.json` returns it. */
export interface DenialRecord {
  /** When (ISO 8601). */
  time: string;
  /** Namespace. */
  ns: string;
  /** `read`, `write` or `validate` (a write refused by a `.validate` rule). */
  operation: 'read' | 'write' | 'validate';
  /** The location refused. */
  path: string;
  /** All locations of the request (several for a multi-path update). */
  paths: string[];
  /** Who asked (`null` = unauthenticated). */
  uid: string | null;
  /** Explanation: the rule and the sub-expression that was false, with values. */
  reason: string;
  /** The rule that failed, when one did. */
  rule?: RuleLocation;
  /** The false sub-expression, when there was one. */
  subExpression?: string;
}

/** A bounded ring of recent denials (oldest dropped first). */
export class DenialLog {
  private readonly entries: DenialRecord[] = [];

  /** @param capacity - how many denials to keep */
  constructor(readonly capacity = 200) {}

  /** Record the denial of a decided trace. */
  add(ns: string, uid: string | null, trace: AccessTrace, now: number): DenialRecord | undefined {
    const denial = trace.denial;
    if (!denial) return undefined;
    const record: DenialRecord = {
      time: new Date(now).toISOString(),
      ns,
      operation: denial.operation,
      path: denial.path,
      paths: trace.paths,
      uid,
      reason: denial.reason,
      ...(denial.rule ? { rule: denial.rule } : {}),
      ...(denial.subExpression === undefined ? {} : { subExpression: denial.subExpression }),
    };
    this.entries.push(record);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return record;
  }

  /** Recent denials, oldest first, optionally only one namespace's. */
  recent(ns?: string): DenialRecord[] {
    return ns === undefined ? [...this.entries] : this.entries.filter((e) => e.ns === ns);
  }

  /** Forget everything. */
  clear(): void {
    this.entries.length = 0;
  }
}

/** One log line for a denial: `denied write /devices/bob for uid alice (ns x): …`. */
export function formatDenial(record: DenialRecord): string {
  const who = record.uid === null ? 'unauthenticated' : `uid ${record.uid}`;
  return `denied ${record.operation} ${record.path} for ${who} (ns ${record.ns}): ${record.reason}`;
}
