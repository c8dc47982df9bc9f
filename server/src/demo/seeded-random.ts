import { ulid } from 'ulid';

/**
 * mulberry32: small, fast, seeded — for demo data, tests and the benchmark that must be reproducible. Not for
 * anything secret (tokens use node:crypto).
 */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    weighted: <T>(options: readonly [T, number][]): T => {
      const total = options.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of options) {
        r -= w;
        if (r < 0) return v;
      }
      return options[options.length - 1]![0];
    },
  };
}
export type Rng = ReturnType<typeof createRng>;

/** A ULID at `ms` whose random part comes from `rng`, so seeded runs give the same ids. */
export function seededUlid(ms: number, rng: Pick<Rng, 'next'>): string {
  return ulid(ms, () => rng.next());
}
