// Makes sure the demo tenants and logins exist, provisioned and filled with data.
// Runs on every start in demo mode and does only what is missing.
import { hashPassword } from '../auth/passwords';
import { engineName } from '../db/engine';
import type { TenantDb } from '../db/tenantClient';
import { createTenantRecord } from '../provisioning/createTenantRecord';
import { provisionTenant } from '../provisioning/provisionTenant';
import type { Services } from '../services';
import { fillBooks } from './demoBooks';
import { fillOrders } from './demoOrders';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins, type DemoTenant } from './demoData';

async function fillCatalogue(db: TenantDb, demo: DemoTenant): Promise<void> {
  await db.category.createMany({ data: demo.categories.map((name) => ({ name })), skipDuplicates: true });
  const categories = new Map((await db.category.findMany()).map((c) => [c.name, c.id]));
  for (const p of demo.products) {
    // Opening stock is a movement like any other, so stock always equals the sum of movements.
    await db.product.create({
      data: {
        sku: p.sku,
        name: p.name,
        kind: p.kind,
        categoryId: categories.get(p.category) ?? null,
        price: p.price,
        cost: p.cost,
        unit: p.unit ?? 'pc',
        currency: demo.currency,
        stock: p.stock,
        attributes: p.attributes ?? {},
        stockMovements: { create: { quantity: p.stock, type: 'ADJUSTMENT', note: 'opening stock' } },
      },
    });
  }
  await db.customer.createMany({ data: demo.customers });
}

async function catalogueOf(db: TenantDb, demo: DemoTenant) {
  const products = new Map((await db.product.findMany()).map((p) => [p.sku, p]));
  const byName = new Map((await db.customer.findMany()).map((c) => [c.name, c]));
  return { products, customers: demo.customers.map((c) => byName.get(c.name)!) };
}

async function fillTenant(db: TenantDb, demo: DemoTenant): Promise<void> {
  if ((await db.product.count()) === 0) await fillCatalogue(db, demo);
  // The books and the orders come after the catalogue, so a data folder from before they existed gets them too.
  if ((await db.bankAccount.count()) === 0) await fillBooks(db, demo, await catalogueOf(db, demo));
  if (demo.shop && (await db.order.count()) === 0) await fillOrders(db, demo, demo.shop, await catalogueOf(db, demo));
}

export async function ensureDemo(services: Services): Promise<void> {
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
      await fillTenant(lease.db, demo);
    } finally {
      lease.release();
    }
  }
}
