import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logThresholdFor } from '../../src/core/logger.js';
import { isRtdbError } from '../../src/core/rtdb-error.js';
import { startRtdbServer } from '../../src/server/rtdb-server.js';

function capture(): { lines: string[]; sink: (line: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (line) => lines.push(line) };
}

function everyLevel(logger: ReturnType<typeof createLogger>): void {
  logger.error('e');
  logger.warn('w');
  logger.info('i');
  logger.debug('d');
}

describe('createLogger', () => {
  it('writes the tag and level before each message', () => {
    const { lines, sink } = capture();
    const logger = createLogger('rtdb:rules', { sink, level: 'debug' });
    everyLevel(logger);
    expect(lines).toEqual([
      'rtdb:rules ERROR e',
      'rtdb:rules WARN w',
      'rtdb:rules INFO i',
      'rtdb:rules DEBUG d',
    ]);
  });

  it.each([
    ['silent', []],
    ['error', ['ERROR e']],
    ['warn', ['ERROR e', 'WARN w']],
    ['info', ['ERROR e', 'WARN w', 'INFO i']],
    ['debug', ['ERROR e', 'WARN w', 'INFO i', 'DEBUG d']],
  ] as const)('level %s keeps only lines at least as severe', (level, expected) => {
    const { lines, sink } = capture();
    const logger = createLogger('t', { sink, level });
    everyLevel(logger);
    expect(lines).toEqual(expected.map((rest) => `t ${rest}`));
    expect(logger.enabled('debug')).toBe(level === 'debug');
    expect(logger.enabled('error')).toBe(level !== 'silent');
  });

  it('defaults to info when the environment says nothing', () => {
    const { lines, sink } = capture();
    const logger = createLogger('t', { sink, env: '' });
    everyLevel(logger);
    expect(logger.level).toBe('info');
    expect(lines).toEqual(['t ERROR e', 't WARN w', 't INFO i']);
  });

  it('children extend the tag and share the sink and level', () => {
    const { lines, sink } = capture();
    const rules = createLogger('rtdb', { sink, level: 'warn' }).child('rules');
    rules.warn('refused');
    rules.info('reloaded');
    expect(rules.tag).toBe('rtdb:rules');
    expect(lines).toEqual(['rtdb:rules WARN refused']);
    const chatty = createLogger('rtdb', { sink, level: 'warn' }).child('realtime', 'debug');
    chatty.debug('socket error');
    expect(lines.at(-1)).toBe('rtdb:realtime DEBUG socket error');
  });

  it('IOTKIT_LOG sets the default level and per-tag levels, the most specific entry winning', () => {
    const env = 'warn, rtdb:realtime=debug, rtdb:realtime:long-poll=error';
    const { lines, sink } = capture();
    const root = createLogger('rtdb', { sink, env });
    const realtime = root.child('realtime');
    const longPoll = realtime.child('long-poll');
    const rules = root.child('rules');
    expect([root.level, realtime.level, longPoll.level, rules.level]).toEqual([
      'warn',
      'debug',
      'error',
      'warn',
    ]);
    realtime.debug('seen');
    longPoll.warn('hidden');
    rules.info('hidden');
    expect(lines).toEqual(['rtdb:realtime DEBUG seen']);
  });

  it('an explicit level wins over IOTKIT_LOG for the logger and its children', () => {
    const { lines, sink } = capture();
    const quiet = createLogger('rtdb', { sink, level: 'silent', env: 'debug,rtdb:rules=debug' });
    quiet.child('rules').error('hidden');
    expect(lines).toEqual([]);
  });

  it('a tag entry covers tags below it but not tags that merely share a prefix', () => {
    expect(logThresholdFor('rtdb:rules', 'rtdb=debug')).toBe('debug');
    expect(logThresholdFor('rtdb:rulesx', 'rtdb:rules=debug')).toBeUndefined();
    expect(logThresholdFor('rtdb', 'rtdb:rules=debug')).toBeUndefined();
    expect(logThresholdFor('rtdb', ' DEBUG ')).toBe('debug');
  });

  it('refuses an unknown level or an entry without a tag, naming the variable', () => {
    expect(() => logThresholdFor('rtdb', 'verbose')).toThrow(/IOTKIT_LOG: unknown level "verbose"/);
    expect(() => logThresholdFor('rtdb', '=debug')).toThrow(/IOTKIT_LOG: "=debug" names no tag/);
    try {
      logThresholdFor('rtdb', 'rtdb=loud');
      expect.unreachable();
    } catch (error) {
      expect(isRtdbError(error, 'rtdb/invalid-option')).toBe(true);
    }
  });
});

describe('logger details', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('writes to standard error, one line each, by default', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    createLogger('t', { level: 'info' }).warn('careful');
    expect(write).toHaveBeenCalledWith('t WARN careful\n');
  });

  it('reads IOTKIT_LOG from the environment unless given the text', () => {
    vi.stubEnv('IOTKIT_LOG', 'error');
    expect(createLogger('t', { sink: () => {} }).level).toBe('error');
    expect(createLogger('t', { sink: () => {}, env: 'debug' }).level).toBe('debug');
  });

  it.each([
    ['debug', 'info', true],
    ['info', 'info', true],
    ['warn', 'info', false],
    ['error', 'warn', false],
    ['silent', 'error', false],
  ] as const)('at level %s, enabled(%s) is %s', (level, at, expected) => {
    expect(createLogger('t', { level, sink: () => {} }).enabled(at)).toBe(expected);
  });

  it('a child of a logger with an explicit level takes that level, whatever the environment says', () => {
    vi.stubEnv('IOTKIT_LOG', 'rtdb:rules=debug');
    const child = createLogger('rtdb', { level: 'error', sink: () => {} }).child('rules');
    expect(child.level).toBe('error');
    expect(child.tag).toBe('rtdb:rules');
  });

  it('a child follows a scoped entry for its own tag, but not a bare default the parent already has', () => {
    const { lines, sink } = capture();
    const root = createLogger('rtdb', { sink, env: 'rtdb=warn,rtdb:rules=debug' });
    expect(root.level).toBe('warn');
    expect(root.child('rules').level).toBe('debug');
    expect(root.child('other').level).toBe('warn');
    expect(root.child('other', 'info').level).toBe('info');
    const bare = createLogger('rtdb', { sink, env: 'error' });
    expect(bare.child('x').level).toBe('error');
    // A level given to a child holds for its own children, over the bare default.
    const given = createLogger('rtdb', { sink, env: 'error,other=info' }).child('x', 'debug');
    expect(given.child('y').level).toBe('debug');
    root.child('rules').debug('seen');
    expect(lines).toEqual(['rtdb:rules DEBUG seen']);
  });

  it.each([
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
    [',,', undefined],
    ['debug,,', 'debug'],
    [' warn , ', 'warn'],
    ['INFO', 'info'],
    ['rtdb = debug', 'debug'],
    ['warn,debug', 'debug'],
    ['rtdb=warn,rtdb=error', 'error'],
    ['rtdb:rules=debug,rtdb=error', 'debug'],
    ['rtdb=error,rtdb:rules=debug', 'debug'],
    ['rtdb:rules=debug,warn', 'debug'],
    ['other=debug', undefined],
    ['other=debug,silent', 'silent'],
  ])('IOTKIT_LOG %j gives rtdb:rules the level %j', (env, level) => {
    expect(logThresholdFor('rtdb:rules', env)).toBe(level);
  });

  it.each(['constructor', 'toString', '__proto__', 'rtdb=hasOwnProperty'])(
    'refuses %j, which only looks like a property name',
    (env) => {
      expect(() => logThresholdFor('rtdb', env)).toThrow(/unknown level/);
    },
  );

  it('quotes a refused level and entry briefly, and lists the levels it knows', () => {
    const long = 'x'.repeat(80);
    expect(() => logThresholdFor('rtdb', `rtdb=${long}`)).toThrow(
      `IOTKIT_LOG: unknown level "${'x'.repeat(20)}" in "rtdb=${'x'.repeat(55)}"; use silent, error, warn, info or debug`,
    );
    expect(() => logThresholdFor('rtdb', ' = info')).toThrow('IOTKIT_LOG: "= info" names no tag before "="');
    expect(() => logThresholdFor('rtdb', '=info')).toThrow(
      expect.objectContaining({ code: 'rtdb/invalid-option' }),
    );
  });
});

describe('server logging', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('tags the exposure warning rtdb:server and drops it below the warn level', async () => {
    const { lines, sink } = capture();
    const loud = await startRtdbServer({ port: 0, exposed: true, log: sink });
    await loud.close();
    expect(lines.filter((line) => line.startsWith('rtdb:server WARN listening on 127.0.0.1'))).toHaveLength(
      1,
    );
    lines.length = 0;
    const quiet = await startRtdbServer({ port: 0, exposed: true, log: sink, logLevel: 'error' });
    await quiet.close();
    expect(lines).toEqual([]);
  });

  it('takes its level from IOTKIT_LOG and refuses to start on a level it does not know', async () => {
    const { lines, sink } = capture();
    vi.stubEnv('IOTKIT_LOG', 'rtdb:server=error');
    const server = await startRtdbServer({ port: 0, exposed: true, log: sink });
    await server.close();
    expect(lines).toEqual([]);
    vi.stubEnv('IOTKIT_LOG', 'chatty');
    await expect(startRtdbServer({ port: 0, log: sink })).rejects.toMatchObject({
      code: 'rtdb/invalid-option',
      message: expect.stringMatching(/IOTKIT_LOG: unknown level "chatty"/),
    });
  });
});
