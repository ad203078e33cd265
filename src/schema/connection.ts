// Relay-style cursor pagination over tables whose ids are UUIDv7 (ordered by
// creation time), so "after this cursor" is a plain indexed `id > $cursor`.
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors';
import { isUuid } from '../ids';
import { DEFAULT_PAGE, MAX_PAGE } from '../planner/pageSize';


@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return (at most ${MAX_PAGE}; default ${DEFAULT_PAGE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (an endCursor from a previous page).' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** Runs the COUNT query (or answers it, when it was read with the page); only called when a client selects totalCount. */
  count: () => Promise<number> | number;
}

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!isUuid(id)) throw badInput('after is not a cursor from this list', { field: 'after' });
  return id;
}

export function pageSize(first: number | undefined): number {
  const size = first ?? DEFAULT_PAGE;
  if (size < 0 || size > MAX_PAGE) throw badInput(`first must be between 0 and ${MAX_PAGE}`, { field: 'first' });
  return size;
}

/**
 * Reads one page: `fetch` receives the id bound and how many rows to take
 * (one more than the page, to learn whether another page follows).
 */
export async function paginate<T extends { id: string }>(
  args: PageArgs,
  direction: 'asc' | 'desc',
  fetch: (idBound: { gt: string } | { lt: string } | undefined, take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<ConnectionResult<T>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : undefined;
  const bound = after ? (direction === 'asc' ? { gt: after } : { lt: after }) : undefined;
  const rows = size === 0 ? [] : await fetch(bound, size + 1);
  return connectionOf(rows, size, Boolean(after), count);
}

/** The page of `rows` (up to one more than `size`, to tell whether another page follows). */
export function connectionOf<T extends { id: string }>(rows: T[], size: number, afterCursor: boolean, count: () => Promise<number> | number): ConnectionResult<T> {
  const edges = new Array<{ cursor: string; node: T }>(Math.min(rows.length, size));
  for (let i = 0; i < edges.length; i++) edges[i] = { cursor: encodeCursor(rows[i].id), node: rows[i] };
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: afterCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count,
  };
}

/** `Connection(Product)` -> the ProductConnection and ProductEdge types. */
export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field(() => String) cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${node.name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    count!: () => Promise<number> | number;

    @Field(() => Int, { description: 'Matching items in all pages (costs a COUNT query).' })
    totalCount(): Promise<number> | number {
      return this.count();
    }
  }
  return ConnectionType;
}
