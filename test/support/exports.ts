// Tenant archives for tests: valid ones written by the archive writer, export rows
// as the export job leaves them (with their archive in the gateway's store), and
// the path of a download link on a test gateway.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportStatus } from '../../src/generated/platform/enums';
import type { ArchiveHeader, ArchiveRow } from '../../src/portability/archiveManifest';
import { exportLink } from '../../src/portability/exportLinks';
import { writeArchive, type TableRows } from '../../src/portability/writeArchive';
import type { TestGateway } from './testGateway';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const ARCHIVE_HEADER: ArchiveHeader = {
  tenant: { id: '0190a0a0-0000-7000-8000-0000000000aa', slug: 'elsewhere', name: 'Elsewhere' },
  migration: '20261204204500_sort_indexes',
  engine: 'postgresql',
  isolation: 'DATABASE',
  takenAt: '2026-12-01T10:00:00.000Z',
};

async function* rowsOf(rows: ArchiveRow[]) {
  yield* rows;
}

async function* sampleTables(products: number): AsyncGenerator<TableRows> {
  yield { model: 'Category', table: 'Category', columns: ['id', 'name'], rows: rowsOf([{ id: 'c1', name: 'Tools' }]) };
  const rows = Array.from({ length: products }, (_, i) => ({ id: `p${i}`, name: `Widget ${i}`, price: `${i}.50` }));
  yield { model: 'Product', table: 'Product', columns: ['id', 'name', 'price'], rows: rowsOf(rows) };
}

/** A valid archive of two tables (one category, `products` products), written to `file`; its bytes. */
export async function sampleArchive(file: string, products = 3): Promise<Buffer> {
  await writeArchive(file, ARCHIVE_HEADER, sampleTables(products));
  return readFile(file);
}

/** An export row as the export job leaves it; with `content`, that is its archive in the gateway's store. */
export async function storedExport(
  gw: TestGateway,
  { tenantId, content, status = 'READY', deletedAt = null }: { tenantId: string | null; content?: Buffer; status?: ExportStatus; deletedAt?: Date | null },
): Promise<{ id: string }> {
  const id = randomUUID();
  const storageKey = `${id}.tar.gz`;
  if (content) {
    const file = path.join(gw.env.DATA_DIR, `${id}.upload`);
    await writeFile(file, content);
    try {
      await gw.services.archives.put(storageKey, file);
    } finally {
      await rm(file, { force: true });
    }
  }
  await gw.services.platform.tenantExport.create({
    data: {
      id,
      tenantId,
      origin: 'REQUESTED',
      status,
      storageKey,
      sizeBytes: content ? BigInt(content.length) : null,
      sha256: content ? sha256(content) : null,
      tables: 2,
      rows: 4,
      finishedAt: new Date(),
      deletedAt,
    },
  });
  return { id };
}

/** The export's download link (made at `now`) on this gateway: PORT=0 gateways listen where the link's base cannot know. */
export function downloadUrl(gw: TestGateway, exportId: string, now?: number): string {
  const link = new URL(exportLink(gw.services, { id: exportId }, now).url);
  return `${new URL(gw.url).origin}${link.pathname}${link.search}`;
}
