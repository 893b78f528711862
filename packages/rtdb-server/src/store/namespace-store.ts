import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  unlinkSync,
} from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataNode } from '../core/data-node.js';
import { EMPTY_NODE, nodeUpdateChild } from '../core/data-node.js';
import type { Logger } from '../core/logger.js';
import type { JournalEntry, WriteJournal } from '../core/database.js';
import { nodeFromJson, nodeToJson } from '../core/node-json.js';
import { decodeWalRecords, encodeWalRecord } from './wal-record.js';
import { WalFile } from './wal-file.js';

/** When to fold the log into a snapshot. */
export interface CompactionPolicy {
  /** Records in the current log file that trigger a snapshot (default 10 000). */
  records?: number;
  /** Bytes in the current log file that trigger a snapshot (default 64 MB). */
  bytes?: number;
}

interface SnapshotFile {
  version: 1;
  /** Every log generation up to and including this one is contained in `data`. */
  walGeneration: number;
  data: unknown;
}

/** Files of one namespace in the data directory. */
function walName(namespace: string, generation: number): string {
  return `${namespace}.wal.${generation}`;
}

/** Namespaces that have files in `dir`. */
export function storedNamespaces(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    const match = /^([a-z0-9][a-z0-9-]*)\.(wal\.\d+|snapshot\.json)$/i.exec(file);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

/**
 * Durable storage of one namespace: a snapshot file plus numbered write-ahead logs. Recovery
 * loads the snapshot and replays newer logs, dropping (and reporting) a torn or garbled tail.
 * Compaction starts a new log generation, writes a snapshot of everything before it with an
 * atomic rename, then deletes the folded logs.
 */
export class NamespaceStore implements WriteJournal {
  private generation = 0;
  private wal: WalFile | undefined;
  private compacting: Promise<void> | undefined;
  private getRoot: (() => DataNode) | undefined;
  private readonly maxRecords: number;
  private readonly maxBytes: number;

  constructor(
    private readonly dir: string,
    readonly namespace: string,
    private readonly logger: Logger,
    compaction: CompactionPolicy = {},
  ) {
    this.maxRecords = compaction.records ?? 10_000;
    this.maxBytes = compaction.bytes ?? 64 * 1024 * 1024;
  }

  /** Rebuilds the tree from disk (synchronously, so namespaces open on first use). */
  recover(): DataNode {
    let root = EMPTY_NODE;
    let covered = 0;
    const snapshotFile = join(this.dir, `${this.namespace}.snapshot.json`);
    if (existsSync(snapshotFile)) {
      try {
        const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as SnapshotFile;
        root = nodeFromJson(snapshot.data, false);
        covered = snapshot.walGeneration;
      } catch (error) {
        this.logger.warn(`snapshot ${snapshotFile} is unreadable (${String(error)}); replaying logs only`);
      }
    }
    const generations = this.generations();
    for (const generation of generations) {
      if (generation <= covered) continue;
      const file = join(this.dir, walName(this.namespace, generation));
      const decoded = decodeWalRecords(readFileSync(file));
      let replayed = 0;
      for (const text of decoded.records) {
        try {
          const entry = JSON.parse(text) as JournalEntry;
          for (const op of entry.ops) root = nodeUpdateChild(root, op.path, nodeFromJson(op.value, false));
          replayed += 1;
        } catch (error) {
          this.logger.warn(`skipped an unreadable record in ${file}: ${String(error)}`);
        }
      }
      if (decoded.problem) {
        this.logger.warn(
          `${file}: ${decoded.problem}; dropped the unacknowledged tail after ${replayed} records`,
        );
        truncateSync(file, decoded.validBytes);
      }
    }
    this.generation = Math.max(covered, ...generations, 0) + 1;
    return root;
  }

  /** Lets compaction read the tree it snapshots (the namespace's latest root). */
  attach(getRoot: () => DataNode): void {
    this.getRoot = getRoot;
  }

  /** Appends a write; resolves once it is on disk. */
  append(entry: JournalEntry): Promise<void> {
    this.wal ??= new WalFile(join(this.dir, walName(this.namespace, this.generation)));
    const done = this.wal.append(encodeWalRecord(JSON.stringify(entry)));
    if (!this.compacting && (this.wal.records >= this.maxRecords || this.wal.bytes >= this.maxBytes)) {
      this.compacting = this.compact().finally(() => {
        this.compacting = undefined;
      });
    }
    return done;
  }

  /** Folds everything written so far into a snapshot. */
  compact(): Promise<void> {
    if (!this.getRoot) return Promise.resolve();
    // Root capture and generation switch happen in one synchronous step, so the snapshot holds
    // exactly the writes of the generations it claims to cover.
    const root = this.getRoot();
    const folded = this.generation;
    const oldWal = this.wal;
    this.generation += 1;
    this.wal = undefined;
    return this.writeSnapshot(root, folded, oldWal).catch((error: unknown) => {
      this.logger.error(
        `snapshot of ${this.namespace} failed (the logs stay authoritative): ${String(error)}`,
      );
    });
  }

  private async writeSnapshot(root: DataNode, folded: number, oldWal: WalFile | undefined): Promise<void> {
    await oldWal?.close();
    const snapshot: SnapshotFile = {
      version: 1,
      walGeneration: folded,
      data: nodeToJson(root, { export: true }),
    };
    const file = join(this.dir, `${this.namespace}.snapshot.json`);
    const temp = `${file}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(snapshot));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    syncDirectory(this.dir);
    for (const generation of this.generations()) {
      if (generation <= folded)
        await unlink(join(this.dir, walName(this.namespace, generation))).catch(() => undefined);
    }
  }

  /** Waits for pending log writes and a running compaction. */
  async flush(): Promise<void> {
    while (this.compacting) await this.compacting;
  }

  /** Snapshots (so restarts are fast) and closes the log. */
  async close(): Promise<void> {
    await this.flush();
    if (this.wal && this.wal.records > 0) await this.compact();
    else await this.wal?.close();
    this.wal = undefined;
  }

  private generations(): number[] {
    const prefix = `${this.namespace}.wal.`;
    return readdirSync(this.dir)
      .filter((file) => file.startsWith(prefix) && /^\d+$/.test(file.slice(prefix.length)))
      .map((file) => Number(file.slice(prefix.length)))
      .sort((a, b) => a - b);
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic there.
  }
}

/** Removes every file of a namespace (used by tests and `--import` replacing data). */
export function deleteNamespaceFiles(dir: string, namespace: string): void {
  for (const file of readdirSync(dir)) {
    if (file === `${namespace}.snapshot.json` || file.startsWith(`${namespace}.wal.`))
      unlinkSync(join(dir, file));
  }
}
