// Where one tenant's tables are, as the request path reaches them: a server pool,
// and the schema that holds the tables there. On PostgreSQL that is a database and a
// schema in it ("public" for a tenant with a database of its own, its own schema in
// the shared database otherwise); on MySQL a database, which MySQL calls a schema.
//
// Statements name that schema themselves ("tg_shop"."Product"), so a connection
// carries no tenant state: one used by tenant A and then by tenant B has nothing of A
// to leak, and a transaction-pooling PgBouncer can hand it to anyone in between.
// A POOL tenant's tables are shared with the other pool tenants: its work runs in a
// transaction scoped to it (poolScope.ts), which ends before the connection goes back.
import type { Connection as MysqlConnection } from 'mariadb';
import type pg from 'pg';
import { asUnavailable } from './databaseErrors';
import { beginForTenant, withOwnRows, type PoolScope } from './poolScope';
import type { Engine } from '../engine';
import type { PooledConnection, ServerConnectionPool } from './serverPool';

/**
 * Statements are written once for every tenant, naming this placeholder schema; on
 * the way to the server it becomes the target's (`inTenantSchema`). It is a quoted
 * identifier no migration creates, so a statement that missed the replacement fails
 * instead of reading anybody's tables.
 */
export const TENANT_SCHEMA = '"__tenant__"';

/** Prisma's MySQL statements quote the placeholder its own way. */
const TENANT_SCHEMA_IN_BACKTICKS = '`__tenant__`';

export function inTenantSchema(text: string, target: TenantTarget): string {
  const aimed = text.replaceAll(TENANT_SCHEMA, target.schema);
  return target.engine === 'mysql' ? aimed.replaceAll(TENANT_SCHEMA_IN_BACKTICKS, target.schema) : aimed;
}

/** A raw statement as sent to `target`: its schema placeholder replaced and, for a POOL tenant, its own-rows marks made conditions on the tenant (poolScope.ts). */
export function aimedStatement(target: TenantTarget, text: string, values: unknown[]): { text: string; values: unknown[] } {
  const aimed = inTenantSchema(text, target);
  const tenant = target.engine === 'postgresql' ? target.poolTenant?.tenantId : undefined;
  // Every Prisma statement passes here: any other tenant's values go on as they are, uncopied.
  return tenant ? withOwnRows(aimed, values, tenant) : { text: aimed, values };
}

interface TargetOf<E extends Engine, C> {
  engine: E;
  /** The tenant, for the per-tenant share of the pool. */
  owner: string;
  pool: ServerConnectionPool<C>;
  /** The database connections are opened to (on MySQL they reach every database: ANY_DATABASE). */
  database: string;
  /** The quoted schema of the tenant's tables: `"public"` or `"tg_shop"`; on MySQL its database, `` `tg_shop` ``. */
  schema: string;
  /** The same, unquoted: for the catalogs, which take it as a value. */
  schemaName: string;
  /** Identifies the target: two tenants never share one. */
  key: string;
}

export interface PostgresTarget extends TargetOf<'postgresql', pg.Client> {
  /**
   * Whether statements may be prepared by name on the connection: not behind a
   * transaction-pooling PgBouncer, and only where their text is the same for every
   * tenant (DATABASE isolation), so a connection keeps a few, not a few per tenant.
   */
  preparedStatements: boolean;
  /**
   * POOL isolation: the tenant whose rows are the only ones its statements may touch.
   * Every unit of work runs in a transaction scoped to it (row-level security), and
   * the planner also writes `"tenantId" = $n` for each table it reads.
   */
  poolTenant?: PoolScope;
}

export type MysqlTarget = TargetOf<'mysql', MysqlConnection>;

export type TenantTarget = PostgresTarget | MysqlTarget;

/**
 * Runs `work` on a connection to the tenant's database. A connection that saw an
 * error is closed, not reused; failures of the database itself become
 * DatabaseUnavailableError, statement errors stay as they are.
 */
export async function onTenantConnection<C, T>(target: TargetOf<Engine, C> & { poolTenant?: PoolScope }, work: (client: C) => Promise<T>): Promise<T> {
  const connection: PooledConnection<C> = await target.pool.acquire(target.database, target.owner);
  try {
    const { poolTenant } = target;
    const result = poolTenant ? await inPoolTransaction(connection.client as pg.Client, poolTenant, () => work(connection.client)) : await work(connection.client);
    connection.release();
    return result;
  } catch (error) {
    connection.release(error);
    throw asUnavailable(error) ?? error;
  }
}

/**
 * `work` in a transaction scoped to the pool tenant. On failure the connection is
 * closed (onTenantConnection releases it with the error), which ends the transaction
 * and its setting with it.
 */
async function inPoolTransaction<T>(client: pg.Client, scope: PoolScope, work: () => Promise<T>): Promise<T> {
  await client.query(beginForTenant(scope));
  const result = await work();
  await client.query('COMMIT');
  return result;
}
