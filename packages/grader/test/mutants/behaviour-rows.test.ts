import { describe, expect, it } from 'vitest';
import { behaviourRows } from '../../src/mutants/behaviour-rows.js';

describe('behaviourRows', () => {
  it('reads the first column of the "# | Behaviour" table, bonus rows included', () => {
    const readme = [
      '| Part | Pin |',
      '|---|---|',
      '| 9 | not this table |',
      '',
      '| # | Behaviour | Details |',
      '|---|---|---|',
      '| 1 | Entry | a \\| b |',
      '| 2 | Sign-in | x |',
      '| **B1** | Bonus | y |',
      '',
      '| 7 | after the table |',
    ].join('\n');
    expect(behaviourRows(readme)).toEqual(['1', '2', 'B1']);
  });

  it('is empty when the README has no behaviour table', () => {
    expect(behaviourRows('# Title\n\nNo table.')).toEqual([]);
  });
});
