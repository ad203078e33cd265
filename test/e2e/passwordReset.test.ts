// Password reset over a real SMTP server: the mail arrives with a single-use token
// that sets a new password and ends every session; an unknown email gets the same
// answer and no mail.
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';
import { startTestGateway, TEST_PASSWORD, type GraphQLResponse, type TestGateway } from '../support/testGateway';

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

let smtp: TestSmtpServer;
let gw: TestGateway;
beforeAll(async () => {
  smtp = await startSmtpServer();
  gw = await startTestGateway({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://api.shop.test' } });
});
afterAll(async () => {
  await gw.close();
  await smtp.close();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const tokenIn = (text: string) => /resetPassword\(token: "([A-Za-z0-9_-]{43})"/.exec(text)![1];

test('the mailed token sets a new password once and ends every session; an unknown email gets the same answer and no mail', async () => {
  const user = await gw.createUser({ email: 'Forgetful@Example.com'.toLowerCase() });
  const unknown = await gw.request(REQUEST, { variables: { email: 'nobody-here@example.com' } });
  const known = await gw.request(REQUEST, { variables: { email: ' Forgetful@Example.com ' } });
  expect(unknown.body).toEqual({ data: { requestPasswordReset: true } });
  expect(known.body).toEqual(unknown.body);

  const mail = await smtp.mailTo('forgetful@example.com', /reset/i);
  expect(mail.text).toContain('https://api.shop.test/graphql');
  const token = tokenIn(mail.text);
  // The unknown address's request was answered before this one was made, and queued nothing.
  expect(smtp.received.map((m) => m.to)).toEqual(['forgetful@example.com']);
  expect(JSON.stringify(await gw.services.platform.passwordReset.findMany())).not.toContain(token);

  const short = await gw.request(RESET, { variables: { token, password: 'short' } });
  expect(short.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  expect((await gw.request(RESET, { variables: { token, password: 'a brand new password' } })).body).toEqual({ data: { resetPassword: true } });
  expect(code(await gw.request('{ me { email } }', { token: user.token }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: TEST_PASSWORD } }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: 'a brand new password' } }))).toBe('ok');

  const again = await gw.request(RESET, { variables: { token, password: 'yet another password' } });
  expect(again.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: 'a brand new password' } }))).toBe('ok');
});

test('a token that was never mailed, or has expired, is refused', async () => {
  const user = await gw.createUser();
  await gw.request(REQUEST, { variables: { email: user.email } });
  const token = tokenIn((await smtp.mailTo(user.email, /reset/i)).text);
  await gw.services.platform.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  for (const given of [token, 'made-up-token']) {
    expect(code(await gw.request(RESET, { variables: { token: given, password: 'a brand new password' } }))).toBe('UNAUTHENTICATED');
  }
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: TEST_PASSWORD } }))).toBe('ok');
});

test('without SMTP_URL the answer is the same, and no reset is stored', async () => {
  const bare = await startTestGateway({ sharing: gw, env: { SMTP_URL: '' } });
  try {
    const user = await bare.createUser();
    expect((await bare.request(REQUEST, { variables: { email: user.email } })).body).toEqual({ data: { requestPasswordReset: true } });
    expect(await bare.services.platform.passwordReset.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await bare.close();
  }
});
