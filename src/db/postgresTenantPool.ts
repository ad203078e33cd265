// What Prisma's pg adapter takes for its pool: every statement goes to the bound
// tenant's database through the server pool, its placeholder schema replaced.
// (The adapter asks for a pg.Pool by class, hence the subclass; it opens nothing itself.)
//
// For a POOL tenant, Prisma's statements run on shared tables it does not know have
// a "tenantId": row-level security scopes what they read and change, the column's
// default fills it on insert, and three things are done on the way:
// - a transaction's BEGIN also sets the tenant (poolScope.ts); a statement outside one
//   gets a transaction of its own (onTenantConnection);
// - an upsert's ON CONFLICT names the model's unique columns, and in the pool every
//   unique key is led by "tenantId": it is put in front;
// - a raw statement's own-rows marks become conditions on the tenant (poolScope.ts).
import pg from 'pg';
import { beginForTenant } from './poolScope';
import { aimedStatement, onTenantConnection, type PostgresTarget } from './tenantTarget';

type Statement = string | pg.QueryConfig;

const ON_CONFLICT_COLUMNS = /\bON CONFLICT \(/g;

function aimed(statement: Statement, target: PostgresTarget): Statement {
  const config = typeof statement === 'string' ? { text: statement } : statement;
  const text = target.poolTenant ? config.text.replace(ON_CONFLICT_COLUMNS, 'ON CONFLICT ("tenantId", ') : config.text;
  return { ...config, ...aimedStatement(target, text, config.values ?? []) };
}

const isBegin = (statement: Statement) => (typeof statement === 'string' ? statement : statement.text).trim().toUpperCase() === 'BEGIN';

export class PostgresTenantPool extends pg.Pool {
  private target: PostgresTarget | undefined;

  constructor() {
    super({ max: 1 });
  }

  /** Points every later statement at `target`; only while no statement of the previous tenant is running. */
  bind(target: PostgresTarget): void {
    this.target = target;
  }

  private get bound(): PostgresTarget {
    if (!this.target) throw new Error('tenant client used before it was bound to a tenant');
    return this.target;
  }

  // The adapter calls query(config) and uses the promise; pg's callback forms are not offered.
  override query(statement: Statement): Promise<pg.QueryResult> {
    const target = this.bound;
    return onTenantConnection(target, (client) => client.query(aimed(statement, target)));
  }

  /** A connection for a transaction; released (closed when given an error) by the adapter, which needs only query, release and the error events. */
  override async connect(): Promise<pg.PoolClient> {
    const target = this.bound;
    const connection = await target.pool.acquire(target.database, target.owner);
    const { client } = connection;
    const { poolTenant } = target;
    return {
      query: (statement: Statement) => client.query(poolTenant && isBegin(statement) ? beginForTenant(poolTenant) : aimed(statement, target)),
      release: (error?: unknown) => connection.release(error === true ? new Error('released as broken') : error),
      on: (event: string, listener: (...args: unknown[]) => void) => client.on(event as 'error', listener),
      removeListener: (event: string, listener: (...args: unknown[]) => void) => client.removeListener(event as 'error', listener),
    } as unknown as pg.PoolClient;
  }

  override async end(): Promise<void> {
    // The connections belong to the server pools.
  }
}
