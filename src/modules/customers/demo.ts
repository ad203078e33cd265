// The demo tenants' customers (src/demo); their invoices and orders name them by their
// place in these lists.
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import type { Customer } from '../../generated/tenant/client';

/** By demo tenant. */
const DEMO_CUSTOMERS: Record<string, Array<{ name: string; phone: string; email?: string; address: string }>> = {
  talanou: [
    { name: 'علی رضایی', phone: '09121234567', address: 'تهران، خیابان ولیعصر' },
    { name: 'مریم احمدی', phone: '09123456789', email: 'maryam.ahmadi@example.ir', address: 'تهران، سعادت‌آباد' },
    { name: 'حسین محمدی', phone: '09151112233', address: 'مشهد، بلوار سجاد' },
    { name: 'زهرا کریمی', phone: '09131239876', address: 'اصفهان، خیابان چهارباغ' },
  ],
  'arya-jewelry': [
    { name: 'سارا جعفری', phone: '09124447788', address: 'تهران، نیاوران' },
    { name: 'امیر صادقی', phone: '09171230000', address: 'شیراز، خیابان زند' },
    { name: 'نرگس رحیمی', phone: '09143332211', address: 'تبریز، ولیعصر' },
  ],
  'demo-shop': [
    { name: 'Jane Cooper', phone: '+1 555 0100', email: 'jane@example.com', address: '12 Elm Street, Springfield' },
    { name: 'Omar Haddad', phone: '+1 555 0144', email: 'omar@example.com', address: '9 Harbour Road, Portland' },
    { name: 'Lena Fischer', phone: '+49 30 5550199', email: 'lena@example.de', address: 'Torstraße 5, Berlin' },
  ],
  'demo-gym': [
    { name: 'Lukas Becker', phone: '+49 30 5550101', email: 'lukas.becker@example.de', address: 'Kastanienallee 12, Berlin' },
    { name: 'Sophie Wagner', phone: '+49 30 5550102', email: 'sophie.wagner@example.de', address: 'Oranienstraße 40, Berlin' },
    { name: 'Emma Hoffmann', phone: '+49 30 5550103', email: 'emma.hoffmann@example.de', address: 'Bergmannstraße 7, Berlin' },
    { name: 'Noah Schulz', phone: '+49 30 5550104', email: 'noah.schulz@example.de', address: 'Schönhauser Allee 88, Berlin' },
    { name: 'Hannah Koch', phone: '+49 30 5550105', email: 'hannah.koch@example.de', address: 'Wiener Straße 3, Berlin' },
    { name: 'Ben Richter', phone: '+49 30 5550106', email: 'ben.richter@example.de', address: 'Kopenhagener Straße 15, Berlin' },
  ],
};

/** The demo tenant's customers as stored, in the order of its list. */
export async function demoCustomers(db: TenantDb, demo: DemoTenant): Promise<Customer[]> {
  const byName = new Map((await db.customer.findMany()).map((c) => [c.name, c]));
  return DEMO_CUSTOMERS[demo.slug].map((c) => byName.get(c.name)!);
}

export async function seedCustomersDemo(db: TenantDb, demo: DemoTenant): Promise<void> {
  const customers = DEMO_CUSTOMERS[demo.slug];
  if (!customers || (await db.customer.count()) > 0) return;
  await db.customer.createMany({ data: customers });
}
