// For every page in pages.js and each width: load it (as its role), require the expected
// status, no Content-Security-Policy violation and no console error, zero axe WCAG 2.1 A/AA
// violations, and write a full-page screenshot and the per-page axe result.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const pages = require('./pages');
const { signedIn } = require('./login');
const { baseURL, screenshotDir, summaryDir } = require('./paths');

// Screenshots and axe at both widths with JavaScript; without JavaScript every page is checked
// once, at the phone width (the HTML-only page is the same markup; the wide run adds nothing
// axe would see differently, and the suite must stay within the make test budget).
const WIDTHS = { js: [1280, 360], nojs: [360] };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe runs inside the page, which a context without JavaScript cannot do: for the "nojs"
// project the page's cookies move to a JavaScript-enabled context that blocks every script
// the page itself loads, so axe sees exactly the HTML-only page.
async function analyze(page, project, url, browser) {
  if (project === 'js') return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'da-DK',
                                             viewport: page.viewportSize(),
                                             storageState: await page.context().storageState() });
  try {
    await context.route('**/*.js', (route) => route.abort());
    const copy = await context.newPage();
    await copy.setViewportSize(page.viewportSize());
    await copy.goto(url);
    return await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze();
  } finally {
    await context.close();
  }
}

// One page at one width: expected status, no console/CSP problem, a screenshot, zero axe
// violations (the per-page result is written for the summary).
async function checkPage(page, browser, entry, project, width) {
  await page.setViewportSize({ width, height: 900 });
  const problems = [];
  // A page expected to answer an error status (the 404 page) makes Chromium log that
  // status for the document itself; only that one message and response are expected.
  const expectedStatus = entry.status || 200;
  const expectedConsole = `Failed to load resource: the server responded with a status of ${expectedStatus} `;
  const onConsole = (msg) => {
    if (msg.type() !== 'error') return;
    if (expectedStatus >= 400 && msg.text().startsWith(expectedConsole) && msg.location().url === baseURL() + entry.path) return;
    problems.push(`console: ${msg.text()}`);
  };
  const onPageError = (err) => problems.push(`script error: ${err.message}`);
  const onResponse = (r) => {
    if (r.status() < 400 || r.url() === page.url()) return;
    if (r.status() === expectedStatus && r.url() === baseURL() + entry.path) return;
    problems.push(`${r.status()} for ${r.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('response', onResponse);
  try {
    const base = baseURL();
    const response = await page.goto(base + entry.path);
    expect(response.status(), `status of ${entry.path}`).toBe(expectedStatus);
    await page.waitForLoadState('load');

    fs.mkdirSync(screenshotDir(), { recursive: true });
    const suffix = project === 'js' ? '' : '-nojs';
    await page.screenshot({ path: path.join(screenshotDir(), `${entry.name}${suffix}-${width}.png`), fullPage: true });

    const axe = await analyze(page, project, base + entry.path, browser);
    const rules = axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                               targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    const count = axe.violations.reduce((n, v) => n + v.nodes.length, 0);
    fs.writeFileSync(path.join(summaryDir(), `${entry.name}-${project}-${width}.json`),
                     JSON.stringify({ path: entry.path, project, width, violations: count, rules }));

    expect(rules, `axe violations on ${entry.path} at ${width}px`).toEqual([]);
    expect(problems, `console/CSP problems on ${entry.path} at ${width}px`).toEqual([]);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('response', onResponse);
  }
}

// Demo meetings have random ids: a path's {key} is the id of the meeting linked from the
// demo case's page (as its leader) in the list item containing `text`.
const MEETINGS = {
  held: { case: '/sager/demo-case-emma', text: 'Opstartsmøde' },
  next: { case: '/sager/demo-case-emma', text: 'Opfølgende møde' },
};
const meetingIds = {};
async function resolvePath(browser, entry) {
  const keys = [...entry.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  let resolved = entry.path;
  for (const key of keys) {
    if (!meetingIds[key]) {
      const where = MEETINGS[key];
      if (!where) throw new Error(`unknown meeting key {${key}} in ${entry.path}`);
      const context = await browser.newContext({ locale: 'da-DK' });
      try {
        const page = await context.newPage();
        await signedIn(page, 'leader', baseURL());
        await page.goto(baseURL() + where.case);
        const href = await page.locator('li', { hasText: where.text }).locator('a[href^="/moeder/"]').first()
          .getAttribute('href');
        meetingIds[key] = href.split('/').pop();
      } finally {
        await context.close();
      }
    }
    resolved = resolved.replace(`{${key}}`, meetingIds[key]);
  }
  return { ...entry, path: resolved };
}

for (const listed of pages) {
  test(`${listed.name} (${listed.role})`, async ({ page, browser }, testInfo) => {
    const entry = await resolvePath(browser, listed);
    test.setTimeout(60_000);
    // Chromium reports CSP violations as console errors and as securitypolicyviolation events.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    if (entry.role !== 'anonymous') await signedIn(page, entry.role, baseURL());
    const project = testInfo.project.name;
    for (const width of WIDTHS[project]) await checkPage(page, browser, entry, project, width);
  });
}
