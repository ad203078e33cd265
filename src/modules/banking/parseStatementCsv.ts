// Bank statement CSV: a header row, then one row per transaction. Columns are found
// by name (any order, any case, others ignored):
//   date         YYYY-MM-DD
//   amount       signed: money in positive, money out negative
//     or credit / debit: money in / money out, both positive, one per row
//   reference    optional: the transfer or cheque reference
//   description  optional
// (each at most as long as its column holds: maxLengthOf)
// Amounts may use thousands separators ("1,250,000.50" quoted) and Persian digits.
import { parse } from 'csv-parse/sync';
import { maxLengthOf } from '../../db/columnLengths';
import { Decimal } from '../../domain/money';
import { badInput } from '../../errors';

export interface StatementRow {
  date: Date;
  amount: Decimal;
  reference: string | null;
  description: string | null;
}

const MAX_STATEMENT_ROWS = 5000;

// Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, as Iranian banks export them.
const toAsciiDigits = (value: string) =>
  value.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));

function amountOf(raw: string | undefined, line: number, column: string): Decimal | null {
  const text = toAsciiDigits(raw ?? '').replace(/[,\s٬]/g, '');
  if (text === '') return null;
  if (!/^-?\d{1,16}(\.\d{1,2})?$/.test(text)) throw badInput(`line ${line}: ${column} "${raw}" is not an amount`, { line, field: column });
  return new Decimal(text);
}

function dateOf(raw: string | undefined, line: number): Date {
  const text = toAsciiDigits(raw ?? '').trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badInput(`line ${line}: date "${raw ?? ''}" is not a date written YYYY-MM-DD`, { line, field: 'date' });
  }
  return date;
}

/** A text column of the line, or null when empty; refused when longer than the line's column holds. */
function textOf(raw: string | undefined, line: number, column: 'reference' | 'description'): string | null {
  const value = raw?.trim() || null;
  const max = maxLengthOf('BankStatementLine', column);
  if (value && value.length > max) throw badInput(`line ${line}: ${column} is longer than ${max} characters`, { line, field: column });
  return value;
}

export function parseStatementCsv(csv: string): StatementRow[] {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      to: MAX_STATEMENT_ROWS + 1,
    });
  } catch (error) {
    throw badInput(`the statement is not valid CSV: ${(error as Error).message}`, { field: 'csv' });
  }
  if (records.length > MAX_STATEMENT_ROWS) throw badInput(`a statement holds at most ${MAX_STATEMENT_ROWS} lines`, { field: 'csv' });
  const columns = new Set(Object.keys(records[0] ?? {}));
  if (records.length > 0 && (!columns.has('date') || !(columns.has('amount') || columns.has('credit') || columns.has('debit')))) {
    throw badInput('the header row must name a date column and an amount column (or credit and debit columns)', { field: 'csv' });
  }
  return records.map((record, i) => {
    const line = i + 2; // the header is line 1
    const signed = amountOf(record.amount, line, 'amount');
    const credit = amountOf(record.credit, line, 'credit');
    const debit = amountOf(record.debit, line, 'debit');
    const amount = signed ?? (credit && !credit.isZero() ? credit : debit?.neg());
    if (!amount || amount.isZero() || (signed === null && credit && debit && !credit.isZero() && !debit.isZero())) {
      throw badInput(`line ${line}: give one amount that is not zero (amount, or credit or debit)`, { line, field: 'amount' });
    }
    return { date: dateOf(record.date, line), amount, reference: textOf(record.reference, line, 'reference'), description: textOf(record.description, line, 'description') };
  });
}
