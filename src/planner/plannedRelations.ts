// Relation fields of planned types answer from the row when the plan nested the
// relation into it, and fall back to their resolvers (DataLoaders) when it did not;
// computed fields asked without arguments answer their own column.
// Wrapping here, once per schema, keeps type-graphql's per-call machinery off every
// planned row. Run on the schema as built, it also checks the tenant model: any
// other field with a resolver would be read as a column it is not.
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { objectType } from './rowJson';
import { TENANT_MODEL } from './tenantModel';

export function answerRelationsFromRows(schema: GraphQLSchema): void {
  for (const [typeName, { relations, computed = {} }] of Object.entries(TENANT_MODEL)) {
    const fields = objectType(schema, typeName).getFields();
    const unknown = Object.values(fields).filter((field) => field.resolve && !(field.name in relations) && !(field.name in computed));
    if (unknown.length > 0) throw new Error(`${typeName}.${unknown[0].name} has a resolver: the tenant model must name it as a relation or a computed field`);
    for (const name of Object.keys(relations)) {
      const field = fields[name];
      const resolve: GraphQLFieldResolver<Record<string, unknown>, unknown> | undefined = field?.resolve;
      if (!resolve) throw new Error(`${typeName}.${name} is a relation of the tenant model but has no resolver`);
      field.resolve = (row, args, context, info) => (name in row ? row[name] : resolve(row, args, context, info));
    }
    // A computed field asked without arguments answers its own column, which the row holds under its name.
    for (const name of Object.keys(computed)) {
      const field = fields[name];
      const resolve: GraphQLFieldResolver<Record<string, unknown>, unknown> | undefined = field?.resolve;
      if (!resolve) throw new Error(`${typeName}.${name} is a computed field of the tenant model but has no resolver`);
      field.resolve = (row, args, context, info) => (Object.keys(args).length === 0 ? row[name] : resolve(row, args, context, info));
    }
  }
}
