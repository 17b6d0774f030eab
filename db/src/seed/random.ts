/**
 * A seedable pseudo-random stream for the demo generator.
 *
 * Why not `Math.random()`: the demo estate must be identical for the same (preset, reference
 * date, seed) on every machine. The generator is sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator, 128-bit state, passes PractRand to 2^42+), seeded through splitmix32.
 * `pure-rand` was meant to be used here but is not resolvable from `@trueup/db`; sfc32 is a
 * dozen lines and keeps the package free of a runtime dependency for demo data.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A string of `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string;
}

/** FNV-1a 32-bit hash of a string: stable across platforms, used to derive stream seeds. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A random stream determined by `seed` and a `stream` label. Different labels give independent
 * streams, so one phase of generation can change without shifting the numbers of another.
 */
export function createRandom(seed: number, stream: string): Random {
  const mix = splitmix32(hashString(stream) ^ Math.imul(seed >>> 0, 0x9e3779b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  const next = (): number => next32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chars(length, alphabet) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    },
  };
}

/** A UUID-shaped (version 4 layout) identifier derived from a string, stable forever. */
export function stableUuid(text: string): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += hashString(`${i}:${text}`).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
