import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export type SinkMessage = { to: string[]; raw: string };

/** Reads a message's body as a person would (quoted-printable soft breaks and escapes undone). */
export function readable(raw: string): string {
  return raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A real SMTP server on a loopback port, keeping what arrives. `stop()` takes it down (the port then
 * refuses connections, as a mail server that is down does) and `start()` brings it back on the same port.
 */
export async function startSmtpSink() {
  const messages: SinkMessage[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 500,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server!.server.address() as { port: number }).port;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * A sink for one test file: started before its tests with SMTP_URL pointing at it, stopped after them.
 * Call it at the top level of the file.
 */
export function smtpSinkForFile(): SmtpSink {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await sink?.stop();
  });
  const started = () => {
    if (!sink) throw new Error('The SMTP sink starts in beforeAll: use it inside a test.');
    return sink;
  };
  return {
    get url() {
      return started().url;
    },
    get messages() {
      return started().messages;
    },
    stop: () => started().stop(),
    start: () => started().start(),
  };
}
