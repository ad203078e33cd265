// Prisma clients over tenant tables, for writes and the reads no plan covers.
//
// Prisma names the schema in every statement it writes. A tenant client names a
// placeholder schema instead, and the pool it runs on (TenantBoundPool) puts the
// schema of the tenant it is bound to in its place on the way to the server. So one
// client serves any tenant, one at a time (tenancy/prismaClients.ts rebinds idle
// ones), and its compiled statements are shared by all of them. A client costs
// about 6 MB and 5-10 ms to make; a tenant costs nothing.
//
// Raw statements of the domain code name their tables the same way: `tenantTable`.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from '../generated/tenant/client';
import { TENANT_SCHEMA, inTenantSchema, onTenantConnection, type TenantTarget } from './tenantTarget';

export type TenantDb = PrismaClient;

/** `"<tenant schema>"."Invoice"` in a Prisma.sql template. */
export const tenantTable = (table: string) => Prisma.raw(`${TENANT_SCHEMA}."${table}"`);

/** The tenant's schema as an SQL string literal: `'"<tenant schema>"'::regnamespace` names it in the catalogs. */
export const tenantSchemaLiteral = Prisma.raw(`'${TENANT_SCHEMA}'`);

type Statement = string | pg.QueryConfig;

function aimed(statement: Statement, target: TenantTarget): Statement {
  if (typeof statement === 'string') return inTenantSchema(statement, target);
  return { ...statement, text: inTenantSchema(statement.text, target) };
}

/**
 * What Prisma's pg adapter takes for its pool: every statement goes to the bound
 * tenant's database through the server pool, its placeholder schema replaced.
 * (The adapter asks for a pg.Pool by class, hence the subclass; it opens nothing itself.)
 */
export class TenantBoundPool extends pg.Pool {
  private target: TenantTarget | undefined;

  constructor() {
    super({ max: 1 });
  }

  /** Points every later statement at `target`; only while no statement of the previous tenant is running. */
  bind(target: TenantTarget): void {
    this.target = target;
  }

  private get bound(): TenantTarget {
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

export function createTenantClient(pool: TenantBoundPool): TenantDb {
  return new PrismaClient({ adapter: new PrismaPg(pool, { schema: TENANT_SCHEMA.slice(1, -1) }) });
}
