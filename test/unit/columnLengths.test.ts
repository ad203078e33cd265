// Input limits come from the tenant schemas themselves: the build reads how long a
// string each column holds on every engine and keeps the least (scripts/column-lengths.cjs).
import { columnLengths } from '../../scripts/column-lengths.cjs';
import { readDatamodel } from '../../scripts/datamodel.cjs';
import { maxLengthOf } from '../../src/db/columnLengths';

const schemaOf = (provider: string, fields: string) => readDatamodel(`datasource db {\n  provider = "${provider}"\n}\n\nmodel Note {\n  id Int @id\n${fields}\n}\n`);

test('a String holds 191 characters on MySQL (VARCHAR(191)), any number on PostgreSQL (text): the least is the limit', () => {
  expect(columnLengths({ postgresql: schemaOf('postgresql', '  title String'), mysql: schemaOf('mysql', '  title String') })).toEqual({ Note: { title: 191 } });
});

test("MySQL's TEXT types hold bytes: the limit is the characters of four bytes (utf8mb4) that always fit", () => {
  const mysql = schemaOf('mysql', '  a String @db.TinyText\n  b String @db.Text\n  c String @db.MediumText\n  d String @db.VarChar(20)\n  e String @db.Char(36)');
  expect(columnLengths({ mysql }).Note).toEqual({ a: 63, b: 16_383, c: 4_194_303, d: 20, e: 36 });
});

test('a column shorter on PostgreSQL than on MySQL sets the limit; text on both engines would have none', () => {
  const lengths = columnLengths({ postgresql: schemaOf('postgresql', '  a String @db.VarChar(50)\n  b String'), mysql: schemaOf('mysql', '  a String @db.Text\n  b String @db.LongText') });
  expect(lengths.Note).toEqual({ a: 50, b: 1_073_741_823 });
  expect(columnLengths({ postgresql: schemaOf('postgresql', '  a String @db.Text') }).Note).toEqual({ a: null });
});

test('a native type whose length is not known stops the build rather than guessing', () => {
  expect(() => columnLengths({ postgresql: schemaOf('postgresql', '  a String @db.Inet') })).toThrow('no known capacity for a String stored as Inet() on postgresql');
});

test("the tenant schema's limits, as the gateway reads them", () => {
  expect(maxLengthOf('BankStatementLine', 'reference')).toBe(191);
  expect(maxLengthOf('BankStatementLine', 'description')).toBe(16_383);
  expect(maxLengthOf('Customer', 'name')).toBe(191);
});
