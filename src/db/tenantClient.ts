// Prisma clients over tenant tables, for writes and the reads no plan covers.
//
// Prisma names the schema in every statement it writes. A tenant client names a
// placeholder schema instead, and the pool it runs on (PostgresTenantPool,
// MysqlTenantPool) puts the schema of the tenant it is bound to in its place on the
// way to the server. So one client serves any tenant of its engine, one at a time
// (tenancy/prismaClients.ts rebinds idle ones), and its compiled statements are
// shared by all of them. A client costs about 6 MB and 5-10 ms to make; a tenant
// costs nothing.
//
// The MySQL client is generated from prisma/tenant-mysql/schema.prisma, which has the
// same models, fields and types (a test keeps them so), so domain code is written
// once against one type. Raw statements name their tables with `tenantTable`, in
// double quotes, which MySQL sessions read as identifiers too (ANSI_QUOTES), and keep
// to their tenant's rows of each with `ownRows`.
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../generated/tenant/client';
import { PrismaClient as MysqlPrismaClient } from '../generated/tenant-mysql/client';
import type { Engine } from '../engine';
import { MysqlTenantPool } from './mysqlTenantPool';
import { PostgresTenantPool } from './postgresTenantPool';
import { ownRowsMark } from './poolScope';
import { TENANT_SCHEMA, type TenantTarget } from './tenantTarget';

export type TenantDb = PrismaClient;

/** `"<tenant schema>"."Invoice"` in a Prisma.sql template. */
export const tenantTable = (table: string) => Prisma.raw(`${TENANT_SCHEMA}."${table}"`);

/**
 * In a Prisma.sql template's WHERE (or a join's ON), for each table it reads:
 * `i."tenantId" = $n` for a POOL tenant, TRUE for any other (db/poolScope.ts).
 */
export const ownRows = (alias: string) => Prisma.raw(ownRowsMark(alias));

/** A tenant client and the way to point it at another tenant of the same engine. */
export interface BoundTenantClient {
  readonly engine: Engine;
  readonly db: TenantDb;
  /** Only while none of the previous tenant's statements is running. */
  bind(target: TenantTarget): void;
}

const placeholder = TENANT_SCHEMA.slice(1, -1);

function sameEngine<E extends Engine>(target: TenantTarget, engine: E): Extract<TenantTarget, { engine: E }> {
  if (target.engine !== engine) throw new Error(`a ${engine} tenant client cannot serve a ${target.engine} tenant`);
  return target as Extract<TenantTarget, { engine: E }>;
}

export interface TenantClientOptions {
  /** DB_STATEMENT_TIMEOUT_MS. */
  statementTimeoutMs: number;
}

export function createTenantClient(engine: Engine, options: TenantClientOptions): BoundTenantClient {
  // Beginning a transaction (a connection, then BEGIN) may take as long as a statement may run.
  const transactionOptions = { maxWait: options.statementTimeoutMs };
  if (engine === 'postgresql') {
    const pool = new PostgresTenantPool();
    const db = new PrismaClient({ adapter: new PrismaPg(pool, { schema: placeholder }), transactionOptions });
    return { engine, db, bind: (target) => pool.bind(sameEngine(target, 'postgresql')) };
  }
  const pool = new MysqlTenantPool();
  const adapter = new PrismaMariaDb(pool as never, { database: placeholder, useTextProtocol: true });
  const db = new MysqlPrismaClient({ adapter, transactionOptions }) as unknown as TenantDb;
  return { engine, db, bind: (target) => pool.bind(sameEngine(target, 'mysql')) };
}
