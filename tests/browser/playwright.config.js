// Browser tests of the pages (issue 7 item 6): Debian's Chromium, headless, against a fresh
// `samspil serve` with the demo data started by global-setup.js. Two projects: with and
// without JavaScript (every page must work with HTML alone).
// Run: SAMSPIL_BIN=build/samspil npx playwright test -c tests/browser
// Output: screenshots to SAMSPIL_SCREENSHOT_DIR (default build/screenshots), the axe
// summary to SAMSPIL_AXE_SUMMARY (default build/e2e/axe-summary.json).
const { defineConfig } = require('@playwright/test');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const outputDir = process.env.SAMSPIL_BROWSER_OUTPUT || path.join(root, 'build', 'e2e', 'playwright');

module.exports = defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.js$/,
  outputDir,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,               // the machine is shared; one server, one browser
  retries: 0,
  reporter: [['list']],
  globalSetup: require.resolve('./global-setup.js'),
  globalTeardown: require.resolve('./global-teardown.js'),
  use: {
    headless: true,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    launchOptions: {
      executablePath: process.env.SAMSPIL_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking'],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'nojs', use: { javaScriptEnabled: false } },
  ],
});
