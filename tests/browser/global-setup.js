// Starts a fresh samspil for the run: `samspil demo` into a temporary SQLite database, then
// `samspil serve --listen 127.0.0.1:0`, reading the port from its stdout. The base URL and
// the process id go to a state file that the tests and the teardown read.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { statePath, summaryDir } = require('./paths');

module.exports = async function globalSetup() {
  const bin = process.env.SAMSPIL_BIN;
  if (!bin) throw new Error('SAMSPIL_BIN is not set (path to the samspil binary)');
  const chromium = process.env.SAMSPIL_CHROMIUM || '/usr/bin/chromium';
  // A missing browser is a failure, not a skip: the accessibility checks must run.
  if (!fs.existsSync(chromium)) throw new Error(`Chromium not found at ${chromium} (apt-get install chromium)`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-browser-'));
  const db = `sqlite:///${path.join(dir, 'samspil.db')}`;
  const keyFile = path.join(dir, 'secret.key');
  fs.writeFileSync(keyFile, require('crypto').randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  const keyArgs = supports(bin, 'demo', '--secret-key-file') ? ['--secret-key-file', keyFile] : [];
  const demo = spawnSync(bin, ['demo', '--database-url', db, ...keyArgs], { encoding: 'utf8', timeout: 120_000 });
  if (demo.error) throw new Error(`cannot run ${bin}: ${demo.error.message}`);
  if (demo.status !== 0) throw new Error(`samspil demo failed (${demo.status}): ${demo.stderr || demo.stdout}`);

  const serveKeyArgs = supports(bin, 'serve', '--secret-key-file') ? ['--secret-key-file', keyFile] : [];
  // A real SMTP server on loopback (tests/e2e/smtp_sink.mjs, as the e2e harness uses): the
  // journeys read the agreement's mail with its PDF attachment from its directory.
  const smtpDir = path.join(dir, 'mail');
  const sink = await startSmtpSink(smtpDir);
  const server = spawn(bin, ['serve', '--database-url', db, '--listen', '127.0.0.1:0', '--secure-cookies=false',
                             '--smtp-url', `smtp://127.0.0.1:${sink.port}`,
                             '--mail-from', 'Samspil Demo <noreply@demo-kommune.invalid>',
                             ...serveKeyArgs], { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  const log = fs.createWriteStream(path.join(dir, 'server.log'));
  server.stderr.pipe(log);
  const baseURL = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('samspil serve did not report its port within 30 s')), 30_000);
    server.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const m = buffered.match(/samspil: listening on (http:\/\/[^\s]+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`samspil serve exited with ${code}; see ${dir}/server.log`)); });
  });
  server.stdout.resume();
  server.unref();
  fs.rmSync(summaryDir(), { recursive: true, force: true });
  fs.mkdirSync(summaryDir(), { recursive: true });
  fs.writeFileSync(statePath(), JSON.stringify({ baseURL, pid: server.pid, dir, smtpDir, smtpPid: sink.pid }));
  process.env.SAMSPIL_BASE_URL = baseURL;
};

// Starts tests/e2e/smtp_sink.mjs writing each message as JSON into dir; resolves {port, pid}.
function startSmtpSink(dir) {
  const script = path.resolve(__dirname, '..', 'e2e', 'smtp_sink.mjs');
  const sink = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'pipe'],
                                                        cwd: path.resolve(__dirname, '..', '..') });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the SMTP sink did not start within 15 s')), 15_000);
    sink.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const m = buffered.match(/smtp-sink: listening on (\d+)/);
      if (m) { clearTimeout(timer); sink.stdout.resume(); sink.unref(); resolve({ port: Number(m[1]), pid: sink.pid }); }
    });
    sink.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the SMTP sink exited with ${code}`)); });
  });
}

// True when a sub-command's --help mentions the option (options arrive as other helpers build them).
function supports(bin, command, option) {
  const help = spawnSync(bin, [command, '--help'], { encoding: 'utf8' });
  return (help.stdout || '').includes(option);
}
