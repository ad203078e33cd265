// What a list of the tenant graph should answer, worked out in JavaScript from every
// row read with Prisma: the order (ties broken by id; nulls after every value, so last
// ascending and first descending), the rows a `where` keeps (SQL's three-valued logic:
// a comparison with a null is unknown, and `not` of unknown is unknown), and
// aggregates and groups in exact decimals. It shares no code with the planner, so a
// mistake both read paths make is caught too. Only the relations' shape comes from the
// tenant model.
import { Decimal } from '../../src/domain/money';
import type { TenantDb } from '../../src/db/tenantClient';
import { modelNamed, tenantModel, type Column, type Model } from '../../src/model/tenantModel';

export type Row = Record<string, unknown>;
type Where = Record<string, any>;
/** true, false or unknown (null), as SQL evaluates a condition. */
type Truth = boolean | null;

/** Every row of the models named, by model, as Prisma reads them. */
export type World = Map<string, Row[]>;

export async function readWorld(db: TenantDb, models: string[]): Promise<World> {
  const world: World = new Map();
  for (const name of models) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<Row[]> }>)[name[0].toLowerCase() + name.slice(1)];
    world.set(name, await delegate.findMany());
  }
  return world;
}

const fieldOfColumn = (model: Model, column: string) => model.columns.find((c) => c.column === column)!.name;

/** The rows of `relation` of `row` (its target's rows whose key matches). */
export function related(world: World, model: Model, row: Row, relationName: string): Row[] {
  const relation = model.relations.find((r) => r.name === relationName)!;
  const target = modelNamed(relation.target);
  const key = row[fieldOfColumn(model, relation.localColumn)];
  if (key === null || key === undefined) return [];
  const targetField = fieldOfColumn(target, relation.targetColumn);
  return world.get(target.name)!.filter((other) => other[targetField] === key);
}

// ---------------------------------------------------------------------------
// Order.

/** A Decimal from either engine's client (each has its own decimal.js). */
const decimal = (v: unknown) => new Decimal(String(v));

const enumOrder = new Map(tenantModel.enums.map((e) => [e.name, e.values]));

/** Compares two non-null values of `column`. */
function compareValues(column: Column, a: unknown, b: unknown): number {
  switch (column.scalar) {
    case 'Decimal':
      return decimal(a).cmp(decimal(b));
    case 'DateTime':
    case 'Date':
      return (a as Date).getTime() - (b as Date).getTime();
    case 'Int':
    case 'Float':
      return (a as number) - (b as number);
    case 'Boolean':
      return Number(a) - Number(b);
    case 'Enum': {
      const values = enumOrder.get(column.enum!)!;
      return values.indexOf(a as string) - values.indexOf(b as string);
    }
    default:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
  }
}

/** Nulls after every value. */
function compareNullable(column: Column, a: unknown, b: unknown): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareValues(column, a, b);
}

const camel = (constant: string) => constant.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `PRICE_DESC` -> [price column, -1]. */
function orderTerm(model: Model, value: string): [Column, 1 | -1] {
  const [, name, direction] = /^(.*)_(ASC|DESC)$/.exec(value)!;
  return [model.columns.find((c) => c.name === camel(name))!, direction === 'ASC' ? 1 : -1];
}

/** `rows` in the order `orderBy` asks (else `fallback`), ties broken by id ascending. */
export function sorted(model: Model, rows: Row[], orderBy: readonly string[] | undefined, fallback: readonly string[]): Row[] {
  const terms = (orderBy?.length ? orderBy : fallback).map((v) => orderTerm(model, v));
  if (!terms.some(([c]) => c.name === 'id')) terms.push([model.columns.find((c) => c.name === 'id')!, 1]);
  return [...rows].sort((a, b) => {
    for (const [column, sign] of terms) {
      const order = compareNullable(column, a[column.name], b[column.name]);
      if (order !== 0) return sign * order;
    }
    return 0;
  });
}

// ---------------------------------------------------------------------------
// Where.

const and3 = (values: Truth[]): Truth => (values.includes(false) ? false : values.includes(null) ? null : true);
const or3 = (values: Truth[]): Truth => (values.includes(true) ? true : values.includes(null) ? null : false);
const not3 = (value: Truth): Truth => (value === null ? null : !value);

function columnTruth(column: Column, value: unknown, filter: Where): Truth {
  const parts: Truth[] = [];
  const compare = (operand: unknown, test: (order: number) => boolean): Truth => (value === null ? null : test(compareValues(column, value, parse(column, operand))));
  for (const [op, operand] of Object.entries(filter)) {
    if (operand === null || operand === undefined) continue;
    switch (op) {
      case 'eq':
        parts.push(compare(operand, (o) => o === 0));
        break;
      case 'ne':
        parts.push(compare(operand, (o) => o !== 0));
        break;
      case 'lt':
        parts.push(compare(operand, (o) => o < 0));
        break;
      case 'lte':
        parts.push(compare(operand, (o) => o <= 0));
        break;
      case 'gt':
        parts.push(compare(operand, (o) => o > 0));
        break;
      case 'gte':
        parts.push(compare(operand, (o) => o >= 0));
        break;
      case 'in':
        parts.push((operand as unknown[]).length === 0 ? false : value === null ? null : (operand as unknown[]).some((v) => compareValues(column, value, parse(column, v)) === 0));
        break;
      case 'notIn':
        parts.push((operand as unknown[]).length === 0 ? true : value === null ? null : !(operand as unknown[]).some((v) => compareValues(column, value, parse(column, v)) === 0));
        break;
      case 'isNull':
        parts.push((value === null) === operand);
        break;
      case 'contains':
        parts.push(value === null ? null : (value as string).toLowerCase().includes((operand as string).toLowerCase()));
        break;
      case 'startsWith':
        parts.push(value === null ? null : (value as string).toLowerCase().startsWith((operand as string).toLowerCase()));
        break;
      case 'has':
        parts.push(value === null ? null : (value as unknown[]).includes(operand));
        break;
      default:
        throw new Error(`the oracle knows no operator ${op}`);
    }
  }
  return and3(parts);
}

/** An operand as the column holds it. */
function parse(column: Column, operand: unknown): unknown {
  if (column.scalar === 'DateTime' || column.scalar === 'Date') return new Date(operand as string);
  if (column.scalar === 'Decimal') return decimal(operand);
  if (column.scalar === 'ID') return (operand as string).toLowerCase();
  return operand;
}

/**
 * A where that asks nothing: only null operands, no conditions, an or with a branch
 * that asks nothing. It matches every row, and under `not` it is left out (as Prisma
 * leaves out an empty NOT), so `not: {}` matches every row too.
 */
function asksNothing(model: Model, where: Where): boolean {
  return Object.entries(where).every(([name, operand]) => {
    if (operand === null || operand === undefined) return true;
    if (name === 'and') return (operand as Where[]).every((w) => asksNothing(model, w));
    if (name === 'or') return (operand as Where[]).length > 0 && (operand as Where[]).some((w) => asksNothing(model, w));
    if (name === 'not') return asksNothing(model, operand);
    if (model.relations.some((r) => r.name === name)) return false;
    return Object.values(operand as Where).every((v) => v === null || v === undefined);
  });
}

function truth(world: World, model: Model, row: Row, where: Where): Truth {
  const parts: Truth[] = [];
  for (const [name, operand] of Object.entries(where)) {
    if (operand === null || operand === undefined) continue;
    if (name === 'and') parts.push(and3((operand as Where[]).map((w) => truth(world, model, row, w))));
    else if (name === 'or') parts.push(or3((operand as Where[]).map((w) => truth(world, model, row, w))));
    else if (name === 'not') {
      if (!asksNothing(model, operand)) parts.push(not3(truth(world, model, row, operand)));
    } else if (model.relations.some((r) => r.name === name)) {
      const relation = model.relations.find((r) => r.name === name)!;
      const target = modelNamed(relation.target);
      const rows = related(world, model, row, name);
      // EXISTS is never unknown.
      const any = (w: Where) => rows.some((other) => truth(world, target, other, w) === true);
      if (relation.kind === 'one') parts.push(any(operand));
      else {
        if (operand.some) parts.push(any(operand.some));
        if (operand.none) parts.push(!any(operand.none));
      }
    } else {
      const column = model.columns.find((c) => c.name === name)!;
      parts.push(columnTruth(column, row[name], operand));
    }
  }
  return and3(parts);
}

/** The rows `where` keeps. */
export const filtered = (world: World, model: Model, rows: Row[], where: Where | undefined): Row[] =>
  where ? rows.filter((row) => truth(world, model, row, where) === true) : rows;

// ---------------------------------------------------------------------------
// Aggregates, as the API writes them.

const decimalText = (d: Decimal) => d.toFixed();

/** A value as the API answers it. */
export function answered(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.scalar === 'Decimal') return decimalText(decimal(value));
  if (column.scalar === 'DateTime') return (value as Date).toISOString();
  return value;
}

export interface AggregateAsk {
  sum?: string[];
  avg?: string[];
  min?: string[];
  max?: string[];
}

export function aggregates(model: Model, rows: Row[], ask: AggregateAsk): Row {
  const column = (name: string) => model.columns.find((c) => c.name === name)!;
  const values = (name: string) => rows.map((r) => r[name]).filter((v) => v !== null);
  const answer: Row = { count: rows.length };
  const sum = (name: string) => values(name).reduce<Decimal>((total, v) => total.add(decimal(v)), new Decimal(0));
  if (ask.sum) answer.sum = Object.fromEntries(ask.sum.map((name) => [name, values(name).length ? decimalText(sum(name)) : null]));
  if (ask.avg) {
    answer.avg = Object.fromEntries(
      ask.avg.map((name) => [name, values(name).length ? decimalText(sum(name).div(values(name).length).toDecimalPlaces(6, Decimal.ROUND_HALF_UP)) : null]),
    );
  }
  for (const kind of ['min', 'max'] as const) {
    const names = ask[kind];
    if (!names) continue;
    answer[kind] = Object.fromEntries(
      names.map((name) => {
        const ordered = [...values(name)].sort((a, b) => compareValues(column(name), a, b));
        return [name, answered(column(name), (kind === 'min' ? ordered[0] : ordered.at(-1)) ?? null)];
      }),
    );
  }
  return answer;
}

/** `DAY` and `MONTH` truncations of a moment, as group keys. */
const truncated = (moment: Date, to: 'DAY' | 'MONTH') => moment.toISOString().slice(0, to === 'DAY' ? 10 : 7);

/** A group key's text for a value of `column`. */
function keyText(column: Column, value: unknown, truncateTo?: 'DAY' | 'MONTH'): string | null {
  if (value === null) return null;
  if (truncateTo) return truncated(value as Date, truncateTo);
  return String(answered(column, value));
}

/** Groups of `rows` by `groupBy` values (`KIND`, `CREATED_AT_TRUNCATED_TO_DAY`), ordered by their keys' values, nulls last. */
export function groups(model: Model, rows: Row[], groupBy: string[], ask: AggregateAsk): Row[] {
  const keys = groupBy.map((value) => {
    const [, name, to] = /^(.*?)(?:_TRUNCATED_TO_(DAY|MONTH))?$/.exec(value)!;
    return { column: model.columns.find((c) => c.name === camel(name))!, to: to as 'DAY' | 'MONTH' | undefined };
  });
  const byKey = new Map<string, { values: unknown[]; rows: Row[] }>();
  for (const row of rows) {
    const values = keys.map(({ column, to }) => (to && row[column.name] !== null ? new Date(truncated(row[column.name] as Date, to).padEnd(10, '-01')) : row[column.name]));
    const text = JSON.stringify(keys.map(({ column, to }) => keyText(column, row[column.name], to)));
    const group = byKey.get(text) ?? { values, rows: [] };
    group.rows.push(row);
    byKey.set(text, group);
  }
  return [...byKey.values()]
    .sort((a, b) => {
      for (const [i, { column }] of keys.entries()) {
        const order = compareNullable(column, a.values[i], b.values[i]);
        if (order !== 0) return order;
      }
      return 0;
    })
    .map((group) => ({ keys: keys.map(({ column, to }) => keyText(column, group.rows[0][column.name], to)), ...aggregates(model, group.rows, ask) }));
}
