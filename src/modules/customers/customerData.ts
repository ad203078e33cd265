// What the tenant holds about one customer (GDPR art. 15, the right of access): their
// row, every row about them (customerRows.ts) and every event naming them
// (customerEvents.ts), each as the API shows it (decimals as strings, times in UTC, the
// same on every engine), under the names of the graph's lists. A kind of row the tenant
// holds none of is left out: which kinds there can be depends on the build's modules and
// models anyway. So are the models and columns the caller's role may not read in the
// graph (`@access`).
import { authorizeRole, reaches } from '../../auth/policy';
import type { TenantDb } from '../../db/tenantClient';
import { notFound } from '../../errors';
import { shownRow } from '../../graph/modelWrites';
import { graphModels, modelNamed, type Model, type Role } from '../../model/tenantModel';
import { eventsNaming } from './customerEvents';
import { CUSTOMER_ROWS, rowsAbout } from './customerRows';

/** The model as `role` reads it in the graph: none when it may not, else only the columns it may read. */
function readableBy(role: Role, name: string): Model | undefined {
  const model = graphModels.find((m) => m.name === name);
  if (!model || !reaches(role, model.access.read)) return undefined;
  return { ...model, columns: model.columns.filter((c) => !c.readRole || reaches(role, c.readRole)) };
}

const selectOf = (model: Model) => Object.fromEntries(model.columns.map((c) => [c.name, true as const]));

export async function customerData(db: TenantDb, id: string, role: Role): Promise<Record<string, unknown>> {
  authorizeRole(role, modelNamed('Customer').access.read, 'read customers');
  const customer = await db.customer.findUnique({ where: { id } });
  if (!customer) throw notFound('customer');
  const data: Record<string, unknown> = { customer: shownRow(readableBy(role, 'Customer')!, customer) };
  const list = (model: Model, found: Array<Record<string, unknown>>) => {
    if (found.length > 0) data[model.plural] = found.map((row) => shownRow(model, row));
  };
  for (const rows of CUSTOMER_ROWS) {
    const model = readableBy(role, rows.model.name);
    if (model) list(model, await rowsAbout(db, rows, id, selectOf(model)));
  }
  const events = readableBy(role, 'TenantEvent');
  if (events) list(events, await db.tenantEvent.findMany({ where: { id: { in: await eventsNaming(db, id) } }, orderBy: { id: 'asc' } }));
  return data;
}
