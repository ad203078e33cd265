// The gym's week (src/demo): a class and a one-to-one service, two trainers with their
// weekly hours, a week of classes on the gym's clock, credit packs sold, and bookings in
// every state a booking reaches, taken and moved through the domain functions the API
// uses, so capacity, credits, invoices and books obey the same rules.
//
// Only what is still to come can be booked, so the week starts tomorrow; the first
// class's bookings are marked COMPLETED and NO_SHOW as the front desk marks them once the
// class is over. One appointment is held, waiting to be paid.
import { DateTime } from 'luxon';
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import { reportTimeZone } from '../../domain/reports/reportPeriod';
import type { Engine } from '../../engine';
import type { PaymentMethod } from '../../generated/tenant/enums';
import { demoCustomers } from '../customers/demo';
import { bookAppointment, bookClass } from './book';
import { cancelBooking, completeBooking, markNoShow, payBooking } from './bookingLifecycle';
import { createProvider, createService, setProviderAvailability, type RulesInput, type ServiceInput } from './catalogue';
import { sellCreditPack } from './creditPacks';
import { scheduleClass } from './schedule';
import { availableSlots } from './slots';

/** What happens to a booking after it is taken; none: it stays as taken. */
type Outcome = 'complete' | 'noShow' | { cancel: string } | { pay: PaymentMethod } | { pay: PaymentMethod; then: 'complete' };

interface DemoGym {
  classService: ServiceInput;
  appointmentService: ServiceInput;
  trainers: Array<{ name: string; email: string; hours: RulesInput }>;
  /** Each week: on these ISO weekdays at this wall-clock time, taught by trainers[trainer]. */
  timetable: Array<{ weekdays: number[]; at: string; trainer: number }>;
  /** Credit packs, by index into the tenant's customers; left unpaid without a method. */
  packs: Array<{ customer: number; credits: number; price: string; method?: PaymentMethod }>;
  /** Places taken in the week's classes (by their order in time), and what became of them. */
  classBookings: Array<{ class: number; customer: number; outcome?: Outcome }>;
  /** Appointments in trainers[trainer]'s free slots of the week (the slot-th), HELD or CONFIRMED, and what became of them. */
  appointments: Array<{ trainer: number; slot: number; customer: number; hold?: boolean; outcome?: Outcome }>;
}

const weekdays = [1, 2, 3, 4, 5];

/** The demo tenants that are gyms. */
const DEMO_GYMS: Record<string, DemoGym> = {
  'demo-gym': {
    classService: { name: 'Spin class', description: '45 minutes on the bike, all levels.', durationMinutes: 45, price: '15.00', capacity: 12, creditCost: 1 },
    appointmentService: { name: 'Personal training', description: 'One hour with a trainer, one to one.', durationMinutes: 60, price: '65.00' },
    trainers: [
      { name: 'Mia Schneider', email: 'mia@demo-gym.com', hours: weekdays.map((weekday) => ({ weekday, from: '07:00', to: '13:00' })) },
      { name: 'Jonas Weber', email: 'jonas@demo-gym.com', hours: [...weekdays.map((weekday) => ({ weekday, from: '14:00', to: '20:00' })), { weekday: 6, from: '09:00', to: '14:00' }] },
    ],
    timetable: [
      { weekdays, at: '07:30', trainer: 0 },
      { weekdays, at: '18:30', trainer: 1 },
      { weekdays: [6], at: '10:00', trainer: 1 },
    ],
    packs: [
      { customer: 0, credits: 10, price: '120.00', method: 'CARD' },
      { customer: 1, credits: 10, price: '120.00', method: 'CASH' },
      { customer: 2, credits: 10, price: '120.00' },
      { customer: 3, credits: 5, price: '65.00', method: 'CARD' },
    ],
    classBookings: [
      { class: 0, customer: 0, outcome: 'complete' },
      { class: 0, customer: 1, outcome: 'complete' },
      { class: 0, customer: 3, outcome: 'noShow' },
      { class: 1, customer: 2 },
      { class: 1, customer: 0 },
      { class: 3, customer: 1, outcome: { cancel: 'Knee injury, resting this week' } },
      { class: 4, customer: 0 },
      { class: 4, customer: 2 },
      { class: 4, customer: 3 },
      { class: 6, customer: 1 },
    ],
    appointments: [
      { trainer: 0, slot: 2, customer: 5, outcome: { pay: 'CARD', then: 'complete' } },
      { trainer: 1, slot: 4, customer: 4, outcome: { pay: 'BANK_TRANSFER' } },
      { trainer: 1, slot: 12, customer: 5, outcome: { cancel: 'Away on business' } },
      { trainer: 0, slot: 9, customer: 4 },
      { trainer: 1, slot: 20, customer: 2, hold: true },
    ],
  },
};

/** The classes of the seven days from `firstDay`, on the gym's clock, in order of time. */
function weekOfClasses(gym: DemoGym, firstDay: DateTime) {
  const days = Array.from({ length: 7 }, (_, i) => firstDay.plus({ days: i }));
  return days
    .flatMap((day) =>
      gym.timetable
        .filter((entry) => entry.weekdays.includes(day.weekday))
        .map((entry) => {
          const [hour, minute] = entry.at.split(':').map(Number);
          return { startsAt: day.set({ hour, minute }).toJSDate(), trainer: entry.trainer };
        }),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

async function follow(db: TenantDb, demo: DemoTenant, bookingId: string, outcome: Outcome | undefined): Promise<void> {
  if (!outcome) return;
  if (outcome === 'complete') await completeBooking(db, bookingId);
  else if (outcome === 'noShow') await markNoShow(db, bookingId);
  else if ('cancel' in outcome) await cancelBooking(db, bookingId, demo.locale, outcome.cancel, { mayRefund: async () => undefined });
  else {
    await payBooking(db, bookingId, demo, { method: outcome.pay });
    if ('then' in outcome) await completeBooking(db, bookingId);
  }
}

export async function seedBookingsDemo(db: TenantDb, demo: DemoTenant, engine: Engine): Promise<void> {
  const gym = DEMO_GYMS[demo.slug];
  if (!gym || (await db.service.count()) > 0) return;
  const customers = await demoCustomers(db, demo);
  const spin = await createService(db, gym.classService);
  const training = await createService(db, gym.appointmentService);
  const trainers = [];
  for (const trainer of gym.trainers) {
    const { id } = await createProvider(db, { name: trainer.name, email: trainer.email, serviceIds: [spin.id, training.id] });
    await setProviderAvailability(db, id, trainer.hours);
    trainers.push(id);
  }
  const tomorrow = DateTime.now().setZone(await reportTimeZone(db, demo.locale)).startOf('day').plus({ days: 1 });
  const classes = [];
  for (const { startsAt, trainer } of weekOfClasses(gym, tomorrow)) {
    const [session] = await scheduleClass(db, demo.locale, { serviceId: spin.id, providerId: trainers[trainer], startsAt });
    classes.push(session);
  }
  for (const pack of gym.packs) await sellCreditPack(db, demo, { customerId: customers[pack.customer].id, credits: pack.credits, price: pack.price, method: pack.method });
  for (const booking of gym.classBookings) {
    const { id } = await bookClass(db, classes[booking.class].id, customers[booking.customer].id);
    await follow(db, demo, id, booking.outcome);
  }
  // Each appointment in a slot still free once the classes and the earlier appointments are in.
  const week = { from: tomorrow.toJSDate(), to: tomorrow.plus({ days: 7 }).toJSDate() };
  for (const appointment of gym.appointments) {
    const providerId = trainers[appointment.trainer];
    const slots = await availableSlots(db, demo.locale, { serviceId: training.id, providerId, ...week });
    const { id } = await bookAppointment(db, engine, demo.locale, { serviceId: training.id, providerId, startsAt: slots[appointment.slot].startsAt, customerId: customers[appointment.customer].id, hold: appointment.hold });
    await follow(db, demo, id, appointment.outcome);
  }
}
