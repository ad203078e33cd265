// Password reset over a real SMTP server: the mail arrives with a single-use token
// that sets a new password, ends every session and lifts a login lockout; an unknown
// email gets the same answer, as fast, and no mail; one address gets a few mails an
// hour at most; a mail the server refuses for now is sent again.
import pg from 'pg';
import { eventually } from '../support/eventually';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';
import { startTestGateway, TEST_PASSWORD, type GraphQLResponse, type TestGateway } from '../support/testGateway';

const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

let smtp: TestSmtpServer;
let gw: TestGateway;
beforeAll(async () => {
  smtp = await startSmtpServer();
  gw = await startTestGateway({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://api.shop.test', LOGIN_MAX_FAILURES: '3' } });
});
afterAll(async () => {
  await gw.close();
  await smtp.close();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const tokenIn = (text: string) => /resetPassword\(token: "([A-Za-z0-9_-]{43})"/.exec(text)![1];
const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once no password reset mail is waiting to be sent. */
const resetMailsDone = () =>
  eventually(async () => {
    const [{ count }] = await gw.services.platform.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier LIKE '%password-reset%'`;
    return count === 0;
  }, 20_000);

/** `request` answered within `ms`, or an error saying it was not. */
const within = <T>(ms: number, request: Promise<T>) =>
  Promise.race([request, sleep(ms).then(() => Promise.reject(new Error(`not answered within ${ms} ms`)))]);

/** Another client holds the reset table: whatever reads or writes it waits until release(). */
async function lockResetTable() {
  const client = new pg.Client({ connectionString: gw.dbs.platformUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "PasswordReset" IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

test('the mailed token sets a new password once and ends every session; an unknown email gets the same answer and no mail', async () => {
  const user = await gw.createUser({ email: 'Forgetful@Example.com'.toLowerCase() });
  const unknown = await gw.request(REQUEST, { variables: { email: 'nobody-here@example.com' } });
  const known = await gw.request(REQUEST, { variables: { email: ' Forgetful@Example.com ' } });
  expect(unknown.body).toEqual({ data: { requestPasswordReset: true } });
  expect(known.body).toEqual(unknown.body);

  const mail = await smtp.mailTo('forgetful@example.com', /reset/i);
  expect(mail.text).toContain('https://api.shop.test/graphql');
  const token = tokenIn(mail.text);
  // Both requests have been worked: the unknown address's sent nothing.
  await resetMailsDone();
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

test('the answer waits on nothing the address decides: with the reset table locked and a slow mail server, known and unknown addresses are answered at once', async () => {
  const user = await gw.createUser();
  smtp.delayMs = 2_000;
  try {
    const lock = await lockResetTable();
    try {
      for (const email of [user.email, 'nobody-at-all@example.com']) {
        const answer = await within(1_500, gw.request(REQUEST, { variables: { email } }));
        expect(answer.body).toEqual({ data: { requestPasswordReset: true } });
      }
    } finally {
      await lock.release();
    }
    // The work was queued, not dropped: the mail follows once the table is free.
    expect(tokenIn((await smtp.mailTo(user.email, /reset/i)).text)).toHaveLength(43);
  } finally {
    smtp.delayMs = 0;
  }
});

test('one address gets at most 3 mails an hour however often it is asked, with the same answer every time', async () => {
  const user = await gw.createUser();
  const answers = await Promise.all(Array.from({ length: 12 }, () => gw.request(REQUEST, { variables: { email: user.email } })));
  for (const answer of answers) expect(answer.body).toEqual({ data: { requestPasswordReset: true } });
  await eventually(() => mailsTo(user.email).length >= 3);
  await resetMailsDone();
  await sleep(500);
  expect(mailsTo(user.email)).toHaveLength(3);
  expect(await gw.services.platform.passwordReset.count({ where: { userId: user.id } })).toBe(3);
});

test('a successful reset lifts the login lockout of the account', async () => {
  const user = await gw.createUser();
  for (let i = 0; i < 3; i++) expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: 'a wrong guess' } }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: TEST_PASSWORD } }))).toBe('RATE_LIMITED');

  await gw.request(REQUEST, { variables: { email: user.email } });
  const token = tokenIn((await smtp.mailTo(user.email, /reset/i)).text);
  expect((await gw.request(RESET, { variables: { token, password: 'a brand new password' } })).body).toEqual({ data: { resetPassword: true } });
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: 'a brand new password' } }))).toBe('ok');
});

test('a mail the mail server refuses for now is sent again later, with a token that works', async () => {
  const user = await gw.createUser();
  smtp.refuseNext = 1;
  expect((await gw.request(REQUEST, { variables: { email: user.email } })).body).toEqual({ data: { requestPasswordReset: true } });
  const token = tokenIn((await smtp.mailTo(user.email, /reset/i)).text);
  expect(smtp.refuseNext).toBe(0);
  // The refused mail's token was withdrawn: one reset on record, the one that arrived.
  expect(await gw.services.platform.passwordReset.count({ where: { userId: user.id } })).toBe(1);
  expect((await gw.request(RESET, { variables: { token, password: 'a brand new password' } })).body).toEqual({ data: { resetPassword: true } });
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
