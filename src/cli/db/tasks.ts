// Runs one task per item with at most `concurrency` at a time, reporting each as it
// ends. A task that throws is a failure of that item only: the others go on.
import { scrubCredentials } from '../../logger';
import type { Progress } from './progress';

export interface TaskResult {
  item: string;
  ok: boolean;
  /** What happened, in a few words; for a failure, why. */
  detail: string;
}

export const failureText = (error: unknown) => scrubCredentials(error instanceof Error ? error.message : String(error)).split('\n')[0];

export async function runTasks<T>(
  label: string,
  items: T[],
  options: { concurrency: number; progress: Progress; name: (item: T) => string },
  task: (item: T) => Promise<string>,
): Promise<TaskResult[]> {
  const { progress, name } = options;
  const results: TaskResult[] = new Array(items.length);
  progress.start(label, items.length);
  let next = 0;
  // A fixed set of workers pulling from one index keeps `concurrency` tasks in flight.
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = name(items[index]);
      const result = await task(items[index]).then(
        (detail) => ({ item, ok: true, detail }),
        (error: unknown) => ({ item, ok: false, detail: failureText(error) }),
      );
      results[index] = result;
      progress.tick(item, `${item}: ${result.ok ? result.detail : `FAILED ${result.detail}`}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));
  } finally {
    progress.stop();
  }
  return results;
}
