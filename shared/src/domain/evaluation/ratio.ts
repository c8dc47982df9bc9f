/**
 * A rate with what it was computed from, so a figure can show its "n": `value` = numerator ÷ denominator, null
 * when the denominator is 0 (no data, rather than 0 or NaN).
 */
export type Ratio = { value: number | null; numerator: number; denominator: number };

/** numerator ÷ denominator as a {@link Ratio}. */
export function ratio(numerator: number, denominator: number): Ratio {
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator };
}

/** An average with how many values it is over; `value` null when there are none. */
export type Mean = { value: number | null; n: number };

/** The arithmetic mean of `values` as a {@link Mean}. */
export function mean(values: readonly number[]): Mean {
  let sum = 0;
  for (const v of values) sum += v;
  return { value: values.length > 0 ? sum / values.length : null, n: values.length };
}
