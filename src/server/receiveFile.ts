// A request body written to a file as it arrives, never held in memory: at most
// `maxBytes` of it, its SHA-256 and size taken on the way, and given up when the
// client sends nothing for `idleMs` or goes away. The file is the caller's to remove,
// whatever the outcome; it is closed by the time the promise settles.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream';

export interface ReceivedFile {
  sha256: string;
  sizeBytes: number;
}

/** More than `maxBytes` came; the rest of the body is read and dropped, so an answer can still be sent. */
export class BodyTooLargeError extends Error {}

/** The client stopped sending for `idleMs`, or closed the connection, before the end of the body. */
export class BodyIncompleteError extends Error {}

export function receiveFile(req: IncomingMessage, file: string, { maxBytes, idleMs }: { maxBytes: number; idleMs: number }): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx' });
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let settled = false;
    const idle = setTimeout(() => settle(new BodyIncompleteError(`no bytes of the body for ${idleMs} ms`)), idleMs);

    function settle(error?: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
      if (error) out.destroy();
      else out.end();
      // Settled once the file is closed: removing it then cannot race a write still on its way.
      finished(out, (closing) => (error ? reject(error) : closing ? reject(closing) : resolve({ sha256: hash.digest('hex'), sizeBytes })));
    }
    function onData(chunk: Buffer) {
      idle.refresh();
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        // Flowing with no listener: the rest is read off the wire and dropped.
        req.resume();
        return settle(new BodyTooLargeError(`the body is over ${maxBytes} bytes`));
      }
      hash.update(chunk);
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => {
          // The wait was the disk's, not the client's.
          idle.refresh();
          req.resume();
        });
      }
    }
    const onEnd = () => settle();
    const onClose = () => settle(new BodyIncompleteError('the client closed the connection before the end of the body'));
    const onError = (error: Error) => settle(new BodyIncompleteError(`the body could not be read: ${error.message}`));
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
    out.on('error', (error) => settle(error));
  });
}
