// Many small tenants for the tenant-scale benchmarks: `tenants` of them, `schemaTenants`
// in schemas of the shared database and the rest (spread evenly) with a database each,
// provisioned as createTenant would and given a small catalogue and a few invoices.
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import type { Services } from '../src/services';
import { fillTenant } from './fillTenant';

/** At most `limit` of `work` at once. */
async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

export async function provisionFleet(services: Services, { tenants, schemaTenants }: { tenants: number; schemaTenants: number }) {
  const user = await services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
  const slugs = Array.from({ length: tenants }, (_, i) => `t${String(i).padStart(5, '0')}`);
  const databaseEvery = tenants / Math.max(1, tenants - schemaTenants);
  const isolationOf = (i: number) => (schemaTenants < tenants && Math.floor((i + 1) / databaseEvery) > Math.floor(i / databaseEvery) ? 'DATABASE' : 'SCHEMA');
  await inParallel(slugs, 4, async (slug, i) => {
    const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug, name: slug, isolation: isolationOf(i), planCode: 'enterprise', ownerId: user.id }));
    await fillTenant(services, await provisionTenant(services, record.id), { categories: 3, products: 10, customers: 3, invoices: 5, itemsPerInvoice: 2 });
  });
  return { user, slugs };
}
