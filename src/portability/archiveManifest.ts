// What a tenant data archive says of itself (docs/archive-format.md): the manifest,
// its first file, and the names of the files it lists. The manifest is checked here
// whole before any table file is trusted: a reader takes from it which files to
// expect, their columns, row counts and hashes, and the names that reach SQL.
import { z } from 'zod';
import { ArchiveInvalid } from './archiveInvalid';

/** The version of the format this gateway writes and reads. */
export const ARCHIVE_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Where a table's rows are in the archive. */
export const tableFile = (table: string) => `tables/${table}.ndjson`;

/** A row of a table file: its columns' values in the engine-neutral form. */
export type ArchiveRow = Record<string, unknown>;

// Table and column names go into SQL (quoted): a narrow alphabet, as the tenant model's.
const NAME = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/);

const archivedTable = z
  .object({
    table: NAME,
    model: NAME,
    file: z.string(),
    columns: z.array(NAME).min(1),
    rows: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((t) => t.file === tableFile(t.table), { message: 'a table is in tables/<table>.ndjson' })
  .refine((t) => new Set(t.columns).size === t.columns.length, { message: "a table's columns are named once each" });

const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    tenant: z.object({ id: z.string().min(1), slug: z.string().min(1), name: z.string() }),
    migration: z.string().min(1),
    engine: z.enum(['postgresql', 'mysql']),
    isolation: z.enum(['DATABASE', 'SCHEMA', 'POOL']),
    takenAt: z.iso.datetime(),
    tables: z.array(archivedTable),
  })
  .refine((m) => new Set(m.tables.map((t) => t.table)).size === m.tables.length, { message: 'a table is listed once' });

export type ArchiveManifest = z.infer<typeof manifestSchema>;
export type ArchivedTable = ArchiveManifest['tables'][number];
/** What the writer is told of the tenant; the tables it works out itself. */
export type ArchiveHeader = Omit<ArchiveManifest, 'format' | 'tables'>;

/** The manifest in `text`, checked; ArchiveInvalid saying what is wrong with it otherwise. */
export function parseManifest(text: string): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArchiveInvalid(`${MANIFEST_FILE} is not JSON`);
  }
  // The version first: a newer archive is told apart from a broken one.
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== ARCHIVE_FORMAT) {
    throw new ArchiveInvalid(`${MANIFEST_FILE} is of format ${JSON.stringify(format ?? null)}; this gateway reads format ${ARCHIVE_FORMAT}`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveInvalid(`${MANIFEST_FILE} is not valid: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}
