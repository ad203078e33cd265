import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/tenant/client';
import { quoteIdent } from './identifiers';

export type TenantDb = PrismaClient;

/** Where one tenant's tables are: a database, and a schema inside it for SCHEMA isolation. */
export interface TenantConnection {
  url: string;
  schema: string | null;
}

/** pg settings for a connection whose unqualified names resolve in the tenant's schema. */
export function tenantClientConfig(connection: TenantConnection): pg.ClientConfig {
  return {
    connectionString: connection.url,
    ...(connection.schema ? { options: `-c search_path=${quoteIdent(connection.schema)}` } : {}),
  };
}

export function tenantPoolConfig(connection: TenantConnection, connections: number): pg.PoolConfig {
  // Idle tenants give their server connections back quickly.
  return { ...tenantClientConfig(connection), max: connections, idleTimeoutMillis: 10_000 };
}

/**
 * A Prisma client for one tenant. `pool` lets a caller hand in its own pg pool
 * (the tests count statements at the driver this way).
 */
export function createTenantClient(connection: TenantConnection, pool: pg.Pool): TenantDb {
  const adapter = new PrismaPg(pool, {
    ...(connection.schema ? { schema: connection.schema } : {}),
    disposeExternalPool: true,
  });
  return new PrismaClient({ adapter });
}
