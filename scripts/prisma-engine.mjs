// Prisma's own schema engine, compiled to WebAssembly, for the developer tools in
// this folder. It needs no downloaded binary, so `create-migration` and
// `migrate-status` work offline. The gateway never loads it at run time.
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { schemaDir } from './prisma-dirs.cjs';

const require = createRequire(import.meta.url);

// Node 20 cannot import a .wasm module, so instantiate the engine's bytes by hand.
async function loadBindings() {
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings;
}

// The engine connects on start, even when it then only diffs schema files.
export async function openSchemaEngine(name, databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres') {
  const schemaPath = path.join(schemaDir(name), 'schema.prisma');
  const schema = await readFile(schemaPath, 'utf8');
  const { SchemaEngine } = await loadBindings();
  // `?schema=name` selects a PostgreSQL schema, as in Prisma's own URLs.
  const url = new URL(databaseUrl);
  const schemaName = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg(
      { connectionString: url.toString(), ...(schemaName ? { options: `-c search_path="${schemaName}"` } : {}) },
      schemaName ? { schema: schemaName } : undefined,
    ),
  );
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  return { engine, schema, schemaPath };
}

export async function readMigrationList(name) {
  const baseDir = path.join(schemaDir(name), 'migrations');
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const entries = existsSync(baseDir) ? (await readdir(baseDir, { withFileTypes: true })) : [];
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: await readFile(path.join(baseDir, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
