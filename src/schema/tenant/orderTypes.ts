// Orders, their lines and refunds, and discount codes. Relations are field resolvers
// (orderResolver.ts) over the request's DataLoaders, or nested by the planner.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { OrderStatus, PaymentMethod } from '../enums';
import { DateTimeScalar, DecimalScalar } from '../scalars';

@ObjectType()
export class OrderItem {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) quantity!: unknown;
  @Field(() => DecimalScalar, { description: "The product's price when the order was taken." }) unitPrice!: unknown;
  @Field(() => DecimalScalar, { description: 'quantity x unitPrice, before the discount and tax.' }) lineTotal!: unknown;
  @Field(() => Int) position!: number;
}

@ObjectType()
export class OrderRefund {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) amount!: unknown;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: 'A code taking a percentage or an amount off an order’s subtotal.' })
export class Discount {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Upper case; codes are matched ignoring case.' }) code!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '"10" for 10% off.' }) percentOff!: unknown;
  @Field(() => DecimalScalar, { nullable: true, description: 'Taken off the subtotal, at most all of it.' }) amountOff!: unknown;
  @Field(() => DateTimeScalar, { nullable: true }) validFrom!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' }) validTo!: Date | null;
  @Field(() => Int, { nullable: true, description: 'null: unlimited.' }) maxRedemptions!: number | null;
  @Field(() => Int, { description: 'Orders holding the code; a cancelled order gives its redemption back.' }) redemptions!: number;
  @Field(() => DateTimeScalar, { nullable: true }) disabledAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType()
export class Order {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ORD-000001, sequential per tenant.' }) number!: string;
  @Field(() => OrderStatus) status!: OrderStatus;
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar, { description: 'Sum of the lines, before the discount and tax.' }) subtotal!: unknown;
  @Field(() => DecimalScalar) discountTotal!: unknown;
  @Field(() => DecimalScalar, { description: "The tenant's tax rate when the order was taken." }) taxRate!: unknown;
  @Field(() => DecimalScalar) taxTotal!: unknown;
  @Field(() => DecimalScalar, { description: 'subtotal - discountTotal + taxTotal.' }) total!: unknown;
  @Field(() => DecimalScalar) refundedAmount!: unknown;
  @Field(() => PaymentMethod, { nullable: true }) paymentMethod!: PaymentMethod | null;
  @Field(() => String, { nullable: true }) shippingAddress!: string | null;
  @Field(() => String, { nullable: true }) billingAddress!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) paidAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) fulfilledAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
