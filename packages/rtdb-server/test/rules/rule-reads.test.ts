import { describe, expect, it } from 'vitest';
import { nodeChild, nodeUpdateChild } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import { RuleReads } from '../../src/rules/rule-reads.js';

const tree = nodeFromJson({ a: { b: 1 }, c: 2 });

describe('RuleReads', () => {
  it('holds for any tree when nothing was read', () => {
    expect(new RuleReads().unchangedIn(nodeFromJson(null))).toBe(true);
  });

  it('holds while every node read is the very same node, and not once one is replaced', () => {
    const reads = new RuleReads();
    reads.noteNode(['a', 'b'], nodeChild(tree, ['a', 'b']));
    reads.noteNode(['c'], nodeChild(tree, ['c']));
    expect(reads.unchangedIn(tree)).toBe(true);
    // A write elsewhere keeps the read nodes.
    expect(reads.unchangedIn(nodeUpdateChild(tree, ['d'], nodeFromJson(3)))).toBe(true);
    // Rewriting a read location, even with an equal value, is a change.
    expect(reads.unchangedIn(nodeUpdateChild(tree, ['c'], nodeFromJson(2)))).toBe(false);
    expect(reads.unchangedIn(nodeUpdateChild(tree, ['a', 'b'], nodeFromJson(1)))).toBe(false);
  });

  it('never holds once the server time was read', () => {
    const reads = new RuleReads();
    reads.noteNow();
    expect(reads.unchangedIn(tree)).toBe(false);
  });
});
