// trackEvent: an event a client reports (a page view, a checkout step), stored with
// the domain events so the same counts and lists read both. Tracked events are for
// analytics only: they are never delivered to webhooks, so they are written as
// relayed already, and the relay never picks them up.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { parseInput } from '../../domain/validate';
import type { Prisma } from '../../generated/tenant/client';
import { TRACKED_TYPE, isDomainType } from '../../domain/eventTypes';

/** The largest `properties` accepted, as JSON in UTF-8. */
export const MAX_PROPERTIES_BYTES = 4096;

const TrackedEvent = z.object({
  type: z
    .string()
    .regex(TRACKED_TYPE, 'must be 1 to 64 lower-case letters, digits and _ . : -, starting with a letter')
    .refine((type) => !isDomainType(type), 'is a type of the tenant\'s own data (order., invoice., ...): choose a name outside those'),
  properties: z
    .record(z.string(), z.unknown())
    .refine((properties) => Buffer.byteLength(JSON.stringify(properties)) <= MAX_PROPERTIES_BYTES, `must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`),
  sessionId: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1 to 128 printable ASCII characters without spaces').optional(),
});

export interface TrackedEventInput {
  type: string;
  properties?: Record<string, unknown> | null;
  sessionId?: string | null;
}

export async function trackEvent(db: TenantDb, input: TrackedEventInput) {
  const { type, properties, sessionId } = parseInput(TrackedEvent, {
    type: input.type,
    properties: input.properties ?? {},
    sessionId: input.sessionId ?? undefined,
  });
  const now = new Date();
  return db.tenantEvent.create({
    data: { type, payload: properties as Prisma.InputJsonObject, sessionId: sessionId ?? null, occurredAt: now, relayedAt: now },
  });
}
