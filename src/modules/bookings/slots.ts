// The times a provider can still take an appointment for a service: their weekly rules
// on the tenant's clock, cut into slots of the service's length, less their time off,
// their appointments and the classes they teach.
import type { TenantDb } from '../../db/tenantClient';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import { badInput, notFound } from '../../errors';
import { providerBusy } from './providerTime';
import { freeSlots, workingSpans, type Span } from './weeklyAvailability';

/** How far ahead one question may look: enough for a calendar page of a month and a bit. */
const MAX_DAYS = 62;

export async function availableSlots(db: TenantDb, locale: string, q: { serviceId: string; providerId: string; from: Date; to: Date }): Promise<Span[]> {
  if (!(q.from < q.to)) throw badInput('from must be before to', { field: 'to' });
  if (q.to.getTime() - q.from.getTime() > MAX_DAYS * 86_400_000) throw badInput(`from and to may be at most ${MAX_DAYS} days apart`, { field: 'to' });
  const service = await db.service.findUnique({ where: { id: q.serviceId } });
  if (!service) throw notFound('service');
  const gives = await db.providerService.findUnique({ where: { providerId_serviceId: { providerId: q.providerId, serviceId: q.serviceId } } });
  if (!gives || !service.active) return [];
  const zone = await reportTimeZone(db, locale);
  const rules = await db.providerAvailability.findMany({ where: { providerId: q.providerId } });
  const spans = workingSpans(rules, zone, q.from, q.to);
  if (spans.length === 0) return [];
  const busy = await providerBusy(db, q.providerId, { startsAt: spans[0].startsAt, endsAt: spans[spans.length - 1].endsAt });
  // What has begun can no longer be booked.
  const now = new Date();
  return freeSlots(spans, service.durationMinutes, busy, q.from > now ? q.from : now, q.to);
}
