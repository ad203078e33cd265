// The web shop's orders: a discount code and a handful of orders in every state
// (pending, paid, fulfilled, refunded in part, cancelled), taken and moved through
// the domain functions the API uses, so their books and stock obey the same rules.
import type { TenantDb } from '../db/tenantClient';
import { createDiscount } from '../domain/discounts';
import { createOrder } from '../domain/orders/createOrder';
import { cancelOrder, fulfillOrder, payOrder, refundOrder } from '../domain/orders/orderLifecycle';
import type { Customer, Product } from '../generated/tenant/client';
import type { DemoShop, DemoTenant } from './demoData';

export async function fillOrders(db: TenantDb, demo: DemoTenant, shop: DemoShop, catalogue: { products: Map<string, Product>; customers: Customer[] }) {
  await createDiscount(db, shop.discount);
  for (const order of shop.orders) {
    const { id } = await createOrder(db, demo.currency, demo.locale, {
      customerId: catalogue.customers[order.customer].id,
      items: order.items.map((item) => ({ productId: catalogue.products.get(item.sku)!.id, quantity: item.quantity })),
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
