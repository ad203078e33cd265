import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';

test('an ENCRYPTION_KEY that is not 32 bytes of hex or base64 is a configuration error naming it, not its value', () => {
  for (const bad of ['not-a-key', 'abcd', 'z'.repeat(64), randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), `${'!'.repeat(44)}`]) {
    let error: unknown;
    try {
      loadConfig({ ENCRYPTION_KEY: bad });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^invalid configuration: ENCRYPTION_KEY: must be 32 bytes/);
    expect((error as Error).message).not.toContain(bad);
    expect((error as Error).message).not.toContain('\n');
  }
});

test('an ENCRYPTION_KEY of 32 bytes is accepted as hex, base64 or base64url', () => {
  const key = randomBytes(32);
  for (const good of [key.toString('hex'), key.toString('base64'), key.toString('base64url')]) {
    expect(loadConfig({ ENCRYPTION_KEY: good }).encryptionKey).toBe(good);
  }
});

test('several problems are reported together, on one line', () => {
  expect(() => loadConfig({ PORT: 'eighty', ENCRYPTION_KEY: 'short' })).toThrow(
    /^invalid configuration: PORT: .+; ENCRYPTION_KEY: must be 32 bytes[^\n]*$/,
  );
});


test('token lifetimes are durations: 15 minutes and 30 days unless told, in seconds, minutes, hours or days', () => {
  expect(loadConfig({})).toMatchObject({ accessTokenTtlMs: 15 * 60_000, sessionTtlMs: 30 * 86_400_000, sessionCacheMs: 5000 });
  expect(loadConfig({ ACCESS_TOKEN_TTL: '90s', SESSION_TTL: '12h' })).toMatchObject({ accessTokenTtlMs: 90_000, sessionTtlMs: 12 * 3_600_000 });
  expect(() => loadConfig({ ACCESS_TOKEN_TTL: '15 minutes' })).toThrow(/^invalid configuration: ACCESS_TOKEN_TTL: must be a duration/);
  expect(() => loadConfig({ SESSION_TTL: '0d' })).toThrow(/SESSION_TTL: must be a duration/);
  // A session is trusted a few seconds, never minutes: the revocation bound.
  expect(() => loadConfig({ SESSION_CACHE_SECONDS: '61' })).toThrow(/SESSION_CACHE_SECONDS/);
});

test('a retired refresh token is honoured for 10 seconds unless told, never more than a minute', () => {
  expect(loadConfig({}).refreshReuseGraceMs).toBe(10_000);
  expect(loadConfig({ REFRESH_REUSE_GRACE_SECONDS: '0' }).refreshReuseGraceMs).toBe(0);
  expect(() => loadConfig({ REFRESH_REUSE_GRACE_SECONDS: '61' })).toThrow(/REFRESH_REUSE_GRACE_SECONDS/);
});

test('DNS_RESOLVER takes IP addresses, with or without a port; anything else is a configuration error naming it', () => {
  expect(loadConfig({}).dns).toEqual({ resolvers: undefined, timeoutMs: 5000 });
  expect(loadConfig({ DNS_RESOLVER: '127.0.0.1:5353, 10.0.0.2,::1,[::1]:5353' }).dns.resolvers).toEqual(['127.0.0.1:5353', '10.0.0.2', '::1', '[::1]:5353']);
  for (const bad of ['dns.example.com', '127.0.0.1:0', '127.0.0.1:99999', '300.1.1.1']) {
    expect(() => loadConfig({ DNS_RESOLVER: bad })).toThrow(`DNS_RESOLVER: "${bad}" is not an address`);
  }
});
