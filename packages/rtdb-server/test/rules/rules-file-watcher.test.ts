import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type * as Fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import type { Logger } from '../../src/core/logger.js';
import { RtdbError } from '../../src/core/rtdb-error.js';
import { rulesFileFromFirebaseJson, watchRulesFile } from '../../src/rules/rules-file-watcher.js';
import { RulesRegistry } from '../../src/rules/rules-registry.js';
import { untilReloadPending } from './pending-reload.js';

const root = mkdtempSync(join(tmpdir(), 'rules-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder per test, so the watchers of different tests never see each other's files. */
function folder(): string {
  return mkdtempSync(join(root, 'case-'));
}

const READ_TRUE = '{"rules": {".read": true}}';
const READ_FALSE = '{"rules": {".read": false}}';

/** `db.rules.json` holding READ_TRUE in a folder of its own, and an empty registry to install it in. */
function rulesFile(): { dir: string; file: string; registry: RulesRegistry } {
  const dir = folder();
  const file = join(dir, 'db.rules.json');
  writeFileSync(file, READ_TRUE);
  return { dir, file, registry: new RulesRegistry() };
}

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger('rtdb:rules', { sink: (l) => lines.push(l), level: 'debug' }), lines };
}

/** Resolves at the next change of the registry's rules; fails after a generous ceiling. */
function nextChange(registry: RulesRegistry): Promise<void> {
  return new Promise((resolve, reject) => {
    const ceiling = setTimeout(() => {
      off();
      reject(new Error('the rules were not reloaded within 10 s'));
    }, 10_000);
    const off = registry.onChange(() => {
      clearTimeout(ceiling);
      off();
      resolve();
    });
  });
}

describe('rulesFileFromFirebaseJson', () => {
  it.each([
    ['a rules entry in the object form', '{"database": {"rules": "a.rules.json"}}', 'a.rules.json'],
    [
      'the first entry of the array form',
      '{"database": [{"rules": "first.json"}, {"rules": "second.json"}]}',
      'first.json',
    ],
    ['a nested relative path', '{"database": {"rules": "./conf/../conf/r.json"}}', 'conf/r.json'],
  ])('resolves %s against the project folder', (_name, config, expected) => {
    const dir = folder();
    writeFileSync(join(dir, 'firebase.json'), config);
    expect(rulesFileFromFirebaseJson(dir)).toBe(join(dir, expected));
  });

  it('keeps an absolute rules path as it is', () => {
    const dir = folder();
    const absolute = join(root, 'elsewhere', 'r.json');
    writeFileSync(join(dir, 'firebase.json'), JSON.stringify({ database: { rules: absolute } }));
    expect(rulesFileFromFirebaseJson(dir)).toBe(absolute);
  });

  it.each([
    ['database is a string', '{"database": "r.json"}'],
    ['database is null', '{"database": null}'],
    ['the array is empty', '{"database": []}'],
    ['the first array entry is a string', '{"database": ["r.json"]}'],
    ['rules is not a string', '{"database": {"rules": 5}}'],
    ['rules is missing', '{"database": {"instance": "x"}}'],
    ['the file is an array', '[{"database": {"rules": "r.json"}}]'],
    ['the file is not JSON', '{"database": {"rules": "r.json"'],
  ])('is undefined when %s', (_name, config) => {
    const dir = folder();
    writeFileSync(join(dir, 'firebase.json'), config);
    expect(rulesFileFromFirebaseJson(dir)).toBeUndefined();
  });
});

describe('watchRulesFile: loading and reloading', () => {
  it('installs the file as the default rules, named after the file', () => {
    const { file, registry } = rulesFile();
    const watch = watchRulesFile(relative(process.cwd(), file), registry);
    try {
      expect(watch.file).toBe(file);
      expect(registry.get('any')).toMatchObject({ file: 'db.rules.json', text: READ_TRUE });
      expect(registry.get('any')?.root.read?.location.file).toBe('db.rules.json');
    } finally {
      watch.close();
    }
  });

  it('refuses to start with an invalid file, naming it and the line', () => {
    const dir = folder();
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{\n"rules": {".read": 1}}');
    const registry = new RulesRegistry();
    let caught: unknown;
    try {
      watchRulesFile(file, registry).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RtdbError);
    expect(caught).toMatchObject({ code: 'rtdb/invalid-rules' });
    expect((caught as Error).message).toContain('bad.json:2:');
    expect(registry.get('any')).toBeUndefined();
  });

  it('reloads only changed text, keeps the old rules after an invalid version, and logs each outcome', () => {
    const { file, registry } = rulesFile();
    const { logger, lines } = capture();
    const watch = watchRulesFile(file, registry, logger);
    try {
      expect(watch.reload()).toBe(false);
      expect(lines).toEqual([]);

      writeFileSync(file, READ_FALSE);
      expect(watch.reload()).toBe(true);
      expect(registry.text('any')).toBe(READ_FALSE);
      expect(lines).toEqual(['rtdb:rules INFO reloaded db.rules.json']);
      expect(watch.reload()).toBe(false);
      expect(lines).toHaveLength(1);

      writeFileSync(file, '{"rules": {".write": "nope =="}}');
      expect(watch.reload()).toBe(false);
      expect(registry.text('any')).toBe(READ_FALSE);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(
        /^rtdb:rules WARN Invalid rules: db\.rules\.json:1:\d+: \.write: syntax error.*; the previous rules stay in force$/,
      );
      // The same invalid text is reported once, not at every reload.
      expect(watch.reload()).toBe(false);
      expect(lines).toHaveLength(2);

      writeFileSync(file, READ_FALSE);
      expect(watch.reload()).toBe(true);
      expect(lines[2]).toBe('rtdb:rules INFO reloaded db.rules.json');
    } finally {
      watch.close();
    }
  });

  it('keeps the rules when the file disappears, and says so', () => {
    const dir = folder();
    const file = join(dir, 'gone.json');
    writeFileSync(file, READ_TRUE);
    const registry = new RulesRegistry();
    const { logger, lines } = capture();
    const watch = watchRulesFile(file, registry, logger);
    try {
      unlinkSync(file);
      expect(watch.reload()).toBe(false);
      expect(registry.text('any')).toBe(READ_TRUE);
      expect(lines).toEqual(['rtdb:rules WARN gone.json cannot be read; the previous rules stay in force']);
    } finally {
      watch.close();
    }
  });

  it('works without a logger', () => {
    const dir = folder();
    const file = join(dir, 'quiet.json');
    writeFileSync(file, READ_TRUE);
    const registry = new RulesRegistry();
    const watch = watchRulesFile(file, registry);
    try {
      writeFileSync(file, '{"rules": 3}');
      expect(watch.reload()).toBe(false);
      unlinkSync(file);
      expect(watch.reload()).toBe(false);
      writeFileSync(file, READ_FALSE);
      expect(watch.reload()).toBe(true);
      expect(registry.text('any')).toBe(READ_FALSE);
    } finally {
      watch.close();
    }
  });
});

describe('watchRulesFile: file events', () => {
  it('reloads when the file is written', async () => {
    const { file, registry } = rulesFile();
    const { logger, lines } = capture();
    const watch = watchRulesFile(file, registry, logger);
    try {
      const changed = nextChange(registry);
      writeFileSync(file, READ_FALSE);
      await changed;
      expect(registry.text('any')).toBe(READ_FALSE);
      expect(lines).toContain('rtdb:rules INFO reloaded db.rules.json');
    } finally {
      watch.close();
    }
  });

  it('reloads when an editor replaces the file by renaming another one onto it', async () => {
    const { dir, file, registry } = rulesFile();
    const watch = watchRulesFile(file, registry);
    try {
      const changed = nextChange(registry);
      const draft = join(dir, 'db.rules.json.tmp');
      writeFileSync(draft, READ_FALSE);
      renameSync(draft, file);
      await changed;
      expect(registry.text('any')).toBe(READ_FALSE);
    } finally {
      watch.close();
    }
  });

  it('waits a moment after an event before reading, and close() drops a pending reload', async () => {
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { file, registry } = rulesFile();
    const watch = watchRulesFile(file, registry);
    try {
      writeFileSync(file, READ_FALSE);
      await untilReloadPending(realSetTimeout);
      expect(vi.getTimerCount()).toBe(1);
      expect(registry.text('any')).toBe(READ_TRUE);
      watch.close();
      expect(vi.getTimerCount()).toBe(0);
      expect(registry.text('any')).toBe(READ_TRUE);
    } finally {
      watch.close();
      vi.useRealTimers();
    }
  });

  it('runs the pending reload once its delay has passed', async () => {
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { file, registry } = rulesFile();
    const watch = watchRulesFile(file, registry);
    try {
      writeFileSync(file, READ_FALSE);
      await untilReloadPending(realSetTimeout);
      expect(registry.text('any')).toBe(READ_TRUE);
      vi.advanceTimersByTime(1_000);
      expect(registry.text('any')).toBe(READ_FALSE);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      watch.close();
      vi.useRealTimers();
    }
  });
});

describe('watchRulesFile with a stand-in for the folder watch', () => {
  type Listener = (event: string, name: string | null) => void;
  interface FakeWatcher {
    folder: string;
    listener: Listener;
    unref: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
  }

  /** Loads the watcher module with `fs.watch` replaced: recording, or failing. */
  async function withFakeWatch(fail: boolean): Promise<{
    watchRulesFile: typeof watchRulesFile;
    watchers: FakeWatcher[];
  }> {
    const watchers: FakeWatcher[] = [];
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => {
      const actual = await importOriginal<typeof Fs>();
      return {
        ...actual,
        watch: (folder: string, listener: Listener) => {
          if (fail) throw new Error('watching is not possible here');
          const watcher = { folder, listener, unref: vi.fn(), close: vi.fn() };
          watchers.push(watcher);
          return watcher;
        },
      };
    });
    try {
      const module = await import('../../src/rules/rules-file-watcher.js');
      return { watchRulesFile: module.watchRulesFile, watchers };
    } finally {
      vi.doUnmock('node:fs');
    }
  }

  it('watches the folder of the file without keeping the process alive, and stops on close', async () => {
    const { watchRulesFile: watchWith, watchers } = await withFakeWatch(false);
    const dir = folder();
    const file = join(dir, 'db.rules.json');
    writeFileSync(file, READ_TRUE);
    const watch = watchWith(file, new RulesRegistry());
    expect(watchers).toHaveLength(1);
    expect(watchers[0]?.folder).toBe(dir);
    expect(watchers[0]?.unref).toHaveBeenCalledTimes(1);
    expect(watchers[0]?.close).not.toHaveBeenCalled();
    watch.close();
    expect(watchers[0]?.close).toHaveBeenCalledTimes(1);
  });

  it('reacts to events naming the file or no file, once per burst, and ignores other files', async () => {
    const { watchRulesFile: watchWith, watchers } = await withFakeWatch(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { file, registry } = rulesFile();
    const changes: (string | undefined)[] = [];
    registry.onChange((ns) => changes.push(ns));
    const watch = watchWith(file, registry);
    try {
      const event = watchers[0]!.listener;
      event('change', 'other.json');
      event('rename', 'db.rules.json.swp');
      expect(vi.getTimerCount()).toBe(0);
      event('change', 'db.rules.json');
      event('change', 'db.rules.json');
      event('rename', null);
      expect(vi.getTimerCount()).toBe(1);
      writeFileSync(file, READ_FALSE);
      vi.runAllTimers();
      expect(registry.text('any')).toBe(READ_FALSE);
      expect(changes).toEqual([undefined, undefined]);
      event('change', null);
      expect(vi.getTimerCount()).toBe(1);
      watch.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      watch.close();
      vi.useRealTimers();
    }
  });

  it('keeps the loaded rules and says changes need a restart when the folder cannot be watched', async () => {
    const { watchRulesFile: watchWith } = await withFakeWatch(true);
    const { file, registry } = rulesFile();
    const { logger, lines } = capture();
    const watch = watchWith(file, registry, logger);
    expect(registry.text('any')).toBe(READ_TRUE);
    expect(lines).toEqual([
      `rtdb:rules WARN cannot watch ${file} (Error: watching is not possible here); changes need a restart`,
    ]);
    writeFileSync(file, READ_FALSE);
    expect(watch.reload()).toBe(true);
    expect(() => watch.close()).not.toThrow();
    expect(() => watchWith(file, registry).close()).not.toThrow();
  });
});
