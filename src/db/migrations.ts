// A folder of migrations in Prisma Migrate's layout (`<timestamp>_<name>/migration.sql`
// beside `migration_lock.toml`), read once per process with the checksums Prisma
// records for them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../projectRoot';
import type { Engine } from '../engine';
import { splitSqlStatements } from './sqlStatements';

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
  tables: number;
}

export interface MigrationSet {
  /** The engine the SQL is written for, from the folder's migration_lock.toml. */
  engine: Engine;
  migrations: Migration[];
  /** Identifies this exact list of migrations (names and checksums): templates are keyed by it. */
  fingerprint: string;
}

/** The schemas under prisma/ that have migrations. */
export type MigrationFolder = 'platform' | 'tenant' | 'tenant-mysql';

const cache = new Map<MigrationFolder, MigrationSet>();

const CREATE_TABLE = /^(--[^\n]*\n\s*)*CREATE TABLE/i;

function lockedEngine(dir: string): Engine {
  const lock = readFileSync(path.join(dir, 'migration_lock.toml'), 'utf8');
  const provider = /^provider\s*=\s*"([^"]+)"/m.exec(lock)?.[1];
  if (provider === 'postgresql' || provider === 'mysql') return provider;
  throw new Error(`${dir}/migration_lock.toml names provider "${provider}": expected postgresql or mysql`);
}

/** Reads a migrations folder as it is on disk now. */
export function readMigrationSet(dir: string): MigrationSet {
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      const statements = splitSqlStatements(sql);
      return { name, checksum: migrationChecksum(sql), statements, tables: statements.filter((s) => CREATE_TABLE.test(s)).length };
    });
  return { engine: lockedEngine(dir), migrations, fingerprint: migrationsFingerprint(migrations) };
}

/** Prisma Migrate's checksum of a migration: SHA-256 of its file as written, in hex. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** The `fingerprint` of a MigrationSet holding `migrations`. */
export function migrationsFingerprint(migrations: Migration[]): string {
  return createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
}

export function loadMigrations(folder: MigrationFolder): MigrationSet {
  let set = cache.get(folder);
  if (!set) cache.set(folder, (set = readMigrationSet(path.join(projectRoot, 'prisma', folder, 'migrations'))));
  return set;
}

/** The tenant migrations for a tenant database on `engine`. */
export const tenantMigrations = (engine: Engine): MigrationSet => loadMigrations(engine === 'mysql' ? 'tenant-mysql' : 'tenant');

export const isCreateTable = (statement: string) => CREATE_TABLE.test(statement);
