// The order of a list and the keyset cursors that follow it. A list is sorted by the
// orderBy values asked for (or its default), ties always broken by id, so the order
// is total and a cursor (the row's sort values) names one place in it. Nulls sort as
// larger than any value on both engines (last ascending, first descending).
import { badInput } from '../errors';
import { isUuid } from '../ids';
import { listKeysOf } from './listKeys';
import { columnOf, type Column, type Direction, type Model } from '../model/tenantModel';
import type { Dialect } from './dialect';
import { join, value, type Sql } from './sql';

export interface OrderTerm extends CursorTerm {
  column: Column;
  direction: Direction;
}

/** The order of a list of `model` given `orderBy` values (e.g. PRICE_DESC), else `fallback`; ends with id. */
export function orderOf(model: Model, orderBy: readonly string[] | null | undefined, fallback: Model['order']): OrderTerm[] {
  const asked: Array<[string, Direction]> = orderBy?.length ? orderBy.map((v) => listKeysOf(model).order.get(v)!) : [...fallback];
  const terms: OrderTerm[] = [];
  for (const [field, direction] of asked) {
    if (!terms.some((t) => t.column.name === field)) terms.push({ column: columnOf(model, field), direction, sortedBy: field });
    // The id is unique: what follows it never orders anything, and a cursor ends with it.
    if (field === 'id') return terms;
  }
  terms.push({ column: columnOf(model, 'id'), direction: 'asc', sortedBy: 'id' });
  return terms;
}

export const reversed = <Term extends { direction: Direction }>(terms: readonly Term[]): Term[] =>
  terms.map((t) => ({ ...t, direction: t.direction === 'asc' ? 'desc' : 'asc' }));

/** What a cursor needs of an order (the tenant graph's or a platform list's): what it sorts by, and which sort values may be null. */
export interface CursorTerm {
  /** The column as a cursor names it: a cursor made in an order of other columns is refused (one of the same columns names the same place whichever way they run). */
  sortedBy: string;
  column: Pick<Column, 'nullable'>;
}

const idOnly = (terms: readonly CursorTerm[]) => terms.length === 1;

const sortedBy = (terms: readonly CursorTerm[]) => terms.map((t) => t.sortedBy).join(',');

/** A row's place in a list: its id alone when the list is sorted by id only, else the columns sorted by and its values of them (as the database wrote them). */
export function encodeCursor(terms: readonly CursorTerm[], values: readonly unknown[]): string {
  return Buffer.from(idOnly(terms) ? String(values[0]) : JSON.stringify([sortedBy(terms), ...values])).toString('base64url');
}

/** The sort values a cursor holds, checked against the list's order. */
export function decodeCursor(terms: readonly CursorTerm[], cursor: string, argument: string): unknown[] {
  const refuse = () => badInput(`${argument} is not a cursor of this list in this order`, { field: argument });
  const text = Buffer.from(cursor, 'base64url').toString();
  if (idOnly(terms)) {
    if (!isUuid(text)) throw refuse();
    return [text.toLowerCase()];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed[0] !== sortedBy(terms)) throw refuse();
  const values = parsed.slice(1);
  if (values.length !== terms.length) throw refuse();
  terms.forEach((term, i) => {
    const v = values[i];
    if (v === null ? !term.column.nullable : !['string', 'number', 'boolean'].includes(typeof v)) throw refuse();
  });
  if (typeof values.at(-1) !== 'string' || !isUuid(values.at(-1))) throw refuse();
  return values;
}

/** ORDER BY terms over `alias`. */
export const orderSql = (dialect: Dialect, alias: string, terms: readonly OrderTerm[]) =>
  terms.map((t) => dialect.orderTerm(`${alias}.${dialect.quote(t.column.column)}`, t.direction, t.column.nullable)).join(', ');

/** Rows strictly after (in `terms` order) the place `values` names. */
export function keysetSql(dialect: Dialect, alias: string, terms: readonly OrderTerm[], values: readonly unknown[]): Sql {
  const column = (t: OrderTerm) => `${alias}.${dialect.quote(t.column.column)}`;
  const bound = (t: OrderTerm, v: unknown) => dialect.sortValue(t.column, value(v));
  // One direction and no nulls: a row comparison, which an index on those columns serves.
  if (terms.every((t) => !t.column.nullable && t.direction === terms[0].direction)) {
    return ['(', terms.map(column).join(', '), `) ${terms[0].direction === 'asc' ? '>' : '<'} (`, join(terms.map((t, i) => bound(t, values[i])), ', '), ')'];
  }
  const equal = (t: OrderTerm, v: unknown): Sql => (v === null ? `${column(t)} IS NULL` : [`${column(t)} = `, bound(t, v)]);
  const after = (t: OrderTerm, v: unknown): Sql | null => {
    if (t.direction === 'asc') {
      if (v === null) return null; // nothing sorts after a null, nulls being last
      return t.column.nullable ? ['(', column(t), ' > ', bound(t, v), ` OR ${column(t)} IS NULL)`] : [`${column(t)} > `, bound(t, v)];
    }
    return v === null ? `${column(t)} IS NOT NULL` : [`${column(t)} < `, bound(t, v)];
  };
  const branches: Sql[] = [];
  terms.forEach((term, i) => {
    const last = after(term, values[i]);
    if (last !== null) branches.push(['(', join([...terms.slice(0, i).map((t, j) => equal(t, values[j])), last], ' AND '), ')']);
  });
  return branches.length === 0 ? '1 = 0' : ['(', join(branches, ' OR '), ')'];
}
