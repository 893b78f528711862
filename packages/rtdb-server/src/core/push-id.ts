/** Alphabet of push ids, in ASCII order so ids sort as strings. */
export const PUSH_CHARS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** Options for {@link createPushIdGenerator}. */
export interface PushIdOptions {
  /** Milliseconds since the epoch (default `Date.now`). */
  clock?: () => number;
  /** A number in [0, 1) (default `Math.random`). */
  random?: () => number;
}

/**
 * Returns a generator of Firebase push ids: 8 characters of timestamp then 12 random ones; ids
 * made in the same millisecond reuse the random part plus one, so ids are strictly increasing.
 */
export function createPushIdGenerator(options: PushIdOptions = {}): () => string {
  const clock = options.clock ?? Date.now;
  const random = options.random ?? Math.random;
  let lastTime = -1;
  const lastRandom: number[] = new Array<number>(12).fill(0);
  return () => {
    let now = clock();
    // A clock that steps back would break the ordering promise; stay on the last time instead.
    const duplicate = now <= lastTime;
    if (duplicate) now = lastTime;
    lastTime = now;
    if (!duplicate) {
      for (let i = 0; i < 12; i += 1) lastRandom[i] = Math.floor(random() * 64);
    } else {
      let i = 11;
      for (; i >= 0 && lastRandom[i] === 63; i -= 1) lastRandom[i] = 0;
      // All 12 digits wrapped: move to the next millisecond so ids keep increasing.
      if (i >= 0) lastRandom[i] = lastRandom[i]! + 1;
      else lastTime = now = now + 1;
    }
    const timeChars = new Array<string>(8);
    let t = now;
    for (let i = 7; i >= 0; i -= 1) {
      timeChars[i] = PUSH_CHARS.charAt(t % 64);
      t = Math.floor(t / 64);
    }
    return timeChars.join('') + lastRandom.map((n) => PUSH_CHARS.charAt(n)).join('');
  };
}
