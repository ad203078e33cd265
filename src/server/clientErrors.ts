// What a client may see of a failure. Errors raised on purpose (they carry one of
// our codes) pass through; database errors that mean bad input are translated;
// anything else becomes INTERNAL_SERVER_ERROR with no detail: no stack, no SQL,
// no connection string. The original is logged with the request id instead.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DatabaseUnavailableError } from '../db/databaseUnavailable';
import { ErrorCode } from '../errors';

// Codes graphql-js and Apollo give requests they could not run; safe to show as they are.
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const OUR_CODES = new Set<string>(Object.values(ErrorCode));

// Prisma error codes (and driver failures) that mean "the database is not there".
const UNAVAILABLE = new Set(['P1001', 'P1002', 'P1003', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'DatabaseDoesNotExist', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

interface AdapterCause {
  kind?: string;
  code?: string;
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface DatabaseErrorShape {
  code?: string;
  meta?: { target?: unknown; driverAdapterError?: { cause?: AdapterCause } };
  cause?: AdapterCause;
}

/** The fields of a violated unique constraint; Prisma names indexes `<Table>_<field>_<field>_key`. */
function uniqueFields(error: DatabaseErrorShape): string[] | undefined {
  if (Array.isArray(error.meta?.target)) return error.meta.target.map(String);
  const cause = error.meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields;
  const index = cause?.constraint?.index;
  if (!index || !cause?.table || !index.startsWith(`${cause.table}_`) || !index.endsWith('_key')) return undefined;
  return index.slice(cause.table.length + 1, -'_key'.length).split('_');
}

/** Whether `error` or anything it wraps is a DatabaseUnavailableError (Prisma wraps what its adapter throws). */
function causedByUnavailableDatabase(error: unknown, depth = 0): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!error || typeof error !== 'object' || depth > 5) return false;
  return causedByUnavailableDatabase((error as { cause?: unknown }).cause, depth + 1);
}

function translateDatabaseError(error: DatabaseErrorShape): GraphQLError | undefined {
  const kind = error.cause?.kind ?? error.meta?.driverAdapterError?.cause?.kind;
  if (
    causedByUnavailableDatabase(error) ||
    (error.code && UNAVAILABLE.has(error.code)) ||
    (kind && UNAVAILABLE_KINDS.has(kind)) ||
    error.cause?.code === 'ECONNREFUSED'
  ) {
    return new GraphQLError('the database is unavailable; try again shortly', { extensions: { code: ErrorCode.DATABASE_UNAVAILABLE } });
  }
  switch (error.code) {
    case 'P2002': {
      const fields = uniqueFields(error);
      return new GraphQLError(`a record with the same ${fields?.join(' and ') ?? 'unique value'} already exists`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(fields ? { fields } : {}) },
      });
    }
    case 'P2003':
      return new GraphQLError('the record is still referenced by others, or refers to one that does not exist', {
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      });
    case 'P2025':
      return new GraphQLError('record not found', { extensions: { code: ErrorCode.NOT_FOUND } });
    default:
      return undefined;
  }
}

/** The error to send, or undefined when it is unexpected (to be logged and masked). */
export function expectedError(error: unknown): GraphQLError | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError) {
    // Apollo re-wraps validation errors under its own code; a code of ours underneath wins.
    const inner = original.originalError;
    if (inner instanceof GraphQLError && OUR_CODES.has(String(inner.extensions?.code))) return inner;
    const code = original.extensions?.code;
    if (typeof code === 'string' && (OUR_CODES.has(code) || PROTOCOL_CODES.has(code))) return original;
    if (inner) return expectedError(inner);
  }
  if (original && typeof original === 'object') return translateDatabaseError(original as DatabaseErrorShape);
  return undefined;
}

const INTERNAL: GraphQLFormattedError = { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };

/** Apollo's formatError: keep position and path, replace everything else with what is safe. */
export function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const expected = expectedError(error);
  const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (!expected) {
    // Apollo's own request errors (bad variables, CSRF, ...) carry a code but no original.
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (PROTOCOL_CODES.has(code) || code === 'BAD_USER_INPUT')) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    return { ...INTERNAL, ...where };
  }
  // Apollo's `http` hint and any stack trace are for the server, not the client.
  const { stacktrace: _stack, http: _http, ...extensions } = expected.extensions ?? {};
  return { message: expected.message, ...where, extensions };
}
