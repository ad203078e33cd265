// The catalogue's types. Those of its models are generated from the tenant model
// (src/graph) with their fields, relations both ways and lists; they are named here for
// the resolvers next to this file. The rest is what the model cannot say: the shape of
// a JSON column.
import { Field, ObjectType } from 'type-graphql';
import { modelType } from '../../graph/modelTypes';

export const Category = modelType('Category');
export const Product = modelType('Product');

@ObjectType({ description: "A product's name and description in a locale other than the tenant's." })
export class ProductTranslation {
  @Field(() => String, { description: 'BCP 47 language tag, e.g. "fr" or "fr-CA".' }) locale!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}
