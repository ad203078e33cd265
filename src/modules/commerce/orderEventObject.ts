// An order as the API shows it, for the events it emits (order.created, order.paid, ...).
import type { Order, OrderItem } from '../../generated/tenant/client';
import { eventObject } from '../tenantEvents';

export const orderEventObject = (order: Order & { items: OrderItem[] }) => eventObject(order);
