// The events invoicing records, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
export const EVENTS = ['invoice.issued', 'invoice.paid', 'invoice.voided', 'stock.adjusted'] as const;
