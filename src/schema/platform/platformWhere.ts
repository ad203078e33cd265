// The `where` of a platform list, as a Prisma where. Its inputs are the tenant graph's
// (the filters of scalarFilters.ts, `<Type>Where` with and/or/not) and so is what they
// mean (planner/where.ts): a null operand is as if left out, an empty `in` matches
// nothing and an empty `notIn` everything, contains and startsWith ignore case and
// take % and _ literally, and the same limits keep a where small. A field is a column
// of the list's row, a column of a row it joins (`at: 'user.email'`), or a related
// row's own where (a Tenant's plan).
import { Field, type ClassType } from 'type-graphql';
import { badInput } from '../../errors';
import { BooleanFilter, DateTimeFilter, DecimalFilter, enumFilter, IDFilter, IntFilter, StringFilter } from '../../graph/scalarFilters';
import { isUuid } from '../../ids';
import { escapeLike, MAX_CONDITIONS, MAX_DEPTH, MAX_LIST } from '../../planner/where';
import { declareWhere } from '../listInputs';

export type PrismaWhere = Record<string, unknown>;
type WhereInput = Record<string, unknown>;

export interface ColumnField {
  /** How its values are checked: an ID is a UUID, an Enum one of `values`. */
  scalar: 'ID' | 'String' | 'Enum' | 'DateTime' | 'Boolean' | 'Int' | 'Decimal';
  filter: object;
  /** Where Prisma finds it from the row, when not under the field's own name: `createdAt`, `user.email`. */
  at?: string;
  nullable: boolean;
  values?: readonly string[];
  description?: string;
}

export interface RelatedField {
  related: PlatformWhere;
}

export type WhereField = ColumnField | RelatedField;

export interface PlatformWhere {
  input: ClassType;
  fields: Record<string, WhereField>;
}

interface ColumnOptions {
  at?: string;
  nullable?: boolean;
  /** For a field the node does not show. */
  description?: string;
}

const column = (scalar: ColumnField['scalar'], filter: object, { at, nullable = false, description }: ColumnOptions = {}): ColumnField => ({
  scalar,
  filter,
  at,
  nullable,
  description,
});

/** A UUID column; `text`: an id kept as text (any string compares). */
export const idColumn = (options: ColumnOptions & { text?: boolean } = {}) => column(options.text ? 'String' : 'ID', IDFilter, options);
export const textColumn = (options?: ColumnOptions) => column('String', StringFilter, options);
export const dateTimeColumn = (options?: ColumnOptions) => column('DateTime', DateTimeFilter, options);
export const booleanColumn = (options?: ColumnOptions) => column('Boolean', BooleanFilter, options);
export const intColumn = (options?: ColumnOptions) => column('Int', IntFilter, options);
export const decimalColumn = (options?: ColumnOptions) => column('Decimal', DecimalFilter, options);

const enumFilters = new Map<string, object>();
/** A column of the GraphQL enum `name` (registered with `values`); its filter `<name>Filter` is made once. */
export function enumColumn(name: string, values: Record<string, string>, options?: ColumnOptions): ColumnField {
  if (!enumFilters.has(name)) enumFilters.set(name, enumFilter(name, values));
  return { ...column('Enum', enumFilters.get(name)!, options), values: Object.values(values) };
}

/** A related row's where, e.g. a Tenant's `plan: { code: { eq: "free" } }`. */
export const relatedWhere = (related: PlatformWhere): RelatedField => ({ related });

/** The input `<typeName>Where` over `fields`, with and/or/not. */
export function platformWhere(typeName: string, fields: Record<string, WhereField>): PlatformWhere {
  const input = { [`${typeName}Where`]: class {} }[`${typeName}Where`] as ClassType;
  for (const [name, field] of Object.entries(fields)) {
    if ('related' in field) Field(() => field.related.input, { nullable: true, description: 'The related row exists and matches.' })(input.prototype, name);
    else Field(() => field.filter, { nullable: true, ...(field.description ? { description: field.description } : {}) })(input.prototype, name);
  }
  declareWhere(input, typeName);
  return { input, fields };
}

/** Where Prisma finds a column from the row: `['user', 'email']`. */
export const pathOf = (name: string, field: ColumnField) => (field.at ?? name).split('.');

/** `condition` on the column at `path`, through the to-one relations before it. */
export const onColumn = (path: readonly string[], condition: unknown): PrismaWhere =>
  path.slice(0, -1).reduceRight<PrismaWhere>((inner, relation) => ({ [relation]: { is: inner } }), { [path.at(-1)!]: condition });

/** Matches no row. */
export const NOTHING: PrismaWhere = { id: { in: [] } };

/** Every condition; null (every row) when none is given. */
export function allOf(conditions: ReadonlyArray<PrismaWhere | null>): PrismaWhere | null {
  const given = conditions.filter((c): c is PrismaWhere => c !== null);
  return given.length === 0 ? null : given.length === 1 ? given[0] : { AND: given };
}

/** A value as Prisma compares it; BAD_USER_INPUT for an ID that is no UUID. */
function boundValue(field: ColumnField, v: unknown, path: string): unknown {
  if (field.scalar !== 'ID') return v;
  if (typeof v !== 'string' || !isUuid(v)) throw badInput(`${path} is not a valid ID`, { field: path });
  return v.toLowerCase();
}

class Translator {
  private conditions = 0;

  where(spec: PlatformWhere, input: WhereInput, path: string, depth: number): PrismaWhere | null {
    if (depth > MAX_DEPTH) throw badInput(`${path}: conditions nest at most ${MAX_DEPTH} deep`, { field: path });
    const parts: Array<PrismaWhere | null> = [];
    for (const [name, operand] of Object.entries(input)) {
      if (operand === null || operand === undefined) continue;
      const at = `${path}.${name}`;
      if (name === 'and' || name === 'or') {
        const branches = (operand as WhereInput[]).map((branch, i) => this.where(spec, branch, `${at}[${i}]`, depth + 1));
        if (name === 'and') parts.push(...branches);
        // No branch at all matches nothing; an empty branch matches everything.
        else parts.push(branches.length === 0 ? NOTHING : branches.includes(null) ? null : { OR: branches });
        continue;
      }
      if (name === 'not') {
        const inner = this.where(spec, operand as WhereInput, at, depth + 1);
        parts.push(inner && { NOT: inner });
        continue;
      }
      const field = spec.fields[name];
      if ('related' in field) {
        const inner = this.where(field.related, operand as WhereInput, at, depth + 1);
        parts.push(inner && { [name]: { is: inner } });
      } else parts.push(...this.column(field, pathOf(name, field), operand as WhereInput, at));
    }
    return allOf(parts);
  }

  private column(field: ColumnField, path: string[], filter: WhereInput, at: string): PrismaWhere[] {
    const parts: PrismaWhere[] = [];
    for (const [op, operand] of Object.entries(filter)) {
      if (operand === null || operand === undefined) continue;
      if (++this.conditions > MAX_CONDITIONS) throw badInput(`where: at most ${MAX_CONDITIONS} conditions`, { field: 'where' });
      const opAt = `${at}.${op}`;
      switch (op) {
        case 'eq':
          parts.push(onColumn(path, { equals: boundValue(field, operand, opAt) }));
          break;
        case 'ne':
          parts.push(onColumn(path, { not: boundValue(field, operand, opAt) }));
          break;
        case 'lt':
        case 'lte':
        case 'gt':
        case 'gte':
          parts.push(onColumn(path, { [op]: boundValue(field, operand, opAt) }));
          break;
        case 'in':
        case 'notIn': {
          const list = operand as unknown[];
          if (list.length > MAX_LIST) throw badInput(`${opAt}: at most ${MAX_LIST} values`, { field: opAt });
          parts.push(onColumn(path, { [op]: list.map((v, i) => boundValue(field, v, `${opAt}[${i}]`)) }));
          break;
        }
        case 'isNull':
          // Prisma takes no null test on a column that cannot hold one: none of its rows is null.
          if (field.nullable) parts.push(onColumn(path, operand ? { equals: null } : { not: null }));
          else if (operand) parts.push(NOTHING);
          break;
        case 'contains':
          parts.push(onColumn(path, { contains: escapeLike(String(operand)), mode: 'insensitive' }));
          break;
        case 'startsWith':
          parts.push(onColumn(path, { startsWith: escapeLike(String(operand)), mode: 'insensitive' }));
          break;
        default:
          throw badInput(`${opAt} is not an operator`, { field: opAt });
      }
    }
    return parts;
  }
}

/** The Prisma where of a list's `where` argument; null when it asks nothing. */
export function prismaWhere(spec: PlatformWhere, input: WhereInput | null | undefined): PrismaWhere | null {
  return input ? new Translator().where(spec, input, 'where', 0) : null;
}
