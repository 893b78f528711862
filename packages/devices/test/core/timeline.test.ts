import { describe, expect, it } from 'vitest';
import { Timeline, collapseTimeline, describeEvent, formatTimeline } from '../../src/index.js';
import type { DeviceEvent } from '../../src/index.js';

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
        '[    30 ms]   http PUT /x.json -> 401',
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

describe('describeEvent', () => {
  it('drops scheme, host and query (tokens live there) from URLs', () => {
    const event: DeviceEvent = {
      type: 'http',
      t: 1,
      method: 'GET',
      url: 'http://127.0.0.1:9000/devices/u1/latest.json?ns=a2&auth=eyJhbGciOi',
      status: 200,
      ms: 3,
    };
    expect(describeEvent(event)).toBe('http GET /devices/u1/latest.json -> 200');
  });
});

describe('collapseTimeline', () => {
  const http = (at: number, method: string, path: string) => ({
    at,
    event: { type: 'http' as const, t: at, method, url: `http://h${path}`, status: 200, ms: 1 },
  });
  const lcd = (at: number, text: string) => ({
    at,
    event: { type: 'lcd' as const, t: at, lines: [text, ''] as [string, string] },
  });

  it('folds a run of identical lines into one with its count', () => {
    const folded = collapseTimeline([lcd(1, 'Hi'), lcd(2, 'Hi'), lcd(3, 'Hi'), lcd(4, 'Bye')]);
    expect(folded.map((l) => [l.at, l.text, l.repeat])).toEqual([
      [1, 'lcd  "Hi" / ""', 3],
      [4, 'lcd  "Bye" / ""', 1],
    ]);
  });

  it('folds an alternating loop (POST, PUT, POST, PUT) as pairs', () => {
    const loop = [1, 2, 3, 4].flatMap((i) => [
      http(i * 10, 'POST', '/r.json'),
      http(i * 10 + 1, 'PUT', '/l.json'),
    ]);
    const folded = collapseTimeline([lcd(0, 'Start'), ...loop, lcd(99, 'End')]);
    expect(folded.map((l) => [l.text, l.repeat])).toEqual([
      ['lcd  "Start" / ""', 1],
      ['http POST /r.json -> 200', 4],
      ['http PUT /l.json -> 200', 4],
      ['lcd  "End" / ""', 1],
    ]);
  });

  it('keeps only the last lines asked for', () => {
    const entries = [1, 2, 3, 4, 5].map((i) => lcd(i, `L${i}`));
    expect(collapseTimeline(entries, 2).map((l) => l.at)).toEqual([4, 5]);
  });
});
