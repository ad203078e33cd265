// The one statement that answers a tenant root field: its plan (plan.ts) written as
// SQL with this request's arguments (where, orderBy, pages at every level bound as
// values). To-one relations are joined; a to-many relation is a correlated subquery
// building its rows as a JSON array of value lists, with its own page, order and
// filter; aggregates and groups are subqueries over the whole filtered set. A root
// list of rows only comes back as plain rows (no JSON at the top), the page read
// first in a subquery so joins and nested lists run for its rows only.
//
// What the statement reads at each list (its paging) is kept for the shaper, which
// turns the values into the answer (shape.ts).
//
// For a POOL tenant every table the statement reads is also filtered by
// `"tenantId" = $n`: row-level security would scope it anyway, but the predicate lets
// the planner of PostgreSQL use the indexes led by "tenantId" as it would a tenant's
// own table's, and a connection whose setting went missing reads nothing, not everything.
import { getArgumentValues } from 'graphql/execution/values';
import { badInput } from '../errors';
import { MAX_GROUPS, listKeysOf, type GroupKey } from './listKeys';
import { authorizeRole } from '../auth/policy';
import type { MemberRole } from '../generated/platform/enums';
import { columnOf, type Column, type Model, type Relation } from '../model/tenantModel';
import { DEFAULT_PAGE, pageWindow } from './pageSize';
import { TENANT_SCHEMA } from '../db/tenantTarget';
import type { Dialect, ListParts } from './dialect';
import { decodeCursor, keysetSql, orderOf, orderSql, reversed, type OrderTerm } from './order';
import { valueIndexOf, type ConnectionPlan, type GroupedPlan, type Output, type RowPlan } from './plan';
import { join, value, type Sql } from './sql';
import { whereSql, type WhereInput, type WhereWriter } from './where';

/** The arguments every list takes. */
export interface ListArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  orderBy?: string[] | null;
  where?: WhereInput | null;
}

/** How a list was read: what the shaper needs to cut its page and make its cursors. */
export interface Paging {
  /** The list's order. */
  terms: OrderTerm[];
  /** Rows asked for; undefined: all of them (a nested list without first or last). */
  size: number | undefined;
  /** Read from the end (last): rows came in reverse order. */
  backward: boolean;
  after: boolean;
  before: boolean;
}

/** What the statement asked at one list, for the shaper. */
export interface ListRun {
  paging: Paging;
  /** Where a row's sort values are among its values, in the order's terms (for cursors). */
  sortValuesAt: number[];
  groups: GroupKey[][];
}

export class StatementWriter implements WhereWriter {
  private next = 0;
  /** Per list of the plan (the root plan, or a nested `many` output): how it was read. */
  readonly runs = new Map<ConnectionPlan, ListRun>();

  constructor(
    readonly dialect: Dialect,
    private readonly variables: Record<string, unknown>,
    /** The caller's role in the tenant: models and columns may be read by some roles only. */
    private readonly role: MemberRole,
    /** POOL isolation: the tenant whose rows are the only ones read. */
    private readonly poolTenant?: string,
  ) {}

  /** FORBIDDEN unless the caller may read rows of `model` (and `column` of them). */
  allow(model: Model, column?: Column): void {
    authorizeRole(this.role, model.access.read, `read ${model.plural}`);
    if (column?.readRole) authorizeRole(this.role, column.readRole, `read ${model.typeName}.${column.name}`);
  }

  alias(): string {
    return `t${this.next++}`;
  }

  table(model: Model): string {
    return `${TENANT_SCHEMA}.${this.dialect.quote(model.table)}`;
  }

  private column(alias: string, column: string): string {
    return `${alias}.${this.dialect.quote(column)}`;
  }

  /** The condition that keeps a POOL tenant to its rows of the table at `alias`; none for tables of one tenant. */
  ownRows(alias: string): Sql[] {
    return this.poolTenant === undefined ? [] : [[`${this.column(alias, 'tenantId')} = `, value(this.poolTenant)]];
  }

  /** A row's values over `alias`, and the joins its to-one relations need. */
  row(plan: RowPlan, alias: string): { values: Sql[]; joins: Sql[] } {
    const { dialect } = this;
    const values: Sql[] = [];
    const joins: Sql[] = [];
    this.allow(plan.model);
    for (const output of plan.outputs) {
      if (output.kind === 'column') {
        if (output.column.readRole) this.allow(plan.model, output.column);
        values.push(dialect.output(output.column.scalar, this.column(alias, output.column.column)));
      } else if (output.kind === 'one') {
        const joined = this.alias();
        const { relation, row } = output;
        const on: Sql[] = [`${this.column(joined, relation.targetColumn)} = ${this.column(alias, relation.localColumn)}`, ...this.ownRows(joined)];
        joins.push([` LEFT JOIN ${this.table(row.model)} ${joined} ON `, and(on)]);
        if (output.presence.by === 'indicator') {
          // Null when there is no related row: this row's key, or (the key being on the other side) the joined row's id.
          const holdsKey = plan.model.columns.some((c) => c.column === relation.localColumn && !c.isId);
          values.push(dialect.output('ID', holdsKey ? this.column(alias, relation.localColumn) : this.column(joined, columnOf(row.model, 'id').column)));
        }
        const inner = this.row(row, joined);
        values.push(...inner.values);
        joins.push(...inner.joins);
      } else {
        values.push(...this.nested(output, alias));
      }
    }
    return { values, joins };
  }

  private nested(output: Extract<Output, { kind: 'many' }>, parent: string): Sql[] {
    const args = getArgumentValues(output.args.field, output.args.node, this.variables) as ListArgs;
    const link = (alias: string) => `${this.column(alias, output.relation.targetColumn)} = ${this.column(parent, output.relation.localColumn)}`;
    return this.list(output.connection, args, { relation: output.relation, link });
  }

  /**
   * What a list reads: its rows' values (and their sort values for cursors) over its
   * table and joins, filtered, in the order it is read (reversed for `last`), as many
   * as its page and one more; and its where alone, for aggregates over all of it.
   */
  private page(plan: ConnectionPlan, args: ListArgs, nested: { relation: Relation; link: (alias: string) => string } | undefined, extra: WhereInput[]) {
    const { model } = plan;
    this.allow(model);
    const alias = this.alias();
    const paging = pagingOf(model, args, nested ? (nested.relation.order ?? model.order) : model.order, nested ? undefined : DEFAULT_PAGE);
    this.allowAll(model, paging.terms.map((t) => t.column));
    const run: ListRun = { paging, sortValuesAt: [], groups: [] };
    this.runs.set(plan, run);
    const where: Sql[] = [...this.ownRows(alias), ...(nested ? [nested.link(alias)] : []), ...whereSql(this, model, alias, args.where), ...extra.flatMap((w) => whereSql(this, model, alias, w))];
    // Cursors are checked whatever is asked: one that is not a cursor of this list is refused even with totalCount only.
    const keyset = this.keyset(alias, paging, args);
    const rows = (row: RowPlan): ListParts => {
      const { values, joins } = this.row(row, alias);
      // A cursor holds the row's sort values: those the row reads already are not read twice.
      const sortValues: Sql[] = [];
      if (plan.cursors) {
        run.sortValuesAt = paging.terms.map((t) => {
          const at = valueIndexOf(row, t.column);
          if (at >= 0) return at;
          sortValues.push(this.dialect.output(t.column.scalar, this.column(alias, t.column.column)));
          return row.width + sortValues.length - 1;
        });
      }
      return {
        values: [...values, ...sortValues],
        table: this.table(model),
        alias,
        joins,
        where: and([...where, ...keyset]),
        order: orderSql(this.dialect, alias, paging.backward ? reversed(paging.terms) : paging.terms),
        ...(paging.size === undefined ? {} : { limit: paging.size + (plan.peeks ? 1 : 0) }),
      };
    };
    return { alias, run, where, rows };
  }

  /**
   * A list's values: its rows (one value holding their value lists), its count and
   * aggregates (one value), and each of its groupings (one value of groups).
   */
  list(plan: ConnectionPlan, args: ListArgs, nested?: { relation: Relation; link: (alias: string) => string }, extra: WhereInput[] = []): Sql[] {
    const { dialect } = this;
    const { model } = plan;
    const { alias, run, where, rows } = this.page(plan, args, nested, extra);
    const values: Sql[] = [];
    if (plan.row) values.push(dialect.list(rows(plan.row)));
    if (plan.count || plan.aggregates) {
      const parts = plan.aggregates?.parts ?? [];
      this.allowAll(model, parts.flatMap((p) => p.columns));
      const aggregates = parts.flatMap((p) => p.columns.map((c) => dialect.aggregate(p.kind, c.scalar, this.column(alias, c.column))));
      values.push(['(SELECT ', dialect.tuple([dialect.count(), ...aggregates]), ` FROM ${this.table(model)} ${alias}`, whereClause(and(where)), ')']);
    }
    for (const grouped of plan.grouped) {
      const keys = groupKeysOf(model, grouped, this.variables);
      run.groups.push(keys);
      values.push(this.groups(model, grouped, keys, alias, where, Boolean(nested)));
    }
    return values;
  }

  private groups(model: Model, grouped: GroupedPlan, keys: GroupKey[], alias: string, where: Sql[], nested: boolean): Sql {
    const { dialect } = this;
    this.allowAll(model, [...keys.map((k) => columnOf(model, k.field)), ...grouped.aggregates.parts.flatMap((p) => p.columns)]);
    const groupings = keys.map((k) => dialect.grouping(this.column(alias, columnOf(model, k.field).column), k.truncateTo));
    const aggregates = grouped.aggregates.parts.flatMap((p) => p.columns.map((c) => dialect.aggregate(p.kind, c.scalar, this.column(alias, c.column))));
    const values = [...groupings.map((g, i) => dialect.groupKey(g, keys[i].truncateTo)), dialect.count(), ...aggregates];
    return dialect.groupedList({ values, table: this.table(model), alias, where: and(where), groupings, limit: MAX_GROUPS + 1, nested });
  }

  private allowAll(model: Model, columns: Column[]): void {
    for (const column of columns) if (column.readRole) this.allow(model, column);
  }

  private keyset(alias: string, paging: Paging, args: ListArgs): Sql[] {
    const out: Sql[] = [];
    if (args.after) out.push(keysetSql(this.dialect, alias, paging.terms, decodeCursor(paging.terms, args.after, 'after')));
    if (args.before) out.push(keysetSql(this.dialect, alias, reversed(paging.terms), decodeCursor(paging.terms, args.before, 'before')));
    return out;
  }

  /** A root list of rows only, as plain rows of the statement. */
  flatList(plan: ConnectionPlan & { row: RowPlan }, args: ListArgs, extra: WhereInput[]): Sql {
    const { values, table, alias, joins, where, order, limit } = this.page(plan, args, undefined, extra).rows(plan.row);
    return ['SELECT ', selectList(values), ` FROM ${table} ${alias}`, joins, whereClause(where), ` ORDER BY ${order} LIMIT ${limit!}`];
  }

  /** Rows by id (one or several), in no particular order. */
  byIds(plan: RowPlan, ids: readonly string[]): Sql {
    const alias = this.alias();
    const { values, joins } = this.row(plan, alias);
    const id = this.column(alias, 'id');
    const match: Sql = ids.length === 1 ? [`${id} = `, value(ids[0])] : [`${id} IN (`, join(ids.map(value), ', '), ')'];
    return ['SELECT ', selectList(values), ` FROM ${this.table(plan.model)} ${alias}`, joins, ' WHERE ', and([...this.ownRows(alias), match])];
  }
}

/**
 * A statement's values, each named by its place (c0, c1, ...): the rows are read by
 * position, and an unnamed value would be named by its whole expression, which the
 * mariadb driver misreads past 250 bytes (its column definition then parses wrong and
 * throws from the socket's data handler, out of reach of the query's promise).
 */
const selectList = (values: readonly Sql[]): Sql => join(values.map((v, i) => [v, ` AS c${i}`]), ', ');

const and = (parts: Sql[]): Sql => (parts.length === 0 ? '' : join(parts, ' AND '));
const whereClause = (where: Sql): Sql => (where === '' ? '' : [' WHERE ', where]);

/** How a list is read: its order, how many rows, from which end. `defaultSize` for root lists (nested ones default to all rows). */
export function pagingOf(model: Model, args: ListArgs, fallback: Model['order'], defaultSize: number | undefined): Paging {
  return { terms: orderOf(model, args.orderBy, fallback), ...pageWindow(args, defaultSize), after: Boolean(args.after), before: Boolean(args.before) };
}

function groupKeysOf(model: Model, grouped: GroupedPlan, variables: Record<string, unknown>): GroupKey[] {
  const { groupBy } = getArgumentValues(grouped.args.field, grouped.args.node, variables) as { groupBy: string[] };
  if (groupBy.length === 0) throw badInput('groupBy needs at least one value', { field: 'groupBy' });
  const values = listKeysOf(model).group;
  return groupBy.map((v) => values.get(v)!);
}

/** A root list asking for rows only is read as plain rows; one with aggregates as one row of JSON values. */
export const readsPlainRows = (list: ConnectionPlan): list is ConnectionPlan & { row: RowPlan } =>
  list.row !== null && !list.count && !list.aggregates && list.grouped.length === 0;

/** The statement of a root list, or null when it needs nothing read (only __typename was asked for). */
export function listStatement(writer: StatementWriter, list: ConnectionPlan, args: ListArgs, extra: WhereInput[] = []): Sql | null {
  if (readsPlainRows(list)) return writer.flatList(list, args, extra);
  const values = writer.list(list, args, undefined, extra);
  return values.length === 0 ? null : ['SELECT ', selectList(values)];
}
