import { describe, expect, it } from 'vitest';
import { Timeline, formatTimeline } from '../../src/index.js';

describe('Timeline', () => {
  it('records events in order and drops the oldest past capacity', () => {
    const timeline = new Timeline(3);
    for (let i = 0; i < 5; i += 1) timeline.add({ at: i, event: { type: 'servo', t: i, angle: i } });
    expect(timeline.events().map((e) => e.at)).toEqual([2, 3, 4]);
    expect(timeline.droppedCount()).toBe(2);
  });

  it('formats the last events with inputs interleaved by time', () => {
    const timeline = new Timeline();
    timeline.add({ at: 10, event: { type: 'boot', t: 0, app: 'demo' } });
    timeline.addInput({ at: 15, input: '{"type":"ir","value":2048}' });
    timeline.add({ at: 20, event: { type: 'lcd', t: 9, lines: ['IR 2048', ''] } });
    timeline.add({
      at: 30,
      event: { type: 'http', t: 10, method: 'PUT', url: 'http://h/x.json', status: 401, ms: 2 },
    });
    timeline.add({ at: 40, event: { type: 'exit', t: 11, code: 3, signal: null } });
    expect(timeline.format()).toBe(
      [
        '[    10 ms]   boot demo',
        '[    15 ms] > {"type":"ir","value":2048}',
        '[    20 ms]   lcd  "IR 2048" / ""',
        '[    30 ms]   http PUT http://h/x.json -> 401 2ms',
        '[    40 ms]   exit code=3',
      ].join('\n'),
    );
  });

  it('says how many earlier events the excerpt leaves out', () => {
    const entries = [1, 2, 3, 4].map((at) => ({
      at,
      event: { type: 'log' as const, t: at, level: 'info' as const, msg: `m${at}` },
    }));
    const text = formatTimeline(entries, { last: 2 });
    expect(text.split('\n')).toEqual([
      '… 2 earlier events',
      '[     3 ms]   log  info: m3',
      '[     4 ms]   log  info: m4',
    ]);
  });
});
