/*
 * Password-guessing resistance for bearer tokens (README "Reliability and security"): per client address, the
 * failed sign-ins (a token sent and refused) of the last minute. The first few cost nothing, the next ones are
 * answered more and more slowly, and from the limit on every request that carries a token is answered 429 with
 * Retry-After, before any token is checked, until the oldest failure leaves the window. Requests without a token
 * are never counted. Kept in memory: a restart forgets it, and each server process counts on its own.
 */

export interface SignInLimitOptions {
  /** The window failures are counted over. */
  windowMs: number;
  /** Failures in the window answered at full speed. */
  freeFailures: number;
  /** Failures in the window after which the address is refused. */
  maxFailures: number;
  /** Extra delay per failure above `freeFailures`. */
  stepMs: number;
}

export const defaultSignInLimit: SignInLimitOptions = {
  windowMs: 60_000,
  freeFailures: 5,
  maxFailures: 10,
  stepMs: 150,
};

/** Addresses kept before the ones with no failure in the window are dropped. */
const PRUNE_AT = 10_000;

export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(readonly options: SignInLimitOptions = defaultSignInLimit) {}

  /** The failures of `address` still inside the window at `now`, oldest first. */
  #recent(address: string, now: number): number[] {
    const kept = (this.#failures.get(address) ?? []).filter((at) => now - at < this.options.windowMs);
    if (kept.length) this.#failures.set(address, kept);
    else this.#failures.delete(address);
    return kept;
  }

  /** How long `address` must wait before a token of theirs is checked again (0: go ahead). */
  refusedForMs(address: string, now: number): number {
    const recent = this.#recent(address, now);
    if (recent.length < this.options.maxFailures) return 0;
    // The address is let in again once it is back below the limit.
    const freesAt = recent[recent.length - this.options.maxFailures]! + this.options.windowMs;
    return Math.max(1, freesAt - now);
  }

  /** Count a failed sign-in; the answer is how long to hold the reply back. */
  recordFailure(address: string, now: number): number {
    if (this.#failures.size >= PRUNE_AT) for (const a of [...this.#failures.keys()]) this.#recent(a, now);
    const recent = this.#recent(address, now);
    recent.push(now);
    this.#failures.set(address, recent);
    return Math.max(0, recent.length - this.options.freeFailures) * this.options.stepMs;
  }
}
