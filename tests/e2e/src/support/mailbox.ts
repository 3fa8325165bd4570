import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

function decode(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  let body = raw.slice(split).trim();
  const subject = /^subject: (.*)$/im.exec(head)?.[1] ?? '';
  const encoding = /content-transfer-encoding: *([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { subject, text: body };
}

/** A real SMTP server for the production build under test; every received mail is appended to a JSON-lines file. */
export async function startMailbox(name = 'mail'): Promise<{ url: string; file: string; close: () => Promise<void> }> {
  const file = join(tmpdir(), `scs-e2e-${name}-${process.pid}.jsonl`);
  writeFileSync(file, '');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail: Mail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          ...decode(Buffer.concat(chunks).toString('latin1')),
        };
        appendFileSync(file, JSON.stringify(mail) + '\n');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    file,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Waits for a mail to `to` (tests run in another process than the SMTP server: they read its file). */
export async function waitForMail(to: string, timeoutMs = 20000, file = process.env['E2E_MAILBOX']): Promise<Mail> {
  if (!file) throw new Error('E2E_MAILBOX is not set');
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mails = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Mail)
      : [];
    const found = mails.find((m) => m.to.includes(to.toLowerCase()));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
