// The tenant's types. Those of the model (a product, an invoice, ...) are generated
// from the tenant model (src/graph) with their fields, relations both ways and lists;
// they are named here for the resolvers next to this file. The rest is what the model
// cannot say: the shape of a JSON column, report and payload types.
import { Field, ObjectType } from 'type-graphql';
import { modelType } from '../../graph/modelTypes';

export const Category = modelType('Category');
export const Product = modelType('Product');
export const BomComponent = modelType('BomComponent');
export const Customer = modelType('Customer');
export const Invoice = modelType('Invoice');
export const InvoiceItem = modelType('InvoiceItem');
export const Payment = modelType('Payment');
export const Order = modelType('Order');
export const Discount = modelType('Discount');
export const Account = modelType('Account');
export const JournalEntry = modelType('JournalEntry');
export const StockMovement = modelType('StockMovement');
export const BankAccount = modelType('BankAccount');
export const BankStatementLine = modelType('BankStatementLine');
export const AnalyticsEvent = modelType('AnalyticsEvent');

@ObjectType({ description: "A product's name and description in a locale other than the tenant's." })
export class ProductTranslation {
  @Field(() => String, { description: 'BCP 47 language tag, e.g. "fr" or "fr-CA".' }) locale!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}
