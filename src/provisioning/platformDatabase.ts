// Brings the platform database to the current migrations and reference data (the
// billing plans): db/ gives the means, this puts them together with what billing seeds.
import { seedPlans } from '../billing/plans';
import type { Logger } from '../logger';
import { ensureDatabase } from '../db/ensureDatabase';
import { loadMigrations } from '../db/migrations';
import { applyMigrations } from '../db/migrator';
import { createPlatformClient } from '../db/platformClient';
import { pgConnection } from '../db/sqlConnection';
import { withClient } from '../db/withClient';

/** Returns the names of the migrations it applied. */
export async function preparePlatformDatabase(url: string, log: Logger): Promise<string[]> {
  await ensureDatabase(url);
  const { applied } = await withClient({ connectionString: url }, (client) => applyMigrations(pgConnection(client), loadMigrations('platform')));
  if (applied.length) log.info({ applied }, 'platform migrations applied');
  const platform = createPlatformClient(url, 1);
  try {
    await seedPlans(platform);
  } finally {
    await platform.$disconnect();
  }
  return applied;
}
