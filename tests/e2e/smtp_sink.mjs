// A loopback SMTP server for the end-to-end tests: accepts every message (no auth, no TLS)
// and writes each as JSON {from, to, subject, text, alternatives, attachments} into the
// directory given as the first argument (one file per message, named by arrival order).
// Usage: node smtp_sink.mjs DIR [PORT]   — prints "smtp-sink: listening on PORT".
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const dir = process.argv[2];
const wantedPort = Number(process.argv[3] || 0);
if (!dir) {
  console.error('usage: node smtp_sink.mjs DIR [PORT]');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
let count = 0;

// mailparser folds alternative parts into text/html/attachments; read the raw MIME parts too
// so text/calendar alternatives are visible as such.
function alternativesOf(parsed) {
  return (parsed.attachments || []).map((a) => ({
    contentType: a.contentType,
    content: a.content.toString('utf8'),
    related: Boolean(a.related),
  }));
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject || '',
          text: parsed.text || '',
          messageId: parsed.messageId || '',
          headerFrom: parsed.from ? parsed.from.text : '',
          alternatives: alternativesOf(parsed),
          attachments: alternativesOf(parsed),
          raw: raw.toString('utf8'),
        };
        count += 1;
        const name = path.join(dir, `${String(count).padStart(5, '0')}.json`);
        fs.writeFileSync(name + '.tmp', JSON.stringify(message, null, 2));
        fs.renameSync(name + '.tmp', name);  // readers never see a half-written file
        callback();
      } catch (e) {
        callback(e);
      }
    });
  },
});
server.listen(wantedPort, '127.0.0.1', () => {
  console.log(`smtp-sink: listening on ${server.server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
