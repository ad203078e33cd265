// Structured JSON logs. Secrets are redacted by key wherever they appear, so a
// careless `log.info({ input })` cannot leak a password, token or connection string;
// and every line is scrubbed of what looks like a credential inside text (an error
// message quoting a URL with its password, a bearer token) before it is written.
import { TraceFlags, trace } from '@opentelemetry/api';
import pino from 'pino';

export type Logger = pino.Logger;

const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'authorization',
  'apiKey',
  'secret',
  'url',
  'connectionString',
  'externalUrl',
  'variables',
];

const CREDENTIALS_IN_TEXT: Array<[RegExp, string]> = [
  // scheme://user:password@host -> scheme://user:***@host
  [/([a-z][a-z0-9+.-]*:\/\/[^:@/\s"]*):[^@/\s"]+@/gi, '$1:***@'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [redacted]'],
  // A JWT anywhere: three base64url parts, the first a JSON header ("eyJ").
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '[redacted token]'],
];

export function scrubCredentials(line: string): string {
  return CREDENTIALS_IN_TEXT.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), line);
}

/** The ids of the recorded trace a line is written in (a request's, a job's), to find the one from the other. */
function traceIds(): { trace_id?: string; span_id?: string } {
  const ids = trace.getActiveSpan()?.spanContext();
  if (!ids || !(ids.traceFlags & TraceFlags.SAMPLED)) return {};
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

/** `destination` defaults to stdout; tests pass a stream to read what was logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'tenantgraph' },
      mixin: traceIds,
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
      hooks: { streamWrite: scrubCredentials },
    },
    // Written as the event loop allows (a request's line does not wait for its write,
    // and lines written meanwhile go out together); pino flushes what is left on exit.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * A warning for a dependency that is away (Redis, say): every request would log it,
 * so it is written at most once a minute, which says as much.
 */
export function occasionalWarning(log: Logger, everyMs = 60_000): (error: unknown, message: string) => void {
  let last = -Infinity;
  return (error, message) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    log.warn({ err: error }, message);
  };
}
