/**
 * Waiting for something that happens in the background (a job, a relay, a peer server): read
 * `read` every `everyMs` until `ok` holds of what it returned, and return that value. After
 * `timeoutMs` it throws, naming `what` and the last value read.
 */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  { what = 'a condition', timeoutMs = 15_000, everyMs = 50 } = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** `pollUntil` for a probe that answers null or undefined until it has its result. */
export async function pollFor<T>(
  probe: () => Promise<T | null | undefined>,
  opts?: Parameters<typeof pollUntil>[2],
): Promise<T> {
  return (await pollUntil(probe, (v) => v != null, opts)) as T;
}
