// Brings the platform database to the current migrations and reference data.
import { seedPlans } from '../billing/plans';
import type { Logger } from '../logger';
import { ensureDatabase } from './ensureDatabase';
import { loadMigrations } from './migrations';
import { applyMigrations } from './migrator';
import { createPlatformClient } from './platformClient';
import { pgConnection } from './sqlConnection';
import { withClient } from './withClient';

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
