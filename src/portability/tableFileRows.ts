// The rows of one table file of an archive, read as its bytes stream in and checked
// on the way: every line a JSON object with exactly the table's columns, no line
// longer than MAX_LINE_BYTES (a hostile archive cannot make a reader hold more), and,
// once the file has ended, as many rows as the manifest says and the same SHA-256.
// A consumer that loads rows as they come (in a transaction) learns of a changed
// file at its end, before it commits.
import { createHash } from 'node:crypto';
import { ArchiveInvalid } from './archiveInvalid';
import type { ArchivedTable, ArchiveRow } from './archiveManifest';

/** The longest line, newline included, a reader takes: far above any row a tenant can store. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;

export async function* tableFileRows(content: AsyncIterable<Buffer>, table: ArchivedTable): AsyncGenerator<ArchiveRow> {
  const hash = createHash('sha256');
  /** The start of a line whose newline has not come yet. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const row = (bytes: Buffer) => checkedRow(bytes.toString('utf8'), table, ++line);

  for await (const chunk of content) {
    hash.update(chunk);
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end);
      if (pendingBytes + piece.length >= MAX_LINE_BYTES) throw tooLong(table, line + 1);
      yield row(pendingBytes === 0 ? piece : Buffer.concat([...pending, piece]));
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes >= MAX_LINE_BYTES) throw tooLong(table, line + 1);
    }
  }
  if (pendingBytes > 0) throw new ArchiveInvalid(`${table.file} ends inside line ${line + 1}: every line ends with a newline`);
  if (line !== table.rows) throw new ArchiveInvalid(`${table.file} holds ${line} rows; the manifest says ${table.rows}`);
  if (hash.digest('hex') !== table.sha256) throw new ArchiveInvalid(`${table.file} is not the file the manifest describes: its SHA-256 differs`);
}

const tooLong = (table: ArchivedTable, line: number) =>
  new ArchiveInvalid(`${table.file} line ${line} is longer than ${MAX_LINE_BYTES} bytes, more than any row holds`);

function checkedRow(text: string, table: ArchivedTable, line: number): ArchiveRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArchiveInvalid(`${table.file} line ${line} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArchiveInvalid(`${table.file} line ${line} is not a JSON object`);
  const row = value as ArchiveRow;
  const missing = table.columns.find((column) => !Object.hasOwn(row, column));
  if (missing) throw new ArchiveInvalid(`${table.file} line ${line} has no column ${missing}`);
  const keys = Object.keys(row);
  if (keys.length !== table.columns.length) {
    const extra = keys.find((key) => !table.columns.includes(key));
    throw new ArchiveInvalid(`${table.file} line ${line} has a column ${extra} the manifest does not list`);
  }
  return row;
}
