// Which platform rows are demo data, precisely, so they can be removed without
// touching anything else:
//
// - a demo tenant is a tenant whose slug is one of DEMO_TENANTS and whose OWNER is
//   that tenant's demo owner (admin@<slug>.com) still holding the demo password;
//   a real tenant that happens to use such a slug is never one.
// - a demo user is one of the demo logins (platform@demo.com, admin@ and
//   employee@ of each demo tenant) whose password is still the demo password.
import { verifyPassword } from '../auth/passwords';
import type { PlatformDb } from '../db/platformClient';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins } from './demoData';

export const DEMO_EMAILS = [PLATFORM_ADMIN_EMAIL, ...DEMO_TENANTS.flatMap((t) => Object.values(demoLogins(t.slug)))];

export async function findDemoTenants(platform: PlatformDb): Promise<TenantRecord[]> {
  const candidates = await platform.tenant.findMany({
    where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } },
    include: { memberships: { where: { role: 'OWNER' }, include: { user: true } } },
    orderBy: { slug: 'asc' },
  });
  const demo: TenantRecord[] = [];
  for (const { memberships, ...tenant } of candidates) {
    const owner = memberships.find((m) => m.user.email === demoLogins(tenant.slug).owner);
    if (owner && (await verifyPassword(DEMO_PASSWORD, owner.user.passwordHash))) demo.push(tenant);
  }
  return demo;
}

export async function findDemoUsers(platform: PlatformDb) {
  const users = await platform.user.findMany({
    where: { email: { in: DEMO_EMAILS } },
    include: { memberships: { include: { tenant: { select: { slug: true } } } } },
    orderBy: { email: 'asc' },
  });
  const demo = [];
  for (const user of users) if (await verifyPassword(DEMO_PASSWORD, user.passwordHash)) demo.push(user);
  return demo;
}
