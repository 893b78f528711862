/** Where progress goes: a stream-like sink and whether it is a terminal. */
export interface ProgressSink {
  /** Writes raw text. */
  write(text: string): void;
  /** Whether the sink is a TTY (a redrawn bar) or not (one plain line per event). */
  isTTY: boolean;
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Progress of a class run: a bar with done/total, ETA and the submissions being graded on a
 * TTY; plain lines otherwise (CI logs, pipes). Time comes from an injected clock.
 */
export class ClassProgress {
  private done = 0;
  private readonly active = new Set<string>();
  private readonly started: number;
  private gradedTimeMs = 0;
  private graded = 0;

  /**
   * @param total - number of submissions
   * @param sink - output
   * @param jobs - parallel jobs (for the ETA)
   * @param now - clock in milliseconds
   */
  constructor(
    private readonly total: number,
    private readonly sink: ProgressSink,
    private readonly jobs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Estimated milliseconds left: average time per graded submission × remaining ÷ jobs. */
  etaMs(): number | null {
    if (this.graded === 0) return null;
    const left = this.total - this.done;
    return ((this.gradedTimeMs / this.graded) * left) / this.jobs;
  }

  private bar(): string {
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    const eta = this.etaMs();
    const current = [...this.active].slice(0, 3).join(', ');
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}  ETA ${eta === null ? '?' : duration(eta)}${current ? `  grading: ${current}` : ''}`;
  }

  private redraw(): void {
    if (this.sink.isTTY) this.sink.write(`\r\x1b[2K${this.bar()}`);
  }

  /**
   * Marks a submission as being graded.
   * @param id - submission that started
   */
  start(id: string): void {
    this.active.add(id);
    if (this.sink.isTTY) this.redraw();
    else this.sink.write(`[${this.done}/${this.total}] grading ${id}\n`);
  }

  /**
   * Marks a submission as done and prints its status.
   * @param id - submission that finished
   * @param status - short status text, e.g. `7.75/10 ok`
   * @param elapsedMs - time this submission took; omitted for a skipped (resumed) one
   */
  finish(id: string, status: string, elapsedMs?: number): void {
    this.active.delete(id);
    this.done += 1;
    if (elapsedMs !== undefined) {
      this.gradedTimeMs += elapsedMs;
      this.graded += 1;
    }
    const eta = this.etaMs();
    const line = `[${this.done}/${this.total}] ${id}: ${status}${elapsedMs !== undefined ? ` (${duration(elapsedMs)})` : ''}${eta !== null && this.done < this.total ? `  ETA ${duration(eta)}` : ''}`;
    if (this.sink.isTTY) this.sink.write(`\r\x1b[2K${line}\n${this.done < this.total ? this.bar() : ''}`);
    else this.sink.write(`${line}\n`);
  }

  /** Final line with the wall time. */
  end(): void {
    this.sink.write(
      `${this.sink.isTTY ? '\r\x1b[2K' : ''}graded ${this.done}/${this.total} in ${duration(this.now() - this.started)}\n`,
    );
  }
}
