// The PostgreSQL server a benchmark runs on: BENCH_DATABASE_URL, TEST_DATABASE_URL or
// DATABASE_URL (a server it may create and drop databases on); otherwise an embedded
// one in a temporary folder, removed afterwards.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres';
import { withDatabase } from '../src/db/urls';
import { createLogger } from '../src/logger';

export async function withBenchServer<T>(work: (serverUrl: string) => Promise<T>): Promise<T> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return work(withDatabase(given, 'postgres'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tenantgraph-bench-'));
  chmodSync(dataDir, 0o755); // run as root, the embedded server runs as user postgres and must reach its folder
  const embedded = await startEmbeddedPostgres(dataDir, 54000 + Math.floor(Math.random() * 1000), createLogger('warn'));
  try {
    return await work(withDatabase(embedded.url, 'postgres'));
  } finally {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
