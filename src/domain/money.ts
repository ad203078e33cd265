// Exact decimal arithmetic for money and quantities. Amounts never pass through a
// JS number: a rounding error in the books is a bookkeeper's afternoon.
import { z } from 'zod';
import { Prisma } from '../generated/tenant/client';

export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;
export type DecimalValue = string | number | Decimal;

export const ZERO = new Decimal(0);

export const sum = (values: Iterable<Decimal>) => [...values].reduce((total, value) => total.add(value), ZERO);

/** Rounded to cents, half away from zero, as invoices and ledgers print them. */
export const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A positive amount of money as a string: "1250000", "12.50". */
export const positiveAmount = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be an amount with at most 2 decimals')
  .refine((value) => new Decimal(value).gt(0), 'must be more than zero')
  .transform((value) => new Decimal(value));

/** An amount of money of zero or more as a string: "0", "25", "12.50". */
export const nonNegativeAmount = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be an amount of 0 or more with at most 2 decimals')
  .transform((value) => new Decimal(value));

/** A quantity of zero or more as a string: "0", "3", "4.250" (grams). */
export const quantity = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'must be a quantity with at most 3 decimals')
  .transform((value) => new Decimal(value));

/** A positive quantity as a string: "3", "4.250" (grams). */
export const positiveQuantity = quantity.refine((value) => value.gt(0), 'must be more than zero');
