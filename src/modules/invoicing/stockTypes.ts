import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { WritesModel } from '../../schema/personalInputs';
import { DecimalScalar } from '../../schema/scalars';
import { JournalEntry } from '../books/types';
import { Product } from '../catalogue/types';
import { STOCK_ADJUSTMENT_REASONS, type StockAdjustmentReason as Reason } from './invoicePostings';
import { StockMovement } from './types';

@ObjectType()
export class StockLevel {
  @Field(() => Product) product!: unknown;
  @Field(() => DecimalScalar, { description: 'On hand: the sum of the product\'s movements.' }) onHand!: unknown;
  @Field(() => DecimalScalar, { description: 'On hand at unit cost.' }) value!: unknown;
}

export const StockAdjustmentReason = Object.fromEntries(STOCK_ADJUSTMENT_REASONS.map((reason) => [reason, reason])) as { [R in Reason]: R };
registerEnumType(StockAdjustmentReason, {
  name: 'StockAdjustmentReason',
  description:
    'COUNT: a stock count; the difference from the books is posted to Inventory adjustments (5300). DAMAGE: goods written off to Inventory write-offs (5400). OPENING: stock a product starts with, against Owner\'s capital (3100).',
});

@InputType()
@WritesModel('StockMovement')
export class StockAdjustmentInput {
  @Field(() => ID) productId!: string;
  @Field(() => StockAdjustmentReason) reason!: Reason;
  @Field(() => DecimalScalar, { description: 'COUNT: the quantity counted (0 or more). DAMAGE: the quantity written off. OPENING: the quantity brought in.' })
  quantity!: string;
  @Field(() => String, { nullable: true, description: 'Kept on the movement and the journal entry, after what the adjustment was.' }) note?: string;
}

@ObjectType({ description: 'A stock adjustment: the movement it made and the journal entry of its value at the product\'s unit cost.' })
export class StockAdjustment {
  @Field(() => Product, { description: 'The product, with its stock after the adjustment.' }) product!: unknown;
  @Field(() => StockMovement, { nullable: true, description: 'Null when a count found what the books say.' }) movement!: unknown;
  @Field(() => JournalEntry, { nullable: true, description: 'Null when nothing moved, or the product costs nothing.' }) journalEntry!: unknown;
}
