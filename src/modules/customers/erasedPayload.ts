// What erasing a customer leaves of an event that names them; the event itself stays.
// A domain event's payload is a row of its model as the API showed it (`order.paid`:
// the order with its items), so its personal columns are erased as on the row, in the
// rows nested in it too. A tracked event's properties are the client's, of no known
// shape: any text in them that holds one of the customer's personal values goes.
import { EVENT_TYPES } from '../../domain/tenantEvents';
import type { Prisma } from '../../generated/tenant/client';
import { tenantModel, type Column, type Model } from '../../model/tenantModel';

/** What an erased text holds where it cannot be null: a customer's name, a tracked event's text. */
export const ERASED = 'erased customer';

/** What an erased personal column holds: null, or the placeholder where it takes no null. */
export const erasedValue = (column: Column) => (column.nullable ? null : ERASED);

type Json = Prisma.JsonValue;

/** The model whose rows a domain event carries (`order.paid`: Order); none for a tracked event. */
function modelOfEvent(type: string): Model | undefined {
  if (!EVENT_TYPES.includes(type)) return undefined;
  const namespace = type.split('.')[0];
  return tenantModel.models.find((m) => m.singular === namespace);
}

/** `value`, a row of `model` (or a list of them) as an event shows it, with every personal column's value put through `personal`, in nested rows too. */
function mapPersonal(model: Model, value: Json, personal: (column: Column, value: Json) => Json): Json {
  if (Array.isArray(value)) return value.map((item) => mapPersonal(model, item, personal));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const column = model.columns.find((c) => c.name === key);
      if (column?.personal) return [key, personal(column, item ?? null)];
      const relation = model.relations.find((r) => r.name === key);
      const target = relation && tenantModel.models.find((m) => m.name === relation.target);
      return [key, target ? mapPersonal(target, item ?? null, personal) : item];
    }),
  );
}

/** The personal values a domain event recorded: what the customer's row or documents held then (an earlier email), to look for in tracked events. */
export function recordedValues(type: string, payload: Json): string[] {
  const model = modelOfEvent(type);
  const values: string[] = [];
  if (model) {
    mapPersonal(model, payload, (_column, value) => {
      if (typeof value === 'string') values.push(value);
      return value;
    });
  }
  return values;
}

/** Text holding any of `values`, ignoring case (a client may have tracked an email as typed). */
function withoutValues(value: Json, values: readonly string[]): Json {
  if (typeof value === 'string') return values.some((v) => value.toLowerCase().includes(v)) ? ERASED : value;
  if (Array.isArray(value)) return value.map((item) => withoutValues(item, values));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutValues(item ?? null, values)]));
}

/** The payload of an event naming the customer, their personal data erased; `values` are every personal value known of them. */
export function erasedPayload(type: string, payload: Json, values: readonly string[]): Json {
  const model = modelOfEvent(type);
  if (model) return mapPersonal(model, payload, erasedValue);
  const lowered = values.filter((v) => v.trim() !== '').map((v) => v.toLowerCase());
  return lowered.length ? withoutValues(payload, lowered) : payload;
}
