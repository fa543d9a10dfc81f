// Where the browser run keeps its state and writes its results (overridable by ctest).
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

module.exports = {
  statePath: () => path.join(process.env.SAMSPIL_BROWSER_OUTPUT || path.join(root, 'build', 'e2e', 'playwright'), '..', 'browser-state.json'),
  summaryDir: () => path.join(path.dirname(module.exports.summaryFile()), 'axe-results'),
  summaryFile: () => process.env.SAMSPIL_AXE_SUMMARY || path.join(root, 'build', 'e2e', 'axe-summary.json'),
  screenshotDir: () => process.env.SAMSPIL_SCREENSHOT_DIR || path.join(root, 'build', 'screenshots'),
  baseURL: () => JSON.parse(require('fs').readFileSync(module.exports.statePath(), 'utf8')).baseURL,
  // The directory the SMTP sink writes each received message into (one JSON file each).
  smtpDir: () => JSON.parse(require('fs').readFileSync(module.exports.statePath(), 'utf8')).smtpDir,
};
