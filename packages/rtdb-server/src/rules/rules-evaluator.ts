import type { DataNode } from '../core/data-node.js';
import { nodeChild, nodeIsEmpty } from '../core/data-node.js';
import { pathToString } from '../core/path.js';
import type { Path } from '../core/path.js';
import type { QuerySpec } from '../core/query-spec.js';
import type { RequestContext } from '../core/request-context.js';
import { queryRecord } from './query-record.js';
import type { RuleKind } from './rule-expression.js';
import type { RuleLocation, RuleNode, RuleSet } from './rule-set.js';
import type { RuleReads } from './rule-reads.js';
import { RuleRun } from './rule-run.js';

/** One rule evaluated while deciding a request. */
export interface RuleStep {
  /** `.read`, `.write` or `.validate`. */
  kind: RuleKind;
  /** Data location the rule ran at. */
  path: string;
  /** Where the rule is written. */
  location: RuleLocation;
  /** The rule as written (`true` or the expression). */
  source: string;
  /** Whether it came out `true`. */
  result: boolean;
  /** For a rule that was not true: the sub-expression responsible and why. */
  subExpression?: string;
  /** Explanation of a false rule (values involved, or the evaluation error). */
  explanation?: string;
}

/** Why a request was refused. */
export interface Denial {
  /** What was refused. */
  operation: 'read' | 'write' | 'validate';
  /** The location that failed (for a multi-location write, the first one refused). */
  path: string;
  /** One sentence for logs and error details. */
  reason: string;
  /** The failing rule (absent when no rule grants access at all). */
  rule?: RuleLocation;
  /** The sub-expression that was false. */
  subExpression?: string;
}

/** The full record of a decision: every rule that ran, and the denial if any. */
export interface AccessTrace {
  /** The kind of request. */
  operation: 'read' | 'write';
  /** Requested locations. */
  paths: string[];
  /** The decision. */
  allowed: boolean;
  /** Whether the decision came from the admin bypass (never set by the evaluator itself: the bypass is decided before rules are consulted). */
  admin: boolean;
  /** Rules evaluated, in order (only filled when tracing was asked for). */
  steps: RuleStep[];
  /** Set when `allowed` is false. */
  denial?: Denial;
}

/** Input of a read decision. */
export interface ReadRequest {
  /** Who asks. */
  ctx: RequestContext;
  /** Current root of the namespace. */
  root: DataNode;
  /** Location read. */
  path: Path;
  /** Query, seen by rules as `query.*`. */
  query?: QuerySpec;
}

/** Input of a write decision: the written locations and the tree before and after. */
export interface WriteRequest {
  /** Who asks. */
  ctx: RequestContext;
  /** Root before the write. */
  oldRoot: DataNode;
  /** Root after the write (server values resolved). */
  newRoot: DataNode;
  /** Every location the write sets (one for a set, several for a multi-path update). */
  locations: readonly Path[];
}

/**
 * Decides reads and writes against one {@link RuleSet} as Firebase does: `.read`/`.write`
 * grant from the root down and cannot be revoked below; `.validate` must hold at every
 * non-null node on and below each written location; multi-location writes are all-or-nothing.
 * With `trace` every rule evaluation is returned; without it only the denial is explained.
 * The admin bypass is not its business: callers decide it first (`core/access-check`).
 */
export class RulesEvaluator {
  /** @param rules - the compiled rules */
  constructor(readonly rules: RuleSet) {}

  /**
   * Decide a read.
   *
   * @param request - who reads what
   * @param trace - return every rule evaluation
   * @param reads - records the data nodes and `now` the decision depended on
   */
  read(request: ReadRequest, trace = false, reads?: RuleReads): AccessTrace {
    const { ctx, root, path } = request;
    const out: AccessTrace = {
      operation: 'read',
      paths: [pathToString(path)],
      allowed: false,
      admin: false,
      steps: [],
    };
    const run = new RuleRun(ctx, root, undefined, queryRecord(request.query), trace, reads);
    let node: RuleNode | undefined = this.rules.root;
    let wildcards: Record<string, string> = {};
    for (let depth = 0; node; depth += 1) {
      const here = path.slice(0, depth);
      if (node.read && run.check(node.read, here, wildcards, out)) return { ...out, allowed: true };
      if (depth === path.length) break;
      [node, wildcards] = descend(node, path[depth]!, wildcards);
    }
    out.denial = run.denial(
      'read',
      path,
      'no .read rule on this location or above it allowed the read (rules below are not consulted: rules are not filters)',
    );
    return out;
  }

  /** Decide a write of one or more locations. */
  write(request: WriteRequest, trace = false): AccessTrace {
    const { ctx, locations } = request;
    const out: AccessTrace = {
      operation: 'write',
      paths: locations.map(pathToString),
      allowed: false,
      admin: false,
      steps: [],
    };
    const run = new RuleRun(ctx, request.oldRoot, request.newRoot, undefined, trace);
    for (const location of locations) {
      run.forgetFailure();
      if (!this.canWriteAt(run, location, out)) {
        out.denial = run.denial(
          'write',
          location,
          'no .write rule on this location or above it allowed the write',
        );
        return out;
      }
    }
    // Locations sharing ancestors validate them once; a single location needs no bookkeeping.
    const validated = locations.length > 1 ? new Set<string>() : undefined;
    for (const location of locations) {
      let node: RuleNode | undefined = this.rules.root;
      let wildcards: Record<string, string> = {};
      for (let depth = 0; node && depth < location.length; depth += 1) {
        if (!this.validateAt(run, node, location.slice(0, depth), wildcards, validated, out)) return out;
        [node, wildcards] = descend(node, location[depth]!, wildcards);
      }
      if (node && !this.validateTree(run, node, location, wildcards, validated, out)) return out;
    }
    return { ...out, allowed: true };
  }

  /** Whether a `.indexOn` at `path` declares the index (key and priority always exist). */
  hasIndex(path: Path, index: QuerySpec['index']): boolean {
    if (index.kind === 'key' || index.kind === 'priority') return true;
    const node = this.nodeAt(path);
    if (!node) return false;
    return node.indexOn.includes(index.kind === 'value' ? '.value' : index.path.join('/'));
  }

  /** The rule node governing `path`, following wildcards; `undefined` when rules stop above it. */
  nodeAt(path: Path): RuleNode | undefined {
    let node: RuleNode | undefined = this.rules.root;
    for (const key of path) {
      if (!node) return undefined;
      [node] = descend(node, key, {});
    }
    return node;
  }

  private canWriteAt(run: RuleRun, location: Path, out: AccessTrace): boolean {
    let node: RuleNode | undefined = this.rules.root;
    let wildcards: Record<string, string> = {};
    for (let depth = 0; node; depth += 1) {
      if (node.write && run.check(node.write, location.slice(0, depth), wildcards, out)) return true;
      if (depth === location.length) break;
      [node, wildcards] = descend(node, location[depth]!, wildcards);
    }
    return false;
  }

  private validateAt(
    run: RuleRun,
    node: RuleNode,
    path: Path,
    wildcards: Record<string, string>,
    validated: Set<string> | undefined,
    out: AccessTrace,
  ): boolean {
    if (!node.validate) return true;
    if (validated) {
      const key = pathToString(path);
      if (validated.has(key)) return true;
      validated.add(key);
    }
    if (nodeIsEmpty(nodeChild(run.newRoot!, path))) return true;
    if (run.check(node.validate, path, wildcards, out)) return true;
    out.denial = run.denial('validate', path, '');
    return false;
  }

  private validateTree(
    run: RuleRun,
    node: RuleNode,
    path: Path,
    wildcards: Record<string, string>,
    validated: Set<string> | undefined,
    out: AccessTrace,
  ): boolean {
    if (!this.validateAt(run, node, path, wildcards, validated, out)) return false;
    if (node.children.size === 0 && !node.wildcard) return true;
    const children = nodeChild(run.newRoot!, path).children;
    if (!children) return true;
    for (const key of children.keys()) {
      const [child, bound] = descend(node, key, wildcards);
      if (child && !this.validateTree(run, child, [...path, key], bound, validated, out)) return false;
    }
    return true;
  }
}

function descend(
  node: RuleNode,
  key: string,
  wildcards: Record<string, string>,
): [RuleNode | undefined, Record<string, string>] {
  const named = node.children.get(key);
  if (named) return [named, wildcards];
  if (node.wildcard) return [node.wildcard.node, { ...wildcards, [node.wildcard.name]: key }];
  return [undefined, wildcards];
}
