// Reading bank statement CSV as banks export it.
import { parseStatementCsv } from '../../src/modules/banking/parseStatementCsv';

const read = (csv: string) => parseStatementCsv(csv).map((r) => [r.date.toISOString().slice(0, 10), r.amount.toFixed(), r.reference, r.description]);

test('columns are found by name in any order and case, others are ignored', () => {
  expect(read('Description,BALANCE,amount,DATE,Reference\nRent,10,-1500.00,2026-04-01,R-1\n')).toEqual([['2026-04-01', '-1500', 'R-1', 'Rent']]);
});

test('credit and debit columns instead of a signed amount', () => {
  expect(read('date,credit,debit\n2026-04-01,250,\n2026-04-02,,"1,250.50"')).toEqual([
    ['2026-04-01', '250', null, null],
    ['2026-04-02', '-1250.5', null, null],
  ]);
});

test('Persian digits and separators, and a byte-order mark, as Iranian banks export', () => {
  expect(read('\uFEFFdate,amount\n۲۰۲۶-۰۴-۰۱,"۱۲٬۵۰۰٬۰۰۰"')).toEqual([['2026-04-01', '12500000', null, null]]);
});

test('a row with both a credit and a debit is refused', () => {
  expect(() => parseStatementCsv('date,credit,debit\n2026-04-01,5,5')).toThrow(/line 2: give one amount/);
});

test('an empty statement is no lines', () => {
  expect(parseStatementCsv('')).toEqual([]);
});
