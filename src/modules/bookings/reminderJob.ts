// A confirmed booking's reminder mail, sent booking.reminderLeadMinutes before it
// starts. Each booking has one graphile-worker job on the platform database (its key:
// tenant and booking), queued from the relay of the booking's events (onRelay) rather
// than in the booking's transaction, which is on the tenant's database: an event
// exists exactly when its booking committed, so the job follows the booking without a
// transaction across the two databases. Every booking event queues the job to run at
// once; the job reads the booking and the setting as they are then and either waits
// (queues itself again for the time the mail is due), sends, or ends. So a cancelled
// booking ends its job, and a booking whose time or lead changed is reminded on time.
// (A lead changed later moves a waiting job when it wakes: a shorter lead waits on, a
// longer one is served then.) Events a process left unrelayed when it died are relayed
// with the tenant's next write, or by the sweep when the tenant has webhooks.
//
// Sent once, whichever process or attempt runs the job: the booking is marked
// (reminderSentAt) by a conditional update before the mail goes out, and only the run
// whose update took sends; a mail the SMTP server does not take unmarks it and is
// tried again with graphile-worker's backoff. A process that dies between the mark
// and the mail loses that one mail rather than risk sending it twice.
import type { Task } from 'graphile-worker';
import { DateTime } from 'luxon';
import type { TenantDb } from '../../db/tenantClient';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import { defaultSettings, readSetting } from '../../domain/settings';
import type { PlatformDb } from '../../db/platformClient';
import type { Services } from '../../services';
import type { TenantRecord } from '../../tenancy/tenantRegistry';
import type { OutboxEvent } from '../../webhooks/outboxTable';
import { EVENTS } from './events';
import { reminderMail } from './reminderMail';

export const REMINDER_TASK = 'tenantgraph:booking-reminder';

interface ReminderPayload {
  tenantId: string;
  bookingId: string;
}

// graphile-worker waits about e^n seconds before attempt n + 1: ten attempts outlast
// some three and a half hours of a mail server being away.
const MAX_ATTEMPTS = 10;
/** A job woken this little before its mail is due sends it rather than waiting again. */
const EARLY_MS = 1000;

const jobKey = (tenantId: string) => `booking-reminder:${tenantId}:`;

/** Queues (or moves) the reminder jobs of the tenant's bookings: to run at `runAt`, or at once. */
async function queueReminders(platform: Pick<PlatformDb, '$executeRaw'>, tenantId: string, bookingIds: readonly string[], runAt: Date | null = null): Promise<void> {
  await platform.$executeRaw`SELECT graphile_worker.add_job(
    ${REMINDER_TASK}::text,
    json_build_object('tenantId', ${tenantId}::text, 'bookingId', booking_id),
    run_at := ${runAt}::timestamptz,
    max_attempts := ${MAX_ATTEMPTS}::int,
    job_key := ${jobKey(tenantId)}::text || booking_id
  ) FROM unnest(${bookingIds}::text[]) AS booking_id`;
}

const BOOKING_EVENTS: readonly string[] = EVENTS;

/**
 * The relay's part: every booking an event is about has its reminder looked at again.
 * Without SMTP_URL a process queues none (there would be no mail to send); gateways of
 * one platform share their settings.
 */
export async function remindersOfEvents(services: Pick<Services, 'platform' | 'mailer'>, tenant: TenantRecord, events: readonly OutboxEvent[]): Promise<void> {
  if (!services.mailer) return;
  const bookingIds = new Set(events.filter((event) => BOOKING_EVENTS.includes(event.type)).map((event) => (event.payload as { id: string }).id));
  if (bookingIds.size > 0) await queueReminders(services.platform, tenant.id, [...bookingIds]);
}

/** The booking as its reminder needs it, or null when it has none to come (gone, cancelled, done, already reminded, started). */
async function bookingToRemind(db: TenantDb, bookingId: string, now: Date) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    select: {
      status: true,
      startsAt: true,
      endsAt: true,
      reminderSentAt: true,
      customer: { select: { name: true, email: true } },
      service: { select: { name: true } },
      provider: { select: { name: true } },
    },
  });
  const live = booking?.status === 'HELD' || booking?.status === 'CONFIRMED';
  return live && !booking.reminderSentAt && booking.startsAt > now ? booking : null;
}

/** Marks the booking reminded if it is still confirmed and nobody has reminded it: answers whether this call did. */
async function claimReminder(db: TenantDb, bookingId: string, at: Date): Promise<boolean> {
  const { count } = await db.booking.updateMany({ where: { id: bookingId, status: 'CONFIRMED', reminderSentAt: null }, data: { reminderSentAt: at } });
  return count === 1;
}

async function remind(services: Pick<Services, 'platform' | 'pool' | 'mailer' | 'log'>, { tenantId, bookingId }: ReminderPayload): Promise<void> {
  const { platform, pool, mailer, log } = services;
  const tenant = await platform.tenant.findUnique({ where: { id: tenantId } });
  if (tenant?.status !== 'ACTIVE') return;
  const lease = pool.acquire(tenant);
  try {
    const { db } = lease;
    const now = new Date();
    const booking = await bookingToRemind(db, bookingId, now);
    if (!booking) return;
    const leadMinutes = await readSetting(db, 'booking.reminderLeadMinutes', defaultSettings(tenant.locale)['booking.reminderLeadMinutes']);
    const due = DateTime.fromJSDate(booking.startsAt).minus({ minutes: leadMinutes }).toJSDate();
    if (due.getTime() - now.getTime() > EARLY_MS) return queueReminders(platform, tenantId, [bookingId], due);
    // Still HELD when its mail is due: a booking that was never confirmed is not reminded.
    if (booking.status !== 'CONFIRMED' || !booking.customer.email) return;
    if (!mailer) throw new Error('SMTP_URL is not set on this process: the booking reminder is left for another attempt');
    const mail = reminderMail(tenant, await reportTimeZone(db, tenant.locale), { ...booking, customer: { ...booking.customer, email: booking.customer.email } });
    if (!(await claimReminder(db, bookingId, now))) return;
    try {
      await mailer.send(mail);
    } catch (err) {
      await db.booking.updateMany({ where: { id: bookingId, reminderSentAt: now }, data: { reminderSentAt: null } });
      throw err;
    }
    log.info({ tenant: tenant.slug, bookingId }, 'booking reminder sent');
  } finally {
    lease.release();
  }
}

export const reminderTask = (services: Pick<Services, 'platform' | 'pool' | 'mailer' | 'log'>): Task => async (payload) => remind(services, payload as ReminderPayload);
