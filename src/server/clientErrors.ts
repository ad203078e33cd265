// What a client may see of a failure. Errors raised on purpose (they carry one of
// our codes) pass through; database errors that mean bad input are translated;
// anything else becomes INTERNAL_SERVER_ERROR with no detail: no stack, no SQL,
// no connection string. The original is logged with the request id instead.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { classifyDatabaseError, type DatabaseFailureKind } from '../db/databaseErrors';
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

// What each database failure tells the client. A value the database cannot take got
// past validation, and is the client's to fix, so never a fault of ours; nor is a
// duplicate or a reference to nothing. Kinds not here stay unexpected.
const DATABASE_ANSWERS: Partial<Record<DatabaseFailureKind, [ErrorCode, string]>> = {
  unavailable: [ErrorCode.DATABASE_UNAVAILABLE, 'the database is unavailable; try again shortly'],
  foreignKeyViolation: [ErrorCode.BAD_USER_INPUT, 'the record is still referenced by others, or refers to one that does not exist'],
  tooLong: [ErrorCode.BAD_USER_INPUT, 'a value is too long for its field'],
  numberOutOfRange: [ErrorCode.BAD_USER_INPUT, 'a number is too large for its field'],
  invalidDate: [ErrorCode.BAD_USER_INPUT, 'a date or time is not valid'],
  dateOutOfRange: [ErrorCode.BAD_USER_INPUT, 'a date or time is out of range'],
  unstorableCharacter: [ErrorCode.BAD_USER_INPUT, 'a text holds a character that cannot be stored'],
  invalidValue: [ErrorCode.BAD_USER_INPUT, 'a value is not valid for its field'],
  notFound: [ErrorCode.NOT_FOUND, 'record not found'],
  exclusionViolation: [ErrorCode.CONFLICT, 'the record conflicts with another one (an exclusion constraint)'],
  schemaBehind: [ErrorCode.TENANT_SCHEMA_BEHIND, 'the tenant’s tables are not at this release’s schema version yet (a rollout brings them there): try again later'],
};

function translateDatabaseError(error: unknown): GraphQLError | undefined {
  const failure = classifyDatabaseError(error);
  if (failure?.kind === 'uniqueViolation') {
    const { fields } = failure;
    return new GraphQLError(`a record with the same ${fields?.join(' and ') ?? 'unique value'} already exists`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(fields ? { fields } : {}) },
    });
  }
  const answer = failure && DATABASE_ANSWERS[failure.kind];
  return answer && new GraphQLError(answer[1], { extensions: { code: answer[0] } });
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
  if (original && typeof original === 'object') return translateDatabaseError(original);
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
