// A page of a platform table, newest first: ids are UUIDv7, so "newer than the
// cursor" is `id < cursor` on the primary key.
import { paginate, type PageArgs } from '../connection';

interface Table<Row, Where> {
  findMany(args: { where: Where; orderBy: { id: 'desc' }; take: number }): Promise<Row[]>;
  count(args: { where: Where }): Promise<number>;
}

export function newestFirst<Row extends { id: string }, Where extends object>(page: PageArgs, table: Table<Row, Where>, where: Where) {
  return paginate(
    page,
    'desc',
    (id, take) => table.findMany({ where: (id ? { AND: [where, { id }] } : where) as Where, orderBy: { id: 'desc' }, take }),
    () => table.count({ where }),
  );
}
