// Where the browser run keeps its state and writes its results (overridable by ctest).
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const outputDir = () => process.env.SAMSPIL_BROWSER_OUTPUT || path.join(root, 'build', 'e2e', 'playwright');
const projectSuffix = () => (process.env.SAMSPIL_BROWSER_PROJECT ? `-${process.env.SAMSPIL_BROWSER_PROJECT}` : '');

module.exports = {
  // One state file per run: ctest runs the "js" and "nojs" projects side by side, each with
  // its own server (SAMSPIL_BROWSER_PROJECT names the project; unset = both in one run).
  statePath: () => `${outputDir()}-state.json`,
  summaryDir: () => path.join(path.dirname(module.exports.summaryFile()), `axe-results${projectSuffix()}`),
  summaryFile: () => process.env.SAMSPIL_AXE_SUMMARY || path.join(root, 'build', 'e2e', 'axe-summary.json'),
  screenshotDir: () => process.env.SAMSPIL_SCREENSHOT_DIR || path.join(root, 'build', 'screenshots'),
  baseURL: () => JSON.parse(require('fs').readFileSync(module.exports.statePath(), 'utf8')).baseURL,
  // The directory the SMTP sink writes each received message into (one JSON file each).
  smtpDir: () => JSON.parse(require('fs').readFileSync(module.exports.statePath(), 'utf8')).smtpDir,
};
