// A real SMTP server on 127.0.0.1 for a test file (the smtp-server package): it
// accepts every message and keeps it, parsed, for the test to read. A test can make
// it slow, or refuse messages for a while, as real mail servers do.
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  /** For SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The first mail to `to` matching `subject`, once it has arrived. */
  mailTo(to: string, subject?: RegExp): Promise<ReceivedMail>;
  /** Each message is held this long before it is accepted (default 0). */
  delayMs: number;
  /** The next this many messages are refused with a temporary failure (451, "try again later"). */
  refuseNext: number;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const smtp: TestSmtpServer = {
    url: '',
    received,
    mailTo: (to, subject) => eventually(async () => received.find((m) => m.to.includes(to) && (!subject || subject.test(m.subject))) ?? null, 10_000, 50),
    delayMs: 0,
    refuseNext: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const refused = smtp.refuseNext > 0;
      if (refused) smtp.refuseNext--;
      simpleParser(stream)
        .then(async (mail) => {
          if (smtp.delayMs) await new Promise((resolve) => setTimeout(resolve, smtp.delayMs));
          if (refused) return done(Object.assign(new Error('try again later'), { responseCode: 451 }));
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
          received.push({ to, from: mail.from?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return smtp;
}
