#!/usr/bin/env node
// What `prisma migrate status` says of one database, as JSON, computed by Prisma's
// own engine: which migrations are applied, edited (checksum differs) or failed.
//   node scripts/migrate-status.mjs <platform|tenant> <database-url>
import { openSchemaEngine, readMigrationList, noFilters } from './prisma-engine.mjs';

const [name, url] = process.argv.slice(2);
if (!name || !url) {
  console.error('usage: node scripts/migrate-status.mjs <platform|tenant> <database-url>');
  process.exit(2);
}
const { engine } = await openSchemaEngine(name, url);
const status = await engine.diagnoseMigrationHistory({
  migrationsList: await readMigrationList(name),
  optInToShadowDatabase: false,
  filters: noFilters,
});
console.log(JSON.stringify(status));
// The engine's connection pool would keep the process alive for its idle timeout.
process.exit(0);
