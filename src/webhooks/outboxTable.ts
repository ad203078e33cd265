// The relay's statements on a tenant's outbox (the TenantEvent table), run on the
// tenant's server connection pool like planned reads, not through a Prisma client:
// the relay runs beside requests, and a client it held would make the shared client
// pool open another one for the next tenant's request (see tenancy/prismaClients.ts).
// A connection is taken per statement and waits its turn under the server's cap.
import { ownRowsMark } from '../db/poolScope';
import { aimedStatement, onTenantConnection, type TenantTarget } from '../db/tenantTarget';
import type { Prisma } from '../generated/tenant/client';

export interface OutboxEvent {
  id: string;
  type: string;
  /** ISO 8601, UTC. */
  occurredAt: string;
  payload: Prisma.JsonValue;
}

const OWN = ownRowsMark('e');

const UNRELAYED = {
  postgresql: `SELECT "id"::text AS "id", "type", "payload", to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"
    FROM "__tenant__"."TenantEvent" e WHERE ${OWN} AND "relayedAt" IS NULL ORDER BY "id" LIMIT $1`,
  // DATETIME(3) in UTC; %f prints microseconds, of which milliseconds are kept.
  mysql: `SELECT "id", "type", "payload", CONCAT(LEFT(DATE_FORMAT("occurredAt", '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z') AS "occurredAt"
    FROM "__tenant__"."TenantEvent" e WHERE ${OWN} AND "relayedAt" IS NULL ORDER BY "id" LIMIT ?`,
};

// relayedAt is a DATETIME / timestamp without time zone holding UTC, as Prisma writes it.
// PostgreSQL marks a batch at once and says which it marked; MariaDB has no UPDATE ...
// RETURNING, so there each event is marked by itself and its row count says.
const MARK_RELAYED = {
  postgresql: `UPDATE "__tenant__"."TenantEvent" e SET "relayedAt" = now() AT TIME ZONE 'UTC' WHERE ${OWN} AND "id" = ANY($1::uuid[]) AND "relayedAt" IS NULL RETURNING "id"::text AS "id"`,
  mysql: `UPDATE "__tenant__"."TenantEvent" e SET "relayedAt" = UTC_TIMESTAMP(3) WHERE ${OWN} AND "id" = ? AND "relayedAt" IS NULL`,
};

/** JSON is text to the MySQL protocol. */
const parseJson = (value: unknown): Prisma.JsonValue => (typeof value === 'string' ? JSON.parse(value) : (value as Prisma.JsonValue));

/** Up to `limit` events not relayed yet, oldest first. */
export async function unrelayedEvents(target: TenantTarget, limit: number): Promise<OutboxEvent[]> {
  const { text, values } = aimedStatement(target, UNRELAYED[target.engine], [limit]);
  const rows: OutboxEvent[] =
    target.engine === 'mysql'
      ? await onTenantConnection(target, (connection) => connection.query(text, values))
      : (await onTenantConnection(target, (client) => client.query<OutboxEvent>(text, values))).rows;
  return rows.map((row) => ({ id: row.id, type: row.type, occurredAt: row.occurredAt, payload: parseJson(row.payload) }));
}

/** Marks the events relayed; answers those this call marked (not those another relay got to first). */
export async function markRelayed(target: TenantTarget, ids: readonly string[]): Promise<Set<string>> {
  if (target.engine === 'postgresql') {
    const { text, values } = aimedStatement(target, MARK_RELAYED.postgresql, [ids]);
    const { rows } = await onTenantConnection(target, (client) => client.query<{ id: string }>(text, values));
    return new Set(rows.map((row) => row.id));
  }
  const marked = new Set<string>();
  for (const id of ids) {
    const { text, values } = aimedStatement(target, MARK_RELAYED.mysql, [id]);
    const { affectedRows } = await onTenantConnection(target, (connection) => connection.query(text, values));
    if (Number(affectedRows) > 0) marked.add(id);
  }
  return marked;
}
