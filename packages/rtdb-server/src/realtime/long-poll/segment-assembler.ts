import { decodeWebSafeBase64, LongPollRequestError, type LongPollSegment } from './long-poll-request.js';

/** Bounds on what one long-poll client can make the server buffer. */
export interface SegmentAssemblerLimits {
  /** Most segment characters waiting for earlier segments or the rest of their message. */
  maxPendingChars: number;
  /** Most segments one message may be cut into. */
  maxSegmentsPerMessage: number;
}

/** Defaults: the SDK's 16 MiB write limit as base64 (about 22 MiB), with room to spare. */
export const DEFAULT_SEGMENT_LIMITS: SegmentAssemblerLimits = {
  maxPendingChars: 48 * 1024 * 1024,
  maxSegmentsPerMessage: 32_768,
};

/**
 * Puts a long-poll connection's segments back into message texts. The SDK numbers segments
 * across the whole connection and may have two requests in flight, so segments can arrive out
 * of order; messages come out in the order the client sent them. Once it reports an error the
 * assembler stays failed: the stream can no longer be trusted.
 */
export class SegmentAssembler {
  private next = 0;
  private readonly pending = new Map<number, LongPollSegment>();
  private pendingChars = 0;
  private failed: string | null = null;

  /** @param limits - buffering bounds */
  constructor(private readonly limits: SegmentAssemblerLimits = DEFAULT_SEGMENT_LIMITS) {}

  /**
   * Adds the segments of one request.
   *
   * @param segments - the request's segments, in any order
   * @returns the message texts completed by them, in sending order
   * @throws LongPollRequestError when the segments contradict each other, exceed the limits or do not decode
   */
  push(segments: readonly LongPollSegment[]): string[] {
    if (this.failed !== null) throw new LongPollRequestError(this.failed);
    try {
      for (const segment of segments) this.add(segment);
      return this.drain();
    } catch (error) {
      this.failed = error instanceof Error ? error.message : String(error);
      this.pending.clear();
      this.pendingChars = 0;
      throw error;
    }
  }

  /** Segments received but not yet part of a complete message. */
  get pendingCount(): number {
    return this.pending.size;
  }

  private add(segment: LongPollSegment): void {
    if (segment.total > this.limits.maxSegmentsPerMessage) {
      throw new LongPollRequestError(
        `a message cut into ${segment.total} segments exceeds the limit of ${this.limits.maxSegmentsPerMessage}`,
      );
    }
    const known = this.pending.get(segment.seg);
    // A browser may repeat a GET; the same segment twice is harmless, a different one is not.
    if (segment.seg < this.next) return;
    if (known) {
      if (known.total !== segment.total || known.data !== segment.data)
        throw new LongPollRequestError(`segment ${segment.seg} was sent twice with different contents`);
      return;
    }
    this.pendingChars += segment.data.length;
    if (this.pendingChars > this.limits.maxPendingChars) {
      throw new LongPollRequestError(
        `more than ${this.limits.maxPendingChars} characters of segments are waiting to be assembled`,
      );
    }
    this.pending.set(segment.seg, segment);
  }

  private drain(): string[] {
    const messages: string[] = [];
    for (;;) {
      const first = this.pending.get(this.next);
      if (!first) return messages;
      const parts: string[] = [];
      for (let seg = this.next; seg < this.next + first.total; seg += 1) {
        const part = this.pending.get(seg);
        if (!part) return messages;
        if (part.total !== first.total)
          throw new LongPollRequestError(
            `segment ${seg} disagrees with segment ${this.next} on the segment count`,
          );
        parts.push(part.data);
      }
      for (let seg = this.next; seg < this.next + first.total; seg += 1) this.pending.delete(seg);
      this.pendingChars -= parts.reduce((sum, part) => sum + part.length, 0);
      this.next += first.total;
      messages.push(decodeWebSafeBase64(parts.join('')));
    }
  }
}
