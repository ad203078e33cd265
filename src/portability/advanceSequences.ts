// After rows are loaded with the numbers they had (a journal entry's `number`, an
// autoincrement), the sequence behind each such column on PostgreSQL is moved past
// the largest loaded, so the next insert does not take a number already there. (MySQL
// and MariaDB move an AUTO_INCREMENT past a value inserted into it themselves.)
// The sequences are found in the catalog, serial and identity columns alike. A POOL
// tenant's sequence is shared by the pool's tenants: it is advanced by taking values
// (nextval), which only ever moves it forward, never set (setval), which could move
// it back under a number another tenant took meanwhile.
import type { SqlConnection } from '../db/sqlConnection';
import { postgresql } from '../planner/dialect';
import { pooled, TENANT, type TenantScope } from './tenantScope';

export async function advanceSequences(sql: SqlConnection, scope: TenantScope, tables: string[]): Promise<void> {
  if (sql.engine !== 'postgresql') return;
  const sequences = await sql.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", s.name AS "sequence"
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
          LATERAL (SELECT pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS name) s
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND s.name IS NOT NULL
     ORDER BY 1, 2`,
  );
  const quote = postgresql.quote;
  for (const { table, column, sequence } of sequences.filter((s) => tables.includes(s.table))) {
    const own = pooled(scope) ? ` WHERE ${TENANT} = $1` : '';
    const [{ largest }] = await sql.query<{ largest: string | null }>(
      `SELECT max(${quote(column)})::text AS largest FROM ${quote(table)}${own}`,
      pooled(scope) ? [scope.tenantId] : [],
    );
    if (largest === null) continue;
    const [{ next }] = await sql.query<{ next: string }>('SELECT nextval($1::regclass)::text AS next', [sequence]);
    const short = BigInt(largest) - BigInt(next);
    if (short > 0n) await sql.query('SELECT max(nextval($1::regclass)) FROM generate_series(1, $2::bigint)', [sequence, short.toString()]);
  }
}
