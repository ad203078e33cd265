// The PostgreSQL server a benchmark runs on: BENCH_DATABASE_URL, TEST_DATABASE_URL or
// DATABASE_URL (a server it may create and drop databases on); otherwise an embedded
// one in a temporary folder, removed afterwards.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropDatabasesStartingWith } from '../src/db/dropDatabases';
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

/** Drops every database a benchmark made (they all start with its prefix). */
export async function dropBenchDatabases(serverUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await dropDatabasesStartingWith(admin, prefix).finally(() => admin.end());
}

/** Runs a benchmark on the bench server and exits: 0 when it finished, 1 (with the error) when not. */
export function runBenchmark(work: (serverUrl: string) => Promise<void>): void {
  withBenchServer(work).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
