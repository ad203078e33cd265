import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../schema/scalars';

@ObjectType()
export class ProductSales {
  @Field(() => ID) productId!: string;
  @Field(() => DecimalScalar, { description: 'Sum of the sold lines, before tax.' }) revenue!: unknown;
  @Field(() => DecimalScalar) units!: unknown;
  @Field(() => Int, { description: 'Invoices it was sold on.' }) invoices!: number;
}
