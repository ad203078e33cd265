import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { StockMovementType } from '../enums';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { Product } from './types';

@ObjectType()
export class StockMovement {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar, { description: 'Signed: positive adds to stock.' }) quantity!: unknown;
  @Field(() => StockMovementType) type!: StockMovementType;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  productId!: string;
  invoiceId!: string | null;
}

@ObjectType()
export class StockLevel {
  @Field(() => Product) product!: Product;
  @Field(() => DecimalScalar, { description: 'On hand: the sum of the product\'s movements.' }) onHand!: unknown;
  @Field(() => DecimalScalar, { description: 'On hand at unit cost.' }) value!: unknown;
}

@ObjectType({ description: 'One line of a bill of materials: assembling one product consumes `quantity` of `component`.' })
export class BomComponent {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) quantity!: unknown;
  componentId!: string;
}

@InputType()
export class BomComponentInput {
  @Field(() => ID) componentId!: string;
  @Field(() => DecimalScalar) quantity!: string;
}
