// The statement that answers a tenant root field, in a dialect: its plan (pure,
// cached per document and directive values), the request's filters and page bound
// as parameters, and how its one row becomes the connection, list or object the
// schema promises (graphql-js then reads fields straight off it). Nothing here
// touches a database: plannedRead.ts runs it.
//
// Root rows always come from here, so filters and paging are written once. With
// PLANNED_READS on (the default) the relations a client selects are nested into the
// same statement; off, they are left to their resolvers and DataLoaders.
import { getNamedType, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo } from 'graphql';
import { notFound } from '../errors';
import { connectionOf, decodeCursor, pageSize, type PageArgs } from '../schema/connection';
import type { Dialect } from './dialect';
import { directiveVariablesOf } from './directiveVariables';
import { aliasAt, rowJson, tableOf, type RowCompiler } from './rowJson';
import { selectionOf, type SelectionContext } from './selection';

export type Condition =
  | { op: 'eq'; column: string; value: string }
  | { op: 'isNull'; column: string; isNull: boolean }
  | { op: 'contains'; columns: string[]; value: string }
  /** from <= column < to, either bound optional: a time column against moments. */
  | { op: 'range'; column: string; from?: Date; to?: Date };

// A moment as both engines read it against a time column holding UTC without a zone: "2026-12-01 08:30:00.000".
const utcTimestamp = (moment: Date) => moment.toISOString().replace('T', ' ').replace('Z', '');

export type RootRead =
  | { kind: 'connection'; type: string; where: Condition[]; direction: 'asc' | 'desc'; page: PageArgs }
  | { kind: 'list'; type: string; where: Condition[]; orderBy: Array<[column: string, direction: 'asc' | 'desc']> }
  | { kind: 'one'; type: string; id: string; what: string };

interface Plan {
  /** The JSON of one row of the root type, or null when no row is asked for (only a count). */
  row: string | null;
  totalCount: boolean;
}

interface PlansOfField {
  directiveVariables: string[];
  byKey: Map<string, Plan>;
}

// Apollo keeps parsed documents, so a field's AST node is the same object for every
// request that sends that document: plans live as long as the document does.
const plans = new WeakMap<FieldNode, PlansOfField>();

function planOf(info: GraphQLResolveInfo, read: RootRead, dialect: Dialect, nestRelations: boolean): Plan {
  const first = info.fieldNodes[0];
  let known = plans.get(first);
  if (!known) plans.set(first, (known = { directiveVariables: directiveVariablesOf(info.fieldNodes, info.fragments), byKey: new Map() }));
  // Most documents have no directive variables: their key is the same every time, and costs nothing to make.
  const directives = known.directiveVariables.length ? known.directiveVariables.map((v) => JSON.stringify(info.variableValues[v] ?? null)).join(',') : '';
  const key = directives ? `${dialect.name}:${nestRelations}:${directives}` : dialect.name + (nestRelations ? ':nested' : ':flat');
  let plan = known.byKey.get(key);
  if (!plan) known.byKey.set(key, (plan = makePlan(info, read, { dialect, nestRelations, schema: info.schema, context: contextOf(info) })));
  return plan;
}

const contextOf = (info: GraphQLResolveInfo): SelectionContext => ({
  fragments: info.fragments as Record<string, FragmentDefinitionNode>,
  variables: info.variableValues,
});

function makePlan(info: GraphQLResolveInfo, read: RootRead, compiler: RowCompiler): Plan {
  const returned = getNamedType(info.returnType).name;
  const selected = selectionOf(info.fieldNodes, returned, compiler.context);
  if (read.kind !== 'connection') return { row: rowJson(compiler, read.type, selected, 0), totalCount: false };
  // A connection: the rows are its edges' nodes, and pageInfo needs them too.
  const edgeType = `${read.type}Edge`;
  const nodes = (selected.get('edges') ?? []).flatMap((edge) => selectionOf([edge], edgeType, compiler.context).get('node') ?? []);
  const wantsRows = selected.has('edges') || selected.has('pageInfo');
  return {
    row: wantsRows ? rowJson(compiler, read.type, selectionOf(nodes, read.type, compiler.context), 0) : null,
    totalCount: selected.has('totalCount'),
  };
}

class Statement {
  readonly values: unknown[] = [];
  constructor(readonly dialect: Dialect) {}

  param(value: unknown): string {
    return this.dialect.param(this.values.push(value));
  }

  where(conditions: Condition[], alias: string): string {
    const q = (column: string) => `${alias}.${this.dialect.quote(column)}`;
    const parts = conditions.map((c) => {
      switch (c.op) {
        case 'eq':
          return `${q(c.column)} = ${this.param(c.value)}`;
        case 'isNull':
          return `${q(c.column)} IS ${c.isNull ? '' : 'NOT '}NULL`;
        case 'contains':
          return `(${c.columns.map((column) => this.dialect.contains(q(column), this.param(c.value))).join(' OR ')})`;
        case 'range': {
          const bounds = [
            ...(c.from ? [`${q(c.column)} >= ${this.param(utcTimestamp(c.from))}`] : []),
            ...(c.to ? [`${q(c.column)} < ${this.param(utcTimestamp(c.to))}`] : []),
          ];
          return bounds.length > 0 ? `(${bounds.join(' AND ')})` : 'TRUE';
        }
      }
    });
    return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
  }
}

/** What the statement's one row holds, by column. */
export interface PlannedRow {
  totalCount?: number;
  nodes?: Array<{ id: string }> | null;
  node?: unknown;
}

export interface PlannedStatement {
  /** null when nothing needs reading (only __typename was asked for). */
  text: string | null;
  values: unknown[];
  shape(row: PlannedRow): unknown;
}

/** The one statement that answers `read` as `info` asks, written in `dialect`. */
export function plannedStatement(info: GraphQLResolveInfo, read: RootRead, dialect: Dialect, nestRelations: boolean): PlannedStatement {
  const plan = planOf(info, read, dialect, nestRelations);
  const statement = new Statement(dialect);
  const root = aliasAt(0);
  const table = `${tableOf(dialect, read.type)} ${root}`;
  const id = `${root}.${dialect.quote('id')}`;
  const done = (text: string | null, shape: (row: PlannedRow) => unknown): PlannedStatement => ({ text, values: statement.values, shape });

  if (read.kind === 'one') {
    return done(`SELECT ${plan.row} AS ${dialect.quote('node')} FROM ${table} WHERE ${id} = ${statement.param(read.id)}`, (row) => {
      if (!row.node) throw notFound(read.what);
      return row.node;
    });
  }
  if (read.kind === 'list') {
    const order = read.orderBy.map(([c, direction]) => `${root}.${dialect.quote(c)} ${direction.toUpperCase()}`).join(', ');
    return done(`SELECT ${dialect.array(plan.row!, `${table} ${statement.where(read.where, root)}`, order)} AS ${dialect.quote('nodes')}`, (row) => row.nodes ?? []);
  }

  const size = pageSize(read.page.first);
  const after = read.page.after ? decodeCursor(read.page.after) : undefined;
  const direction = read.direction.toUpperCase();
  const columns: string[] = [];
  if (plan.totalCount) columns.push(`(SELECT ${dialect.count()} FROM ${table} ${statement.where(read.where, root)}) AS ${dialect.quote('totalCount')}`);
  if (plan.row !== null && size > 0) {
    let where = statement.where(read.where, root);
    if (after) where = `${where ? `${where} AND` : 'WHERE'} ${id} ${read.direction === 'asc' ? '>' : '<'} ${statement.param(after)}`;
    // The page size is written in, not bound: a prepared statement runs on a generic plan
    // after a few runs, and one that cannot see its LIMIT plans for every row of the table.
    // It is an integer of 0-100 (pageSize), so a shape has at most 101 texts.
    const page = `(SELECT * FROM ${table} ${where} ORDER BY ${id} ${direction} ${dialect.limit(String(size + 1))}) ${root}`;
    columns.push(`${dialect.array(plan.row, page, `${id} ${direction}`)} AS ${dialect.quote('nodes')}`);
  }
  return done(columns.length > 0 ? `SELECT ${columns.join(', ')}` : null, (row) => connectionOf(row.nodes ?? [], size, Boolean(after), () => row.totalCount ?? 0));
}
