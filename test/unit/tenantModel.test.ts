// The tenant model the graph is generated from (scripts/tenant-model.cjs), read from the
// schema a deployment assembles: its own models (the gym fixture) beside the built-in ones.
import path from 'node:path';
import { assembleTenantSchema } from '../../scripts/assemble-tenant-schema.cjs';
import { columnLengths } from '../../scripts/column-lengths.cjs';
import { readDatamodel } from '../../scripts/datamodel.cjs';
import { tenantModel } from '../../scripts/tenant-model.cjs';

const root = path.resolve(__dirname, '../..');
const { postgresql, mysql, manifest } = assembleTenantSchema({ modulesDir: path.join(root, 'prisma/tenant/modules'), modelsDir: path.join(root, 'test/fixtures/tenant-models/gym') });
const lengths = columnLengths({ postgresql: readDatamodel(postgresql), mysql: readDatamodel(mysql) });
const model = tenantModel(readDatamodel(postgresql), manifest.models, lengths);
const modelNamed = (name: string) => model.models.find((m) => m.name === name)!;
const column = (modelName: string, name: string) => modelNamed(modelName).columns.find((c) => c.name === name)!;

test("a deployment's own models are claimed by no module (so they get the generic mutations); the built-in ones by theirs", () => {
  expect(['Gym', 'GymClass', 'ClassBooking', 'Trainer'].map((name) => modelNamed(name).module)).toEqual([undefined, undefined, undefined, undefined]);
  expect(modelNamed('Customer').module).toBe('customers');
  expect(modelNamed('Product').module).toBe('catalogue');
});

test('text is as long as the column holds on both engines: @db.VarChar(n) n, a plain String 191 (its MySQL column), @db.Text what MySQL TEXT holds in four-byte characters', () => {
  expect(column('GymClass', 'title').maxLength).toBe(60);
  expect(column('Gym', 'address').maxLength).toBe(191);
  expect(column('ClassBooking', 'note').maxLength).toBe(191);
  expect(column('Gym', 'description').maxLength).toBe(16_383);
  expect(column('Gym', 'id').maxLength).toBe(36);
});

test("a decimal column's digits: before and after the point, from @db.Decimal(p, s) (Prisma's 65, 30 without one)", () => {
  expect(column('GymClass', 'price').digits).toEqual({ integer: 8, fraction: 2 });
  expect(column('Trainer', 'payPerClass').digits).toEqual({ integer: 8, fraction: 2 });
});

test('@personal marks the text columns erasing a customer clears: on text, nullable or not unique, and nowhere else', () => {
  expect(modelNamed('Customer').columns.filter((c) => c.personal).map((c) => c.name)).toEqual(['name', 'email', 'phone', 'address', 'nationalId', 'notes']);
  expect(column('Order', 'shippingAddress').personal).toBe(true);
  expect(column('Order', 'number').personal).toBeUndefined();
  const modelOf = (body: string) => tenantModel(readDatamodel(`datasource db {\n  provider = "postgresql"\n}\n\n${body}\n`));
  const note = (fields: string) => `model Note {\n  id String @id @db.Uuid\n${fields}\n}`;
  expect(modelOf(note('  /// @personal\n  author String?')).models[0].columns[1]).toMatchObject({ name: 'author', personal: true });
  expect(() => modelOf(note('  /// @personal\n  pages Int'))).toThrow('Note.pages: @personal marks a String column that is nullable or not unique');
  expect(() => modelOf(note('  /// @personal\n  email String @unique'))).toThrow('Note.email: @personal marks a String column that is nullable or not unique');
  expect(() => modelOf(`/// @personal\n${note('')}`)).toThrow('model Note: @personal marks a field, not a model');
});
