// `db clear-seeds` removes the demo data and nothing else (see demo/demoRecords.ts
// for exactly what counts as demo data): the demo tenants, their databases or
// schemas, and the demo logins that belong to no other tenant. Plans and tenant
// defaults stay: the gateway needs them. Never in production.
import { findDemoTenants, findDemoUsers } from '../../../demo/demoRecords';
import { dropTenantStorage } from '../../../provisioning/dropTenantStorage';
import { announceTenantChange } from '../../../tenancy/tenantChanges';
import type { DbContext } from '../dbContext';
import { RefusedError } from '../refused';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';

export async function clearSeeds(ctx: DbContext): Promise<Outcome> {
  if (ctx.config.production) throw new RefusedError('clear-seeds never runs with NODE_ENV=production');
  const services = ctx.services();
  const { platform, servers } = services;
  const tenants = await findDemoTenants(platform);
  const one = { concurrency: 1, progress: ctx.progress };
  const removedTenants = await runTasks('clear-seeds', tenants, { ...one, name: (t) => `tenant ${t.slug}` }, async (tenant) => {
    const dropped = await dropTenantStorage(servers, tenant);
    await platform.tenant.delete({ where: { id: tenant.id } });
    // Running gateways must stop serving it now, not once their cache expires.
    await announceTenantChange(services, tenant.slug);
    return `removed (${dropped})`;
  });
  const users = await findDemoUsers(platform);
  const kept: string[] = [];
  const removedUsers = await runTasks('clear-seeds', users, { ...one, name: (u) => `user ${u.email}` }, async (user) => {
    const elsewhere = await platform.membership.findMany({ where: { userId: user.id }, include: { tenant: { select: { slug: true } } } });
    if (elsewhere.length) {
      kept.push(`${user.email} (still a member of ${elsewhere.map((m) => m.tenant.slug).join(', ')})`);
      return 'kept: member of a tenant that is not demo data';
    }
    await platform.user.delete({ where: { id: user.id } });
    return 'removed';
  });
  const lines = [
    tenants.length || users.length ? `removed demo data: ${tenants.length} tenant(s), ${users.length - kept.length} user(s)` : 'no demo data found',
    ...kept.map((k) => `kept user ${k}`),
  ];
  return { lines, results: [...removedTenants, ...removedUsers] };
}
