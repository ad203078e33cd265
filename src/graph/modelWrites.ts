// Writing a row of a model no module claims (a deployment's own): what the generic
// create, update and delete mutations do, each in one tenant transaction with its
// event in the outbox (`gymClass.created`, for webhooks and the live feed). Input is
// checked from the model before any database work, the same on both engines: text
// lengths (tenantModel.ts maxLength), a decimal's digits from @db.Decimal(p, s) (never
// rounded), the row's references (a missing id, or another tenant's, is NOT_FOUND);
// and a delete that rows still refer to is a CONFLICT naming them. Rows a delete takes
// with it (onDelete: Cascade) get their own `.deleted` events.
import { ErrorCode, badInput, gatewayError, notFound } from '../errors';
import { parseId } from '../ids';
import type { TenantDb } from '../db/tenantClient';
import { announcesChanges, eventObject, recordTenantEvent } from '../domain/tenantEvents';
import { inTransaction, type Tx } from '../domain/transaction';
import { lowerFirst } from '../model/names';
import { modelNamed, tenantModel, type Column, type Model } from '../model/tenantModel';

type Input = Record<string, unknown>;

type Row = { id: string } & Record<string, unknown>;

export interface Delegate {
  create(args: { data: Input }): Promise<Row>;
  update(args: { where: { id: string }; data: Input }): Promise<Row>;
  updateMany(args: { where: Input; data: Input }): Promise<{ count: number }>;
  delete(args: { where: { id: string } }): Promise<Row>;
  findFirst(args: { where: Input; select: { id: true } }): Promise<{ id: string } | null>;
  findMany(args: { where: Input; select?: Record<string, true>; orderBy?: Input[] }): Promise<Row[]>;
}

/** Prisma Client's delegate of a model (`tx.gymClass`), for code that works from the tenant model rather than one model's type. */
export const delegateOf = (tx: Tx, model: Model) => (tx as unknown as Record<string, Delegate>)[lowerFirst(model.name)];

/** Why a decimal (as the Decimal scalar took it) does not fit its column, or undefined: neither engine may round or refuse it. */
function decimalMisfit(text: string, { integer, fraction }: NonNullable<Column['digits']>): string | undefined {
  const [whole, part = ''] = text.replace(/^-/, '').split('.');
  if (part.replace(/0+$/, '').length > fraction) return `at most ${fraction} decimal places`;
  if (whole.replace(/^0+/, '').length > integer) return `at most ${integer} digits before the decimal point`;
  return undefined;
}

function checkInput(model: Model, input: Input, creating: boolean): Input {
  const data: Input = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const column = model.columns.find((c) => c.name === field)!;
    if (value === null && !column.nullable) throw badInput(`input.${field}: must not be null`, { field: `input.${field}` });
    if (typeof value === 'string' && column.maxLength !== undefined && [...value].length > column.maxLength) {
      throw badInput(`input.${field}: at most ${column.maxLength} characters`, { field: `input.${field}` });
    }
    const misfit = typeof value === 'string' && column.digits && decimalMisfit(value, column.digits);
    if (misfit) throw badInput(`input.${field}: ${misfit}`, { field: `input.${field}` });
    data[field] = column.scalar === 'ID' && typeof value === 'string' ? parseId(value, `input.${field}`) : value;
  }
  if (creating) {
    const missing = model.columns.find((c) => !c.nullable && !c.hasDefault && !c.isUpdatedAt && data[c.name] === undefined);
    if (missing) throw badInput(`input.${missing.name}: is required`, { field: `input.${missing.name}` });
  }
  return data;
}

/** Every row `data` points at exists in this tenant. */
async function checkReferences(tx: Tx, model: Model, data: Input): Promise<void> {
  for (const relation of model.relations) {
    const key = model.columns.find((c) => c.column === relation.localColumn);
    if (relation.kind !== 'one' || !key || key.isId || data[key.name] === undefined || data[key.name] === null) continue;
    const target = modelNamed(relation.target);
    const targetField = target.columns.find((c) => c.column === relation.targetColumn)!.name;
    const found = await delegateOf(tx, target).findFirst({ where: { [targetField]: data[key.name] }, select: { id: true } });
    if (!found) throw gatewayError(ErrorCode.NOT_FOUND, `input.${key.name}: no ${target.typeName} with this id`, { field: `input.${key.name}` });
  }
}

/** The relations that refer to rows of `model` (by the model whose rows do), for a delete they block. */
function referrers(model: Model): string[] {
  return tenantModel.models.flatMap((other) =>
    other.relations.filter((r) => r.target === model.name && r.kind === 'one' && r.targetColumn === 'id' && r.localColumn !== 'id').map((r) => `${other.typeName}.${r.name}`),
  );
}

/**
 * The rows the database will delete with rows `ids` of `model` (onDelete: Cascade), and
 * theirs in turn, read before they go: the models with events get a `.deleted` event
 * for each, as if deleted one by one, so webhooks and the live feed miss none.
 */
async function cascadedRows(tx: Tx, model: Model, ids: string[]): Promise<Array<{ model: Model; row: Row }>> {
  const found: Array<{ model: Model; row: Row }> = [];
  for (const other of tenantModel.models) {
    for (const relation of other.relations) {
      if (!relation.cascades || relation.target !== model.name || relation.targetColumn !== 'id') continue;
      const key = other.columns.find((c) => c.column === relation.localColumn)!;
      const rows = await delegateOf(tx, other).findMany({ where: { [key.name]: { in: ids } } });
      if (rows.length === 0) continue;
      found.push(...rows.map((row) => ({ model: other, row })), ...(await cascadedRows(tx, other, rows.map((r) => r.id))));
    }
  }
  return found;
}

const isPrismaError = (error: unknown, code: string) => (error as { code?: string } | null)?.code === code;

/** A row as the API shows it (for its event): the model's columns in the graph (no hidden one), a day as "2026-03-21". */
export function shownRow(model: Model, row: Record<string, unknown>) {
  const shown = (column: Column, value: unknown) => (column.scalar === 'Date' && value instanceof Date ? value.toISOString().slice(0, 10) : value);
  return eventObject(Object.fromEntries(model.columns.map((column) => [column.name, shown(column, row[column.name])])));
}

export function createRow(db: TenantDb, model: Model, input: Input): Promise<{ id: string }> {
  const data = checkInput(model, input, true);
  return inTransaction(db, async (tx) => {
    await checkReferences(tx, model, data);
    const row = await delegateOf(tx, model).create({ data });
    await recordTenantEvent(tx, `${model.singular}.created`, shownRow(model, row));
    return row;
  });
}

export function updateRow(db: TenantDb, model: Model, id: string, input: Input): Promise<{ id: string }> {
  const data = checkInput(model, input, false);
  return inTransaction(db, async (tx) => {
    await checkReferences(tx, model, data);
    try {
      const row = await delegateOf(tx, model).update({ where: { id }, data });
      await recordTenantEvent(tx, `${model.singular}.updated`, shownRow(model, row));
      return row;
    } catch (error) {
      if (isPrismaError(error, 'P2025')) throw notFound(model.singular);
      throw error;
    }
  });
}

export function deleteRow(db: TenantDb, model: Model, id: string): Promise<void> {
  return inTransaction(db, async (tx) => {
    try {
      const cascaded = await cascadedRows(tx, model, [id]);
      const row = await delegateOf(tx, model).delete({ where: { id } });
      await recordTenantEvent(tx, `${model.singular}.deleted`, shownRow(model, row));
      for (const gone of cascaded.filter((c) => announcesChanges(c.model))) await recordTenantEvent(tx, `${gone.model.singular}.deleted`, shownRow(gone.model, gone.row));
    } catch (error) {
      if (isPrismaError(error, 'P2025')) throw notFound(model.singular);
      if (isPrismaError(error, 'P2003')) {
        throw gatewayError(ErrorCode.CONFLICT, `this ${model.typeName} is still referred to (by ${referrers(model).join(', ')}): delete or change those first`);
      }
      throw error;
    }
  });
}
