// The events the customers module records, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
export const EVENTS = ['customer.created', 'customer.updated', 'customer.deleted'] as const;
