// A platform list as a connection over Prisma, by the tenant graph's conventions
// (planner/order.ts, listInputs.ts): first/after and last/before with keyset cursors
// that follow the order, orderBy FIELD_ASC/_DESC with ties broken by id (nulls last
// ascending, first descending), a where of per-field filters (platformWhere.ts), and
// nodes, edges, pageInfo and totalCount (a COUNT, run only when asked). A list
// declares its fields, those it sorts by and its default order; its resolver names
// the Prisma table and what the caller may see, which every page and count AND in.
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../../errors';
import { decodeCursor, encodeCursor, reversed } from '../../planner/order';
import { DEFAULT_PAGE, pageWindow } from '../../planner/pageSize';
import type { ListArgs } from '../../planner/statement';
import type { Direction } from '../../model/tenantModel';
import { declareListArgs, describeOrder, orderByEnum } from '../listInputs';
import { PageInfo } from '../pageInfo';
import { allOf, idColumn, NOTHING, onColumn, pathOf, platformWhere, prismaWhere, type ColumnField, type PrismaWhere, type WhereField } from './platformWhere';

/** What a list reads through: a Prisma model delegate (whose rows, with the list's `read`, are the spec's Row). */
export interface PlatformTable {
  findMany(args: { where: PrismaWhere; orderBy: PrismaWhere[]; take: number }): PromiseLike<object[]>;
  count(args: { where: PrismaWhere }): PromiseLike<number>;
}

export interface PlatformListSpec<Row> {
  /** Its where's fields (`id` is one without saying so). */
  fields: Record<string, WhereField>;
  /** The fields of `fields` it sorts by, besides id. */
  orderBy: string[];
  /** Its order without orderBy; ties are broken by id ascending unless it says otherwise. */
  defaultOrder: Array<[field: string, direction: Direction]>;
  /** What Prisma reads besides the row's columns, or instead of them: `{ include: { plan: true } }`. */
  read?: { include: object } | { select: object };
  /** The node of a row read, when it is not the row itself. */
  node?: (row: Row) => object;
}

interface Term {
  path: string[];
  direction: Direction;
  column: ColumnField;
  sortedBy: string;
}

interface Edge {
  cursor: string;
  node: object;
}

interface Page {
  edges: Edge[];
  pageInfo: PageInfo;
}

/** What a list field answers: the page and the count, each read once and only when asked. */
interface ConnectionSource {
  page: () => Promise<Page>;
  count: () => PromiseLike<number>;
}

// Scalars a list may sort by: their cursor values are strings.
const SORTABLE = new Set<ColumnField['scalar']>(['ID', 'String', 'Enum', 'DateTime']);

/** A Prisma orderBy term; a nullable column's nulls come last ascending, first descending. */
function prismaOrder({ path, direction, column }: Term): PrismaWhere {
  const sort = column.nullable ? { sort: direction, nulls: direction === 'asc' ? 'last' : 'first' } : direction;
  return path.slice(0, -1).reduceRight<PrismaWhere>((inner, relation) => ({ [relation]: inner }), { [path.at(-1)!]: sort });
}

/**
 * `op` on a term's column. Prisma compares an enum by equality only: "after" is the
 * values declared after it, as PostgreSQL sorts an enum in the order it was declared.
 */
function compared(term: Term, op: 'gt' | 'gte' | 'lt' | 'lte', v: unknown): PrismaWhere {
  const { values } = term.column;
  if (!values) return onColumn(term.path, { [op]: v });
  const at = values.indexOf(v as string);
  const range = { gt: values.slice(at + 1), gte: values.slice(at), lt: values.slice(0, at), lte: values.slice(0, at + 1) }[op];
  return onColumn(term.path, { in: range });
}

/** Rows strictly after (in `terms` order) the place `values` names. */
function keyset(terms: readonly Term[], values: readonly unknown[]): PrismaWhere {
  const equal = (t: Term, v: unknown) => onColumn(t.path, { equals: v });
  const after = (t: Term, v: unknown): PrismaWhere | null => {
    if (t.direction === 'asc') {
      if (v === null) return null; // nothing sorts after a null, nulls being last
      return t.column.nullable ? { OR: [compared(t, 'gt', v), onColumn(t.path, { equals: null })] } : compared(t, 'gt', v);
    }
    return v === null ? onColumn(t.path, { not: null }) : compared(t, 'lt', v);
  };
  const branches: PrismaWhere[] = [];
  terms.forEach((term, i) => {
    const last = after(term, values[i]);
    if (last) branches.push({ AND: [...terms.slice(0, i).map((t, j) => equal(t, values[j])), last] });
  });
  if (branches.length === 0) return NOTHING;
  // The first column's bound alone, which an index on it can seek to; the branches cannot.
  const [lead] = terms;
  const bound = terms.length > 1 && values[0] !== null && !lead.column.nullable ? [compared(lead, lead.direction === 'asc' ? 'gte' : 'lte', values[0])] : [];
  return { AND: [...bound, { OR: branches }] };
}

/** A moment as a cursor holds it (toISOString of a storable one: years 0001 to 9999). */
const isMoment = (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(text) && !text.startsWith('0000') && !Number.isNaN(Date.parse(text));

/** The value a row holds at `path`. */
const valueAt = (row: unknown, path: readonly string[]) => path.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], row);

/** The list of `node` rows: its GraphQL types (`<Node>Connection`, `<Node>Edge`, `<Node>OrderBy`, `<Node>Where`, its arguments) and its pages. */
export function platformList<Row>(node: ClassType, spec: PlatformListSpec<Row>) {
  const typeName = node.name;
  const fields: Record<string, WhereField> = { id: idColumn(), ...spec.fields };
  const where = platformWhere(typeName, fields);
  const sortable = new Map(
    ['id', ...spec.orderBy].map((name) => {
      const field = fields[name];
      if (!field || 'related' in field || !SORTABLE.has(field.scalar)) throw new Error(`${typeName} lists cannot sort by ${name}`);
      return [name, { path: pathOf(name, field), column: field, sortedBy: name }];
    }),
  );
  const { orderBy, values: orderValues } = orderByEnum(typeName, [...sortable.keys()]);

  @ObjectType(`${typeName}Edge`)
  class EdgeType {
    @Field(() => String, { description: 'Where this row is in the list: pass it as after or before.' }) cursor!: string;
    @Field(() => node) node!: object;
  }

  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} rows.` })
  class ConnectionType implements ConnectionSource {
    page!: () => Promise<Page>;
    count!: () => PromiseLike<number>;

    @Field(() => [node], { description: 'The rows of this page.' })
    async nodes(): Promise<object[]> {
      return (await this.page()).edges.map((edge) => edge.node);
    }

    @Field(() => [EdgeType], { description: 'The rows of this page with their cursors.' })
    async edges(): Promise<Edge[]> {
      return (await this.page()).edges;
    }

    @Field(() => PageInfo)
    async pageInfo(): Promise<PageInfo> {
      return (await this.page()).pageInfo;
    }

    @Field(() => Int, { description: 'Rows the where matches, in all pages (a COUNT: ask only when needed).' })
    totalCount(): PromiseLike<number> {
      return this.count();
    }
  }

  const args = { [`${typeName}ListArgs`]: class {} }[`${typeName}ListArgs`] as ClassType;
  declareListArgs(args, orderBy, where.input, describeOrder(spec.defaultOrder));

  /** The order asked for (or the default), ending with id: anything after id could not break a tie. */
  function orderOf(asked: readonly string[] | null | undefined): Term[] {
    const terms: Term[] = [];
    for (const [name, direction] of asked?.length ? asked.map((v) => orderValues.get(v)!) : spec.defaultOrder) {
      if (terms.some((t) => t.path.join('.') === sortable.get(name)!.path.join('.'))) continue;
      terms.push({ ...sortable.get(name)!, direction });
      if (name === 'id') return terms;
    }
    return [...terms, { ...sortable.get('id')!, direction: 'asc' }];
  }

  /** The sort values `cursor` holds, as Prisma compares them. */
  function cursorValues(terms: readonly Term[], cursor: string, argument: 'after' | 'before'): unknown[] {
    const values = decodeCursor(terms, cursor, argument);
    return values.map((v, i) => {
      const { scalar, values: allowed } = terms[i].column;
      const fits = v === null || (typeof v === 'string' && (scalar !== 'Enum' || allowed!.includes(v)) && (scalar !== 'DateTime' || isMoment(v)));
      if (!fits) throw badInput(`${argument} is not a cursor of this list in this order`, { field: argument });
      return scalar === 'DateTime' && v !== null ? new Date(v as string) : v;
    });
  }

  /**
   * The connection `args` ask of `table`, among the rows `access` lets the caller see.
   * Bad arguments are refused here, before anything is read.
   */
  function connection(table: PlatformTable, args: ListArgs, access: PrismaWhere | null): ConnectionSource {
    const { size = DEFAULT_PAGE, backward } = pageWindow(args, DEFAULT_PAGE);
    const terms = orderOf(args.orderBy);
    const matching = allOf([access, prismaWhere(where, args.where)]);
    const bounds = [
      args.after ? keyset(terms, cursorValues(terms, args.after, 'after')) : null,
      args.before ? keyset(reversed(terms), cursorValues(terms, args.before, 'before')) : null,
    ];
    const read = async (): Promise<Page> => {
      // One row more than the page tells whether another follows (precedes, reading from the end).
      const rows = await table.findMany({
        ...spec.read,
        where: allOf([matching, ...bounds]) ?? {},
        orderBy: (backward ? reversed(terms) : terms).map(prismaOrder),
        take: size + 1,
      });
      const more = rows.length > size;
      const page = rows.slice(0, size);
      if (backward) page.reverse();
      const edges = page.map((row) => ({
        cursor: encodeCursor(
          terms,
          terms.map((t) => valueAt(row, t.path)),
        ),
        node: spec.node ? spec.node(row as Row) : row,
      }));
      return {
        edges,
        pageInfo: {
          hasNextPage: backward ? Boolean(args.before) : more,
          hasPreviousPage: backward ? more : Boolean(args.after),
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    };
    let page: Promise<Page> | undefined;
    return { page: () => (page ??= read()), count: () => table.count({ where: matching ?? {} }) };
  }

  return { connectionType: ConnectionType, argsType: args, connection };
}
