// Deleting an archive: the row first, so its links answer 403 from that moment; then the bytes.
import type { Services } from '../services';

/** Marks an export DELETED, then removes its archive from the store. */
export async function deleteArchive(services: Pick<Services, 'platform' | 'archives' | 'log'>, row: { id: string; storageKey: string | null }) {
  const deleted = await services.platform.tenantExport.update({ where: { id: row.id }, data: { status: 'DELETED', deletedAt: new Date() } });
  if (!row.storageKey) return deleted;
  // The row says DELETED already: an archive the store failed to remove is unreachable, and only costs space.
  await services.archives.remove(row.storageKey).catch((err: unknown) => services.log.warn({ err, exportId: row.id }, 'a deleted archive could not be removed from the store'));
  return deleted;
}
