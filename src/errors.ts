// The error vocabulary of the gateway. Every failure a client can see carries one
// of these codes in `extensions.code`; clients branch on the code, never on the text.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  TENANT_NOT_READY: 'TENANT_NOT_READY',
  TENANT_SUSPENDED: 'TENANT_SUSPENDED',
  /** The tenant's tables lack a table or column this release's schema has: a rollout has not brought them to its version yet. */
  TENANT_SCHEMA_BEHIND: 'TENANT_SCHEMA_BEHIND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  /** The record cannot be changed so while others refer to it (`extensions` says which), or at all once erased (a customer). */
  CONFLICT: 'CONFLICT',
  PLAN_LIMIT_EXCEEDED: 'PLAN_LIMIT_EXCEEDED',
  /** Every place of the class is taken. */
  CLASS_FULL: 'CLASS_FULL',
  /** The provider is booked, or teaching a class, at some of that time. */
  SLOT_TAKEN: 'SLOT_TAKEN',
  /** The time is not within the provider's weekly availability, or falls in their time off. */
  OUTSIDE_AVAILABILITY: 'OUTSIDE_AVAILABILITY',
  /** The customer's credit balance is less than the booking costs. */
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The DNS servers did not answer (in DNS_TIMEOUT_MS): a custom domain could not be verified now. */
  DNS_UNAVAILABLE: 'DNS_UNAVAILABLE',
  /** The archive store (DATA_DIR/exports or EXPORT_STORE_URL) failed or did not answer in EXPORT_STORE_TIMEOUT_MS. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  AUDIT_FAILED: 'AUDIT_FAILED',
  /**
   * A tenant data archive that is not whole and unchanged as the gateway wrote it, or
   * whose tables and columns the tenant's schema cannot take: the message says what and where.
   */
  ARCHIVE_INVALID: 'ARCHIVE_INVALID',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * HTTP status that goes with a code when the whole request fails before execution;
 * any other code of a client's mistake is 400. A request that executed answers 200,
 * its errors in the body.
 */
export const httpStatusOf: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  BAD_USER_INPUT: 400,
  DATABASE_UNAVAILABLE: 503,
  STORE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export function gatewayError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * RATE_LIMITED, which HTTP answers with 429 and a Retry-After header wherever it is
 * raised (before execution or by a field such as `login`), so clients and proxies back off.
 */
export function rateLimited(message: string, retryAfterSeconds: number, extensions: Record<string, unknown> = {}): GraphQLError {
  const http = { status: httpStatusOf.RATE_LIMITED, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
  return gatewayError(ErrorCode.RATE_LIMITED, message, { ...extensions, http });
}

export const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <token>') =>
  gatewayError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string) => gatewayError(ErrorCode.FORBIDDEN, message);

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  gatewayError(ErrorCode.BAD_USER_INPUT, message, extensions);

export const notFound = (what: string) => gatewayError(ErrorCode.NOT_FOUND, `${what} not found`);
