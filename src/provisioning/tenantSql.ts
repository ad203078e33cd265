// A plain pg connection to one tenant's tables (its schema first on the search
// path), for work Prisma does not do: migrations and schema checks.
import pg from 'pg';
import type { TenantConnection } from '../db/tenantClient';
import { tenantClientConfig } from '../db/tenantClient';

export async function withTenantSql<T>(connection: TenantConnection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(tenantClientConfig(connection));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
