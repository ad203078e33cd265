// The audit trail: who changed what, when, in which tenant. Written for every
// successful mutation by the audit plugin (server/auditPlugin.ts) and explicitly
// by operations that change several things at once (subscription renewals).
// Arguments are kept with every secret-looking value redacted and long values cut,
// so an entry says what was done without holding a password, token or key; every
// string is made storable first, so no text a client sends can make the insert fail.
import type { PlatformDb } from '../db/platformClient';
import type { Prisma } from '../generated/platform/client';
import type { Principal } from '../auth/principal';
import { storableText } from './storableText';

export type ActorType = 'user' | 'apiKey' | 'anonymous' | 'system';

export interface AuditEntry {
  tenantId: string | null;
  /** null: the platform itself (a job, a renewal run without a person). */
  actor: Principal | null | 'anonymous';
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
}

const SECRET = /pass(word)?|secret|token|api_?key|^key$|hash|authorization|credential|url|cipher/i;
const MAX_STRING = 200;
const MAX_ITEMS = 20;

/** A copy fit for the audit log: secret-named fields redacted, long strings and lists cut, all text storable. */
export function redacted(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storableText(value, MAX_STRING);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth > 4) return '…';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map((item) => redacted(item, depth + 1));
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more`] : kept;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [storableText(key), SECRET.test(key) ? '[redacted]' : redacted(item, depth + 1)]),
  );
}

function actorColumns(actor: AuditEntry['actor']): { actorType: ActorType; actorId: string | null; actorLabel: string | null } {
  if (actor === null) return { actorType: 'system', actorId: null, actorLabel: null };
  if (actor === 'anonymous') return { actorType: 'anonymous', actorId: null, actorLabel: null };
  if (actor.kind === 'apiKey') return { actorType: 'apiKey', actorId: actor.keyId, actorLabel: actor.label };
  return { actorType: 'user', actorId: actor.userId, actorLabel: actor.email };
}

const storableOrNull = (value: string | null) => (value === null ? null : storableText(value));

/**
 * Writes the entries in one statement: all or none, so a transaction can write a
 * change and its entries together. Entries that must not sink each other are
 * written one call each (server/auditPlugin.ts).
 */
export async function writeAudit(db: PlatformDb | Prisma.TransactionClient, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.auditLog.createMany({
    data: entries.map(({ tenantId, actor, action, target, details }) => {
      const { actorLabel, actorType, actorId } = actorColumns(actor);
      return {
        tenantId,
        actorType,
        actorId: storableOrNull(actorId),
        action: storableText(action),
        target: storableOrNull(target),
        details: redacted({ ...(actorLabel ? { actor: actorLabel } : {}), ...details }) as Prisma.InputJsonObject,
      };
    }),
  });
}
