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

// SQLSTATE class 22, "data exception": a value its column or operation cannot take.
// Input that got past validation, and the client's to fix, so never a fault of ours.
const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'a value is too long for its field',
  '22003': 'a number is too large for its field',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text holds a character that cannot be stored',
  '22P05': 'a text holds a character that cannot be stored',
};

interface AdapterCause {
  kind?: string;
  code?: string;
  /** The database's own code: a SQLSTATE for PostgreSQL. */
  originalCode?: string;
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface DatabaseErrorShape {
  /** Prisma's code (P2002, ...), or the SQLSTATE of an error straight from pg. */
  code?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: AdapterCause } };
  cause?: AdapterCause;
}

/** The fields of a violated unique constraint; Prisma names indexes `<Table>_<field>_<field>_key`. */
function uniqueFields(error: DatabaseErrorShape): string[] | undefined {
  if (Array.isArray(error.meta?.target)) return error.meta.target.map(String);
  const cause = error.meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields;
  const index = cause?.constraint?.index;
  // PostgreSQL's error names the table; MySQL's only the index, and Prisma the model (the table, unless mapped).
  const table = cause?.table ?? error.meta?.modelName;
  if (!index || !table || !index.startsWith(`${table}_`) || !index.endsWith('_key')) return undefined;
  return index.slice(table.length + 1, -'_key'.length).split('_');
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
  // Prisma wraps the driver's error (meta.driverAdapterError); an error straight from pg has the SQLSTATE as its code.
  const sqlState = error.meta?.driverAdapterError?.cause?.originalCode ?? error.cause?.originalCode ?? error.code;
  if (sqlState?.startsWith('22')) {
    return new GraphQLError(DATA_EXCEPTIONS[sqlState] ?? 'a value is not valid for its field', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  switch (error.code) {
    // MySQL's too-long value (1406), which has no SQLSTATE in the error Prisma gives.
    case 'P2000':
      return new GraphQLError(DATA_EXCEPTIONS['22001'], { extensions: { code: ErrorCode.BAD_USER_INPUT } });
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
    // Apollo refuses some requests with a 4xx status and no code (a persisted query of another version, or whose hash is not the query's).
    const status = (original.extensions?.http as { status?: number } | undefined)?.status;
    if (code === undefined && status !== undefined && status >= 400 && status < 500) {
      return new GraphQLError(original.message, { extensions: { code: 'BAD_REQUEST' } });
    }
  }
  if (original && typeof original === 'object') return translateDatabaseError(original as DatabaseErrorShape);
  return undefined;
}

const INTERNAL: GraphQLFormattedError = { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };

export type ClientErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

// graphql-js guesses at what an unknown name meant ("Did you mean "code"?"): a map of
// the schema, piece by piece, for anyone probing a server that hides its introspection.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Apollo's formatError, and the WebSocket's: one for both transports, so they show a failure alike. */
export function clientErrorFormatter(options: { hideSuggestions: boolean }): ClientErrorFormatter {
  return (formatted, error) => {
    const shown = formatClientError(formatted, error);
    return options.hideSuggestions ? { ...shown, message: shown.message.replace(SUGGESTION, '') } : shown;
  };
}

/** Keep position and path, replace everything else with what is safe. */
function formatClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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
