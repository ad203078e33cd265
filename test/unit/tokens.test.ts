import { InvalidTokenError, TokenService } from '../../src/auth/tokens';

const secret = 'x'.repeat(40);
const HOUR = 3_600_000;
const claims = { userId: 'u1', email: 'a@b.c', platformAdmin: false, sessionId: 's1' };

test('a signed token verifies to its claims, repeatedly, and says when it expires', async () => {
  const tokens = new TokenService(secret, HOUR);
  const before = Date.now();
  const { token, expiresAt } = await tokens.sign({ ...claims, tenant: 'shop' });
  expect(await tokens.verify(token)).toEqual({ ...claims, tenant: 'shop' });
  expect(await tokens.verify(token)).toEqual({ ...claims, tenant: 'shop' });
  expect(expiresAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + HOUR);
  expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
});

test('a token signed with another secret, tampered with, or expired is refused', async () => {
  const tokens = new TokenService(secret, HOUR);
  const other = await new TokenService('y'.repeat(40), HOUR).sign({ ...claims, platformAdmin: true });
  await expect(tokens.verify(other.token)).rejects.toThrow(InvalidTokenError);
  const good = await tokens.sign(claims);
  const [header, , signature] = good.token.split('.');
  const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u1', email: 'a@b.c', adm: true, sid: 's1', iss: 'tenantgraph', exp: 9e9 })).toString('base64url')}.${signature}`;
  await expect(tokens.verify(forged)).rejects.toThrow('invalid token');
  const expired = await new TokenService(secret, -1000).sign(claims);
  await expect(tokens.verify(expired.token)).rejects.toThrow('token expired');
});

test('a token without a session (issued before sessions existed) is refused', async () => {
  const { SignJWT } = await import('jose');
  const old = await new SignJWT({ email: 'a@b.c', adm: false })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('u1')
    .setIssuer('tenantgraph')
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(secret));
  await expect(new TokenService(secret, HOUR).verify(old)).rejects.toThrow('token without a session');
});

test('a remembered token is forgotten when it expires', async () => {
  const tokens = new TokenService(secret, 2000);
  const { token } = await tokens.sign(claims);
  await tokens.verify(token);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await expect(tokens.verify(token)).rejects.toThrow('token expired');
});
