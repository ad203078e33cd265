// Whose rows a snapshot reads or a load writes, on a connection to the tenant's tables
// (withTenantSql). A tenant with a database or schema of its own has every row of
// them; a POOL tenant shares the pool database's tables, each of them led by a
// "tenantId" column that the tenant model does not know, and the connection is its
// owner's, so every statement names the tenant itself, and each transaction sets the
// tenant too, for an owner the tables' forced row-level security does hold.
import { TENANT_COLUMN } from '../db/poolMigrations';
import { POOL_TENANT_SETTING } from '../db/poolScope';
import type { SqlConnection } from '../db/sqlConnection';
import type { Isolation } from '../generated/platform/enums';

export interface TenantScope {
  isolation: Isolation;
  tenantId: string;
}

export const pooled = (scope: TenantScope) => scope.isolation === 'POOL';

/** `"tenantId"` as a statement names it. */
export const TENANT = `"${TENANT_COLUMN}"`;

/** Sets the pool tenant for the rest of the transaction just begun on `sql`; nothing for any other tenant. */
export async function setPoolTenant(sql: SqlConnection, scope: TenantScope): Promise<void> {
  if (pooled(scope)) await sql.query('SELECT set_config($1, $2, true)', [POOL_TENANT_SETTING, scope.tenantId]);
}
