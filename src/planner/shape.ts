// The answer made from a planned statement's values: rows as objects keyed by field
// name, relations and nested lists under `$` and their response key (several aliases
// of one list may ask different pages), lists as connections with their page cut,
// cursors made and aggregates decoded. graphql-js then reads fields straight off them
// (relation fields through resolvers that look up the `$` key: graphRelations.ts).
import { badInput } from '../errors';
import type { Column } from '../model/tenantModel';
import { encodeCursor } from './order';
import type { AggregatePlan, ConnectionPlan, RowPlan } from './plan';
import { MAX_GROUPS } from './listKeys';
import type { ListRun } from './statement';
import type { Dialect } from './dialect';
import { decoderOf, trimDecimal } from './values';

export type Row = Record<string, unknown>;

/** A list as the API answers it; only what was asked for is made. */
export interface Connection {
  nodes?: Row[];
  edges?: Array<{ cursor: string; node: Row }>;
  pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
  aggregates?: Row;
  [grouped: `$${string}`]: unknown;
}

/** The key a relation or list is answered under in its parent's row. */
export const answerKey = (responseKey: string) => `$${responseKey}`;

const decimalText = (v: unknown) => (v === null ? null : trimDecimal(String(v)));

export class Shaper {
  constructor(
    private readonly runs: Map<ConnectionPlan, ListRun>,
    private readonly dialect: Dialect,
  ) {}

  /** A row from `values` at `offset`, and the offset after it. */
  row(plan: RowPlan, values: readonly unknown[], offset: number): [Row, number] {
    const row: Row = {};
    let at = offset;
    for (const output of plan.outputs) {
      if (output.kind === 'column') {
        const decoded = decoderOf(output.column.scalar)(values[at++]);
        if (output.key !== null) row[output.key] = decoded;
      } else if (output.kind === 'one') {
        // A missing related row leaves its values null: a value that cannot be null otherwise tells.
        const { presence } = output;
        const missing = presence.by === 'indicator' ? values[at++] === null : presence.by === 'column' && values[at + presence.at] === null;
        let related: Row | null = null;
        if (missing) at += output.row.width;
        else [related, at] = this.row(output.row, values, at);
        for (const key of output.keys) row[answerKey(key)] = related;
      } else {
        let connection: Connection;
        [connection, at] = this.connection(output.connection, values, at);
        for (const key of output.keys) row[answerKey(key)] = connection;
      }
    }
    return [row, at];
  }

  /** A list from its values at `offset` (its rows, then count and aggregates, then each grouping). */
  connection(plan: ConnectionPlan, values: readonly unknown[], offset: number): [Connection, number] {
    let at = offset;
    const rows = plan.row ? this.dialect.parseList(values[at++]) : [];
    const connection = this.page(plan, rows);
    if (plan.count || plan.aggregates) this.aggregate(plan, connection, this.dialect.parseTuple(values[at++]));
    const run = this.runs.get(plan)!;
    plan.grouped.forEach((grouped, i) => {
      const groups = this.dialect.parseList(values[at++]);
      if (groups.length > MAX_GROUPS) throw badInput(`groupedAggregates: more than ${MAX_GROUPS} groups; group by fewer or coarser values, or filter the list`);
      const keys = run.groups[i];
      const answer = groups.map((group) => {
        const keyText = keys.map((key, k) => {
          const v = group[k];
          if (v === null || key.truncateTo) return v;
          const decoded = decoderOf(plan.model.columns.find((c) => c.name === key.field)!.scalar)(v);
          return String(decoded);
        });
        return { keys: keyText, ...this.aggregates(grouped.aggregates, group, keys.length) };
      });
      for (const key of grouped.keys) connection[answerKey(key) as `$${string}`] = answer;
    });
    return [connection, at];
  }

  /** Root rows read as plain rows. */
  rows(plan: ConnectionPlan, rows: unknown[][]): Connection {
    return this.page(plan, rows);
  }

  private page(plan: ConnectionPlan, rows: unknown[][]): Connection {
    const { paging, sortValuesAt } = this.runs.get(plan)!;
    const more = plan.peeks && paging.size !== undefined && rows.length > paging.size;
    let taken = more ? rows.slice(0, paging.size) : rows;
    if (paging.backward) taken = taken.slice().reverse();
    const nodes = new Array<Row>(taken.length);
    const cursors = plan.cursors ? new Array<string>(taken.length) : undefined;
    for (let i = 0; i < taken.length; i++) {
      const values = taken[i];
      nodes[i] = this.row(plan.row!, values, 0)[0];
      if (cursors) cursors[i] = encodeCursor(paging.terms, sortValuesAt.map((at) => values[at]));
    }
    const connection: Connection = {};
    if (plan.nodes) connection.nodes = nodes;
    if (plan.edges) connection.edges = nodes.map((node, i) => ({ cursor: cursors?.[i] ?? '', node }));
    if (plan.pageInfo) {
      connection.pageInfo = {
        hasNextPage: paging.backward ? paging.before : more,
        hasPreviousPage: paging.backward ? more : paging.after,
        startCursor: cursors?.[0] ?? null,
        endCursor: cursors?.at(-1) ?? null,
      };
    }
    return connection;
  }

  private aggregate(plan: ConnectionPlan, connection: Connection, values: unknown[]): void {
    const aggregates = this.aggregates(plan.aggregates ?? { parts: [] }, values, 0);
    connection.totalCount = aggregates.count;
    connection.aggregates = aggregates;
  }

  /** count then each part's columns, from `values` at `offset`. */
  private aggregates(plan: AggregatePlan, values: readonly unknown[], offset: number): Row & { count: number } {
    let at = offset;
    const answer: Row & { count: number } = { count: Number(values[at++]) };
    for (const { kind, columns } of plan.parts) {
      const part: Row = {};
      const decode = (column: Column) => (kind === 'sum' || kind === 'avg' ? decimalText : decoderOf(column.scalar));
      for (const column of columns) part[column.name] = decode(column)(values[at++]);
      answer[kind] = part;
    }
    return answer;
  }
}
