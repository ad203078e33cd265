// Makes sure the demo tenants and logins exist, provisioned and filled with data by
// the modules of the build. Runs on every start in demo mode and does only what is missing.
import { hashPassword } from '../auth/passwords';
import { engineName } from '../engine';
import { SELECTED_MODULES } from '../generated/selectedModules';
import { createTenantRecord } from '../provisioning/createTenantRecord';
import { provisionTenant, type ProvisionServices } from '../provisioning/provisionTenant';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins } from './demoData';

export async function ensureDemo(services: ProvisionServices): Promise<void> {
  const { platform, log } = services;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (email: string, name: string, isPlatformAdmin = false) =>
    platform.user.upsert({ where: { email }, create: { email, name, passwordHash, isPlatformAdmin }, update: {} });

  await user(PLATFORM_ADMIN_EMAIL, 'Platform Admin', true);
  // With only MySQL tenant servers the demo lives there, and its SCHEMA tenant gets a database of its own.
  const engine = services.servers.defaultEngine();
  for (const demo of DEMO_TENANTS) {
    const logins = demoLogins(demo.slug);
    const owner = await user(logins.owner, `${demo.name} (owner)`);
    const member = await user(logins.member, `${demo.name} (employee)`);
    const viewer = await user(logins.viewer, `${demo.name} (viewer)`);
    let tenant = await platform.tenant.findUnique({ where: { slug: demo.slug } });
    tenant ??= await platform.$transaction((tx) =>
      createTenantRecord(tx, {
        slug: demo.slug,
        name: demo.name,
        isolation: engine === 'mysql' ? 'DATABASE' : demo.isolation,
        engine: engineName(engine),
        planCode: demo.plan,
        ownerId: owner.id,
        locale: demo.locale,
        currency: demo.currency,
        timeZone: demo.timeZone,
      }),
    );
    for (const [person, role] of [
      [member, 'MEMBER'],
      [viewer, 'VIEWER'],
    ] as const) {
      await platform.membership.upsert({
        where: { userId_tenantId: { userId: person.id, tenantId: tenant.id } },
        create: { userId: person.id, tenantId: tenant.id, role },
        update: {},
      });
    }
    if (tenant.status !== 'ACTIVE') {
      log.info({ tenant: demo.slug }, 'provisioning demo tenant');
      tenant = await provisionTenant(services, tenant.id);
    }
    const lease = services.pool.acquire(tenant);
    try {
      // Each module after those it requires, so the products are there for the invoices, the invoices for the bank statement.
      for (const { seedDemo } of SELECTED_MODULES) await seedDemo?.(lease.db, demo, lease.target.engine);
    } finally {
      lease.release();
    }
  }
}
