// What happened in a tenant, recorded where it happened: a change of its data is
// written as a TenantEvent in the transaction that makes the change (an outbox), so
// an event exists exactly when its change committed, and a process that dies right
// after the commit loses nothing. Webhooks deliver events from this table, the
// analytics read it, and the live feed streams it.
import { MODULE_EVENTS } from '../generated/moduleEvents';
import { Prisma } from '../generated/tenant/client';
import { tenantModel, type Model } from '../model/tenantModel';
import type { Tx } from './transaction';

/** The events the rules of the modules built in record (their events.ts); tracked (analytics) events have types of the client's choosing. */
export type DomainEventType = (typeof MODULE_EVENTS)[number];

/** The events of the models no module claims (a deployment's own), written by their generic mutations: gymClass.created, ... */
export type ModelEventType = `${string}.${'created' | 'updated' | 'deleted'}`;

/** Whether a model's rows announce their changes (`gymClass.deleted`): the graph's models that no module claims. */
export const announcesChanges = (model: Model) => !model.hidden && !model.module;

export const MODEL_EVENT_TYPES: ModelEventType[] = tenantModel.models
  .filter(announcesChanges)
  .flatMap((m) => (['created', 'updated', 'deleted'] as const).map((what) => `${m.singular}.${what}` as const));

/** Every type a tenant's data emits, what webhooks may subscribe to. */
export const EVENT_TYPES: readonly string[] = [...MODULE_EVENTS, ...MODEL_EVENT_TYPES];

/** Records that `type` happened to `object` (as the API shows it), inside the transaction of the change. */
export async function recordTenantEvent(tx: Tx, type: DomainEventType | ModelEventType, object: Prisma.InputJsonValue): Promise<{ id: string }> {
  return tx.tenantEvent.create({ data: { type, payload: object }, select: { id: true } });
}

/** A row as the API shows it, JSON-safe: decimals as strings, dates as ISO strings, nested rows alike. */
export function eventObject(value: unknown): Prisma.InputJsonValue {
  if (value instanceof Prisma.Decimal) return value.toFixed();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(eventObject);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, eventObject(v)]));
  }
  return value as Prisma.InputJsonValue;
}
