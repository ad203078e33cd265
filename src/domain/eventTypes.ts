// Which event types belong to the tenant's data and which a client may name. Domain
// events (`order.paid`) are written by the changes they report and delivered to
// webhooks; a client tracking events must not be able to forge one, so every name
// in a domain namespace (`order`, `invoice`, ...) is the data's, whatever follows it.
import { EVENT_TYPES } from './tenantEvents';

/** `order`, `invoice`, ...: the first word of every domain event type. */
export const DOMAIN_NAMESPACES = [...new Set(EVENT_TYPES.map((type) => type.split('.')[0]))];

/** Lower case, starting with a letter, then letters, digits and `_ . : -`: `page_view`, `checkout.step:2`. */
export const TRACKED_TYPE = /^[a-z][a-z0-9_.:-]{0,63}$/;

/** Whether `type` is in a domain namespace: `order.paid`, and also `order`, `order:paid` or `invoice-x`. */
export const isDomainType = (type: string) => DOMAIN_NAMESPACES.includes(type.split(/[.:_-]/)[0]);
