// A gym's set-up as the bookings tests need it, through the tenant's API: services,
// providers with their weekly rules, classes and customers with credits.
import type { TenantApi } from './tenantApi';

export interface ServiceFields {
  name: string;
  durationMinutes: number;
  price: string;
  capacity?: number;
  creditCost?: number;
}

export const bookingsApi = (api: TenantApi) => ({
  async service(input: ServiceFields): Promise<string> {
    return (await api.call('mutation($i: ServiceInput!) { createService(input: $i) { id } }', { i: input })).createService.id;
  },
  async provider(name: string, serviceIds: string[], rules: Array<{ weekday: number; from: string; to: string }>): Promise<string> {
    const { id } = (await api.call('mutation($i: ProviderInput!) { createProvider(input: $i) { id } }', { i: { name, serviceIds } })).createProvider;
    await api.call('mutation($p: ID!, $r: [AvailabilityRuleInput!]!) { setProviderAvailability(providerId: $p, rules: $r) { id } }', { p: id, r: rules });
    return id;
  },
  async classes(input: { serviceId: string; providerId: string; startsAt: string; capacity?: number; repeatWeeks?: number }): Promise<string[]> {
    const { scheduleClass } = await api.call('mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id } }', { i: input });
    return scheduleClass.map((session: { id: string }) => session.id);
  },
  async creditPack(customerId: string, credits: number, price = '0'): Promise<void> {
    await api.call('mutation($c: ID!, $n: Int!, $p: Decimal!) { sellCreditPack(customerId: $c, credits: $n, price: $p, method: CASH) { id } }', { c: customerId, n: credits, p: price });
  },
  async balance(customerId: string): Promise<number> {
    return (await api.call('query($id: ID!) { customer(id: $id) { creditBalance } }', { id: customerId })).customer.creditBalance;
  },
});

/** Every day of the week, all day: rules under which any time can be booked. */
export const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));

/** Midnight UTC `days` from now, as ISO text: a start safely in the future. */
export function daysAhead(days: number, hour = 0): string {
  const day = new Date();
  day.setUTCHours(hour, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString();
}
