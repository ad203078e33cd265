// Events are kept EVENT_RETENTION_DAYS, then dropped, except a domain event not yet
// relayed: its webhook deliveries are still to be queued, and dropping it would lose
// them. Ids are UUIDv7, so "older than the cutoff" is a primary-key range: a tenant
// with nothing to drop costs one indexed look, whatever the size of its table.
import type { TenantDb } from '../db/tenantClient';
import { uuidv7Floor } from '../db/uuidTime';
import type { Prisma } from '../generated/tenant/client';
import { DOMAIN_NAMESPACES } from './eventTypes';

// Small batches keep each statement short and the locks it takes few.
const BATCH = 1000;

const expired = (cutoff: Date): Prisma.TenantEventWhereInput => ({
  id: { lt: uuidv7Floor(cutoff) },
  occurredAt: { lt: cutoff },
  NOT: { relayedAt: null, OR: DOMAIN_NAMESPACES.map((namespace) => ({ type: { startsWith: `${namespace}.` } })) },
});

/** Drops the tenant's events that occurred before `cutoff` and may go; returns how many. */
export async function dropExpiredEvents(db: TenantDb, cutoff: Date): Promise<number> {
  const where = expired(cutoff);
  let dropped = 0;
  for (;;) {
    // MySQL takes no LIMIT in a DELETE's subquery: the ids are read first, then dropped by the same rule.
    const ids = (await db.tenantEvent.findMany({ where, select: { id: true }, orderBy: { id: 'asc' }, take: BATCH })).map((row) => row.id);
    if (ids.length === 0) return dropped;
    dropped += (await db.tenantEvent.deleteMany({ where: { AND: [where, { id: { in: ids } }] } })).count;
    if (ids.length < BATCH) return dropped;
  }
}
