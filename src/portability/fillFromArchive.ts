// Filling a tenant's new, empty tables from an archive, on any engine and isolation:
// the tables as they were at the archive's migration, its rows, then the migrations
// that came after it, so an older archive is carried forward by the same migrations
// that carried every live tenant forward. (A POOL tenant's tables are the pool
// database's, always at the newest migration: an older archive's rows go into them by
// column, and columns added since take their defaults.)
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { migrationsFingerprint, type MigrationSet } from '../db/migrations';
import type { SqlConnection } from '../db/sqlConnection';
import type { TenantExport } from '../generated/platform/client';
import { mysql, postgresql } from '../planner/dialect';
import { ProvisioningError } from '../provisioning/provisioningError';
import type { Services } from '../services';
import { clearSpool, spoolPath, spoolReady } from './archiveFiles';
import { ArchiveInvalid } from './archiveInvalid';
import type { ArchiveManifest } from './archiveManifest';
import { verifyArchive } from './verifyArchive';

/** The migrations up to and including the one an archive was taken at. */
export function migrationsUpTo(set: MigrationSet, manifest: Pick<ArchiveManifest, 'migration'>): MigrationSet {
  const at = set.migrations.findIndex((m) => m.name === manifest.migration);
  if (at === -1) {
    throw new ArchiveInvalid(`the archive was taken at migration ${manifest.migration}, which this release does not have: restore it with a release that does`);
  }
  if (at === set.migrations.length - 1) return set;
  const migrations = set.migrations.slice(0, at + 1);
  return { ...set, migrations, fingerprint: migrationsFingerprint(migrations) };
}

/** An archive on the local disk, checked whole against its manifest. */
export interface LocalArchive {
  path: string;
  manifest: ArchiveManifest;
}

/**
 * Brings an export's archive from the store to a spool file named for the job (what a
 * run that died left there is cleared first) and checks it whole; `use` it, then the
 * file is gone.
 */
export async function withArchiveOf<T>(
  services: Pick<Services, 'config' | 'archives'>,
  row: Pick<TenantExport, 'id' | 'status' | 'storageKey'>,
  jobId: string,
  use: (archive: LocalArchive) => Promise<T>,
): Promise<T> {
  // Deleted since the job was queued: nothing to restore, now or later.
  if (row.status !== 'READY' || !row.storageKey) throw new ProvisioningError(`export ${row.id} is ${row.status.toLowerCase()}: there is no archive to restore`, false);
  const spooled = `restore-${jobId}`;
  const path = spoolPath(services.config, spooled);
  try {
    await clearSpool(services.config, spooled);
    await spoolReady(path);
    await pipeline(await services.archives.open(row.storageKey), createWriteStream(path, { mode: 0o600 }));
    return await use({ path, manifest: await verifyArchive(path) });
  } catch (error) {
    // The archive will not get better by trying again: the job fails at once, saying why.
    if (error instanceof ArchiveInvalid) throw new ProvisioningError(`the archive of export ${row.id} cannot be restored: ${error.message}`, false);
    throw error;
  } finally {
    await clearSpool(services.config, spooled);
  }
}

/** Checks that every table holds as many rows as the archive says it had: what is switched to is what was exported. */
export async function assertRowsMatch(sql: SqlConnection, manifest: ArchiveManifest): Promise<void> {
  const { quote } = sql.engine === 'mysql' ? mysql : postgresql;
  for (const { table, rows } of manifest.tables) {
    const [{ n }] = await sql.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    if (Number(n) !== rows) throw new ProvisioningError(`table ${table} holds ${n} rows after loading, the archive ${rows}`, false);
  }
}
