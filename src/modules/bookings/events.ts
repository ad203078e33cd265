// The events bookings record, each in the transaction of its change: webhooks
// subscribe to them and the live feed streams them (src/domain/tenantEvents.ts).
export const EVENTS = ['booking.created', 'booking.cancelled', 'booking.completed'] as const;
