// The tenant model: every model of the tenant schema with its columns and relations,
// as scripts/tenant-model.cjs reads them from the Prisma datamodel at build time.
// The tenant graph (its types, inputs, root fields, generic mutations), the planner
// and the resolver path are all generated from this one description.
import generated from '../generated/tenantModel.json';

export type Role = 'VIEWER' | 'MEMBER' | 'ADMIN' | 'OWNER';
export type Scalar = 'ID' | 'String' | 'Int' | 'Float' | 'Boolean' | 'Decimal' | 'DateTime' | 'Date' | 'Json' | 'Enum';
export type Direction = 'asc' | 'desc';

export interface Column {
  /** The field's name, in Prisma Client and in GraphQL. */
  name: string;
  /** The column's name in the table. */
  column: string;
  scalar: Scalar;
  /** The Prisma (and GraphQL) enum of an Enum column. */
  enum?: string;
  nullable: boolean;
  isId?: boolean;
  isUnique?: boolean;
  hasDefault?: boolean;
  isUpdatedAt?: boolean;
  /** Characters it holds on every engine (a String; none: any length). */
  maxLength?: number;
  /** A Decimal column's digits before and after the point, from @db.Decimal(p, s). */
  digits?: { integer: number; fraction: number };
  /** A Json column's GraphQL type, e.g. "[String!]" (default JSON). */
  graphqlType?: string;
  description?: string;
  hidden?: boolean;
  readRole?: Role;
  /** Personal data of the customer the row concerns (`/// @personal`): erasing the customer clears it. */
  personal?: true;
}

export interface Relation {
  name: string;
  /** The related model's name. */
  target: string;
  kind: 'one' | 'many';
  /** Rows are related when this.localColumn = target.targetColumn. */
  localColumn: string;
  targetColumn: string;
  nullable: boolean;
  /** A to-one relation whose rows the database deletes with the row they refer to (onDelete: Cascade). */
  cascades?: true;
  description?: string;
  hidden?: boolean;
  /** The order of a to-many relation's rows, when not the target's default. */
  order?: Array<[field: string, direction: Direction]>;
  readRole?: Role;
}

export interface Model {
  /** The Prisma model's name. */
  name: string;
  /** The GraphQL type's name. */
  typeName: string;
  table: string;
  /** Root list field (`gymClasses`) and by-id field (`gymClass`). */
  plural: string;
  singular: string;
  /** The built-in module that claims it; none for a deployment's own models. */
  module?: string;
  description?: string;
  hidden?: boolean;
  /** The default order of its lists; always ends with id. */
  order: Array<[field: string, direction: Direction]>;
  access: { read: Role; write: Role };
  columns: Column[];
  relations: Relation[];
}

export interface TenantEnum {
  name: string;
  values: string[];
  description?: string;
  valueDescriptions?: Record<string, string>;
}

export interface TenantModel {
  models: Model[];
  enums: TenantEnum[];
}

export const tenantModel = generated as TenantModel;

/** The models the graph shows, with their visible columns and relations only. */
export const graphModels: Model[] = tenantModel.models
  .filter((m) => !m.hidden)
  .map((m) => ({ ...m, columns: m.columns.filter((c) => !c.hidden), relations: m.relations.filter((r) => !r.hidden) }));

const byTypeName = new Map(graphModels.map((m) => [m.typeName, m]));
const byModelName = new Map(graphModels.map((m) => [m.name, m]));

/** The model behind a GraphQL type of the tenant graph, or undefined for any other type. */
export const modelOfType = (typeName: string): Model | undefined => byTypeName.get(typeName);

export function modelNamed(name: string): Model {
  const model = byModelName.get(name);
  if (!model) throw new Error(`the tenant model has no visible model ${name}`);
  return model;
}

export function columnOf(model: Model, field: string): Column {
  const column = model.columns.find((c) => c.name === field);
  if (!column) throw new Error(`${model.name} has no column ${field}`);
  return column;
}
