// Ways to stop a provisioning job at a known point without any test-only code in
// the gateway: the test holds a lock the job needs, as a concurrent operator would.
import pg from 'pg';
import { PRISMA_MIGRATE_LOCK } from '../../src/db/migrationEngines';
import { withDatabase } from '../../src/db/urls';
import { onServer } from './database';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Creates a tenant's database before its job does and takes the migration lock on
 * it (the one `prisma migrate` takes): the job passes place and create, then waits
 * at migrate until release().
 */
export async function holdMigrationLock(serverUrl: string, database: string): Promise<HeldLock> {
  await onServer(`CREATE DATABASE "${database}"`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1::bigint)', [PRISMA_MIGRATE_LOCK]);
  return { release: () => client.end() };
}

/** Locks a job's row: the job's next progress report waits until release(). */
export async function holdJobRow(platformUrl: string, jobId: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: platformUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM "ProvisioningJob" WHERE id = $1 FOR UPDATE', [jobId]);
  return {
    async release() {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    },
  };
}

/** True once some session waits for a lock while updating the job row. */
export async function jobUpdateIsWaiting(platformUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: platformUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND ltrim(query) ILIKE 'UPDATE%"ProvisioningJob"%'`,
    );
    return rows.length > 0;
  } finally {
    await client.end();
  }
}
