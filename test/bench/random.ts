import { createRng, seededUlid, type Rng } from '../../server/src/demo/seeded-random';

/**
 * The server's seeded generator (the one the demo data uses), with the extra draws the bench needs: every run
 * produces the same data for the same seed, so (a) and (b) write exactly the same interactions.
 */
export class Random {
  readonly #rng: Rng;

  constructor(seed: number) {
    this.#rng = createRng(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#rng.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return this.#rng.int(min, max);
  }

  chance(p: number): boolean {
    return this.#rng.chance(p);
  }

  pick<T>(list: readonly T[]): T {
    return this.#rng.pick(list);
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string | number>(weights: readonly (readonly [K, number])[]): K {
    return this.#rng.weighted(weights as readonly [K, number][]);
  }

  /** Log-normal with the given median; `spread` is the sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(spread * z);
  }

  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }

  digits(length: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < length; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

/** A ULID for `timeMs` with seeded randomness (valid for the shared `ulidSchema`). */
export function ulidAt(timeMs: number, random: Random): string {
  return seededUlid(Math.floor(timeMs), random);
}
