// Behaviour of the shell in a real browser, with and without JavaScript: the skip link, the
// DKFDS error pattern (summary first, "Fejl: " in the title, 422, links to the fields, focus
// moved to the summary by our script), and guardians sent from the front page to their portal.
const { test, expect } = require('@playwright/test');
const { signedIn } = require('./login');
const { baseURL } = require('./paths');

test('the skip link is the first tab stop and leads to the main content', async ({ page }) => {
  const base = baseURL();
  await page.goto(`${base}/tilgaengelighed`);
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skipnav')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
});

test('a failed form shows the error summary first, linked to the fields', async ({ page }, testInfo) => {
  const base = baseURL();
  await signedIn(page, 'leader', base);
  await page.goto(`${base}/sager/ny`);
  const form = page.locator('main form[action="/sager/ny"]');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.locator('button[type="submit"]').first().click(),
  ]);
  expect(response.status()).toBe(422);
  await expect(page).toHaveTitle(/^Fejl: /);
  const summary = page.locator('[data-module="error-summary"]');
  await expect(summary).toHaveCount(1);
  await expect(summary).toHaveAttribute('role', 'alert');
  // The summary comes before the form in the main content.
  const order = await page.evaluate(() => {
    const s = document.querySelector('[data-module="error-summary"]');
    const f = document.querySelector('main form');
    return s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  // Every link points at a field that shows the same message with a hidden "Fejl:" prefix.
  const links = summary.locator('a');
  expect(await links.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    const id = (await link.getAttribute('href')).slice(1);
    const field = page.locator(`[id="${id}"]`);
    await expect(field).toHaveCount(1);
    const message = (await link.textContent()).trim();
    const group = page.locator('.form-group.form-error').filter({ has: field });
    await expect(group.locator('.form-error-message')).toContainText(message);
    await expect(group.locator('.form-error-message .sr-only')).toHaveText('Fejl: ');
  }
  if (testInfo.project.name === 'js') {
    await expect(summary).toBeFocused();
    const first = links.first();
    const id = (await first.getAttribute('href')).slice(1);
    await first.click();
    await expect(page.locator(`[id="${id}"]`)).toBeFocused();
  }
});

test('a guardian who opens the front page is sent to the parent portal', async ({ page }) => {
  const base = baseURL();
  await signedIn(page, 'guardian', base);
  const response = await page.request.get(`${base}/`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/foraeldre');
});

test('signed-out visitors get the front page with both ways to log in', async ({ page }) => {
  const base = baseURL();
  await page.goto(`${base}/`);
  await expect(page.locator('main a[href="/log-ind"]')).toHaveCount(1);
  await expect(page.locator('main a[href="/log-ind?naeste=/foraeldre"]')).toHaveText('Forældre: log ind');
  await expect(page.locator('footer a[href="/tilgaengelighed"]')).toHaveText('Tilgængelighedserklæring');
});
