// How a long run shows itself: a progress bar on a terminal, plain lines
// elsewhere (CI logs, pipes), so a log file reads as well as a screen.
import { SingleBar } from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  /** One item done; `line` is what a log would want to say about it. */
  tick(item: string, line: string): void;
  stop(): void;
}

export function createProgress(out: NodeJS.WriteStream = process.stdout): Progress {
  if (out.isTTY) {
    const bar = new SingleBar({
      stream: out,
      format: '{label} [{bar}] {value}/{total}  {item}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: true,
    });
    return {
      start: (label, total) => bar.start(total, 0, { label, item: '' }),
      tick: (item) => bar.increment({ item }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  let label = '';
  return {
    start(l, t) {
      label = l;
      total = t;
      done = 0;
    },
    tick(_item, line) {
      out.write(`${label} [${++done}/${total}] ${line}\n`);
    },
    stop() {},
  };
}
