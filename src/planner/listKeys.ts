// What a list's orderBy and groupBy values mean, from the tenant model alone: the
// planner reads lists by them, and the generated graph (graph/modelTypes.ts) declares
// its OrderBy and GroupBy enums and aggregate types from the same values.
import { constantCase } from '../model/names';
import type { Column, Direction, Model } from '../model/tenantModel';

export interface GroupKey {
  field: string;
  truncateTo?: 'day' | 'month';
}

/** Groups one groupedAggregates answers at most. */
export const MAX_GROUPS = 1000;

export const NUMERIC: ReadonlySet<Column['scalar']> = new Set(['Int', 'Float', 'Decimal']);
/** Columns with a minimum and a maximum: numbers and moments. */
export const RANGED: ReadonlySet<Column['scalar']> = new Set(['Int', 'Float', 'Decimal', 'DateTime', 'Date']);

/** Columns a list can be sorted and grouped by: every one but Json. */
export const comparableColumns = (model: Model) => model.columns.filter((c) => c.scalar !== 'Json');

/** The OrderBy values of a list over `fields`: `PRICE_DESC` -> [price, desc]. */
export function orderValues(fields: readonly string[]): Map<string, [field: string, direction: Direction]> {
  const values = new Map<string, [field: string, direction: Direction]>();
  for (const field of fields) {
    values.set(`${constantCase(field)}_ASC`, [field, 'asc']);
    values.set(`${constantCase(field)}_DESC`, [field, 'desc']);
  }
  return values;
}

/** The GroupBy values of a model: `CREATED_AT_TRUNCATED_TO_DAY` -> how to group. */
export function groupValuesOf(model: Model): Map<string, GroupKey> {
  const values = new Map<string, GroupKey>();
  for (const column of comparableColumns(model)) {
    if (column.isId) continue;
    const name = constantCase(column.name);
    values.set(name, { field: column.name });
    if (column.scalar === 'DateTime') {
      values.set(`${name}_TRUNCATED_TO_DAY`, { field: column.name, truncateTo: 'day' });
      values.set(`${name}_TRUNCATED_TO_MONTH`, { field: column.name, truncateTo: 'month' });
    }
  }
  return values;
}

const keys = new WeakMap<Model, { order: Map<string, [field: string, direction: Direction]>; group: Map<string, GroupKey> }>();

/** The order and group values of `model`, made once. */
export function listKeysOf(model: Model) {
  let made = keys.get(model);
  if (!made) keys.set(model, (made = { order: orderValues(comparableColumns(model).map((c) => c.name)), group: groupValuesOf(model) }));
  return made;
}
