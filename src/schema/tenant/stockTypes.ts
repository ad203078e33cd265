import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { Product } from './types';

@ObjectType()
export class StockLevel {
  @Field(() => Product) product!: unknown;
  @Field(() => DecimalScalar, { description: 'On hand: the sum of the product\'s movements.' }) onHand!: unknown;
  @Field(() => DecimalScalar, { description: 'On hand at unit cost.' }) value!: unknown;
}

@InputType()
export class BomComponentInput {
  @Field(() => ID) componentId!: string;
  @Field(() => DecimalScalar) quantity!: string;
}
