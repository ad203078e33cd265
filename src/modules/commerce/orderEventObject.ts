// An order as the API shows it, for the events it emits (order.created, order.paid, ...).
import { eventObject } from '../../domain/tenantEvents';
import type { Order, OrderItem } from '../../generated/tenant/client';

export const orderEventObject = (order: Order & { items: OrderItem[] }) => eventObject(order);
