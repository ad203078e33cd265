// A booking's life after it is taken: CONFIRMED (or HELD) -> COMPLETED or NO_SHOW, or
// CANCELLED, which frees the place and, before the cancellation cut-off (a setting),
// gives the credits back; a paid booking's invoice is voided, so its sale and payment
// are reversed in the books. Paying issues a sale invoice through the invoicing rules
// and records its payment. Each step is one transaction on the locked booking row.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { joinTransaction } from '../../db/joinTransaction';
import type { TenantDb } from '../../db/tenantClient';
import { lockRow } from '../../domain/lockRow';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import { defaultSettings, readSetting } from '../../domain/settings';
import { eventObject, recordTenantEvent, type DomainEventType } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import type { Booking, Prisma } from '../../generated/tenant/client';
import type { BookingStatus } from '../../generated/tenant/enums';
import { PaymentMethod } from '../../generated/tenant/enums';
import { createInvoice } from '../invoicing/invoices';
import { issueInvoice } from '../invoicing/issueInvoice';
import { recordPayment } from '../invoicing/recordPayment';
import { voidInvoice } from '../invoicing/voidInvoice';
import { addCredits } from './credits';

function refuseUnless(booking: Booking, allowed: BookingStatus[], step: string) {
  if (!allowed.includes(booking.status)) {
    throw badInput(`the booking is ${booking.status}: only ${allowed.join(' or ')} bookings can be ${step}`, { status: booking.status });
  }
}

/** Runs `step` on the locked booking, saves what it changes, and records `event` (if any) with the booking as it then is. */
async function bookingStep(db: TenantDb, id: string, event: DomainEventType | null, step: (tx: Tx, booking: Booking) => Promise<Prisma.BookingUncheckedUpdateInput>) {
  return inTransaction(db, async (tx) => {
    await lockRow(tx, 'Booking', id, 'booking');
    const booking = await tx.booking.findUniqueOrThrow({ where: { id } });
    const updated = await tx.booking.update({ where: { id }, data: await step(tx, booking) });
    if (event) await recordTenantEvent(tx, event, eventObject(updated));
    return updated;
  });
}

const CancelInput = z.object({ reason: z.string().trim().check(fitsColumn('Booking', 'cancelReason', 500)).nullish() });

export interface CancelRights {
  /** Asked before a paid booking's invoice is voided: refunding money is for those who may void invoices. */
  mayRefund: () => Promise<unknown>;
}

export function cancelBooking(db: TenantDb, id: string, locale: string, reason: string | null | undefined, rights: CancelRights) {
  const data = parseInput(CancelInput, { reason });
  return bookingStep(db, id, 'booking.cancelled', async (tx, booking) => {
    refuseUnless(booking, ['HELD', 'CONFIRMED'], 'cancelled');
    const now = new Date();
    if (booking.classSessionId) await tx.classSession.update({ where: { id: booking.classSessionId }, data: { booked: { decrement: 1 } } });
    if (booking.creditsUsed > 0) {
      const cutoff = await readSetting(tx, 'booking.cancellationCutoffMinutes', defaultSettings(locale)['booking.cancellationCutoffMinutes']);
      if (now.getTime() <= booking.startsAt.getTime() - cutoff * 60_000) await addCredits(tx, booking.customerId, booking.creditsUsed, 'REFUND', { bookingId: id });
    }
    if (booking.invoiceId) {
      await rights.mayRefund();
      await voidInvoice(joinTransaction(tx), booking.invoiceId);
    }
    return { status: 'CANCELLED', cancelledAt: now, cancelReason: data.reason ?? null };
  });
}

export function completeBooking(db: TenantDb, id: string) {
  return bookingStep(db, id, 'booking.completed', async (_tx, booking) => {
    refuseUnless(booking, ['HELD', 'CONFIRMED'], 'completed');
    return { status: 'COMPLETED' };
  });
}

/** The customer did not come: the place stays taken and the credits spent. */
export function markNoShow(db: TenantDb, id: string) {
  return bookingStep(db, id, null, async (_tx, booking) => {
    refuseUnless(booking, ['HELD', 'CONFIRMED'], 'marked as a no-show');
    return { status: 'NO_SHOW' };
  });
}

const PayInput = z.object({ method: z.enum(PaymentMethod), reference: z.string().trim().min(1).check(fitsColumn('Payment', 'reference', 100)).nullish() });

/** Issues the booking's sale invoice (one line: the service at the booking's price, taxed at the tenant's rate) and records its payment. */
export function payBooking(db: TenantDb, id: string, tenant: { currency: string; locale: string }, input: z.input<typeof PayInput>) {
  const data = parseInput(PayInput, input);
  return bookingStep(db, id, null, async (tx, booking) => {
    refuseUnless(booking, ['HELD', 'CONFIRMED', 'COMPLETED', 'NO_SHOW'], 'paid');
    if (booking.invoiceId) throw badInput('the booking is paid already', { invoiceId: booking.invoiceId });
    if (booking.creditsUsed > 0) throw badInput(`the booking was paid with ${booking.creditsUsed} credits`, { creditsUsed: booking.creditsUsed });
    if (!booking.price.gt(0)) throw badInput('the booking is free: there is nothing to pay');
    const service = await tx.service.findUniqueOrThrow({ where: { id: booking.serviceId }, select: { name: true } });
    const zone = await reportTimeZone(tx, tenant.locale);
    const when = DateTime.fromJSDate(booking.startsAt, { zone }).toFormat('yyyy-MM-dd HH:mm');
    const inBooking = joinTransaction(tx);
    const invoice = await createInvoice(inBooking, tenant.currency, tenant.locale, {
      kind: 'SALE',
      customerId: booking.customerId,
      notes: `booking ${booking.id}`,
      items: [{ description: `${service.name}, ${when}`, quantity: '1', unitPrice: booking.price.toFixed(2) }],
    });
    const issued = await issueInvoice(inBooking, invoice.id);
    await recordPayment(inBooking, invoice.id, { amount: issued.total.toFixed(2), method: data.method, reference: data.reference });
    return { invoiceId: invoice.id, ...(booking.status === 'HELD' ? { status: 'CONFIRMED' as const } : {}) };
  });
}
