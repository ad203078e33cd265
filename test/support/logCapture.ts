// A log destination for tests: keeps every line a logger writes, to read back.
import { Writable } from 'node:stream';

export class LogCapture extends Writable {
  readonly lines: string[] = [];
  _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  entries() {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
