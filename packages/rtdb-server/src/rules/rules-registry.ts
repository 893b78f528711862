import type { Logger } from '../core/logger.js';
import { DenialLog, formatDenial } from './denial-log.js';
import { parseRules } from './parse-rules.js';
import { RulesEvaluator } from './rules-evaluator.js';
import type { AccessTrace } from './rules-evaluator.js';
import { RulesPolicy } from './rules-policy.js';
import type { RuleSet } from './rule-set.js';

/** Options of {@link RulesRegistry}. */
export interface RulesRegistryOptions {
  /** How many denials `GET /.inspect/denials.json` can show (default 200). */
  denialLogSize?: number;
  /** Where denials are logged, at level `info` (default: nowhere). */
  logger?: Logger;
}

/** Called when the rules of a namespace change; `undefined` = the default rules (every namespace). */
export type RulesChangeListener = (ns: string | undefined) => void;

/**
 * The rules of every namespace: a default set (from `database.rules.json`) and per-namespace
 * sets loaded with `PUT /.settings/rules.json`, which take precedence. Without any rules a
 * namespace allows everything, as the emulator does. Also keeps the log of recent denials.
 */
export class RulesRegistry {
  /** Recent denials of every namespace. */
  readonly denials: DenialLog;
  private defaultRules: RuleSet | undefined;
  private readonly byNamespace = new Map<string, RuleSet>();
  private readonly evaluators = new WeakMap<RuleSet, RulesEvaluator>();
  private readonly policies = new Map<string, RulesPolicy>();
  private readonly listeners = new Set<RulesChangeListener>();
  private readonly logger: Logger | undefined;

  /** @param options - denial log size and logger */
  constructor(options: RulesRegistryOptions = {}) {
    this.denials = new DenialLog(options.denialLogSize ?? 200);
    this.logger = options.logger;
  }

  /** The rules in force for `ns`, `undefined` when none (everything allowed). */
  get(ns: string): RuleSet | undefined {
    return this.byNamespace.get(ns) ?? this.defaultRules;
  }

  /** The evaluator of the rules in force for `ns`. */
  evaluator(ns: string): RulesEvaluator | undefined {
    const rules = this.get(ns);
    if (!rules) return undefined;
    let evaluator = this.evaluators.get(rules);
    if (!evaluator) {
      evaluator = new RulesEvaluator(rules);
      this.evaluators.set(rules, evaluator);
    }
    return evaluator;
  }

  /** Replace the default rules (every namespace without its own). */
  setDefault(rules: RuleSet | undefined): void {
    this.defaultRules = rules;
    this.emit(undefined);
  }

  /** Replace one namespace's rules. */
  set(ns: string, rules: RuleSet): void {
    this.byNamespace.set(ns, rules);
    this.emit(ns);
  }

  /**
   * Parse and install rules text for a namespace (the `PUT /.settings/rules.json` path).
   * @throws RtdbError `rtdb/invalid-rules` (line-numbered); the previous rules stay in force
   */
  load(ns: string, text: string, file = 'rules.json'): RuleSet {
    const rules = parseRules(text, file);
    this.set(ns, rules);
    return rules;
  }

  /** The rules text in force for `ns` (for `GET /.settings/rules.json`); `undefined` when none. */
  text(ns: string): string | undefined {
    return this.get(ns)?.text;
  }

  /** The access policy of `ns`; it always consults the rules currently in force. */
  policyFor(ns: string): RulesPolicy {
    let policy = this.policies.get(ns);
    if (!policy) {
      policy = new RulesPolicy(this, ns);
      this.policies.set(ns, policy);
    }
    return policy;
  }

  /** Be told when rules change (to re-check open streams and listens). Returns an unsubscribe. */
  onChange(listener: RulesChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Record (and log) the denial of a decided trace. */
  recordDenial(ns: string, uid: string | null, trace: AccessTrace, now: number): void {
    const record = this.denials.add(ns, uid, trace, now);
    if (record && this.logger) this.logger.info(formatDenial(record));
  }

  private emit(ns: string | undefined): void {
    for (const listener of this.listeners) listener(ns);
  }
}
