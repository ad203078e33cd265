// A worker's proof of life while it holds a durable task (a job, a rollout): `beat`
// every `everyMs`, each one skipped while the last still waits (a lock), so beats
// never pile up. The stale sweeper (staleJobSweeper.ts) reads what they write.
export function startHeartbeat(everyMs: number, beat: () => Promise<unknown>, onError: (err: unknown) => void): () => void {
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    beat()
      .catch(onError)
      .finally(() => (beating = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
