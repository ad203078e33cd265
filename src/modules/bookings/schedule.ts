// Classes on the timetable: one, or a weekly series at the same wall-clock time (a
// class at 18:00 stays at 18:00 on the tenant's clock across a change to summer time).
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { lockRow } from '../../domain/lockRow';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import { inTransaction } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { providerBooked } from './providerTime';
import { slotTaken } from './refusals';

const ScheduleInput = z.object({
  serviceId: z.uuid('is not a valid ID'),
  providerId: z.uuid('is not a valid ID'),
  startsAt: z.date(),
  capacity: z.number().int().min(1, 'must be 1 to 1000').max(1000, 'must be 1 to 1000').nullish(),
  repeatWeeks: z.number().int().min(1, 'must be 1 to 52').max(52, 'must be 1 to 52').nullish(),
});

export type ScheduleInput = z.input<typeof ScheduleInput>;

/** The sessions, each week at the first one's local time; SLOT_TAKEN when the provider is booked or teaching at any of them. */
export function scheduleClass(db: TenantDb, locale: string, input: ScheduleInput) {
  const data = parseInput(ScheduleInput, input);
  return inTransaction(db, async (tx) => {
    // Classes and appointments of one provider are written one after another.
    await lockRow(tx, 'Provider', data.providerId, 'provider');
    const service = await tx.service.findUnique({ where: { id: data.serviceId } });
    if (!service) throw notFound('service');
    if (!service.active) throw badInput(`the service ${service.name} is not active`, { field: 'serviceId' });
    const gives = await tx.providerService.findUnique({ where: { providerId_serviceId: { providerId: data.providerId, serviceId: data.serviceId } } });
    if (!gives) throw badInput(`the provider does not give ${service.name}`, { field: 'providerId' });
    const zone = await reportTimeZone(tx, locale);
    const first = DateTime.fromJSDate(data.startsAt, { zone });
    const sessions = [];
    for (let week = 0; week < (data.repeatWeeks ?? 1); week++) {
      const startsAt = first.plus({ weeks: week }).toJSDate();
      const span = { startsAt, endsAt: new Date(startsAt.getTime() + service.durationMinutes * 60_000) };
      if (await providerBooked(tx, data.providerId, span)) throw slotTaken();
      sessions.push(
        await tx.classSession.create({
          data: { serviceId: service.id, providerId: data.providerId, ...span, capacity: data.capacity ?? service.capacity },
        }),
      );
    }
    return sessions;
  });
}
