import { InvalidTokenError, TokenService } from '../../src/auth/tokens';

const secret = 'x'.repeat(40);

test('a signed token verifies to its claims, repeatedly', async () => {
  const tokens = new TokenService(secret, '1h');
  const token = await tokens.sign({ userId: 'u1', email: 'a@b.c', platformAdmin: false, tenant: 'shop' });
  const claims = { userId: 'u1', email: 'a@b.c', platformAdmin: false, tenant: 'shop' };
  expect(await tokens.verify(token)).toEqual(claims);
  expect(await tokens.verify(token)).toEqual(claims);
});

test('a token signed with another secret, tampered with, or expired is refused', async () => {
  const tokens = new TokenService(secret, '1h');
  const other = await new TokenService('y'.repeat(40), '1h').sign({ userId: 'u1', email: 'a@b.c', platformAdmin: true });
  await expect(tokens.verify(other)).rejects.toThrow(InvalidTokenError);
  const good = await tokens.sign({ userId: 'u1', email: 'a@b.c', platformAdmin: false });
  const [header, , signature] = good.split('.');
  const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u1', email: 'a@b.c', adm: true, iss: 'tenantgraph', exp: 9e9 })).toString('base64url')}.${signature}`;
  await expect(tokens.verify(forged)).rejects.toThrow('invalid token');
  const expired = await new TokenService(secret, '-1s').sign({ userId: 'u1', email: 'a@b.c', platformAdmin: false });
  await expect(tokens.verify(expired)).rejects.toThrow('token expired');
});

test('a remembered token is forgotten when it expires', async () => {
  const tokens = new TokenService(secret, '2s');
  const token = await tokens.sign({ userId: 'u1', email: 'a@b.c', platformAdmin: false });
  await tokens.verify(token);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await expect(tokens.verify(token)).rejects.toThrow('token expired');
});
