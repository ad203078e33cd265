// The pool database of each server, made ready once per process: created, migrated to
// the pool's migrations, its role made and granted, and checked against the
// migrations. A POOL tenant's provisioning then has no DDL to run: placing it costs
// its seed rows, which is what lets thousands of them be made in a minute.
import { poolMigrations } from '../db/poolMigrations';
import { withTenantSql } from './tenantSql';
import { preparePoolDatabase } from './poolDatabase';
import { assertTenantSchema } from './tenantSchema';
import type { DatabaseServers } from '../tenancy/databaseServers';
import { withDatabase } from '../db/urls';
import { quoteIdent } from '../db/identifiers';
import type { DatabaseLogin } from '../db/postgresDriver';
import { dropDatabase, onServer } from './tenantStorage';

const ready = new Map<string, Promise<void>>();

/**
 * Resolves once the pool database on `server` is made, migrated and checked (by this
 * process, at this set of migrations). `migrated` runs once with what that applied
 * (nothing, mostly: another process or an earlier start did it), before it resolves.
 */
export function poolDatabaseReady(servers: Pick<DatabaseServers, 'url' | 'poolLogin'>, server: string, migrated: (applied: string[]) => Promise<void>): Promise<void> {
  const serverUrl = servers.url(server);
  const { database, user, password } = servers.poolLogin;
  const key = `${serverUrl} ${database} ${poolMigrations().fingerprint}`;
  let done = ready.get(key);
  if (!done) {
    done = (async () => {
      const { migrationsApplied } = await preparePoolDatabase(serverUrl, database, { name: user, password });
      await migrated(migrationsApplied);
      await withTenantSql({ url: withDatabase(serverUrl, database), schema: null }, (sql) => assertTenantSchema(sql, poolMigrations()));
    })();
    ready.set(key, done);
    // A failure is not remembered: the next tenant (or the job's retry) tries again.
    done.catch(() => ready.delete(key));
  }
  return done;
}

/** Drops the pool database on the server at `serverUrl`, every pool tenant's rows with it, and its role. */
export async function dropPoolDatabase(serverUrl: string, login: DatabaseLogin): Promise<void> {
  for (const key of ready.keys()) if (key.startsWith(`${serverUrl} ${login.database} `)) ready.delete(key);
  await dropDatabase(serverUrl, login.database);
  await onServer(serverUrl, 'postgres', (client) => client.query(`DROP ROLE IF EXISTS ${quoteIdent(login.user)}`));
}
