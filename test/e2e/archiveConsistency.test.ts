// An archive is the tenant's data at one moment, however many writes go on while it
// is taken: with journal entries and invoices posted all along, on another
// connection, the archive's books balance, every line has its entry, every item its
// invoice. The snapshot here reads five rows a statement and waits, between tables,
// for more writes to land, so it is sure to have writes committed in the middle of it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import { withTenantSnapshot } from '../../src/portability/tenantSnapshot';
import { writeArchive, type TableRows } from '../../src/portability/writeArchive';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantEngines } from '../support/engines';
import { eventually } from '../support/eventually';
import { archiveRows } from '../support/tenantArchive';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

/** "12.50" in cents; the books keep two decimals. */
const cents = (amount: unknown) => BigInt(String(amount).replace('.', ''));

describe.each(tenantEngines)('on %s', (engine) => {
  let gw: TestGateway;
  let api: TenantApi;
  let tenant: TenantRecord;
  let dir: string;

  beforeAll(async () => {
    gw = await startTestGateway({ engine });
    const owner = await gw.createUser();
    tenant = await gw.createTenant({ slug: 'busy', owner });
    api = tenantApi(gw, owner.token, 'busy');
    dir = await mkdtemp(join(tmpdir(), 'archive-consistency-'));
  });
  afterAll(async () => {
    await gw.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Posts entries and invoices, one after another, until stopped; how many so far. */
  function keepWriting() {
    let writes = 0;
    let stopped = false;
    const running = (async () => {
      for (let i = 0; !stopped; i++) {
        const amount = `${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`;
        if (i % 2 === 0) {
          const lines = [
            { account: '1100', debit: amount },
            { account: '5200', debit: '0.01' },
            { account: '3100', credit: (Number(amount) + 0.01).toFixed(2) },
          ];
          await api.call('mutation($i: JournalEntryInput!) { postJournalEntry(input: $i) { id } }', { i: { description: `entry ${i}`, lines } });
        } else {
          const invoice = await api.createInvoice({
            kind: 'SALE',
            items: [
              { description: 'a', quantity: '2', unitPrice: amount },
              { description: 'b', quantity: '1', unitPrice: '0.99' },
            ],
          });
          await api.issue(invoice.id);
        }
        writes++;
      }
    })();
    return {
      get writes() {
        return writes;
      },
      stop: () => {
        stopped = true;
        return running;
      },
    };
  }

  test('the archive taken while entries and invoices are written balances, and every row has its parent', async () => {
    const writer = keepWriting();
    await eventually(() => writer.writes >= 5);
    const path = join(dir, 'busy.tar.gz');
    const scope = { isolation: tenant.isolation, tenantId: tenant.id };
    let writesDuring = 0;
    try {
      await withTenantSql(gw.services.servers.connectionOf(tenant), (sql) =>
        withTenantSnapshot(
          sql,
          scope,
          async ({ migration, takenAt, tables }) => {
            const startedAt = writer.writes;
            async function* waitingBetween(): AsyncGenerator<TableRows> {
              for await (const table of tables) {
                // Journal lines, invoice items: read after more entries and invoices were committed.
                if (table.table === 'JournalLine' || table.table === 'InvoiceItem') await eventually(() => writer.writes >= writesDuring + startedAt + 4);
                writesDuring = writer.writes - startedAt;
                yield table;
              }
            }
            return writeArchive(
              path,
              { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, migration, engine, isolation: tenant.isolation, takenAt },
              waitingBetween(),
            );
          },
          { pageRows: 5 },
        ),
      );
    } finally {
      await writer.stop();
    }
    expect(writesDuring).toBeGreaterThanOrEqual(8);

    const rows = await archiveRows(path);
    const entries = new Set(rows.JournalEntry.map((e) => e.id));
    const perEntry = new Map<unknown, bigint>();
    for (const line of rows.JournalLine) {
      expect(entries.has(line.entryId)).toBe(true);
      perEntry.set(line.entryId, (perEntry.get(line.entryId) ?? 0n) + cents(line.debit) - cents(line.credit));
    }
    expect([...perEntry.values()].filter((balance) => balance !== 0n)).toEqual([]);
    expect(perEntry.size).toBe(entries.size);
    const invoices = new Set(rows.Invoice.map((i) => i.id));
    const itemsOf = new Map<unknown, number>();
    for (const item of rows.InvoiceItem) itemsOf.set(item.invoiceId, (itemsOf.get(item.invoiceId) ?? 0) + 1);
    expect([...itemsOf.keys()].every((id) => invoices.has(id))).toBe(true);
    expect([...invoices].filter((id) => itemsOf.get(id) !== 2)).toEqual([]);

    // The writes went on: the tenant has more now than the archive holds.
    const { journalEntries } = await api.call('{ journalEntries { totalCount } }');
    expect(journalEntries.totalCount).toBeGreaterThan(entries.size);
  });
});
