// type-graphql gives every field of an object type a resolver that runs its
// middleware chain and then reads `root[field]`. With no middlewares (the gateway
// uses none: cross-cutting work lives in Apollo plugins), that is graphql-js's own
// default resolver with an allocation per field and value, so it is taken off again:
// only fields with a @FieldResolver (or a method) keep a resolver.
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

export function dropPassThroughResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  if (storage.middlewares.length > 0) throw new Error('field middlewares are in use: plain fields need their type-graphql resolvers');
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const typeName = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  const resolved = new Set(storage.fieldResolvers.map((r) => `${typeName.get(r.getObjectType?.())}.${r.schemaName}`));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!resolved.has(`${type.name}.${field.name}`)) field.resolve = undefined;
    }
  }
}
