// Structured JSON logs. Secrets are redacted by key wherever they appear, so a
// careless `log.info({ input })` cannot leak a password, token or connection string.
import pino from 'pino';

export type Logger = pino.Logger;

const SECRET_KEYS = ['password', 'passwordHash', 'token', 'authorization', 'apiKey', 'secret', 'url', 'connectionString', 'externalUrl'];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tenantgraph' },
    redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]), censor: '[redacted]' },
  });
}
