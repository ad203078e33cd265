// Many small tenants for the tenant-scale benchmarks, in any mix of the three
// isolations: each created and provisioned to ACTIVE as createTenant's job would, several
// at once (each is a few dozen round trips to PostgreSQL; one at a time would leave this
// process and the server waiting on each other), and given its rows (fillTenant) as a
// step of its own, so the time to ACTIVE is measured apart from the filling.
import type { Isolation, TenantEngine } from '../src/generated/platform/enums';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant, type ProvisionServices } from '../src/provisioning/provisionTenant';
import type { Services } from '../src/services';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { fillTenant } from './fillTenant';
import { rowsOf, type FleetCounts } from './fleets';

/** At most `limit` of `work` at once. */
export async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
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

/**
 * The fleet's tenants, each kind spread evenly through the list (in a mix, a DATABASE
 * tenant every so often among the others), named by their isolation: "pool-00042".
 */
function fleetPlan(counts: FleetCounts): Array<{ slug: string; isolation: Isolation }> {
  const placed = (Object.entries(counts) as Array<[Isolation, number]>).flatMap(([isolation, n]) =>
    Array.from({ length: n }, (_, i) => ({ slug: `${isolation.toLowerCase()}-${String(i).padStart(5, '0')}`, isolation, at: (i + 0.5) / n })),
  );
  return placed.sort((a, b) => a.at - b.at).map(({ slug, isolation }) => ({ slug, isolation }));
}

/** The user who owns every tenant of the fleet. */
export function fleetOwner(services: Pick<Services, 'platform'>) {
  return services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
}

/** Tenant `slug`, created as createTenant creates it and provisioned to ACTIVE (on a server of `engine`). */
export async function createActiveTenant(services: ProvisionServices, ownerId: string, slug: string, isolation: Isolation, engine: TenantEngine = 'POSTGRESQL'): Promise<TenantRecord> {
  const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug, name: slug, isolation, engine, planCode: 'enterprise', ownerId }));
  return provisionTenant(services, record.id);
}

/** Every tenant of `counts`, ACTIVE, in the order of the plan, `concurrency` provisioned at once. */
export async function provisionFleet(services: ProvisionServices, ownerId: string, counts: FleetCounts, concurrency: number): Promise<TenantRecord[]> {
  const plan = fleetPlan(counts);
  const tenants = new Array<TenantRecord>(plan.length);
  await inParallel(plan, concurrency, async ({ slug, isolation }, i) => {
    tenants[i] = await createActiveTenant(services, ownerId, slug, isolation);
  });
  return tenants;
}

/** Gives each tenant the rows of its isolation (rowsOf), `concurrency` tenants at once. */
export function fillFleet(services: Services, tenants: TenantRecord[], concurrency: number): Promise<void> {
  return inParallel(tenants, concurrency, async (tenant) => {
    await fillTenant(services, tenant, rowsOf(tenant.isolation));
  });
}
