// The events the catalogue records, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
export const EVENTS = ['product.created', 'product.updated', 'product.deleted'] as const;
