// Erasing a customer (GDPR art. 17, the right to erasure): their personal data goes
// from their own row, from the rows about them (customerRows.ts) and from the events
// naming them (customerEvents.ts); what the business must keep stays (amounts, postings,
// document numbers, ids), so the books balance as before. What is personal is what the
// tenant model marks `/// @personal`. One tenant transaction, announced as
// `customer.erased` with the id and the time only.
import { isDeepStrictEqual } from 'node:util';
import type { TenantDb } from '../../db/tenantClient';
import { recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import type { Prisma } from '../../generated/tenant/client';
import { delegateOf } from '../../graph/modelWrites';
import { tenantModel, type Model } from '../../model/tenantModel';
import { eventsNaming } from './customerEvents';
import { CUSTOMER_ROWS, rowsAbout } from './customerRows';
import { lockCustomer, refuseErased } from './customers';
import { erasedPayload, erasedValue, recordedValues } from './erasedPayload';

/** An event whose payload erasing rewrote, as it now is. */
export interface ErasedEvent {
  id: string;
  payload: Prisma.JsonValue;
}

const personalColumns = (model: Model) => model.columns.filter((c) => c.personal);
const erasedData = (model: Model) => Object.fromEntries(personalColumns(model).map((c) => [c.name, erasedValue(c)]));
const selectOf = (model: Model) => Object.fromEntries(personalColumns(model).map((c) => [c.name, true as const]));
const textsOf = (rows: Array<Record<string, unknown>>) => rows.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));

/** Rewrites the events naming the customer; `known` are their personal values the rows held. */
async function eraseFromEvents(tx: Tx, id: string, known: string[]): Promise<ErasedEvent[]> {
  const events = await tx.tenantEvent.findMany({ where: { id: { in: await eventsNaming(tx, id) } }, select: { id: true, type: true, payload: true } });
  // What their earlier events recorded (an email since changed) is theirs too.
  const values = [...new Set([...known, ...events.flatMap((e) => recordedValues(e.type, e.payload))])];
  const rewritten: ErasedEvent[] = [];
  for (const event of events) {
    const payload = erasedPayload(event.type, event.payload, values);
    if (isDeepStrictEqual(payload, event.payload)) continue;
    await tx.tenantEvent.update({ where: { id: event.id }, data: { payload: payload as Prisma.InputJsonValue } });
    rewritten.push({ id: event.id, payload });
  }
  return rewritten;
}

/**
 * Erases customer `id` (NOT_FOUND if there is none; CONFLICT once erased). Copies of
 * the rewritten events kept outside the tenant (webhook deliveries) are for
 * `beforeCommit` to rewrite: it runs inside the transaction, so when it fails nothing
 * is erased and the erasure can be tried again.
 */
export function eraseCustomer(db: TenantDb, id: string, beforeCommit: (events: ErasedEvent[]) => Promise<void>) {
  return inTransaction(db, async (tx) => {
    refuseErased(id, await lockCustomer(tx, id));
    const customerModel = tenantModel.models.find((m) => m.name === 'Customer')!;
    const known = textsOf(await delegateOf(tx, customerModel).findMany({ where: { id }, select: selectOf(customerModel) }));
    for (const rows of CUSTOMER_ROWS) {
      if (personalColumns(rows.model).length === 0) continue;
      known.push(...textsOf(await rowsAbout(tx, rows, id, selectOf(rows.model))));
      await delegateOf(tx, rows.model).updateMany({ where: rows.where(id), data: erasedData(rows.model) });
    }
    const events = await eraseFromEvents(tx, id, known);
    const erasedAt = new Date();
    const customer = await tx.customer.update({ where: { id }, data: { ...erasedData(customerModel), erasedAt } });
    await recordTenantEvent(tx, 'customer.erased', { id, erasedAt: erasedAt.toISOString() });
    await beforeCommit(events);
    return customer;
  });
}
