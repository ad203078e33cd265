// The PostgreSQL and MySQL tenant schemas describe the same models: one Prisma
// Client shape and one GraphQL API serve tenants on either engine. Only column
// types (@db.*) may differ. The MySQL schema is derived from the PostgreSQL one by
// rule (scripts/mysql-twin.cjs), so this checks the rule keeps everything else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { datamodelDifferences, readDatamodel } from '../../scripts/datamodel.cjs';

const schemaText = (folder: string) => readFileSync(path.resolve(__dirname, `../../prisma/${folder}/schema.prisma`), 'utf8');
const NAMES: [string, string] = ['prisma/tenant', 'prisma/tenant-mysql'];

test('the PostgreSQL and MySQL tenant schemas do not drift', () => {
  expect(datamodelDifferences(readDatamodel(schemaText('tenant')), readDatamodel(schemaText('tenant-mysql')), NAMES)).toEqual([]);
});

test('a difference in a field, an index or a model is named', () => {
  const drifted = schemaText('tenant-mysql')
    .replace(/(model Customer \{[^}]*?  email +)String\?/, '$1String')
    .replace(/(model Customer \{[^}]*?)  @@index\(\[name\]\)\n/, '$1')
    .replace('model Counter {', 'model Extra {\n  id Int @id\n}\n\nmodel Counter {');
  expect(datamodelDifferences(readDatamodel(schemaText('tenant')), readDatamodel(drifted), NAMES)).toEqual([
    'Customer.email: isRequired is false in prisma/tenant, true in prisma/tenant-mysql',
    'model Customer: indexes is [{"type":"id","fields":[{"name":"id"}]},{"type":"normal","fields":[{"name":"name"}]},{"type":"normal","fields":[{"name":"createdAt"}]}] in prisma/tenant, [{"type":"id","fields":[{"name":"id"}]},{"type":"normal","fields":[{"name":"createdAt"}]}] in prisma/tenant-mysql',
    'model Extra is only in prisma/tenant-mysql',
  ]);
});

test('column types may differ', () => {
  const otherTypes = schemaText('tenant-mysql').replace('  phone        String?       @db.Text', '  phone        String?       @db.VarChar(40)');
  expect(datamodelDifferences(readDatamodel(schemaText('tenant')), readDatamodel(otherTypes), NAMES)).toEqual([]);
});
