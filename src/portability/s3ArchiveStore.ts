// The archive store in an S3 bucket (EXPORT_STORE_URL=s3://bucket/prefix), shared by
// every gateway process: AWS itself, or an S3-compatible server named by
// AWS_ENDPOINT_URL_S3. Archives go up in parts (lib-storage) so that a large one is
// never held in memory whole, and an object appears only once all of it is there.
//
// Every request waits at most EXPORT_STORE_TIMEOUT_MS to connect and at most as long
// between two bytes; a call that asks for an answer (open, remove) is also bounded as a
// whole, retries included. An upload is bounded by its silence only: a large archive
// takes as long as it takes while it moves.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Config } from '../config';
import { ArchiveMissingError, checkedKey, storeUnavailable, type ArchiveStore } from './archiveStore';

export type S3StoreOptions = Config['portability']['s3'] & { timeoutMs: number };

// Parts of 8 MiB, four at a time: at most 32 MiB of an archive in memory per upload.
const PART_BYTES = 8 * 1024 * 1024;
const PARTS_AT_ONCE = 4;

export class S3ArchiveStore implements ArchiveStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  /** Prepended to every key: the path of EXPORT_STORE_URL with a trailing slash, or nothing. */
  private readonly prefix: string;
  private readonly timeoutMs: number;

  constructor(storeUrl: string, { endpoint, region, credentials, timeoutMs }: S3StoreOptions) {
    const url = new URL(storeUrl);
    this.bucket = url.hostname;
    const path = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
    this.prefix = path ? `${path}/` : '';
    this.timeoutMs = timeoutMs;
    this.client = new S3Client({
      region,
      endpoint,
      // S3-compatible servers (and any on an IP address) answer at host/bucket, not at bucket.host.
      forcePathStyle: endpoint !== undefined,
      // A bucket in another AWS region than AWS_REGION is found there instead of failing.
      followRegionRedirects: true,
      ...(credentials ? { credentials } : {}),
      // Many S3-compatible servers refuse the checksum headers the SDK sends AWS by default.
      ...(endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
      requestHandler: { connectionTimeout: timeoutMs, socketTimeout: timeoutMs },
    });
  }

  private objectKey(key: string): string {
    return `${this.prefix}${checkedKey(key)}`;
  }

  /** Runs one command with the whole of it (retries included) bounded; the answer's body, if any, is not. */
  private async answer<T>(send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error(`the archive store did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      return await send(deadline.signal);
    } finally {
      // Aborting later would cut the body of an answer being read.
      clearTimeout(timer);
    }
  }

  async put(key: string, file: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key, Body: createReadStream(file), ContentType: 'application/gzip' },
        partSize: PART_BYTES,
        queueSize: PARTS_AT_ONCE,
      });
      await upload.done();
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  async open(key: string): Promise<Readable> {
    const Key = this.objectKey(key);
    try {
      const { Body } = await this.answer((abortSignal) => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }), { abortSignal }));
      return Body as Readable;
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') throw new ArchiveMissingError(key);
      throw storeUnavailable(error);
    }
  }

  async remove(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.answer((abortSignal) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }), { abortSignal }));
    } catch (error) {
      throw storeUnavailable(error);
    }
  }

  /** Closes the connections it keeps open. */
  close(): void {
    this.client.destroy();
  }
}
