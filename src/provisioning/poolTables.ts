// The tables of the pool database that hold tenants' rows, read from the catalog (so
// a table a later migration adds is among them), in an order one tenant's rows can be
// deleted in, table by table: every table before the tables it references.
import type pg from 'pg';

export interface PoolTable {
  name: string;
  /** It has a foreign key to itself (a category's parent, an entry's reversal). */
  referencesItself: boolean;
}

/** The tenants' tables of the pool database `client` is connected to, children before parents. */
export async function poolTables(client: pg.ClientBase): Promise<PoolTable[]> {
  const { rows } = await client.query<{ name: string; parents: string[] }>(
    `SELECT c.relname AS name,
            coalesce(array_agg(DISTINCT p.relname::text) FILTER (WHERE p.relname IS NOT NULL), '{}') AS parents
     FROM pg_class c
     LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f'
     LEFT JOIN pg_class p ON p.oid = k.confrelid
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
     GROUP BY c.relname
     ORDER BY c.relname`,
  );
  const references = new Map(rows.map((r) => [r.name, r.parents]));
  return childrenFirst(references).map((name) => ({ name, referencesItself: references.get(name)!.includes(name) }));
}

/** The tables ordered so that each comes before every table it references; throws on a cycle between tables. */
function childrenFirst(references: Map<string, string[]>): string[] {
  const referencedBy = new Map<string, string[]>([...references.keys()].map((table) => [table, []]));
  for (const [table, parents] of references) {
    for (const parent of parents) if (parent !== table) referencedBy.get(parent)?.push(table);
  }
  const order: string[] = [];
  const visiting = new Set<string>();
  const placed = new Set<string>();
  const place = (table: string) => {
    if (placed.has(table)) return;
    if (visiting.has(table))
      throw new Error(`the foreign keys of the pool tables form a cycle through "${table}": no order deletes a tenant's rows table by table`);
    visiting.add(table);
    for (const child of referencedBy.get(table)!) place(child);
    visiting.delete(table);
    placed.add(table);
    order.push(table);
  };
  for (const table of references.keys()) place(table);
  return order;
}
