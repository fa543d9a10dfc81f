// Stops the server started by global-setup.js and merges the per-test axe results into
// one summary: {"/path": violations} (the most violations any variant of the page had).
const fs = require('fs');
const path = require('path');
const { statePath, summaryFile } = require('./paths');

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
  // The results of every run next to the summary (axe-results*/: this project's and, when
  // ctest runs the projects side by side, the other's). Whichever run ends last has seen
  // both complete; files are replaced by rename so a reader never sees half a summary.
  const summary = {};
  const details = {};
  const dir = path.dirname(summaryFile());
  fs.mkdirSync(dir, { recursive: true });
  const split = Boolean(process.env.SAMSPIL_BROWSER_PROJECT);
  const resultDirs = fs.readdirSync(dir).filter((d) => (split ? d.startsWith('axe-results-') : d === 'axe-results')).sort();
  for (const sub of resultDirs) {
    for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
      const r = JSON.parse(fs.readFileSync(path.join(dir, sub, name), 'utf8'));
      summary[r.path] = Math.max(summary[r.path] || 0, r.violations);
      details[`${r.path} ${r.project} ${r.width}`] = r.rules;
    }
  }
  writeAtomically(summaryFile(), JSON.stringify(summary, null, 1) + '\n');
  writeAtomically(summaryFile().replace(/\.json$/, '-details.json'), JSON.stringify(details, null, 1) + '\n');
};

function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

async function waitForExit(pid, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try { process.kill(pid, 0); } catch (e) { return; }
    await new Promise((r) => setTimeout(r, 100));
  }
  try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone */ }
}
