// Discount codes: a percentage or an amount off an order's subtotal (before tax),
// valid in an optional window and for an optional number of orders. A code is
// redeemed by one conditional UPDATE, which the database runs one at a time per
// row, so concurrent orders never redeem it more often than it allows.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { Decimal, ZERO, positiveAmount, round2 } from '../../domain/money';
import type { Tx } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';

const DiscountInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{2,40}$/, 'must be 2 to 40 letters, digits, dashes or underscores')
      .transform((code) => code.toUpperCase()),
    percentOff: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage with at most 2 decimals')
      .refine((p) => Number(p) > 0 && Number(p) <= 100, 'must be more than 0 and at most 100')
      .nullish(),
    amountOff: positiveAmount.nullish(),
    validFrom: z.date().nullish(),
    validTo: z.date().nullish(),
    maxRedemptions: z.number().int().min(1, 'must be at least 1').nullish(),
  })
  .refine((d) => (d.percentOff == null) !== (d.amountOff == null), { message: 'give either percentOff or amountOff', path: ['percentOff'] })
  .refine((d) => !d.validFrom || !d.validTo || d.validFrom < d.validTo, { message: 'must be after validFrom', path: ['validTo'] });

export type DiscountInput = z.input<typeof DiscountInput>;

export async function createDiscount(db: TenantDb, input: DiscountInput) {
  const data = parseInput(DiscountInput, input);
  if (await db.discount.findUnique({ where: { code: data.code }, select: { id: true } })) {
    throw badInput(`there is already a discount ${data.code}`, { field: 'code' });
  }
  return db.discount.create({
    data: {
      code: data.code,
      percentOff: data.percentOff ?? null,
      amountOff: data.amountOff ?? null,
      validFrom: data.validFrom ?? null,
      validTo: data.validTo ?? null,
      maxRedemptions: data.maxRedemptions ?? null,
    },
  });
}

export async function disableDiscount(db: TenantDb, id: string) {
  const discount = await db.discount.findUnique({ where: { id } });
  if (!discount) throw notFound('discount');
  if (discount.disabledAt) return discount;
  return db.discount.update({ where: { id }, data: { disabledAt: new Date() } });
}

/** What a discount takes off `subtotal`: its percentage, or its amount up to the subtotal. */
export function discountAmount(discount: { percentOff: Decimal | null; amountOff: Decimal | null }, subtotal: Decimal): Decimal {
  if (discount.percentOff) return round2(subtotal.mul(discount.percentOff).div(100));
  return Decimal.min(discount.amountOff ?? ZERO, subtotal);
}

/** Redeems `code` for one order now, inside the order's transaction; BAD_USER_INPUT (field discountCode) when it cannot be. */
export async function redeemDiscount(tx: Tx, code: string, now: Date) {
  const field = { field: 'discountCode' };
  const discount = await tx.discount.findUnique({ where: { code: code.trim().toUpperCase() } });
  if (!discount) throw badInput(`no discount code ${code}`, field);
  if (discount.disabledAt) throw badInput(`discount code ${discount.code} is disabled`, field);
  if ((discount.validFrom && now < discount.validFrom) || (discount.validTo && now >= discount.validTo)) {
    throw badInput(`discount code ${discount.code} is not valid now`, field);
  }
  const { count } = await tx.discount.updateMany({
    where: { id: discount.id, OR: [{ maxRedemptions: null }, { redemptions: { lt: tx.discount.fields.maxRedemptions } }] },
    data: { redemptions: { increment: 1 } },
  });
  if (count === 0) throw badInput(`discount code ${discount.code} has been used as often as it may be (${discount.maxRedemptions})`, field);
  return discount;
}

/** A cancelled order gives its redemption back. */
export async function returnRedemption(tx: Tx, discountId: string): Promise<void> {
  await tx.discount.update({ where: { id: discountId }, data: { redemptions: { decrement: 1 } } });
}
