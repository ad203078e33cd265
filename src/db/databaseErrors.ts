// What a database failure means, whichever engine reported it and whichever layer
// passed it on: the drivers (node-postgres, mariadb), Prisma's driver adapters (which
// name the common failures themselves), and Prisma Client (its P-codes). PostgreSQL
// says what went wrong with a SQLSTATE; MySQL and MariaDB with an errno (their
// SQLSTATE is often the vague HY000, and Prisma's MySQL adapter passes on only the
// errno). Everything that turns a database error into an answer (clientErrors.ts),
// a retry decision (databaseUnavailable.ts) or a migration step (migrator.ts) asks here.
import { DatabaseUnavailableError } from './databaseUnavailable';

export type DatabaseFailureKind =
  /** The database cannot serve now: unreachable, too slow, restarting, out of connections, or gone. */
  | 'unavailable'
  | 'uniqueViolation'
  | 'foreignKeyViolation'
  /** PostgreSQL: a row an exclusion constraint keeps apart from another (two overlapping times). */
  | 'exclusionViolation'
  /** Two transactions' writes conflicted (each waited for the other, or a serialization failure): this one was rolled back so the other could go on. */
  | 'writeConflict'
  /** A text longer than its column. */
  | 'tooLong'
  | 'numberOutOfRange'
  | 'invalidDate'
  | 'dateOutOfRange'
  /** A character the column's character set cannot hold (NUL on PostgreSQL). */
  | 'unstorableCharacter'
  /** Any other value its column or operation cannot take. */
  | 'invalidValue'
  /** Prisma: the record a write names is not there. */
  | 'notFound'
  /** DDL: what the statement creates or adds (a database, schema, table, column, index, key) is there already. */
  | 'objectExists'
  /** DDL (MySQL): what the statement drops is not there. */
  | 'objectMissing'
  /** A statement names a table or column the database does not have: its tables are behind the release's schema (a rollout has not reached them). */
  | 'schemaBehind';

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  /** uniqueViolation: the fields of the violated constraint, when the error names them. */
  fields?: string[];
}

// SQLSTATE, by class where the whole class means one thing.
function postgresFailure(sqlState: string): DatabaseFailureKind | undefined {
  // 08 connection exception, 53 insufficient resources, 57P01-57P03 shutdown / cannot
  // connect now, 57014 cancelled (the statement timeout), 3D000 no such database.
  if (/^(08|53)/.test(sqlState) || ['57P01', '57P02', '57P03', '57014', '3D000'].includes(sqlState)) return 'unavailable';
  const named = POSTGRES_CODES[sqlState];
  if (named) return named;
  // Class 22, "data exception": a value its column or operation cannot take.
  return sqlState.startsWith('22') ? 'invalidValue' : undefined;
}

const POSTGRES_CODES: Record<string, DatabaseFailureKind> = {
  '23505': 'uniqueViolation',
  '23503': 'foreignKeyViolation',
  '23P01': 'exclusionViolation',
  '40001': 'writeConflict',
  '40P01': 'writeConflict',
  '22001': 'tooLong',
  '22003': 'numberOutOfRange',
  '22007': 'invalidDate',
  '22008': 'dateOutOfRange',
  '22021': 'unstorableCharacter',
  '22P05': 'unstorableCharacter',
  '42P04': 'objectExists', // database
  '42P06': 'objectExists', // schema
  '42P07': 'objectExists', // table (or index)
  '42701': 'objectExists', // column
  '42710': 'objectExists', // constraint, type, ...
  '42703': 'schemaBehind', // undefined column
  '42P01': 'schemaBehind', // undefined table
};

// Server errnos, the same on MySQL and MariaDB unless noted.
const MYSQL_ERRNOS: Record<number, DatabaseFailureKind> = {
  1040: 'unavailable', // too many connections
  1049: 'unavailable', // unknown database
  1053: 'unavailable', // server shutdown in progress
  1927: 'unavailable', // connection was killed (MariaDB)
  1969: 'unavailable', // max_statement_time exceeded (MariaDB)
  3024: 'unavailable', // max_execution_time exceeded (MySQL 8)
  1062: 'uniqueViolation',
  1586: 'uniqueViolation', // duplicate entry, naming the key
  1451: 'foreignKeyViolation', // a row still referenced
  1452: 'foreignKeyViolation', // a reference to no row
  1406: 'tooLong',
  1264: 'numberOutOfRange',
  1690: 'numberOutOfRange', // BIGINT value out of range
  1292: 'invalidValue', // incorrect datetime (or other) value
  1366: 'invalidValue', // incorrect string (or integer, ...) value for the column
  3157: 'invalidValue', // a JSON document deeper than the server takes (MySQL 8)
  4025: 'invalidValue', // a CHECK constraint failed: a JSON column's JSON_VALID (MariaDB)
  1977: 'unstorableCharacter', // cannot convert a character to the column's character set
  1050: 'objectExists', // table
  1060: 'objectExists', // column
  1061: 'objectExists', // index
  1068: 'objectExists', // primary key
  1826: 'objectExists', // foreign key (MySQL 8)
  1051: 'objectMissing', // DROP TABLE
  1091: 'objectMissing', // DROP COLUMN, INDEX, FOREIGN KEY or PRIMARY KEY
  1054: 'schemaBehind', // unknown column
  1146: 'schemaBehind', // no such table
};

function mysqlFailure(errno: number, message: string): DatabaseFailureKind | undefined {
  // MariaDB refuses a foreign key whose name is taken as a table it "can't create", errno 121 of InnoDB.
  if (errno === 1005 && /errno: 121\b/.test(message)) return 'objectExists';
  return MYSQL_ERRNOS[errno];
}

// The mariadb driver's own failures (its errnos are its own, 45000 and up): its
// timeouts and connections that closed under the statement.
const MYSQL_DRIVER_UNAVAILABLE = new Set([
  'ER_SOCKET_TIMEOUT',
  'ER_CONNECTION_TIMEOUT',
  'ER_SOCKET_UNEXPECTED_CLOSE',
  'ER_CMD_CONNECTION_CLOSED',
  'ER_CONNECTION_ALREADY_CLOSED',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

// node-postgres: its own query_timeout, and a connection that broke under the statement.
const PG_CLIENT_MESSAGES = new Set(['Query read timeout', 'Connection terminated unexpectedly', 'Connection terminated']);

// What Prisma's driver adapters name themselves (the same names for every engine).
const ADAPTER_KINDS: Record<string, DatabaseFailureKind> = {
  DatabaseNotReachable: 'unavailable',
  DatabaseDoesNotExist: 'unavailable',
  ConnectionClosed: 'unavailable',
  SocketTimeout: 'unavailable',
  TooManyConnections: 'unavailable',
  TransactionWriteConflict: 'writeConflict',
  UniqueConstraintViolation: 'uniqueViolation',
  ForeignKeyConstraintViolation: 'foreignKeyViolation',
  LengthMismatch: 'tooLong',
  ValueOutOfRange: 'numberOutOfRange',
  InvalidInputValue: 'invalidValue',
  TableDoesNotExist: 'schemaBehind',
  ColumnNotFound: 'schemaBehind',
};

// Prisma Client's codes, for failures that carry no adapter error.
const PRISMA_CODES: Record<string, DatabaseFailureKind> = {
  P1001: 'unavailable', // cannot reach the server
  P1002: 'unavailable', // the server timed out
  P1003: 'unavailable', // the database does not exist
  P1008: 'unavailable', // operation timed out
  P1017: 'unavailable', // the server closed the connection
  P2024: 'unavailable', // timed out fetching a connection
  P2028: 'unavailable', // a transaction could not start (or finish) in its time: "Unable to start a transaction in the given time"
  P2002: 'uniqueViolation',
  P2003: 'foreignKeyViolation',
  P2000: 'tooLong',
  P2020: 'numberOutOfRange',
  P2025: 'notFound',
  P2034: 'writeConflict', // a write conflict or a deadlock
  P2021: 'schemaBehind', // the table does not exist
  P2022: 'schemaBehind', // the column does not exist
};

/** The error a Prisma driver adapter raised, as Prisma Client keeps it (meta.driverAdapterError.cause). */
interface AdapterCause {
  kind: string;
  /** kind "postgres": the SQLSTATE; kind "mysql": the errno. */
  code?: string | number;
  message?: string;
  table?: string;
  constraint?: { fields?: string[]; index?: string };
}

interface ErrorShape {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
  severity?: unknown;
  message?: unknown;
  clientVersion?: unknown;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: AdapterCause } };
  cause?: unknown;
}

/**
 * A unique constraint's fields; Prisma names indexes `<Table>_<field>_<field>_key`.
 * PostgreSQL's error names the table; MySQL's only the index, and Prisma the model
 * (the table, unless mapped).
 */
function uniqueFields(error: ErrorShape, cause: AdapterCause | undefined): string[] | undefined {
  if (Array.isArray(error.meta?.target)) return error.meta.target.map(String);
  if (cause?.constraint?.fields) return cause.constraint.fields;
  const index = cause?.constraint?.index;
  const table = cause?.table ?? error.meta?.modelName;
  if (!index || !table || !index.startsWith(`${table}_`) || !index.endsWith('_key')) return undefined;
  return index.slice(table.length + 1, -'_key'.length).split('_');
}

function adapterFailure(cause: AdapterCause): DatabaseFailureKind | undefined {
  if (cause.kind === 'postgres' && typeof cause.code === 'string') return postgresFailure(cause.code);
  if (cause.kind === 'mysql' && typeof cause.code === 'number') return mysqlFailure(cause.code, String(cause.message ?? ''));
  return ADAPTER_KINDS[cause.kind];
}

function classifyOne(error: ErrorShape): DatabaseFailure | undefined {
  if (error instanceof DatabaseUnavailableError) return { kind: 'unavailable' };
  const { code } = error;
  if (typeof error.clientVersion === 'string') {
    // Prisma Client: the adapter's own account first (it knows the engine's code), then Prisma's code.
    const cause = error.meta?.driverAdapterError?.cause;
    const kind = (cause && adapterFailure(cause)) ?? (typeof code === 'string' ? PRISMA_CODES[code] : undefined);
    if (kind === 'uniqueViolation') return { kind, fields: uniqueFields(error, cause) };
    return kind && { kind };
  }
  if (typeof error.errno === 'number' && 'sqlState' in error) {
    // The mariadb driver: a server errno, or one of the driver's own failures.
    const kind = mysqlFailure(error.errno, String(error.sqlMessage ?? '')) ?? (MYSQL_DRIVER_UNAVAILABLE.has(String(code)) ? 'unavailable' : undefined);
    return kind && { kind };
  }
  if (typeof code === 'string' && typeof error.severity === 'string') {
    // node-postgres: a SQLSTATE from the server.
    const kind = postgresFailure(code);
    return kind && { kind };
  }
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || PG_CLIENT_MESSAGES.has(String(error.message))) return { kind: 'unavailable' };
  return undefined;
}

/** What `error` means as a database failure, looking through what wraps it; undefined when it is none we know. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  let at = error;
  // Prisma wraps what its adapter throws, and the adapter what its driver throws: a few levels at most.
  for (let depth = 0; depth < 6 && at && typeof at === 'object'; depth++) {
    const failure = classifyOne(at as ErrorShape);
    if (failure) return failure;
    at = (at as ErrorShape).cause;
  }
  return undefined;
}

/** `error` as a DatabaseUnavailableError when it means the database cannot serve now; undefined otherwise. */
export function asUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  if (classifyDatabaseError(error)?.kind !== 'unavailable') return undefined;
  return new DatabaseUnavailableError('the database could not serve the statement', { cause: error });
}
