// What Prisma's MariaDB adapter takes for its pool (it serves MySQL too): every
// statement goes to the bound tenant's database through the server pool, its
// placeholder schema replaced. The adapter needs only query/execute, getConnection
// (for transactions, whose connection it releases) and end; it opens nothing itself.
import type { Connection, QueryOptions } from 'mariadb';
import { asUnavailable } from './databaseErrors';
import { inTenantSchema, onTenantConnection, type MysqlTarget } from './tenantTarget';

type Request = string | QueryOptions;

function aimed(request: Request, target: MysqlTarget): QueryOptions {
  if (typeof request === 'string') return { sql: inTenantSchema(request, target) };
  return { ...request, sql: inTenantSchema(request.sql, target) };
}

export class MysqlTenantPool {
  private target: MysqlTarget | undefined;

  /** Points every later statement at `target`; only while no statement of the previous tenant is running. */
  bind(target: MysqlTarget): void {
    this.target = target;
  }

  private get bound(): MysqlTarget {
    if (!this.target) throw new Error('tenant client used before it was bound to a tenant');
    return this.target;
  }

  query(request: Request, values?: unknown): Promise<unknown> {
    const target = this.bound;
    return onTenantConnection(target, (connection) => connection.query(aimed(request, target), values));
  }

  // The text protocol always: a statement's text differs per tenant (it names the tenant's
  // database), so prepared statements would pile up on every connection.
  execute(request: Request, values?: unknown): Promise<unknown> {
    return this.query(request, values);
  }

  async getConnection(): Promise<Partial<Connection>> {
    const target = this.bound;
    const connection = await target.pool.acquire(target.database, target.owner).catch((error: unknown) => {
      throw asUnavailable(error) ?? error;
    });
    const { client } = connection;
    const run = (request: Request, values?: unknown) =>
      client.query(aimed(request, target), values).catch((error: unknown) => {
        throw asUnavailable(error) ?? error;
      });
    return {
      query: run,
      execute: run,
      on: client.on.bind(client),
      off: client.off.bind(client),
      release: async () => connection.release(),
      end: async () => connection.release(),
    } as Partial<Connection>;
  }

  async end(): Promise<void> {
    // The connections belong to the server pools.
  }
}
