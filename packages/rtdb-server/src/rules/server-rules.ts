import { allowAllPolicy } from '../core/access-policy.js';
import type { AccessPolicy } from '../core/access-policy.js';
import type { Logger } from '../core/logger.js';
import type { DenialRecord } from './denial-log.js';
import { watchRulesFile } from './rules-file-watcher.js';
import type { RulesFileWatch } from './rules-file-watcher.js';
import { RulesRegistry } from './rules-registry.js';

/** Options of {@link createServerRules}. */
export interface ServerRulesOptions {
  /** A rules file (`database.rules.json`) used by every namespace without PUT rules; reloaded on change. */
  rulesFile?: string;
  /** Use this registry instead of a new one (tests, the CLI). */
  registry?: RulesRegistry;
  /** Denials and reload messages (tag `rtdb:rules`). */
  logger?: Logger;
}

/** What the running server needs to know when rules change. */
export interface RulesChangeTarget {
  /** Re-check open streams and listens of the namespace. */
  onPolicyChange(namespace: string): void;
  /** Namespaces currently known (a change of the default rules touches all of them). */
  namespaces(): string[];
}

/** The rules engine as the server uses it: policies, the PUT hook, the rules text and denials. */
export interface ServerRules {
  /** Rules and denial log of every namespace. */
  readonly registry: RulesRegistry;
  /** The file being watched, if any. */
  readonly watch: RulesFileWatch | undefined;
  /** The namespace's access policy (`allowAllPolicy` while it has no rules). */
  policyFor(namespace: string): AccessPolicy;
  /** The `PUT /.settings/rules.json` hook: throws `rtdb/invalid-rules` (line-numbered) and keeps the old rules. */
  onRulesPut(namespace: string, text: string): void;
  /** Rules text in force for a namespace from the rules file (PUT text is stored by the server). */
  rulesText(namespace: string): string | undefined;
  /** Recent denials for `GET /.inspect/denials.json` (all namespaces when `ns` is absent). */
  denials(namespace?: string): DenialRecord[];
  /** Route rules changes to the server's re-checks of open streams and listens. */
  connect(target: RulesChangeTarget): void;
  /** Stop watching the rules file. */
  close(): void;
}

/**
 * Wire the rules engine for a server: one {@link RulesRegistry}, a policy per namespace, the
 * rules file loaded now (throws `rtdb/invalid-rules` if it is invalid) and watched, and change
 * notifications that re-check what clients have open.
 */
export function createServerRules(options: ServerRulesOptions = {}): ServerRules {
  const registry = options.registry ?? new RulesRegistry(options.logger ? { logger: options.logger } : {});
  const watch = options.rulesFile ? watchRulesFile(options.rulesFile, registry, options.logger) : undefined;
  let unsubscribe: (() => void) | undefined;
  return {
    registry,
    watch,
    // Without rules the shared allow-all policy is returned, so layers can skip re-checks cheaply.
    policyFor: (namespace) => (registry.get(namespace) ? registry.policyFor(namespace) : allowAllPolicy),
    onRulesPut: (namespace, text) => {
      registry.load(namespace, text);
    },
    rulesText: (namespace) => registry.text(namespace),
    denials: (namespace) => registry.denials.recent(namespace),
    connect: (target) => {
      unsubscribe?.();
      unsubscribe = registry.onChange((namespace) => {
        if (namespace !== undefined) target.onPolicyChange(namespace);
        else for (const ns of target.namespaces()) target.onPolicyChange(ns);
      });
    },
    close: () => {
      unsubscribe?.();
      watch?.close();
    },
  };
}
