// The last lines of every db command: what was done, and what failed by name.
import type { TaskResult } from './tasks';

export interface Outcome {
  /** Printed before the summary line (a table, a list of what was removed). */
  lines?: string[];
  results: TaskResult[];
}

export function summarize(command: string, outcome: Outcome): { text: string; failed: boolean } {
  const failed = outcome.results.filter((r) => !r.ok);
  const lines = [...(outcome.lines ?? [])];
  if (outcome.lines?.length) lines.push('');
  lines.push(`${command}: ${outcome.results.length - failed.length} ok, ${failed.length} failed`);
  for (const f of failed) lines.push(`  FAILED ${f.item}: ${f.detail}`);
  return { text: `${lines.join('\n')}\n`, failed: failed.length > 0 };
}
