// What a tenant field's selection asks of the database, worked out once per document
// (and per value of the variables its @skip/@include read): which columns of which
// rows, which to-one relations are joined in, which to-many relations nest their own
// page, aggregates and groups. A plan is pure: arguments that vary per request
// (where, orderBy, pages) are read when the statement is written (statement.ts).
//
// A row's values are a flat list in the order of its outputs; a joined to-one row's
// values sit inside its parent's, and a nested connection's are JSON values. The
// statement writes them in this order and the shaper (shape.ts) reads them back in it.
import { getNamedType, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { computedColumns } from './computed';
import { NUMERIC, RANGED } from './listKeys';
import { columnOf, modelNamed, modelOfType, type Column, type Model, type Relation } from '../model/tenantModel';
import { directiveVariablesOf } from './directiveVariables';
import { hasArguments, selectionOf, type Selection, type SelectionContext } from './selection';

/** Where a field's arguments come from: its definition and the node that gives them. */
export interface ArgumentSource {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

export type Output =
  /** A column; `key` null when only the statement needs it (an id for a resolver, a join key). */
  | { kind: 'column'; column: Column; key: string | null }
  /**
   * A to-one relation joined into the row, answered under each of its response keys.
   */
  | { kind: 'one'; keys: string[]; relation: Relation; row: RowPlan; presence: Presence }
  /** A to-many relation: its own connection, nested as JSON values. */
  | { kind: 'many'; keys: string[]; relation: Relation; connection: ConnectionPlan; args: ArgumentSource };

/**
 * How a joined row tells it is missing (its values are then all null): it cannot be
 * (`always`); a column it reads that is never null otherwise, at this position among
 * its values (`column`); or a value of its own before them (`indicator`).
 */
export type Presence = { by: 'always' } | { by: 'column'; at: number } | { by: 'indicator' };

export interface RowPlan {
  model: Model;
  outputs: Output[];
  /** How many values the row has, joined rows included (a nested connection counts its JSON values). */
  width: number;
}

export type AggregateKind = 'sum' | 'avg' | 'min' | 'max';

export interface AggregatePlan {
  /** Parts in the order their values follow the count. */
  parts: Array<{ kind: AggregateKind; columns: Column[] }>;
}

export interface GroupedPlan {
  keys: string[];
  args: ArgumentSource;
  aggregates: AggregatePlan;
}

export interface ConnectionPlan {
  model: Model;
  /** The rows' plan, when nodes, edges or pageInfo are asked for. */
  row: RowPlan | null;
  /** What of the page is asked for: its rows as nodes, as edges, its pageInfo. */
  nodes: boolean;
  edges: boolean;
  pageInfo: boolean;
  /** Rows need their sort keys too, to make cursors. */
  cursors: boolean;
  /** Whether another page follows (or precedes) is asked: read one row more than the page. */
  peeks: boolean;
  /** count(*), for totalCount and aggregates.count. */
  count: boolean;
  aggregates: AggregatePlan | null;
  grouped: GroupedPlan[];
}

/** How many JSON values a nested connection adds to its parent row: rows, count and aggregates, each group. */
export const connectionWidth = (plan: ConnectionPlan) => (plan.row ? 1 : 0) + (plan.count || plan.aggregates ? 1 : 0) + plan.grouped.length;

interface Planning {
  schema: GraphQLSchema;
  context: SelectionContext;
  /** Nest relations into the statement (PLANNED_READS), or leave each to its resolver. */
  nestRelations: boolean;
}

/** The response keys of a field's nodes, in order, each once. */
const responseKeys = (nodes: readonly FieldNode[]) => [...new Set(nodes.map((n) => n.alias?.value ?? n.name.value))];

/** A selection grouped by response key (a field asked twice under different aliases is planned twice). */
function byResponseKey(nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const groups = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    const key = node.alias?.value ?? node.name.value;
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  return groups;
}

/**
 * The plan of one row of `model` for `selection`; `nest` relations into it (default:
 * as the planning says). A row carries its id when it is asked for, or when something
 * reads the row by it: a batch read by ids, a relation left to its resolver.
 */
export function rowPlan(planning: Planning, model: Model, selection: Selection, nest = planning.nestRelations, withId = !nest): RowPlan {
  const outputs: Output[] = [];
  const columnKeys = new Set<string>();
  const addColumn = (column: Column, key: string | null) => {
    if (key !== null && columnKeys.has(key)) return;
    if (key !== null) columnKeys.add(key);
    outputs.push({ kind: 'column', column, key });
  };
  const fields = (planning.schema.getType(model.typeName) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
  for (const [name, nodes] of selection) {
    const relation = model.relations.find((r) => r.name === name);
    if (relation) {
      // Not nested: its resolver reads it (batched by the row's id, always present).
      if (!nest) continue;
      const target = modelNamed(relation.target);
      if (relation.kind === 'one') {
        // A to-one relation takes no arguments: every alias reads one joined row.
        const row = rowPlan(planning, target, selectionOf(nodes, target.typeName, planning.context));
        outputs.push({ kind: 'one', keys: responseKeys(nodes), relation, row, presence: presenceOf(relation, row) });
      } else {
        for (const [key, group] of byResponseKey(nodes)) {
          const connection = connectionPlan(planning, target, group);
          outputs.push({ kind: 'many', keys: [key], relation, connection, args: { field: fields[name], node: group[0] } });
        }
      }
      continue;
    }
    const computed = computedColumns(fields[name]);
    if (computed) {
      // A resolver answers it from columns of the row, some of them only for its arguments.
      for (const column of hasArguments(nodes) ? [...computed.columns, ...computed.withArguments] : computed.columns) addColumn(columnOf(model, column), column);
      continue;
    }
    addColumn(columnOf(model, name), name);
  }
  // A row of no values is no SQL: it reads its id.
  if (withId || outputs.length === 0) outputs.unshift({ kind: 'column', column: columnOf(model, 'id'), key: 'id' });
  // A joined row's values follow its columns (after their indicator); a nested list's values too.
  const width = outputs.reduce((n, o) => n + (o.kind === 'column' ? 1 : o.kind === 'one' ? o.row.width + (o.presence.by === 'indicator' ? 1 : 0) : connectionWidth(o.connection)), 0);
  return { model, outputs, width };
}

/** Where among a row's values its own `column` is, or -1 when it does not read it (before any joined row or list). */
export function valueIndexOf(row: RowPlan, column: Column): number {
  for (let i = 0; i < row.outputs.length; i++) {
    const output = row.outputs[i];
    if (output.kind !== 'column') return -1;
    if (output.column === column) return i;
  }
  return -1;
}

function presenceOf(relation: Relation, row: RowPlan): Presence {
  if (!relation.nullable) return { by: 'always' };
  const at = row.outputs.findIndex((o) => o.kind === 'column' && !o.column.nullable);
  return at >= 0 && row.outputs.slice(0, at).every((o) => o.kind === 'column') ? { by: 'column', at } : { by: 'indicator' };
}

function aggregatePlan(planning: Planning, model: Model, nodes: readonly FieldNode[], typeName: string): AggregatePlan {
  const selection = selectionOf(nodes, typeName, planning.context);
  const parts: AggregatePlan['parts'] = [];
  for (const kind of ['sum', 'avg', 'min', 'max'] as const) {
    const asked = selection.get(kind);
    if (!asked) continue;
    const allowed = kind === 'sum' || kind === 'avg' ? NUMERIC : RANGED;
    const partType = `${typeName.replace(/(Grouped)?Aggregates$/, '')}${kind[0].toUpperCase()}${kind.slice(1)}Aggregates`;
    const columns = [...selectionOf(asked, partType, planning.context).keys()].map((name) => columnOf(model, name)).filter((c) => allowed.has(c.scalar));
    parts.push({ kind, columns });
  }
  return { parts };
}

/** The plan of a connection of `model` asked for by `nodes`. */
export function connectionPlan(planning: Planning, model: Model, nodes: readonly FieldNode[]): ConnectionPlan {
  const { typeName } = model;
  const selection = selectionOf(nodes, `${typeName}Connection`, planning.context);
  const edgeSelection = selectionOf(selection.get('edges') ?? [], `${typeName}Edge`, planning.context);
  const pageInfo = selectionOf(selection.get('pageInfo') ?? [], 'PageInfo', planning.context);
  const rowNodes = [...(selection.get('nodes') ?? []), ...(edgeSelection.get('node') ?? [])];
  const wantsRows = selection.has('nodes') || selection.has('edges') || selection.has('pageInfo');
  const aggregates = selection.get('aggregates');
  const aggregateSelection = aggregates ? selectionOf(aggregates, `${typeName}Aggregates`, planning.context) : undefined;
  const connectionFields = (planning.schema.getType(`${typeName}Connection`) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields();
  const grouped = [...byResponseKey(selection.get('groupedAggregates') ?? [])].map(([key, group]) => ({
    keys: [key],
    args: { field: connectionFields.groupedAggregates, node: group[0] },
    aggregates: aggregatePlan(planning, model, group, `${typeName}GroupedAggregates`),
  }));
  return {
    model,
    row: wantsRows ? rowPlan(planning, model, selectionOf(rowNodes, typeName, planning.context)) : null,
    nodes: selection.has('nodes'),
    edges: selection.has('edges'),
    pageInfo: selection.has('pageInfo'),
    cursors: edgeSelection.has('cursor') || pageInfo.has('startCursor') || pageInfo.has('endCursor'),
    peeks: pageInfo.has('hasNextPage') || pageInfo.has('hasPreviousPage'),
    count: selection.has('totalCount') || Boolean(aggregateSelection?.has('count')),
    aggregates: aggregates ? aggregatePlan(planning, model, aggregates, `${typeName}Aggregates`) : null,
    grouped,
  };
}

export type RootPlan = { kind: 'connection'; plan: ConnectionPlan } | { kind: 'one'; plan: RowPlan };

interface PlansOfField {
  directiveVariables: string[];
  byKey: Map<string, unknown>;
}

// Apollo keeps parsed documents, so a field's AST node is the same object for every
// request that sends that document: plans live as long as the document does.
const plans = new WeakMap<FieldNode, PlansOfField>();

/** A plan of the field `info` resolves, made by `make` once per document, `kind` and values of its directive variables. */
function cached<T>(info: GraphQLResolveInfo, kind: string, nestRelations: boolean, make: (planning: Planning) => T): T {
  const first = info.fieldNodes[0];
  const fragments = info.fragments as Record<string, FragmentDefinitionNode>;
  let known = plans.get(first);
  if (!known) plans.set(first, (known = { directiveVariables: directiveVariablesOf(info.fieldNodes, fragments), byKey: new Map() }));
  // Most documents have no directive variables: their key is the same every time.
  const directives = known.directiveVariables.length ? known.directiveVariables.map((v) => JSON.stringify(info.variableValues[v] ?? null)).join(',') : '';
  const key = `${kind}:${nestRelations}:${directives}`;
  let plan = known.byKey.get(key) as T | undefined;
  if (!plan) known.byKey.set(key, (plan = make({ schema: info.schema, context: { fragments, variables: info.variableValues }, nestRelations })));
  return plan;
}

/** The plan of a tenant root field: a list (a connection) or one row. */
export function rootPlan(info: GraphQLResolveInfo, nestRelations: boolean): RootPlan {
  return cached(info, 'root', nestRelations, (planning) => {
    const returned = getNamedType(info.returnType).name;
    const model = modelOfType(returned);
    if (model) return { kind: 'one', plan: rowPlan(planning, model, selectionOf(info.fieldNodes, returned, planning.context)) };
    const listed = returned.endsWith('Connection') ? modelOfType(returned.slice(0, -'Connection'.length)) : undefined;
    if (!listed) throw new Error(`${info.parentType.name}.${info.fieldName} answers ${returned}, which the planner cannot read`);
    return { kind: 'connection', plan: connectionPlan(planning, listed, info.fieldNodes) };
  });
}

/** Rows of `model` as the field `info` asks for them, read by id (a field of another type answering rows). */
export function rowsPlan(info: GraphQLResolveInfo, model: Model, nestRelations: boolean): RowPlan {
  return cached(info, 'rows', nestRelations, (planning) => rowPlan(planning, model, selectionOf(info.fieldNodes, model.typeName, planning.context), nestRelations, true));
}

/** A row of `parent`, read by id, with only the relation field `info` resolves, nested: its parent's row did not have it. */
export function relationPlan(info: GraphQLResolveInfo, parent: Model, nestRelations: boolean): RowPlan {
  return cached(info, 'relation', nestRelations, (planning) => rowPlan(planning, parent, new Map([[info.fieldName, [...info.fieldNodes]]]), true, true));
}
