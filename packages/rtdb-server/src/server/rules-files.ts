import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raw rules text per namespace, kept in memory and (with a data directory) on disk. */
export class RulesFiles {
  private readonly texts = new Map<string, string>();

  constructor(private readonly dir: string | undefined) {}

  /** The stored text, if any. */
  get(namespace: string): string | undefined {
    return this.texts.get(namespace);
  }

  /** Stores the text (atomically on disk). */
  save(namespace: string, text: string): void {
    this.texts.set(namespace, text);
    if (!this.dir) return;
    const file = join(this.dir, `${namespace}.rules.json`);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }

  /** Rules files found in the data directory. */
  loadAll(): Map<string, string> {
    const out = new Map<string, string>();
    if (!this.dir || !existsSync(this.dir)) return out;
    for (const file of readdirSync(this.dir)) {
      const match = /^([a-z0-9][a-z0-9-]*)\.rules\.json$/i.exec(file);
      if (match) out.set(match[1]!, readFileSync(join(this.dir, file), 'utf8'));
    }
    return out;
  }
}
