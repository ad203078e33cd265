// Checks that a tenant's tables are what the migrations say: every migration is
// recorded as applied with an unchanged checksum, and every table the migrations
// create exists. A tenant is only activated when this passes.
import { tenantMigrations, type MigrationSet } from '../db/migrations';
import { migrationStatus } from '../db/migrator';
import type { SqlConnection } from '../db/sqlConnection';

// A quoted table name: "X" on PostgreSQL, `X` on MySQL.
const TABLE_NAME = /CREATE TABLE\s+["`]([^"`]+)["`]/i;

export function expectedTables(set: MigrationSet): string[] {
  return set.migrations.flatMap((m) => m.statements.map((s) => TABLE_NAME.exec(s)?.[1]).filter((t): t is string => Boolean(t)));
}

export interface SchemaProblems {
  pending: string[];
  modified: string[];
  failed: string[];
  missingTables: string[];
}

export async function tenantSchemaProblems(connection: SqlConnection, set = tenantMigrations(connection.engine)): Promise<SchemaProblems> {
  const status = await migrationStatus(connection, set);
  // Where unqualified names resolve: the first schema on the search path, or MySQL's database.
  const here = connection.engine === 'mysql' ? 'DATABASE()' : 'current_schema()';
  const rows = await connection.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${here}`);
  const present = new Set(rows.map((r) => r.name));
  return {
    pending: status.pending,
    modified: status.modified,
    failed: status.failed,
    missingTables: expectedTables(set).filter((t) => !present.has(t)),
  };
}

export function describeProblems(p: SchemaProblems): string | null {
  const parts = [
    p.pending.length && `pending migrations: ${p.pending.join(', ')}`,
    p.modified.length && `migrations changed after they were applied: ${p.modified.join(', ')}`,
    p.failed.length && `failed migrations: ${p.failed.join(', ')}`,
    p.missingTables.length && `missing tables: ${p.missingTables.join(', ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}
