// What the archive tests share: a tenant's data written through its API, the tables
// and columns its database really has (from the catalog), and an archive's rows.
import { withTenantSql } from '../../src/provisioning/tenantSql';
import { readArchive } from '../../src/portability/readArchive';
import { writeArchive } from '../../src/portability/writeArchive';
import type { ArchiveManifest, ArchiveRow } from '../../src/portability/archiveManifest';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import type { TenantApi } from './tenantApi';
import type { TestGateway } from './testGateway';

/**
 * Writes a little of everything through the API: settings, categories in a tree (one
 * under a parent made after it), products, customers, invoices with items (issued, one
 * paid in part, one in full by a transfer that a bank statement's line is matched
 * to), a manual journal entry and its reversal (an entry pointing at another), a
 * discount and an order taken with it, paid and refunded in part.
 */
export async function fillThroughApi(api: TenantApi): Promise<void> {
  await api.call('mutation { updateSettings(input: { invoiceTaxRate: "0.2", stockAllowNegative: true }) { invoiceTaxRate } }');
  const tools = (await api.call('mutation { createCategory(input: { name: "Tools" }) { id } }')).createCategory.id;
  const saws = (await api.call('mutation($p: ID!) { createCategory(input: { name: "Saws", parentId: $p }) { id } }', { p: tools })).createCategory.id;
  // A parent made after its child: in the order of their ids, the child comes first.
  const workshop = (await api.call('mutation { createCategory(input: { name: "Workshop" }) { id } }')).createCategory.id;
  await api.call('mutation($id: ID!, $p: ID!) { updateCategory(id: $id, input: { parentId: $p }) { id } }', { id: tools, p: workshop });
  const products = [];
  for (const [sku, price] of [
    ['SAW-1', '12.50'],
    ['SAW-2', '149.99'],
    ['OIL', '3'],
  ]) {
    products.push(
      await api.createProduct({
        sku,
        name: `Product ${sku} "quoted" – ünïcode`,
        kind: 'GOODS',
        price,
        cost: '1.25',
        categoryId: saws,
        attributes: { teeth: 24, grip: 'oak', nested: { z: 1, a: [true, null] } },
        tags: ['b', 'a'],
      }),
    );
  }
  const ada = await api.createCustomer('Ada');
  await api.createCustomer('Grace');
  const items = products.map((p, i) => ({ productId: p.id, quantity: String(i + 1), unitPrice: '10.10' }));
  const first = await api.createInvoice({ kind: 'SALE', customerId: ada, items, dueDate: '2026-12-31T00:00:00.000Z', notes: 'line one\nline two' });
  await api.issue(first.id);
  await api.pay(first.id, '10.00');
  const second = await api.createInvoice({ kind: 'SALE', customerId: ada, items: items.slice(0, 1) });
  await api.issue(second.id);
  await api.pay(second.id, second.total, 'BANK_TRANSFER', { reference: 'TRX-1' });
  const bank = (await api.call('mutation { createBankAccount(input: { name: "Main", bankName: "First Bank", accountNumber: "12-345" }) { id } }'))
    .createBankAccount.id;
  const today = new Date().toISOString().slice(0, 10);
  await api.call('mutation($b: ID!, $csv: String!) { importBankStatement(bankAccountId: $b, csv: $csv) { matched } }', {
    b: bank,
    csv: `Date,Amount,Reference,Description\n${today},${second.total},TRX-1,Transfer from Ada\n${today},-4.75,,Bank fee`,
  });
  const POST = 'mutation($i: JournalEntryInput!) { postJournalEntry(input: $i) { id } }';
  const lines = [
    { account: '1100', debit: '250.00', memo: 'owner puts money in' },
    { account: '3100', credit: '250.00' },
  ];
  const entry = (await api.call(POST, { i: { description: 'capital', date: '2026-11-02T09:30:00.123Z', lines } })).postJournalEntry.id;
  await api.call('mutation($id: ID!) { reverseJournalEntry(id: $id) { id } }', { id: entry });
  await api.call(POST, { i: { description: 'capital again', lines } });
  await api.call('mutation { createDiscount(code: "WINTER", percentOff: "12.5") { id } }');
  const items2 = [{ productId: products[1].id, quantity: '2' }];
  const order = (
    await api.call('mutation($i: OrderInput!) { createOrder(input: $i) { id } }', { i: { customerId: ada, items: items2, discountCode: 'WINTER' } })
  ).createOrder.id;
  await api.call('mutation($id: ID!) { payOrder(id: $id, method: CARD, reference: "ch_1") { id } }', { id: order });
  await api.call('mutation($id: ID!) { refundOrder(id: $id, amount: "1.00", reason: "scratched") { id } }', { id: order });
}

/** Per table of the tenant's database (its migrations' record aside), its columns, sorted: what the catalog says, not the tenant model. */
export function catalogTables(gw: TestGateway, tenant: TenantRecord): Promise<Record<string, string[]>> {
  return withTenantSql(gw.services.servers.connectionOf(tenant), async (sql) => {
    const rows = await sql.query<{ table: string; column: string }>(
      sql.engine === 'postgresql'
        ? `SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`
        : 'SELECT TABLE_NAME AS "table", COLUMN_NAME AS "column" FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()',
    );
    const tables: Record<string, string[]> = {};
    for (const { table, column } of rows) {
      // A POOL tenant's rows share the pool's tables: "tenantId" says whose they are, and is no data of theirs.
      if (table === '_prisma_migrations' || (tenant.isolation === 'POOL' && column === 'tenantId')) continue;
      (tables[table] ??= []).push(column);
    }
    for (const columns of Object.values(tables)) columns.sort();
    return tables;
  });
}

/** Every table's rows in an archive, by table. */
export async function archiveRows(path: string): Promise<Record<string, ArchiveRow[]>> {
  const archive = await readArchive(path);
  try {
    const tables: Record<string, ArchiveRow[]> = {};
    for (const { table } of archive.manifest.tables) {
      tables[table] = [];
      for await (const row of archive.rows(table)) tables[table].push(row);
    }
    return tables;
  } finally {
    archive.close();
  }
}

/** A table of an archive held in memory, to change before writing it again. */
export interface HeldTable {
  model: string;
  table: string;
  columns: string[];
  rows: ArchiveRow[];
}

/** Writes the archive at `from` again at `to`, each table as `edit` makes it (null: left out), then `added` tables; `header` changes the manifest's. */
export async function rewriteArchive(
  from: string,
  to: string,
  edit: (table: HeldTable) => HeldTable | null,
  added: HeldTable[] = [],
  header: Partial<Pick<ArchiveManifest, 'migration'>> = {},
): Promise<void> {
  const { manifest } = await readArchiveManifest(from);
  const rows = await archiveRows(from);
  const tables = [
    ...manifest.tables
      .map(({ model, table, columns }) => edit({ model, table, columns: [...columns], rows: rows[table] }))
      .filter((t): t is HeldTable => t !== null),
    ...added,
  ];
  async function* asSources() {
    for (const table of tables)
      yield {
        ...table,
        rows: (async function* () {
          yield* table.rows;
        })(),
      };
  }
  const { format: _format, tables: _tables, ...kept } = manifest;
  await writeArchive(to, { ...kept, ...header }, asSources());
}

async function readArchiveManifest(path: string) {
  const archive = await readArchive(path);
  archive.close();
  return archive;
}
