// Taking a place: in a class (bookClass) or with a provider at a time (bookAppointment).
// Neither can overbook, whatever arrives at the same moment:
// - a class's places are counted by one UPDATE of its row (booked + 1), which holds the
//   row to the end of the transaction; one that takes `booked` past the capacity is
//   refused and rolled back, so concurrent bookings of the last place queue and one wins;
// - a provider's appointments may not overlap: on PostgreSQL an exclusion constraint
//   refuses the second of two overlapping rows (the insert waits for the first to commit),
//   on MySQL and MariaDB the provider's row is locked first, so bookings of one provider
//   are checked and written one after another.
// Both also check the customer (locked: not erased) and take the service's credits.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { classifyDatabaseError } from '../../db/databaseErrors';
import type { TenantDb } from '../../db/tenantClient';
import type { Engine } from '../../engine';
import { lockRow } from '../../domain/lockRow';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import { eventObject, recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import type { Booking, Service } from '../../generated/tenant/client';
import { customerForDocument } from '../customers/customers';
import { takeCredits } from './credits';
import { providerBooked, providerOff } from './providerTime';
import { classFull, outsideAvailability, slotTaken } from './refusals';
import { withinRules, type Span } from './weeklyAvailability';

function refuseInactive(service: Service, field: string) {
  if (!service.active) throw badInput(`the service ${service.name} is not active`, { field });
}

function refusePast(startsAt: Date) {
  if (startsAt <= new Date()) throw badInput(`${startsAt.toISOString()} has passed: only what is still to come can be booked`, { field: 'startsAt' });
}

/**
 * A place held for payment (HELD) rather than CONFIRMED: payBooking confirms it. A
 * service paid in credits takes them as it is booked, so there is nothing to hold.
 */
function refuseHoldOf(service: Service, hold: boolean) {
  if (hold && service.creditCost > 0) throw badInput(`${service.name} is paid in credits as it is booked: there is nothing to hold`, { field: 'hold' });
}

/** The booking (HELD when `hold`, else CONFIRMED), its credits and its booking.created event. */
async function takePlace(tx: Tx, hold: boolean, data: Omit<Booking, 'id' | 'status' | 'invoiceId' | 'cancelledAt' | 'cancelReason' | 'reminderSentAt' | 'createdAt'>) {
  const booking = await tx.booking.create({ data: { ...data, status: hold ? 'HELD' : 'CONFIRMED' } });
  if (data.creditsUsed > 0) await takeCredits(tx, data.customerId, data.creditsUsed, booking.id);
  await recordTenantEvent(tx, 'booking.created', eventObject(booking));
  return booking;
}

export function bookClass(db: TenantDb, classSessionId: string, customerId: string, hold = false) {
  return inTransaction(db, async (tx) => {
    await customerForDocument(tx, customerId);
    const session = await tx.classSession.findUnique({ where: { id: classSessionId }, include: { service: true } });
    if (!session) throw notFound('class session');
    refuseInactive(session.service, 'classSessionId');
    refuseHoldOf(session.service, hold);
    if (session.startsAt <= new Date()) throw badInput('the class has started: only classes still to come can be booked', { field: 'classSessionId' });
    // The customer is locked: their bookings are written one after another, so this sees any other.
    const already = await tx.booking.findFirst({ where: { classSessionId, customerId, status: { not: 'CANCELLED' } }, select: { id: true } });
    if (already) throw badInput('the customer has a place in this class already', { field: 'customerId', bookingId: already.id });
    const { booked, capacity } = await tx.classSession.update({ where: { id: classSessionId }, data: { booked: { increment: 1 } }, select: { booked: true, capacity: true } });
    if (booked > capacity) throw classFull(capacity);
    return takePlace(tx, hold, {
      customerId,
      serviceId: session.serviceId,
      providerId: session.providerId,
      classSessionId,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      price: session.service.price,
      creditsUsed: session.service.creditCost,
    });
  });
}

const AppointmentInput = z.object({
  serviceId: z.uuid('is not a valid ID'),
  providerId: z.uuid('is not a valid ID'),
  customerId: z.uuid('is not a valid ID'),
  startsAt: z.date(),
  hold: z.boolean().nullish(),
});

export type AppointmentInput = z.input<typeof AppointmentInput>;

/** OUTSIDE_AVAILABILITY unless `span` lies within the provider's weekly rules, on the tenant's clock, and outside their time off. */
async function refuseUnavailable(tx: Tx, providerId: string, span: Span, locale: string) {
  const rules = await tx.providerAvailability.findMany({ where: { providerId } });
  const zone = await reportTimeZone(tx, locale);
  if (!withinRules(rules, zone, span)) {
    const local = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("ccc yyyy-MM-dd HH:mm");
    throw outsideAvailability(`${local(span.startsAt)} to ${local(span.endsAt)} (${zone}) is not within the provider's working hours`);
  }
  if (await providerOff(tx, providerId, span)) throw outsideAvailability('the provider is off at some of that time');
}

export function bookAppointment(db: TenantDb, engine: Engine, locale: string, input: AppointmentInput) {
  const data = parseInput(AppointmentInput, input);
  return inTransaction(db, async (tx) => {
    // MySQL has no exclusion constraint: the provider's bookings queue on their row instead.
    if (engine === 'mysql') await lockRow(tx, 'Provider', data.providerId, 'provider');
    await customerForDocument(tx, data.customerId);
    const service = await tx.service.findUnique({ where: { id: data.serviceId } });
    if (!service) throw notFound('service');
    refuseInactive(service, 'serviceId');
    refuseHoldOf(service, Boolean(data.hold));
    if (service.capacity > 1) throw badInput(`${service.name} is a class: book a place with bookClass`, { field: 'serviceId' });
    const gives = await tx.providerService.findUnique({ where: { providerId_serviceId: { providerId: data.providerId, serviceId: data.serviceId } } });
    if (!gives) {
      if (!(await tx.provider.findUnique({ where: { id: data.providerId }, select: { id: true } }))) throw notFound('provider');
      throw badInput(`the provider does not give ${service.name}`, { field: 'providerId' });
    }
    refusePast(data.startsAt);
    const span = { startsAt: data.startsAt, endsAt: new Date(data.startsAt.getTime() + service.durationMinutes * 60_000) };
    await refuseUnavailable(tx, data.providerId, span, locale);
    if (await providerBooked(tx, data.providerId, span)) throw slotTaken();
    try {
      return await takePlace(tx, Boolean(data.hold), {
        customerId: data.customerId,
        serviceId: service.id,
        providerId: data.providerId,
        classSessionId: null,
        ...span,
        price: service.price,
        creditsUsed: service.creditCost,
      });
    } catch (error) {
      // PostgreSQL: an overlapping booking committed while this one was checked; or two
      // overlapping bookings being written each waited for the other, and the database
      // rolled this one back so the other could go on.
      const failure = classifyDatabaseError(error)?.kind;
      if (failure === 'exclusionViolation' || failure === 'writeConflict') throw slotTaken();
      throw error;
    }
  });
}
