// The web shop's orders (src/demo): a discount code and a handful of orders in every
// state (pending, paid, fulfilled, refunded in part, cancelled), taken and moved
// through the domain functions the API uses, so their books and stock obey the same rules.
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import type { PaymentMethod } from '../../generated/tenant/enums';
import { productsBySku } from '../catalogue/demo';
import { demoCustomers } from '../customers/demo';
import { createOrder } from './createOrder';
import { createDiscount } from './discounts';
import { cancelOrder, fulfillOrder, payOrder, refundOrder } from './orderLifecycle';

interface DemoOrder {
  /** Index into the tenant's customers. */
  customer: number;
  items: Array<{ sku: string; quantity: string }>;
  discountCode?: string;
  shippingAddress: string;
  /** How far it got: paid (with the method), then fulfilled, refunded in part, or cancelled. */
  steps: Array<{ pay: PaymentMethod } | 'fulfill' | { refund: string; reason: string } | 'cancel'>;
}

interface DemoShop {
  discount: { code: string; percentOff: string; maxRedemptions: number };
  orders: DemoOrder[];
}

/** The demo tenants that are web shops. */
const DEMO_SHOPS: Record<string, DemoShop> = {
  'demo-shop': {
    discount: { code: 'WELCOME10', percentOff: '10', maxRedemptions: 100 },
    orders: [
      { customer: 0, items: [{ sku: 'HOOD-GRY-L', quantity: '1' }, { sku: 'CAP-NVY', quantity: '1' }], shippingAddress: '12 Elm Street, Springfield', steps: [{ pay: 'CARD' }, 'fulfill'] },
      { customer: 1, items: [{ sku: 'MUG-WHT', quantity: '2' }], discountCode: 'WELCOME10', shippingAddress: '9 Harbour Road, Portland', steps: [{ pay: 'CARD' }, 'fulfill', { refund: '12.50', reason: 'one mug arrived broken' }] },
      { customer: 2, items: [{ sku: 'TEE-BLK-M', quantity: '3' }], discountCode: 'WELCOME10', shippingAddress: 'Torstraße 5, Berlin', steps: [{ pay: 'BANK_TRANSFER' }] },
      { customer: 0, items: [{ sku: 'TOTE-NAT', quantity: '2' }], shippingAddress: '12 Elm Street, Springfield', steps: [] },
      { customer: 1, items: [{ sku: 'CAP-NVY', quantity: '2' }], shippingAddress: '9 Harbour Road, Portland', steps: ['cancel'] },
    ],
  },
};

export async function seedCommerceDemo(db: TenantDb, demo: DemoTenant): Promise<void> {
  const shop = DEMO_SHOPS[demo.slug];
  if (!shop || (await db.order.count()) > 0) return;
  const products = await productsBySku(db);
  const customers = await demoCustomers(db, demo);
  await createDiscount(db, shop.discount);
  for (const order of shop.orders) {
    const { id } = await createOrder(db, demo.currency, demo.locale, {
      customerId: customers[order.customer].id,
      items: order.items.map((item) => ({ productId: products.get(item.sku)!.id, quantity: item.quantity })),
      discountCode: order.discountCode,
      shippingAddress: order.shippingAddress,
    });
    for (const step of order.steps) {
      if (step === 'fulfill') await fulfillOrder(db, id);
      else if (step === 'cancel') await cancelOrder(db, id);
      else if ('pay' in step) await payOrder(db, id, demo.locale, { method: step.pay });
      else await refundOrder(db, id, { amount: step.refund, reason: step.reason });
    }
  }
}
