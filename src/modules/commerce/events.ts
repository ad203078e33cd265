// The events the shop records, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
export const EVENTS = ['order.created', 'order.paid', 'order.fulfilled', 'order.cancelled', 'order.refunded'] as const;
