import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../schema/scalars';
import type { SalesGrouping as SalesGroupingName } from './salesReport';

export const SalesGrouping: { [K in SalesGroupingName]: K } = { DAY: 'DAY', MONTH: 'MONTH' };
registerEnumType(SalesGrouping, { name: 'SalesGrouping', description: "Days or months in the tenant's time zone." });

@ObjectType()
export class SalesPeriod {
  @Field(() => String, { description: '"2026-03-21" for a day, "2026-03" for a month.' }) period!: string;
  @Field(() => Int, { description: 'Invoices issued.' }) count!: number;
  @Field(() => DecimalScalar, { description: 'Sum of their subtotals, before tax.' }) revenue!: unknown;
  @Field(() => DecimalScalar, { description: 'revenue / count, rounded to cents.' }) average!: unknown;
  @Field(() => Int, { description: 'Orders taken, cancelled ones aside.' }) orders!: number;
  @Field(() => DecimalScalar, { description: 'Sum of their subtotals after the discount, before tax.' }) orderValue!: unknown;
  @Field(() => DecimalScalar, { description: 'orderValue / orders, rounded to cents.' }) averageOrderValue!: unknown;
}

@ObjectType({ description: 'Issued (not void) SALE and TRADE invoices by issue date, and orders by when they were taken.' })
export class SalesReport {
  @Field(() => [SalesPeriod], { description: 'Every period of the range, empty ones included.' }) periods!: SalesPeriod[];
  @Field(() => Int) count!: number;
  @Field(() => DecimalScalar) revenue!: unknown;
  @Field(() => DecimalScalar) average!: unknown;
  @Field(() => Int) orders!: number;
  @Field(() => DecimalScalar) orderValue!: unknown;
  @Field(() => DecimalScalar) averageOrderValue!: unknown;
}
