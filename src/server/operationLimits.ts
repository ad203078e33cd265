// Limits on what one operation may ask for, shared by HTTP and WebSocket:
// depth and aliases are checked while validating (cached with the document),
// complexity once the variables are known (a `first: $n` changes the cost).
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema, type TypeNode, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode, gatewayError } from '../errors';

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

export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, propagateOnRejection: false, onReject: reportAs(ErrorCode.QUERY_TOO_DEEP) }),
    maxAliasesRule({ n: limits.aliases, propagateOnRejection: false, onReject: reportAs(ErrorCode.BAD_USER_INPUT) }),
  ];
}

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

// The cost of a document depends only on its operation and its Int variables (the
// estimators read page sizes, never IDs or strings), so it is worked out once per
// such combination: the walk over the document costs more than the query it guards.
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 64;

function complexityOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined | null) {
  const intVariables = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : [],
  ).filter((v) => getNamedTypeName(v.type) === 'Int').map((v) => variables?.[v.variable.name.value]);
  const key = `${operationName ?? ''}:${intVariables.join(',')}`;
  let costs = knownCosts.get(document);
  if (!costs) knownCosts.set(document, (costs = new Map()));
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = getComplexity({ schema, query: document, variables: variables ?? {}, estimators, ...(operationName ? { operationName } : {}) });
    if (costs.size < COSTS_PER_DOCUMENT) costs.set(key, cost);
  }
  return cost;
}

const getNamedTypeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : getNamedTypeName(type.type));

export function assertComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limit: number,
): void {
  const complexity = complexityOf(schema, document, variables, operationName);
  if (complexity > limit) {
    throw gatewayError(ErrorCode.QUERY_TOO_COMPLEX, `operation costs ${complexity}, above the limit of ${limit}; ask for fewer items`, {
      complexity,
      limit,
    });
  }
}
