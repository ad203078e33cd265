// Whether an operation only signs in: a mutation whose every root field is marked
// SignsIn (fieldExtensions.ts). Such a request ignores a bearer token that is refused
// (requestContext.ts).
import { Kind, getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { signsIn } from '../schema/fieldExtensions';

export function onlySignsIn(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return false;
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && signsIn(fields[selection.name.value]));
}

/** The same for an HTTP request's body; false for one that is not a GraphQL request (Apollo answers why). */
export function bodyOnlySignsIn(schema: GraphQLSchema, body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || (operationName != null && typeof operationName !== 'string')) return false;
  try {
    return onlySignsIn(schema, parse(query), operationName ?? undefined);
  } catch {
    return false;
  }
}
