// What one operation must pass before it runs, shared by HTTP and WebSocket. Depth,
// aliases and storable literals are checked while validating (cached with the
// document); the variables and the cost once the variables are known (a `first: $n`
// changes the cost), so that nothing weighs or runs an operation with variables that
// do not fit it.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type TypeNode, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { badInput, ErrorCode, gatewayError } from '../errors';
import { assertStorableVariables, storableLiteralsRule } from './storableInput';

export interface OperationLimits {
  depth: number;
  complexity: number;
  aliases: number;
}

/** graphql-armor's rules report through a callback; re-issue their finding with our code. */
const reportAs = (code: ErrorCode) => [
  (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
];

/** Validation rules beyond graphql-js's own. */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, propagateOnRejection: false, onReject: reportAs(ErrorCode.QUERY_TOO_DEEP) }),
    maxAliasesRule({ n: limits.aliases, propagateOnRejection: false, onReject: reportAs(ErrorCode.BAD_USER_INPUT) }),
    storableLiteralsRule,
  ];
}

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
/** Fields and fragment spreads weighed before an operation is refused as too complex whatever they cost. */
const MAX_WEIGHED_NODES = 10_000;

// The cost of a document depends only on its operation and its Int variables (the
// estimators read page sizes, never IDs or strings), so it is worked out once per
// such combination: the walk over the document costs more than the query it guards.
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 64;

const getNamedTypeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : getNamedTypeName(type.type));

/** The variables as the resolvers would get them; BAD_USER_INPUT (graphql-js's message) when they do not fit the operation. */
function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) {
  const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (errors) throw badInput(errors[0].message);
  return coerced;
}

function complexityOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined) {
  const coerced = coercedVariables(schema, operation, variables);
  const pageSizes = (operation.variableDefinitions ?? []).filter((v) => getNamedTypeName(v.type) === 'Int').map((v) => coerced[v.variable.name.value]);
  const operationName = operation.name?.value;
  const key = `${operationName ?? ''}:${pageSizes.join(',')}`;
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map()));
  let cost = costs.get(key);
  if (cost === undefined) {
    try {
      cost = getComplexity({ schema, query: document, variables: variables ?? {}, estimators, maxQueryNodes: MAX_WEIGHED_NODES, ...(operationName ? { operationName } : {}) });
    } catch (error) {
      // With the variables known to fit, the one refusal left is the node count.
      if (!(error instanceof GraphQLError)) throw error;
      throw gatewayError(ErrorCode.QUERY_TOO_COMPLEX, `operation has more than ${MAX_WEIGHED_NODES} fields and fragment spreads to weigh; ask for fewer`, { limit: MAX_WEIGHED_NODES });
    }
    if (costs.size < COSTS_PER_DOCUMENT) costs.set(key, cost);
  }
  return cost;
}

/**
 * The checks that need the variables: they can be stored, they fit the operation's
 * declarations (BAD_USER_INPUT), and the operation costs no more than `limit`
 * (QUERY_TOO_COMPLEX).
 */
export function assertOperationAllowed(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limit: number,
): void {
  assertStorableVariables(variables);
  const complexity = complexityOf(schema, document, operation, variables);
  if (complexity > limit) {
    throw gatewayError(ErrorCode.QUERY_TOO_COMPLEX, `operation costs ${complexity}, above the limit of ${limit}; ask for fewer items`, {
      complexity,
      limit,
    });
  }
}
