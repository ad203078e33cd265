// The tenant's business objects. Relations are field resolvers that go through
// the request's DataLoaders (see resolvers next to this file).
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../scalars';
import { InvoiceKind, InvoiceStatus, PaymentMethod, ProductKind } from '../enums';

@ObjectType()
export class Category {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
}

@ObjectType({ description: "A product's name and description in a locale other than the tenant's." })
export class ProductTranslation {
  @Field(() => String, { description: 'BCP 47 language tag, e.g. "fr" or "fr-CA".' }) locale!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType()
export class Product {
  @Field(() => ID) id!: string;
  @Field(() => String) sku!: string;
  @Field(() => String, { description: "With `locale`: its translation, else its language's (fr for fr-CA), else its own name (the tenant's locale)." })
  name!: string;
  @Field(() => String, { nullable: true, description: 'With `locale`: its translation, falling back as `name` does.' }) description!: string | null;
  @Field(() => ProductKind) kind!: ProductKind;
  @Field(() => DecimalScalar) price!: unknown;
  @Field(() => DecimalScalar, { description: 'Unit cost, used for the cost of goods sold.' }) cost!: unknown;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: '"pc" (pieces) or "g" (grams, for gold sold by weight).' }) unit!: string;
  @Field(() => DecimalScalar, { description: 'On hand: the sum of the stock movements.' }) stock!: unknown;
  @Field(() => DecimalScalar, { description: 'Held by pending orders; what can still be ordered is stock - reserved.' }) reserved!: unknown;
  @Field(() => Boolean, { description: 'Whether its stock is counted: sales need it on hand, and invoices move it. False for services unless set.' }) trackStock!: boolean;
  @Field(() => JSONObjectScalar, { description: 'Free-form attributes: karat, weightGrams, carat, ...' }) attributes!: unknown;
  @Field(() => [ProductTranslation], { description: 'Name and description per locale, by locale.' }) translations!: unknown;
  @Field(() => [String], { description: 'Lowercased, without duplicates; `products(filter: { tag })` finds products by one.' }) tags!: unknown;
  @Field(() => [String], { description: 'http(s) URLs of its pictures, the main one first.' }) imageUrls!: unknown;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType()
export class Customer {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true }) nationalId!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType()
export class Payment {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) amount!: unknown;
  @Field(() => PaymentMethod) method!: PaymentMethod;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => DateTimeScalar) paidAt!: Date;
}

@ObjectType()
export class InvoiceItem {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => DecimalScalar) quantity!: unknown;
  @Field(() => DecimalScalar) unitPrice!: unknown;
  @Field(() => DecimalScalar, { description: 'e.g. "0.0900" for 9%.' }) taxRate!: unknown;
  @Field(() => DecimalScalar, { description: 'quantity x unitPrice, before tax.' }) lineTotal!: unknown;
  @Field(() => DecimalScalar) taxAmount!: unknown;
  @Field(() => Boolean, { description: 'An item the customer traded in (TRADE invoices).' }) tradeIn!: boolean;
  @Field(() => Int) position!: number;
}

@ObjectType()
export class Invoice {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => InvoiceKind) kind!: InvoiceKind;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => DateTimeScalar) issueDate!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) dueDate!: Date | null;
  @Field(() => String) currency!: string;
  @Field(() => DecimalScalar) subtotal!: unknown;
  @Field(() => DecimalScalar) taxTotal!: unknown;
  @Field(() => DecimalScalar) tradeInTotal!: unknown;
  @Field(() => DecimalScalar, { description: 'subtotal + taxTotal - tradeInTotal.' }) total!: unknown;
  @Field(() => DecimalScalar) amountPaid!: unknown;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}
