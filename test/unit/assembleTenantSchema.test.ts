// The tenant schema is assembled from the built-in modules a deployment selects and its
// own models, and the MySQL twin is derived from it by rule (scripts/assemble-tenant-schema.cjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleTenantSchema, tenantSchemaSources } from '../../scripts/assemble-tenant-schema.cjs';
import { datamodelDifferences, readDatamodel, type Datamodel } from '../../scripts/datamodel.cjs';

const root = path.resolve(__dirname, '../..');
const modulesDir = path.join(root, 'prisma/tenant/modules');
const GYM = path.join(root, 'test/fixtures/tenant-models/gym');

const folders: string[] = [];
/** A tenant-models folder holding `files` (name -> text). */
function tenantModels(files: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tenant-models-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const assemble = (modelsDir: string, selection?: string) => assembleTenantSchema({ modulesDir, modelsDir, selection });
const field = (datamodel: Datamodel, model: string, name: string) => datamodel.models.find((m) => m.name === model)?.fields.find((f) => f.name === name);
const fieldTypes = (datamodel: Datamodel, model: string) =>
  Object.fromEntries(datamodel.models.find((m) => m.name === model)!.fields.filter((f) => f.kind !== 'object').map((f) => [f.name, f.nativeType?.[0] ?? f.type]));

test('the committed tenant schemas are what the modules and tenant-models assemble to (run `npm run generate` after changing one)', () => {
  // In this project: every module, and tenant-models/ holds no model.
  const { postgresql, mysql } = assembleTenantSchema(tenantSchemaSources());
  expect(readFileSync(path.join(root, 'prisma/tenant/schema.prisma'), 'utf8')).toBe(postgresql);
  expect(readFileSync(path.join(root, 'prisma/tenant-mysql/schema.prisma'), 'utf8')).toBe(mysql);
});

test('every model comes from one module, and a module declares only the relation side that holds the key: Prisma completes the other', () => {
  const { postgresql, manifest } = assemble(tenantModels());
  expect(manifest.modules.map((m) => m.name)).toEqual(['core', 'catalogue', 'customers', 'books', 'invoicing', 'banking', 'bookings', 'commerce']);
  expect(manifest.models).toMatchObject({ Setting: 'core', TenantEvent: 'core', Product: 'catalogue', Customer: 'customers', JournalLine: 'books', Invoice: 'invoicing', BankStatementLine: 'banking', Order: 'commerce' });
  expect(manifest.enums).toMatchObject({ ProductKind: 'catalogue', PaymentMethod: 'invoicing', OrderStatus: 'commerce' });
  const customers = readFileSync(path.join(modulesDir, 'customers/customers.prisma'), 'utf8');
  expect(customers).not.toMatch(/invoices|orders|journalLines/);

  const datamodel = readDatamodel(postgresql);
  expect(field(datamodel, 'Customer', 'invoices')).toMatchObject({ type: 'Invoice', isList: true });
  expect(field(datamodel, 'Customer', 'journalLines')).toMatchObject({ type: 'JournalLine', isList: true });
  expect(field(datamodel, 'Product', 'stockMovements')).toMatchObject({ type: 'StockMovement', isList: true });
  expect(field(datamodel, 'Invoice', 'order')).toMatchObject({ type: 'Order', isList: false, isRequired: false });
  expect(field(datamodel, 'Payment', 'bankStatementLine')).toMatchObject({ type: 'BankStatementLine', isList: false });
  // Within one module the back relations are written by hand.
  expect(field(datamodel, 'Account', 'journalLines')).toMatchObject({ type: 'JournalLine', isList: true });
  expect(field(datamodel, 'Category', 'children')).toMatchObject({ type: 'Category', relationName: 'CategoryTree' });
});

test("a deployment's own models join the schema, with back relations on the built-in models they refer to", () => {
  const { postgresql, mysql, manifest } = assemble(GYM);
  const datamodel = readDatamodel(postgresql);
  expect(manifest.models).toMatchObject({ Gym: 'tenant-models', GymClass: 'tenant-models', ClassBooking: 'tenant-models', Trainer: 'tenant-models', Customer: 'customers' });
  expect(manifest.enums).toMatchObject({ ClassLevel: 'tenant-models' });
  expect(field(datamodel, 'Customer', 'classBookings')).toMatchObject({ type: 'ClassBooking', isList: true, relationName: 'ClassBookingToCustomer' });
  expect(field(datamodel, 'ClassBooking', 'customer')).toMatchObject({ type: 'Customer', relationFromFields: ['customerId'], relationOnDelete: 'Restrict' });
  expect(postgresql).toContain('// ---- tenant-models: bookings.prisma');

  const twin = readDatamodel(mysql);
  expect(datamodelDifferences(datamodel, twin, ['PostgreSQL', 'MySQL'])).toEqual([]);
  // Ids CHAR(36); a String VARCHAR(191) unless the model says @db.Text; shared native types as written.
  expect(fieldTypes(twin, 'Gym')).toEqual({ id: 'Char', name: 'VarChar', address: 'VarChar', description: 'Text', openedOn: 'Date' });
  expect(field(twin, 'Gym', 'name')!.nativeType).toEqual(['VarChar', ['191']]);
  expect(fieldTypes(twin, 'GymClass')).toEqual({
    id: 'Char',
    gymId: 'Char',
    trainerId: 'Char',
    title: 'VarChar',
    level: 'ClassLevel',
    startsAt: 'DateTime',
    capacity: 'Int',
    creditCost: 'Int',
    price: 'Decimal',
  });
  expect(field(twin, 'GymClass', 'title')!.nativeType).toEqual(['VarChar', ['60']]);
  expect(fieldTypes(twin, 'ClassBooking')).toEqual({ id: 'Char', classId: 'Char', customerId: 'Char', note: 'VarChar', bookedAt: 'DateTime' });
});

test('TENANT_MODULES selects modules: core is always in, and nothing of the others is', () => {
  const { postgresql, mysql, manifest } = assemble(tenantModels(), 'catalogue');
  const datamodel = readDatamodel(postgresql);
  expect(manifest.modules.map((m) => m.name)).toEqual(['core', 'catalogue']);
  expect(datamodel.models.map((m) => m.name).sort()).toEqual(['BomComponent', 'Category', 'Counter', 'Product', 'Setting', 'TenantEvent']);
  expect(datamodel.enums.map((e) => e.name)).toEqual(['ProductKind']);
  expect(field(datamodel, 'Product', 'invoiceItems')).toBeUndefined();
  expect(readDatamodel(mysql).models).toHaveLength(6);
  expect(postgresql).toContain('// Modules: core, catalogue.\n');
});

test('a selection without a module that a selected one requires is refused, naming both', () => {
  expect(() => assemble(tenantModels(), 'catalogue, invoicing')).toThrow(
    'module "invoicing" requires module "customers": add "customers" to TENANT_MODULES, or leave "invoicing" out',
  );
  expect(() => assemble(tenantModels(), 'catalogue,gym')).toThrow(/^TENANT_MODULES names "gym", which is not a module; the modules are core, catalogue, customers, books/);
  expect(assemble(tenantModels(), 'customers,books,catalogue,invoicing').manifest.modules.map((m) => m.name)).toEqual(['core', 'catalogue', 'customers', 'books', 'invoicing']);
});

test("a model of the deployment's own that refers to a model of a module left out is refused by Prisma, naming its file and line", () => {
  expect(() => assemble(GYM, 'catalogue')).toThrow(/^the tenant schema is not a valid Prisma schema:\n[\s\S]*Type "Customer" is neither a built-in type[\s\S]*test\/fixtures\/tenant-models\/gym\/bookings\.prisma:7/);
});

test('a name declared twice is refused, naming both files', () => {
  const dir = tenantModels({ 'crm.prisma': 'model Customer {\n  id String @id\n}\n' });
  expect(() => assemble(dir)).toThrow(`model Customer is declared twice: in ${path.relative(process.cwd(), path.join(modulesDir, 'customers/customers.prisma'))} and in ${path.join(dir, 'crm.prisma')}`);
});

test('tenant-models hold models and enums only', () => {
  const dir = tenantModels({ 'own.prisma': 'generator client {\n  provider = "prisma-client"\n}\n' });
  expect(() => assemble(dir)).toThrow(`${path.join(dir, 'own.prisma')}: generator client: only models and enums belong in a module's or tenant-models' files`);
});

test('two relations to one model are named, and each back relation is named after its relation', () => {
  const dir = tenantModels({
    'referrals.prisma': `model Referral {
  id         String   @id @default(uuid(7)) @db.Uuid
  referrerId String   @db.Uuid
  referrer   Customer @relation("referralsMade", fields: [referrerId], references: [id])
  referredId String   @unique @db.Uuid
  referred   Customer @relation("referredBy", fields: [referredId], references: [id])
}
`,
  });
  const datamodel = readDatamodel(assemble(dir).postgresql);
  expect(field(datamodel, 'Customer', 'referralsMade')).toMatchObject({ type: 'Referral', isList: true, relationName: 'referralsMade' });
  expect(field(datamodel, 'Customer', 'referredBy')).toMatchObject({ type: 'Referral', isList: false, isRequired: false, relationName: 'referredBy' });
});

test('a PostgreSQL column type with no MySQL rule is refused, naming the field', () => {
  const dir = tenantModels({ 'visits.prisma': 'model Visit {\n  id String @id @db.Uuid\n  ip String @db.Inet\n}\n' });
  expect(() => assemble(dir)).toThrow(/^Visit\.ip: @db\.Inet has no MySQL equivalent/);
});

test('run by `npm run generate`, it writes both schemas and src/generated/tenantModules.json; a refusal is its message alone', () => {
  const project = tenantModels();
  for (const folder of ['tenant', 'tenant-mysql']) cpSync(path.join(root, 'prisma', folder), path.join(project, 'prisma', folder), { recursive: true });
  const assembleIn = (settings: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(root, 'scripts/assemble-tenant-schema.cjs')], {
      env: { ...process.env, TENANTGRAPH_PRISMA_DIR: path.join(project, 'prisma'), TENANT_MODELS_DIR: GYM, ...settings },
      encoding: 'utf8',
    });

  const built = assembleIn({ TENANT_MODULES: 'customers,catalogue' });
  expect(built.status).toBe(0);
  expect(built.stdout).toMatch(/^tenant schema: modules core, catalogue, customers; 4 models of tenant-models \(\d+ ms\)\n$/);
  const manifest = JSON.parse(readFileSync(path.join(project, 'src/generated/tenantModules.json'), 'utf8'));
  expect(manifest.modules.map((m: { name: string }) => m.name)).toEqual(['core', 'catalogue', 'customers']);
  expect(manifest.models).toMatchObject({ Customer: 'customers', ClassBooking: 'tenant-models' });
  expect(readFileSync(path.join(project, 'prisma/tenant/schema.prisma'), 'utf8')).toBe(assembleTenantSchema({ modulesDir, modelsDir: GYM, selection: 'customers,catalogue' }).postgresql);
  expect(readFileSync(path.join(project, 'prisma/tenant-mysql/schema.prisma'), 'utf8')).toContain('model ClassBooking {');

  const refused = assembleIn({ TENANT_MODULES: 'commerce' });
  expect({ status: refused.status, stderr: refused.stderr }).toEqual({
    status: 1,
    stderr: 'module "commerce" requires module "catalogue": add "catalogue" to TENANT_MODULES, or leave "commerce" out\n',
  });
});
