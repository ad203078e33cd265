// What Prisma's pg adapter takes for its pool: every statement goes to the bound
// tenant's database through the server pool, its placeholder schema replaced.
// (The adapter asks for a pg.Pool by class, hence the subclass; it opens nothing itself.)
import pg from 'pg';
import { inTenantSchema, onTenantConnection, type PostgresTarget } from './tenantTarget';

type Statement = string | pg.QueryConfig;

function aimed(statement: Statement, target: PostgresTarget): Statement {
  if (typeof statement === 'string') return inTenantSchema(statement, target);
  return { ...statement, text: inTenantSchema(statement.text, target) };
}

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
    return {
      query: (statement: Statement) => client.query(aimed(statement, target)),
      release: (error?: unknown) => connection.release(error === true ? new Error('released as broken') : error),
      on: (event: string, listener: (...args: unknown[]) => void) => client.on(event as 'error', listener),
      removeListener: (event: string, listener: (...args: unknown[]) => void) => client.removeListener(event as 'error', listener),
    } as unknown as pg.PoolClient;
  }

  override async end(): Promise<void> {
    // The connections belong to the server pools.
  }
}
