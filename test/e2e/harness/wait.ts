/**
 * Poll `fn` every 250 ms until it gives a truthy value, or fail naming `what` (and the last error, if `fn` threw:
 * an error counts as "not yet").
 */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    const v = await fn().catch((e: unknown) => {
      lastError = e;
      return null;
    });
    if (v) return v;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
