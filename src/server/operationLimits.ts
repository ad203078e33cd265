// Limits on what one operation may ask for, shared by HTTP and WebSocket:
// depth and aliases are checked while validating (cached with the document),
// complexity once the variables are known (a `first: $n` changes the cost).
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
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

export function assertComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limit: number,
): void {
  const complexity = getComplexity({ schema, query: document, variables: variables ?? {}, estimators, ...(operationName ? { operationName } : {}) });
  if (complexity > limit) {
    throw gatewayError(ErrorCode.QUERY_TOO_COMPLEX, `operation costs ${complexity}, above the limit of ${limit}; ask for fewer items`, {
      complexity,
      limit,
    });
  }
}
