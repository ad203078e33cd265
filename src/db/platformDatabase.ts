// Brings the platform database to the current migrations and reference data.
import pg from 'pg';
import { seedPlans } from '../billing/plans';
import type { Logger } from '../logger';
import { ensureDatabase } from './ensureDatabase';
import { loadMigrations } from './migrations';
import { applyMigrations } from './migrator';
import { createPlatformClient } from './platformClient';

export async function preparePlatformDatabase(url: string, log: Logger): Promise<void> {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { applied } = await applyMigrations(client, loadMigrations('platform'));
    if (applied.length) log.info({ applied }, 'platform migrations applied');
  } finally {
    await client.end();
  }
  const platform = createPlatformClient(url, 1);
  try {
    await seedPlans(platform);
  } finally {
    await platform.$disconnect();
  }
}
