// What a booking's reminder says: who, what, with whom and when, the time on the wall
// clock of the tenant's time zone (the one its availability and slots are in), so a
// customer reads the time they booked.
import { DateTime } from 'luxon';
import type { Mail } from '../../notifications/mailer';
import type { TenantRecord } from '../../tenancy/tenantRegistry';

export interface RemindedBooking {
  startsAt: Date;
  endsAt: Date;
  customer: { name: string; email: string };
  service: { name: string };
  provider: { name: string };
}

export function reminderMail(tenant: Pick<TenantRecord, 'name'>, timeZone: string, booking: RemindedBooking): Mail {
  const local = (moment: Date) => DateTime.fromJSDate(moment, { zone: timeZone }).setLocale('en-GB');
  const starts = local(booking.startsAt);
  const when = `${starts.toFormat('cccc d LLLL yyyy, HH:mm')} to ${local(booking.endsAt).toFormat('HH:mm')} (${timeZone})`;
  return {
    to: booking.customer.email,
    subject: `Reminder: ${booking.service.name} at ${tenant.name}, ${starts.toFormat('cccc d LLLL, HH:mm')}`,
    text: [
      `Hello ${booking.customer.name},`,
      '',
      `this is a reminder of your booking at ${tenant.name}:`,
      '',
      `  ${booking.service.name} with ${booking.provider.name}`,
      `  ${when}`,
      '',
      'If you cannot come, please cancel it in time, so that someone else can have your place.',
    ].join('\n'),
  };
}
