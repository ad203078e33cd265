// What keeps a provider from taking an appointment: their live appointments, the
// classes they teach and their time off.
import type { Tx } from '../../domain/transaction';
import type { Span } from './weeklyAvailability';

type Reads = Pick<Tx, 'booking' | 'classSession' | 'providerTimeOff'>;

const overlapping = (span: Span) => ({ startsAt: { lt: span.endsAt }, endsAt: { gt: span.startsAt } });

/** Whether the provider has an appointment that is not cancelled, or teaches a class, at some of `span`. */
export async function providerBooked(tx: Reads, providerId: string, span: Span): Promise<boolean> {
  const appointment = await tx.booking.findFirst({
    where: { providerId, classSessionId: null, status: { not: 'CANCELLED' }, ...overlapping(span) },
    select: { id: true },
  });
  if (appointment) return true;
  return (await tx.classSession.findFirst({ where: { providerId, ...overlapping(span) }, select: { id: true } })) !== null;
}

export async function providerOff(tx: Reads, providerId: string, span: Span): Promise<boolean> {
  return (await tx.providerTimeOff.findFirst({ where: { providerId, ...overlapping(span) }, select: { id: true } })) !== null;
}

/** Every span of [from, to) the provider cannot take an appointment in. */
export async function providerBusy(tx: Reads, providerId: string, span: Span): Promise<Span[]> {
  const select = { startsAt: true, endsAt: true } as const;
  const [appointments, classes, timeOff] = await Promise.all([
    tx.booking.findMany({ where: { providerId, classSessionId: null, status: { not: 'CANCELLED' }, ...overlapping(span) }, select }),
    tx.classSession.findMany({ where: { providerId, ...overlapping(span) }, select }),
    tx.providerTimeOff.findMany({ where: { providerId, ...overlapping(span) }, select }),
  ]);
  return [...appointments, ...classes, ...timeOff];
}
