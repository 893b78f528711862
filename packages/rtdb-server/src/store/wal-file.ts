import { open, type FileHandle } from 'node:fs/promises';

interface Pending {
  data: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An append-only log file with group commit: records that arrive while a flush is on disk wait
 * and go out together in the next write + fdatasync, so many concurrent writers share one sync.
 */
export class WalFile {
  /** Bytes accepted so far (written or queued). */
  bytes = 0;
  /** Records accepted so far. */
  records = 0;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private handle: Promise<FileHandle>;
  private closed = false;

  constructor(readonly file: string) {
    this.handle = open(file, 'a');
    // Open errors surface on the first append; keep the process from an unhandled rejection.
    this.handle.catch(() => undefined);
  }

  /** Queues `data`; resolves when it is on stable storage. */
  append(data: Buffer): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`write-ahead log ${this.file} is closed`));
    this.bytes += data.length;
    this.records += 1;
    return new Promise((resolve, reject) => {
      this.queue.push({ data, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    try {
      const handle = await this.handle;
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await handle.writev(batch.map((p) => p.data));
          await handle.datasync();
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
    } catch (error) {
      const batch = this.queue;
      this.queue = [];
      for (const p of batch) p.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.flushing = undefined;
    }
  }

  /** Waits for queued records, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing) await this.flushing;
    try {
      await (await this.handle).close();
    } catch {
      // Already reported to the appenders, or never opened: nothing left to release.
    }
  }
}
