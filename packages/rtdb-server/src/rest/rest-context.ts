import type { AccessPolicy } from '../core/access-policy.js';
import type { Database } from '../core/database.js';
import type { Logger } from '../core/logger.js';

/** What the REST and stream layers need from the running server. */
export interface RestContext {
  /** The namespace's database, created on first use. */
  database(namespace: string): Database;
  /** Known namespaces. */
  namespaces(): string[];
  /** The namespace's access policy. */
  policy(namespace: string): AccessPolicy;
  /** Raw rules text last stored for the namespace (undefined: none loaded). */
  rulesText(namespace: string): string | undefined;
  /** Stores new rules text; rejects (and keeps the old rules) when the rules are invalid. */
  putRules(namespace: string, text: string): Promise<void>;
  /** Server clock in ms. */
  clock(): number;
  /** Next push id. */
  pushId(): string;
  /** The namespace used when a request names none. */
  defaultNamespace: string;
  /** Largest accepted request body in bytes. */
  maxRequestBytes: number;
  /** Refuse child-path queries without `.indexOn` (as production does). */
  requireIndexes: boolean;
  /** Interval of SSE `keep-alive` events, ms. */
  keepAliveMs: number;
  /** Diagnostics of the REST layer (tag `rtdb:rest`). */
  logger: Logger;
  /** Recent rule denials (`GET /.inspect/denials.json`), one namespace's or all. */
  denials?(namespace: string | undefined): unknown[];
  /** Registers a stream/listen to re-check when the namespace's rules change; returns the remover. */
  onPolicyChange(namespace: string, recheck: () => void): () => void;
}
