/** Largest text the official SDKs put in one WebSocket frame; longer messages are split. */
export const MAX_FRAME_CHARS = 16384;

/**
 * Splits one outgoing protocol message into the text frames the SDK's receiver reassembles.
 *
 * A message that fits in one frame goes out alone. A longer one is preceded by a frame holding the
 * number of chunks, as the SDK expects. The count is never `"0"`: a bare zero would leave the SDK
 * waiting for zero frames and swallowing every later message. Chunks never split a UTF-16
 * surrogate pair, because each frame is encoded to UTF-8 on its own.
 *
 * @param message - the JSON-serialisable protocol envelope
 * @param maxFrameChars - the largest chunk, in UTF-16 code units (default {@link MAX_FRAME_CHARS})
 * @returns the frames to send, in order
 */
export function encodeFrames(message: unknown, maxFrameChars: number = MAX_FRAME_CHARS): string[] {
  const text = JSON.stringify(message);
  return splitText(text, maxFrameChars);
}

/**
 * Splits already-serialised message text into frames (see {@link encodeFrames}).
 *
 * @param text - the serialised message
 * @param maxFrameChars - the largest chunk, in UTF-16 code units
 * @returns the frames to send, in order
 */
export function splitText(text: string, maxFrameChars: number = MAX_FRAME_CHARS): string[] {
  if (maxFrameChars < 2) throw new RangeError('maxFrameChars must be at least 2');
  if (text.length <= maxFrameChars) return [text];
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + maxFrameChars, text.length);
    // A high surrogate at the cut would be sent alone and turned into U+FFFD by UTF-8 encoding.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    chunks.push(text.slice(at, end));
    at = end;
  }
  return [String(chunks.length), ...chunks];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** What {@link FrameDecoder.push} made of one incoming frame. */
export type DecodedFrame =
  | { kind: 'keep-alive' }
  | { kind: 'partial' }
  | { kind: 'message'; text: string }
  | { kind: 'error'; reason: string };

/** Limits that keep one client from making the server buffer without bound. */
export interface FrameDecoderLimits {
  /** Largest frame count a client may announce. */
  maxFrames: number;
  /** Largest reassembled message, in UTF-16 code units. */
  maxMessageChars: number;
}

/** Defaults: 2048 frames of 16 KiB is 32 MiB, twice the SDK's own write limit. */
export const DEFAULT_DECODER_LIMITS: FrameDecoderLimits = {
  maxFrames: 2048,
  maxMessageChars: 32 * 1024 * 1024,
};

const COUNT_PATTERN = /^[0-9]{1,10}$/;

/**
 * Reassembles client frames into complete message texts: a state machine fed one frame at a time.
 *
 * A frame made only of digits announces how many frames follow; `"0"` is the client's keep-alive.
 * Anything else is a whole message. Once an error is reported the decoder stays failed, since the
 * framing can no longer be trusted; the caller closes the socket.
 */
export class FrameDecoder {
  private expected = 0;
  private parts: string[] = [];
  private bufferedChars = 0;
  private failed: string | null = null;

  /** @param limits - bounds on announced counts and reassembled size */
  constructor(private readonly limits: FrameDecoderLimits = DEFAULT_DECODER_LIMITS) {}

  /**
   * Feeds one text frame.
   *
   * @param frame - the frame's text
   * @returns a keep-alive, a partial message (more frames needed), a complete message text, or an error
   */
  push(frame: string): DecodedFrame {
    if (this.failed !== null) return { kind: 'error', reason: this.failed };
    if (this.expected > 0) {
      this.bufferedChars += frame.length;
      if (this.bufferedChars > this.limits.maxMessageChars) {
        return this.fail(`message exceeds ${this.limits.maxMessageChars} characters`);
      }
      this.parts.push(frame);
      if (this.parts.length < this.expected) return { kind: 'partial' };
      const text = this.parts.join('');
      this.reset();
      return { kind: 'message', text };
    }
    if (COUNT_PATTERN.test(frame)) {
      const count = Number(frame);
      if (count === 0) return { kind: 'keep-alive' };
      if (count > this.limits.maxFrames) {
        return this.fail(`frame count ${count} exceeds the limit of ${this.limits.maxFrames}`);
      }
      this.expected = count;
      return { kind: 'partial' };
    }
    if (frame.length > this.limits.maxMessageChars) {
      return this.fail(`message exceeds ${this.limits.maxMessageChars} characters`);
    }
    return { kind: 'message', text: frame };
  }

  /** True while frames of an announced multi-frame message are still awaited. */
  get buffering(): boolean {
    return this.expected > 0;
  }

  private reset(): void {
    this.expected = 0;
    this.parts = [];
    this.bufferedChars = 0;
  }

  private fail(reason: string): DecodedFrame {
    this.reset();
    this.failed = reason;
    return { kind: 'error', reason };
  }
}
