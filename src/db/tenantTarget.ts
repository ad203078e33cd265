// Where one tenant's tables are, as the request path reaches them: a database on a
// server pool, and the schema that holds the tables there ("public" for a tenant with
// a database of its own, its own schema in the shared database otherwise).
//
// Statements name that schema themselves ("tg_shop"."Product"), so a connection
// carries no tenant state: one used by tenant A and then by tenant B has nothing of A
// to leak, and a transaction-pooling PgBouncer can hand it to anyone in between.
import type pg from 'pg';
import { asUnavailable } from './databaseUnavailable';
import type { PooledConnection, ServerConnectionPool } from './serverPool';

/**
 * Statements are written once for every tenant, naming this placeholder schema; on
 * the way to the server it becomes the target's (`inTenantSchema`). It is a quoted
 * identifier no migration creates, so a statement that missed the replacement fails
 * instead of reading anybody's tables.
 */
export const TENANT_SCHEMA = '"__tenant__"';

export const inTenantSchema = (text: string, target: TenantTarget) => text.replaceAll(TENANT_SCHEMA, target.schema);

export interface TenantTarget {
  /** The tenant, for the per-tenant share of the pool. */
  owner: string;
  pool: ServerConnectionPool;
  database: string;
  /** The quoted schema of the tenant's tables: `"public"` or `"tg_shop"`. */
  schema: string;
  /**
   * Whether statements may be prepared by name on the connection: not behind a
   * transaction-pooling PgBouncer, and only where their text is the same for every
   * tenant (DATABASE isolation), so a connection keeps a few, not a few per tenant.
   */
  preparedStatements: boolean;
  /** Identifies the target: two tenants never share one. */
  key: string;
}

/**
 * Runs `work` on a connection to the tenant's database. A connection that saw an
 * error is closed, not reused; failures of the database itself become
 * DatabaseUnavailableError, statement errors stay as they are.
 */
export async function onTenantConnection<T>(target: TenantTarget, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const connection: PooledConnection = await target.pool.acquire(target.database, target.owner);
  try {
    const result = await work(connection.client);
    connection.release();
    return result;
  } catch (error) {
    connection.release(error);
    throw asUnavailable(error) ?? error;
  }
}
