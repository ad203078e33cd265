// What a business offers and who gives it: services (a class, or a one-to-one
// appointment when its capacity is 1), providers and the services each gives, their
// weekly availability and their time off.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { nonNegativeAmount } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { WALL_CLOCK_TIME } from './weeklyAvailability';


const ServiceFields = z.object({
  name: z.string().trim().check(fitsColumn('Service', 'name')).min(1, 'is required'),
  description: z.string().trim().check(fitsColumn('Service', 'description', 2000)).nullish(),
  durationMinutes: z.number().int().min(5, 'must be 5 to 1440 minutes').max(1440, 'must be 5 to 1440 minutes'),
  price: nonNegativeAmount,
  capacity: z.number().int().min(1, 'must be 1 (an appointment) to 1000').max(1000, 'must be 1 (an appointment) to 1000'),
  creditCost: z.number().int().min(0, 'must be 0 to 1000').max(1000, 'must be 0 to 1000'),
  active: z.boolean(),
});

const ServiceInput = ServiceFields.partial({ description: true, capacity: true, creditCost: true, active: true });
const ServiceUpdate = ServiceFields.partial();

export type ServiceInput = z.input<typeof ServiceInput>;
export type ServiceUpdate = z.input<typeof ServiceUpdate>;

export function createService(db: TenantDb, input: ServiceInput) {
  return db.service.create({ data: parseInput(ServiceInput, input) });
}

export async function updateService(db: TenantDb, id: string, input: ServiceUpdate) {
  // Fields left out (undefined) stay; null is no value any of them takes but the description.
  const data = parseInput(ServiceUpdate, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  for (const [field, value] of Object.entries(data)) {
    if (value === null && field !== 'description') throw badInput(`${field}: must not be null`, { field });
  }
  return inTransaction(db, async (tx) => {
    if (!(await tx.service.findUnique({ where: { id }, select: { id: true } }))) throw notFound('service');
    return tx.service.update({ where: { id }, data });
  });
}

const ProviderInput = z.object({
  name: z.string().trim().check(fitsColumn('Provider', 'name')).min(1, 'is required'),
  email: z.email('must be an email address').check(fitsColumn('Provider', 'email')).nullish(),
  serviceIds: z.array(z.uuid('is not a valid ID')).max(100).nullish(),
});

export type ProviderInput = z.input<typeof ProviderInput>;

export function createProvider(db: TenantDb, input: ProviderInput) {
  const { serviceIds, ...data } = parseInput(ProviderInput, input);
  const ids = [...new Set((serviceIds ?? []).map((id) => id.toLowerCase()))];
  return inTransaction(db, async (tx) => {
    const known = await tx.service.count({ where: { id: { in: ids } } });
    if (known !== ids.length) throw badInput('serviceIds: names a service that is not there', { field: 'serviceIds' });
    return tx.provider.create({ data: { ...data, email: data.email ?? null, services: { create: ids.map((serviceId) => ({ serviceId })) } } });
  });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const RulesInput = z
  .array(
    z.object({
      weekday: z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'),
      from: z.string().regex(WALL_CLOCK_TIME, 'must be a time "HH:MM" from 00:00 to 24:00'),
      to: z.string().regex(WALL_CLOCK_TIME, 'must be a time "HH:MM" from 00:00 to 24:00'),
    }),
  )
  .max(50)
  .superRefine((rules, ctx) => {
    rules.forEach((rule, i) => {
      if (minutesOf(rule.from) >= minutesOf(rule.to)) ctx.addIssue({ code: 'custom', message: 'must be after from', path: [i, 'to'] });
    });
  });

export type RulesInput = z.input<typeof RulesInput>;

/** Replaces the provider's weekly rules with `rules` (none: the provider takes no appointments). */
export function setProviderAvailability(db: TenantDb, providerId: string, rules: RulesInput) {
  const data = parseInput(z.object({ rules: RulesInput }), { rules }).rules;
  return inTransaction(db, async (tx) => {
    if (!(await tx.provider.findUnique({ where: { id: providerId }, select: { id: true } }))) throw notFound('provider');
    await tx.providerAvailability.deleteMany({ where: { providerId } });
    await tx.providerAvailability.createMany({ data: data.map((rule) => ({ providerId, ...rule })) });
    return tx.provider.findUniqueOrThrow({ where: { id: providerId } });
  });
}

const TimeOffInput = z
  .object({
    startsAt: z.date(),
    endsAt: z.date(),
    reason: z.string().trim().check(fitsColumn('ProviderTimeOff', 'reason')).nullish(),
  })
  .refine((t) => t.startsAt < t.endsAt, { message: 'must be after startsAt', path: ['endsAt'] });

export type TimeOffInput = z.input<typeof TimeOffInput>;

/** A time the provider does not work; bookings already in it stay (cancel them if they must go). */
export function addTimeOff(db: TenantDb, providerId: string, input: TimeOffInput) {
  const data = parseInput(TimeOffInput, input);
  return inTransaction(db, async (tx) => {
    if (!(await tx.provider.findUnique({ where: { id: providerId }, select: { id: true } }))) throw notFound('provider');
    return tx.providerTimeOff.create({ data: { providerId, ...data, reason: data.reason ?? null } });
  });
}
