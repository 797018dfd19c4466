/** A source of uniform numbers in [0, 1); injectable so backoff jitter and simulations are testable. */
export type RandomSource = () => number;

/** Mulberry32: a tiny, fast, seeded generator. Same seed, same sequence, on every machine. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
