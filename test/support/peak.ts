// The highest reading of a measure (connections held, say) while some work runs,
// sampled every few milliseconds from outside the code under test.
export async function peakWhile<T>(sample: () => Promise<number>, work: () => Promise<T>): Promise<{ peak: number; result: T }> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await sample());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { result: await work(), peak };
  } finally {
    sampling = false;
    await sampler;
  }
}
