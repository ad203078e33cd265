// Bookings for gyms, studios and salons: services, providers and their weekly
// availability, classes with a capacity, appointments, and customers' credits.
import { createdInMonthOf } from '../../billing/planLimits';
import type { TenantModule } from '../tenantModule';
import { BookingResolver } from './bookingResolver';
import { CreditResolver } from './creditResolver';
import { seedBookingsDemo } from './demo';
import { REMINDER_TASK, reminderTask, remindersOfEvents } from './reminderJob';
import { ScheduleResolver } from './scheduleResolver';
import { ServiceResolver } from './serviceResolver';

export const tenantModule: TenantModule = {
  name: 'bookings',
  resolvers: [ServiceResolver, ScheduleResolver, BookingResolver, CreditResolver],
  seedDemo: seedBookingsDemo,
  limitCounts: { maxBookingsPerMonth: (db, now) => db.booking.count({ where: createdInMonthOf(now) }) },
  tasks: (services) => ({ [REMINDER_TASK]: reminderTask(services) }),
  onRelay: remindersOfEvents,
};
