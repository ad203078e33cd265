import { splitSqlStatements } from '../../src/db/sqlStatements';

test('splits on semicolons outside quotes, dollar bodies and comments', () => {
  const script = `-- CreateTable
CREATE TABLE "A" ("x;y" TEXT DEFAULT 'a;b');

/* a ; comment */
CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
-- trailing comment only
INSERT INTO "A" VALUES ('it''s; fine')`;
  expect(splitSqlStatements(script)).toEqual([
    `-- CreateTable\nCREATE TABLE "A" ("x;y" TEXT DEFAULT 'a;b')`,
    `/* a ; comment */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql`,
    `-- trailing comment only\nINSERT INTO "A" VALUES ('it''s; fine')`,
  ]);
});

test('a script of comments only has no statements', () => {
  expect(splitSqlStatements('-- nothing here\n\n')).toEqual([]);
});

test('a semicolon in a MySQL backquoted name does not split', () => {
  expect(splitSqlStatements("CREATE TABLE `a;b` (`c;d` INTEGER NOT NULL);\nDROP TABLE `a;b`;")).toEqual(['CREATE TABLE `a;b` (`c;d` INTEGER NOT NULL)', 'DROP TABLE `a;b`']);
});
