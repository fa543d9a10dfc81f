// Stops the server started by global-setup.js and merges the per-test axe results into
// one summary: {"/path": violations} (the most violations any variant of the page had).
const fs = require('fs');
const path = require('path');
const { statePath, summaryDir, summaryFile } = require('./paths');

module.exports = async function globalTeardown() {
  if (fs.existsSync(statePath())) {
    const { pid, dir, smtpPid } = JSON.parse(fs.readFileSync(statePath(), 'utf8'));
    try { process.kill(pid, 'SIGTERM'); } catch (e) { /* already gone */ }
    await waitForExit(pid, 10_000);
    if (smtpPid) {
      try { process.kill(smtpPid, 'SIGTERM'); } catch (e) { /* already gone */ }
      await waitForExit(smtpPid, 5_000);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(statePath(), { force: true });
  }
  const summary = {};
  const details = {};
  if (fs.existsSync(summaryDir())) {
    for (const name of fs.readdirSync(summaryDir()).sort()) {
      const r = JSON.parse(fs.readFileSync(path.join(summaryDir(), name), 'utf8'));
      summary[r.path] = Math.max(summary[r.path] || 0, r.violations);
      details[`${r.path} ${r.project} ${r.width}`] = r.rules;
    }
  }
  fs.mkdirSync(path.dirname(summaryFile()), { recursive: true });
  fs.writeFileSync(summaryFile(), JSON.stringify(summary, null, 1) + '\n');
  fs.writeFileSync(summaryFile().replace(/\.json$/, '-details.json'), JSON.stringify(details, null, 1) + '\n');
};

async function waitForExit(pid, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { process.kill(pid, 0); } catch (e) { return; }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone */ }
}
