// One row of a planned type as an SQL expression that builds its JSON: the selected
// columns, rendered as the resolver path answers them, and each selected relation as
// a correlated subquery nesting the related row (to-one) or rows (to-many, in the
// resolver path's order). The whole tree is one expression: one statement reads it.
//
// A relation that is not nested (planning relations is off, or the field takes
// arguments) is left to its field resolver; the row then carries what that resolver
// reads: its id, and the foreign key of a to-one relation.
import { GraphQLObjectType, getNamedType, getNullableType, isEnumType, isListType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { TENANT_SCHEMA } from '../db/tenantTarget';
import type { Dialect, ValueKind } from './dialect';
import { hasArguments, selectionOf, type Selection, type SelectionContext } from './selection';
import { plannedType } from './tenantModel';

export interface RowCompiler {
  schema: GraphQLSchema;
  dialect: Dialect;
  /** Nest relations into the statement (PLANNED_READS), or leave them to their resolvers. */
  nestRelations: boolean;
  context: SelectionContext;
}

const KINDS: Record<string, ValueKind> = { Decimal: 'decimal', DateTime: 'dateTime', Date: 'date', Boolean: 'boolean', JSONObject: 'json' };

// A list that is not a relation (tags, translations) is kept as a JSON column.
function kindOf(field: GraphQLField<unknown, unknown>): ValueKind {
  if (isListType(getNullableType(field.type))) return 'json';
  const named = getNamedType(field.type);
  return isEnumType(named) ? 'plain' : (KINDS[named.name] ?? 'plain');
}

export function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type of the schema`);
  return type;
}

/** `"<tenant schema>"."Product"`: the schema is filled in per tenant when the statement is sent. */
export const tableOf = (dialect: Dialect, typeName: string) => `${TENANT_SCHEMA}.${dialect.quote(plannedType(typeName).table)}`;

export const aliasAt = (depth: number) => `t${depth}`;

export function rowJson(compiler: RowCompiler, typeName: string, selection: Selection, depth: number): string {
  const { dialect, schema } = compiler;
  const model = plannedType(typeName);
  const fields = objectType(schema, typeName).getFields();
  const alias = aliasAt(depth);
  const column = (name: string) => `${alias}.${dialect.quote(name)}`;
  // Every row carries its id: for cursors, and for the resolvers of relations left to them.
  // Keyed by name: a column a computed field reads may be selected itself too.
  const pairs = new Map<string, string>([['id', column('id')]]);
  const addColumn = (name: string) => pairs.set(name, dialect.value(kindOf(fields[name]), column(name)));
  for (const [name, nodes] of selection) {
    if (name === 'id') continue;
    const computed = model.computed?.[name];
    if (computed) {
      // Without arguments a computed field answers its own column (the first): the rest is read only when asked for.
      (hasArguments(nodes) ? computed : computed.slice(0, 1)).forEach(addColumn);
      continue;
    }
    const relation = model.relations[name];
    if (!relation) {
      if (hasArguments(nodes)) throw new Error(`${typeName}.${name} takes arguments: the tenant model cannot plan it`);
      addColumn(name);
      continue;
    }
    if (!compiler.nestRelations || hasArguments(nodes)) {
      if (relation.kind === 'one') pairs.set(relation.column, column(relation.column));
      continue;
    }
    const inner = aliasAt(depth + 1);
    const element = rowJson(compiler, relation.type, selectionOf(nodes, relation.type, compiler.context), depth + 1);
    const table = `${tableOf(dialect, relation.type)} ${inner}`;
    if (relation.kind === 'one') {
      pairs.set(name, `(SELECT ${element} FROM ${table} WHERE ${inner}.${dialect.quote('id')} = ${column(relation.column)})`);
    } else {
      const order = relation.orderBy.map(([c, direction]) => `${inner}.${dialect.quote(c)} ${direction.toUpperCase()}`).join(', ');
      pairs.set(name, dialect.array(element, `${table} WHERE ${inner}.${dialect.quote(relation.column)} = ${column('id')}`, order));
    }
  }
  return dialect.object([...pairs]);
}
