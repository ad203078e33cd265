// A folder of migrations in Prisma Migrate's layout (`<timestamp>_<name>/migration.sql`),
// read once per process with the checksums Prisma records for them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot';
import { splitSqlStatements } from './sqlStatements';

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
  tables: number;
}

export interface MigrationSet {
  kind: 'platform' | 'tenant';
  migrations: Migration[];
  /** Identifies this exact list of migrations (names and checksums): templates are keyed by it. */
  fingerprint: string;
}

const cache = new Map<string, MigrationSet>();

const CREATE_TABLE = /^(--[^\n]*\n\s*)*CREATE TABLE/i;

export function loadMigrations(kind: 'platform' | 'tenant'): MigrationSet {
  const cached = cache.get(kind);
  if (cached) return cached;
  const dir = path.join(projectRoot, 'prisma', kind, 'migrations');
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const statements = splitSqlStatements(sql);
      return {
        name,
        // Prisma Migrate's checksum: SHA-256 of the file as written, in hex.
        checksum: createHash('sha256').update(sql).digest('hex'),
        statements,
        tables: statements.filter((s) => CREATE_TABLE.test(s)).length,
      };
    });
  const fingerprint = createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const set = { kind, migrations, fingerprint };
  cache.set(kind, set);
  return set;
}

export const isCreateTable = (statement: string) => CREATE_TABLE.test(statement);
