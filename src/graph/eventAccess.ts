// What of a tenant's events a member sees in the live feed, by the same rules as a
// query of the rows: an event of a model's rows (`trainer.created`, `order.paid`) only
// for a role that may read the model, and without the columns the role may not read
// (`/// @access` in the model, src/auth/policy.ts). Webhooks are set up by admins and
// owners, who receive the events whole.
import { Repeater } from '@repeaterjs/repeater';
import { reaches } from '../auth/policy';
import { EVENT_TYPES } from '../domain/tenantEvents';
import type { MemberRole } from '../generated/platform/enums';
import type { TenantEventMessage } from '../webhooks/liveFeed';
import { graphModels } from '../model/tenantModel';

const bySingular = new Map(graphModels.map((m) => [m.singular, m]));
const knownTypes = new Set(EVENT_TYPES);

/** The event as `role` may see it, or null when it may not see it at all. */
export function eventSeenBy(role: MemberRole, event: TenantEventMessage): TenantEventMessage | null {
  const model = knownTypes.has(event.type) ? bySingular.get(event.type.slice(0, event.type.lastIndexOf('.'))) : undefined;
  if (!model) return event;
  if (!reaches(role, model.access.read)) return null;
  const unreadable = model.columns.filter((c) => c.readRole && !reaches(role, c.readRole)).map((c) => c.name);
  if (unreadable.length === 0 || !event.object || typeof event.object !== 'object' || Array.isArray(event.object)) return event;
  return { ...event, object: Object.fromEntries(Object.entries(event.object).filter(([key]) => !unreadable.includes(key))) };
}

/** `events` as `role` may see them. */
export function eventsSeenBy(role: MemberRole, events: AsyncIterable<TenantEventMessage>): AsyncIterable<TenantEventMessage> {
  return new Repeater<TenantEventMessage>(async (push, stop) => {
    const iterator = events[Symbol.asyncIterator]();
    // Ending the feed ends the events' iterator, and with it a wait for the next one.
    void stop.then(() => iterator.return?.());
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const seen = eventSeenBy(role, next.value);
      if (seen) await push(seen);
    }
    stop();
  });
}
