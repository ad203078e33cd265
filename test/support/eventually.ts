type Falsy = null | undefined | false | 0 | '';

/** Polls `check` until it returns a truthy value, and returns that (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
