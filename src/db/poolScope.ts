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

// Raw statements (a module's report, a row lock, the outbox relay) are written once
// for every tenant, so they cannot name a POOL tenant's id. They mark where they keep
// to their tenant's rows instead, one mark per table alias; on the way to a POOL
// tenant's connection each mark becomes `alias."tenantId" = $n` with the tenant bound
// as one more value, as the planner writes it, so PostgreSQL plans with the tenant's
// own value and a connection whose setting went missing reads nothing. For any other
// tenant a mark reads TRUE (it is a comment and TRUE on either engine).

/** The mark for the rows of the table at `alias` (a plain lower-case alias). */
export function ownRowsMark(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`"${alias}" cannot name a table in a raw statement's own-rows mark`);
  return `/*own rows of ${alias}*/TRUE`;
}

const OWN_ROWS_MARK = /\/\*own rows of ([a-z_][a-z0-9_]*)\*\/TRUE/g;

/** A statement's text and values for a pool tenant: each own-rows mark made its condition on one more bound value. */
export function withOwnRows(text: string, values: unknown[], tenantId: string): { text: string; values: unknown[] } {
  if (!text.includes('/*own rows of ')) return { text, values };
  const n = values.length + 1;
  return { text: text.replace(OWN_ROWS_MARK, (_mark, alias: string) => `${alias}."tenantId" = $${n}`), values: [...values, tenantId] };
}
