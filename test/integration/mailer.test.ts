// The mailer against a real SMTP server: a mail arrives as sent; a server that is not
// there fails the send, promptly, with an error for the caller to report.
import { createMailer } from '../../src/notifications/mailer';
import { freePort } from '../support/gatewayProcess';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

test('a mail reaches the SMTP server with its sender, recipient, subject and text', async () => {
  const mailer = createMailer({ smtpUrl: smtp.url, from: 'Shop <no-reply@shop.test>', publicUrl: undefined })!;
  try {
    await mailer.send({ to: 'ana@example.com', subject: 'You are invited', text: 'Accept: https://shop.test/accept?token=abc' });
    expect(await smtp.mailTo('ana@example.com')).toEqual({
      to: 'ana@example.com',
      from: '"Shop" <no-reply@shop.test>',
      subject: 'You are invited',
      text: 'Accept: https://shop.test/accept?token=abc\n',
    });
  } finally {
    mailer.close();
  }
});

test('without SMTP_URL there is no mailer; an unreachable server fails the send', async () => {
  expect(createMailer({ smtpUrl: undefined, from: 'x', publicUrl: undefined })).toBeUndefined();
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: 'x <x@x.test>', publicUrl: undefined })!;
  try {
    await expect(mailer.send({ to: 'a@example.com', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    mailer.close();
  }
});
