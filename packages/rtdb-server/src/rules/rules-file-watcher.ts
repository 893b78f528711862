import { existsSync, readFileSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Logger } from '../core/logger.js';
import { parseJsonc } from './jsonc-value.js';
import { parseRules } from './parse-rules.js';
import type { RulesRegistry } from './rules-registry.js';

/**
 * The rules file a Firebase project names in `firebase.json` (`"database": {"rules": "…"}`, or
 * the first entry of the array form), resolved against the project folder; `undefined` when the
 * file does not name one.
 *
 * @param projectDir - folder holding `firebase.json`
 */
export function rulesFileFromFirebaseJson(projectDir: string): string | undefined {
  const configFile = join(projectDir, 'firebase.json');
  if (!existsSync(configFile)) return undefined;
  const config = parseJsonc(readFileSync(configFile, 'utf8'));
  const database = config?.['database'];
  const entry = Array.isArray(database) ? (database[0] as unknown) : database;
  const rules = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)['rules'] : undefined;
  return typeof rules === 'string' ? resolve(projectDir, rules) : undefined;
}

/** A running watch of a rules file; `close()` stops it. */
export interface RulesFileWatch {
  /** The watched file. */
  readonly file: string;
  /** Stop watching. */
  close(): void;
  /** Re-read the file now (what a change event does); resolves to whether new rules were installed. */
  reload(): boolean;
}

/**
 * Load a rules file as the default rules of every namespace and reload it whenever it changes.
 * The first load throws `rtdb/invalid-rules` on an invalid file (the server should not start
 * with rules the author did not mean); later invalid versions are logged with their line numbers
 * and the previous rules stay in force.
 *
 * @param file - path of the rules file
 * @param registry - where the rules go
 * @param logger - where reload messages go (default: nowhere)
 */
export function watchRulesFile(file: string, registry: RulesRegistry, logger?: Logger): RulesFileWatch {
  const path = resolve(file);
  const name = basename(path);
  registry.setDefault(parseRules(readFileSync(path, 'utf8'), name));
  let lastText = readFileSync(path, 'utf8');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = (): boolean => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      logger?.warn(`${name} cannot be read; the previous rules stay in force`);
      return false;
    }
    if (text === lastText) return false;
    try {
      registry.setDefault(parseRules(text, name));
      lastText = text;
      logger?.info(`reloaded ${name}`);
      return true;
    } catch (error) {
      lastText = text;
      logger?.warn(
        `${error instanceof Error ? error.message : String(error)}; the previous rules stay in force`,
      );
      return false;
    }
  };
  // Editors often replace the file instead of writing it, so watch the folder and match the name.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(reload, 50);
    });
    watcher.unref();
  } catch (error) {
    logger?.warn(`cannot watch ${path} (${String(error)}); changes need a restart`);
  }
  return {
    file: path,
    reload,
    close: () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
