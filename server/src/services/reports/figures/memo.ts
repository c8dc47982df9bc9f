import type { MetricsEnv } from '../../metrics/scope';
import type { ServiceCtx } from '../../service-ctx';

/**
 * The reads of one report, each made once: a later ask with the same key (compared as JSON) gets the first ask's
 * promise, its failure included.
 */
export class FigureMemo {
  readonly #reads = new Map<string, Promise<unknown>>();

  once<T>(key: unknown[], run: () => Promise<T>): Promise<T> {
    const k = JSON.stringify(key);
    const hit = this.#reads.get(k) as Promise<T> | undefined;
    if (hit) return hit;
    const fresh = run();
    this.#reads.set(k, fresh);
    return fresh;
  }

  /** Whether a read of `key` was asked (it may still be running). */
  has(key: unknown[]): boolean {
    return this.#reads.has(JSON.stringify(key));
  }
}

/** What each group of a report's figures reads with: the caller, the plan, and the report's one memo. */
export interface FigureSource {
  ctx: ServiceCtx;
  env: MetricsEnv;
  memo: FigureMemo;
}
