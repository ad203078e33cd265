// Applying the MySQL tenant migrations to an empty MariaDB/MySQL database makes
// exactly the tables the MySQL tenant schema describes: columns with their types and
// nullability, indexes and foreign keys, compared through information_schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDatamodel } from '../../scripts/datamodel.cjs';
import { tenantMigrations } from '../../src/db/migrations';
import { applyMigrations } from '../../src/db/migrator';
import { withMysql } from '../../src/db/withMysql';
import { MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';
import { actualShape, expectedShape } from '../support/mysqlTableShape';

const run = MYSQL_URL ? test : test.skip;
if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});

run('the MySQL tenant migrations make the tables the MySQL tenant schema describes', async () => {
  const dbs = mysqlTestDatabases(MYSQL_URL!);
  try {
    const url = await dbs.create('tenant');
    const schema = readDatamodel(readFileSync(path.resolve(__dirname, '../../prisma/tenant-mysql/schema.prisma'), 'utf8'));
    const shape = await withMysql(url, async (sql) => {
      await applyMigrations(sql, tenantMigrations('mysql'));
      return actualShape(sql);
    });
    expect(shape).toEqual(expectedShape(schema));
  } finally {
    await dbs.drop();
  }
});
