// The events the customers module records, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
// customer.erased carries the id and erasedAt only: what was erased is not to travel on.
export const EVENTS = ['customer.created', 'customer.updated', 'customer.deleted', 'customer.erased'] as const;
