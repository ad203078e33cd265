// How a connection to the pool database is scoped to one tenant (POOL isolation).
//
// The pool's tables hold every pool tenant's rows; their row-level security policies
// compare "tenantId" with the setting below, and their "tenantId" columns default to
// it. The setting is made with SET LOCAL inside a transaction, so it ends with the
// transaction: a connection given back to the pool (or to PgBouncer, in transaction
// mode) carries nothing of the tenant, and one that never set it sees no rows at all.
// SET LOCAL rather than a SELECT of set_config: Prisma may follow BEGIN with SET
// TRANSACTION ISOLATION LEVEL, which must come before any query.
//
// The transaction also takes the pool's role (SET LOCAL ROLE), although connections
// log in as that role already: a pooler set up to log in to every database as one
// user (PgBouncer's `* = ... user=postgres`) would otherwise run the tenant's
// statements as a superuser, whom row-level security does not stop.

import { quoteIdent } from './identifiers';

export const POOL_TENANT_SETTING = 'tenantgraph.tenant';

/**
 * The role the request path reaches a pool database as: made by the gateway, neither
 * superuser nor BYPASSRLS, owner of nothing (an owner or a superuser would bypass the
 * policies). Named after the database, so gateways of different platforms on one
 * server do not share it.
 */
export const poolRoleOf = (poolDatabase: string) => `${poolDatabase}_gateway`;

// Tenant ids are the platform's UUIDs: checked, they can be written into the statement.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whose rows a connection to the pool database may touch, and as which role. */
export interface PoolScope {
  tenantId: string;
  role: string;
}

/** BEGIN, the pool's role and the tenant, for the rest of the transaction: one round trip (simple protocol, no parameters). */
export function beginForTenant({ tenantId, role }: PoolScope): string {
  if (!UUID.test(tenantId)) throw new Error('a pool tenant id must be a UUID');
  return `BEGIN; SET LOCAL ROLE ${quoteIdent(role)}; SET LOCAL "${POOL_TENANT_SETTING}" = '${tenantId}'`;
}
