// The fleets the tenant-scale benchmarks (bench:tenants, bench:datapath) measure, one
// after another, each on a platform of its own that is dropped before the next:
// BENCH_POOL_TENANTS POOL tenants (default 10,000), BENCH_SCHEMA_TENANTS SCHEMA tenants
// (1,000), BENCH_DATABASE_TENANTS DATABASE tenants (200), and a mixed fleet of a tenth
// of each of those together on one server (1,000 + 100 + 20): most small tenants in the
// pool, a few in schemas or databases of their own, sharing one server's connections.
// BENCH_FLEETS picks which run, in that order (default pool,schema,database,mixed).
import type { Isolation } from '../src/generated/platform/enums';
import type { TenantRows } from './fillTenant';

export type FleetCounts = Record<Isolation, number>;

export interface Fleet {
  name: string;
  counts: FleetCounts;
}

const FLEET_KEYS = ['pool', 'schema', 'database', 'mixed'] as const;

/** The share of each single-isolation fleet that the mixed fleet takes. */
const MIXED_SHARE = 0.1;

/**
 * A tenant's rows: enough for both request shapes (five products, five invoices with
 * their items, customers and payments) and a catalogue a little larger than a page.
 */
const TENANT_ROWS: TenantRows = { categories: 3, products: 10, customers: 3, invoices: 5, itemsPerInvoice: 2 };

/**
 * A POOL tenant's: a smaller catalogue (one category, one customer, the five products of
 * a page), as there are ten times as many of them to fill; the answers to both shapes
 * are the same size as with TENANT_ROWS. Filling costs per statement more than per row
 * (Prisma's createMany, in one process), so this saves only about a fifth of it.
 */
const POOL_TENANT_ROWS: TenantRows = { ...TENANT_ROWS, categories: 1, products: 5, customers: 1 };

export const rowsOf = (isolation: Isolation): TenantRows => (isolation === 'POOL' ? POOL_TENANT_ROWS : TENANT_ROWS);

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 categories, 10 products, 3 customers, 5 invoices of 2 items". */
export const describeRows = (rows: TenantRows) =>
  [
    counted(rows.categories, 'category', 'categories'),
    counted(rows.products, 'product', 'products'),
    counted(rows.customers, 'customer', 'customers'),
    `${counted(rows.invoices, 'invoice', 'invoices')} of ${counted(rows.itemsPerInvoice, 'item', 'items')}`,
  ].join(', ');

const sizeOf = (variable: string, fallback: number) => Number(process.env[variable] ?? fallback);

const count = (n: number) => n.toLocaleString('en-US');

/** "1,000 POOL + 100 SCHEMA + 20 DATABASE" (the kinds it has). */
function describeCounts(counts: FleetCounts): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([isolation, n]) => `${count(n)} ${isolation}`)
    .join(' + ');
}

/** The fleets BENCH_FLEETS names, sized by BENCH_POOL_TENANTS, BENCH_SCHEMA_TENANTS and BENCH_DATABASE_TENANTS. */
export function fleetsFromEnv(): Fleet[] {
  const pool = sizeOf('BENCH_POOL_TENANTS', 10_000);
  const schema = sizeOf('BENCH_SCHEMA_TENANTS', 1_000);
  const database = sizeOf('BENCH_DATABASE_TENANTS', 200);
  const mixed = (n: number) => Math.max(1, Math.round(n * MIXED_SHARE));
  const all: Record<(typeof FLEET_KEYS)[number], FleetCounts> = {
    pool: { POOL: pool, SCHEMA: 0, DATABASE: 0 },
    schema: { POOL: 0, SCHEMA: schema, DATABASE: 0 },
    database: { POOL: 0, SCHEMA: 0, DATABASE: database },
    mixed: { POOL: mixed(pool), SCHEMA: mixed(schema), DATABASE: mixed(database) },
  };
  const asked = (process.env.BENCH_FLEETS ?? FLEET_KEYS.join(',')).split(',').map((k) => k.trim());
  const unknown = asked.filter((k) => !(FLEET_KEYS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`BENCH_FLEETS: no fleet ${unknown.join(', ')} (there are ${FLEET_KEYS.join(', ')})`);
  return FLEET_KEYS.filter((key) => asked.includes(key)).map((key) => ({
    name: key === 'mixed' ? `mixed: ${describeCounts(all.mixed)}` : describeCounts(all[key]),
    counts: all[key],
  }));
}
