import type { QuerySpec } from '../core/query-spec.js';
import { RuleRecord } from './rule-value.js';

/**
 * The `query` variable of read rules for a query: `orderByKey`, `orderByPriority`,
 * `orderByValue` (booleans), `orderByChild` (child path or null), `startAt`, `endAt`, `equalTo`
 * (index values or null), `limitToFirst`, `limitToLast` (numbers or null). A plain read (no
 * ordering, range or limit) has every field false or null. A range whose two ends are the same
 * inclusive value is what `equalTo` sends, so it sets `equalTo` as well as `startAt`/`endAt`.
 *
 * @param spec - the query being authorised, absent for a plain read
 */
export function queryRecord(spec: QuerySpec | undefined): RuleRecord {
  const ordered =
    spec !== undefined && !(spec.index.kind === 'priority' && !spec.start && !spec.end && !spec.limit);
  const start = spec?.start;
  const end = spec?.end;
  const equal =
    start !== undefined &&
    end !== undefined &&
    start.inclusive &&
    end.inclusive &&
    start.value === end.value &&
    start.key === end.key;
  return new RuleRecord({
    orderByKey: ordered && spec.index.kind === 'key',
    orderByPriority: ordered && spec.index.kind === 'priority',
    orderByValue: ordered && spec.index.kind === 'value',
    orderByChild: spec?.index.kind === 'child' ? spec.index.path.join('/') : null,
    startAt: start?.value ?? null,
    endAt: end?.value ?? null,
    equalTo: equal ? start.value : null,
    limitToFirst: spec?.limit?.from === 'first' ? spec.limit.count : null,
    limitToLast: spec?.limit?.from === 'last' ? spec.limit.count : null,
  });
}
