// An archive brought from elsewhere (POST /exports) becomes an export like one the
// gateway wrote: checked whole first (verifyArchive), then put in the archive store
// under `<id>.tar.gz`, then recorded READY with what its manifest says, along with an
// audit entry. An archive that fails the check leaves nothing behind; one whose row
// cannot be written is taken out of the store again, so a row never names a missing
// archive and the store keeps no archive without a row.
import { v7 as uuidv7 } from 'uuid';
import type { UserPrincipal } from '../auth/principal';
import { writeAudit } from '../audit/auditLog';
import type { Services } from '../services';
import { archiveKeyOf } from './archiveFiles';
import { ArchiveInvalid } from './archiveInvalid';
import { verifyArchive } from './verifyArchive';

export interface Upload {
  /** The tenant it is for; null: a platform admin's upload that belongs to no tenant. */
  tenantId: string | null;
  by: UserPrincipal;
  /** The whole archive, on this machine; the caller removes it afterwards. */
  file: string;
  /** Of the whole file, as it arrived. */
  sha256: string;
  sizeBytes: number;
}

export interface UploadedExport {
  id: string;
  sha256: string;
  sizeBytes: number;
  tables: number;
  rows: number;
}

// TenantExport.rows is a 32-bit column.
const MAX_ROWS = 2 ** 31 - 1;

export async function recordUploadedExport(services: Pick<Services, 'platform' | 'archives' | 'log'>, upload: Upload): Promise<UploadedExport> {
  const manifest = await verifyArchive(upload.file);
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  if (rows > MAX_ROWS) throw new ArchiveInvalid(`the archive holds ${rows} rows; the gateway takes at most ${MAX_ROWS} in one archive`);
  const id = uuidv7();
  const storageKey = archiveKeyOf(id);
  const uploaded = { id, sha256: upload.sha256, sizeBytes: upload.sizeBytes, tables: manifest.tables.length, rows };
  await services.archives.put(storageKey, upload.file);
  try {
    await services.platform.$transaction(async (tx) => {
      await tx.tenantExport.create({
        data: {
          id,
          tenantId: upload.tenantId,
          origin: 'UPLOADED',
          status: 'READY',
          storageKey,
          sizeBytes: BigInt(upload.sizeBytes),
          sha256: upload.sha256,
          tables: uploaded.tables,
          rows,
          migration: manifest.migration,
          engine: manifest.engine,
          finishedAt: new Date(),
        },
      });
      const { tenant, takenAt } = manifest;
      await writeAudit(tx, [{ tenantId: upload.tenantId, actor: upload.by, action: 'uploadExport', target: id, details: { ...uploaded, takenOf: tenant.slug, takenAt } }]);
    });
  } catch (error) {
    await services.archives.remove(storageKey).catch((err: unknown) => services.log.warn({ err, key: storageKey }, 'an upload whose row was not written stays in the archive store'));
    throw error;
  }
  return uploaded;
}
