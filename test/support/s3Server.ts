// A real S3-compatible server for a test file (s3rver, in the test's process): on
// 127.0.0.1 at a port of its own, its objects in a folder of its own, with one bucket.
// `env` is what a gateway needs to keep its archives there.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** EXPORT_STORE_URL (under `prefix`) and the AWS_* settings that reach this server. */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

// s3rver's one account.
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export async function startS3Server(bucket = 'archives'): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tenantgraph-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: (prefix = 'exports') => ({ EXPORT_STORE_URL: `s3://${bucket}/${prefix}`, AWS_ENDPOINT_URL_S3: endpoint, ...CREDENTIALS }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
