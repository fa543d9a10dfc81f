// A keyboard-only run of the request form (issue 7 item 6): once the form's page has loaded,
// only page.keyboard moves and acts (Tab/Shift+Tab, Enter, Space, typing); the page's state is
// only read. An empty required step is submitted first: the DKFDS error summary gets focus,
// links to the field, and following its link puts the keyboard in that field. Then every
// step is completed and the form is marked as filled in with the parents. With and without
// JavaScript, on a fresh case of its own (Emma, the demo family's daycare child).
const { test, expect } = require('@playwright/test');
const { signedIn } = require('./login');
const { baseURL } = require('./paths');

// Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max`.
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector)) return;
  }
  throw new Error(`${selector} was not reached with ${back ? 'Shift+' : ''}Tab in ${max} presses`);
}

async function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}` : '';
  });
}

test('tastatur: anmodningsskemaet udfyldes kun med tastaturet', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Tastatur (${testInfo.project.name} ${Date.now() % 1_000_000})`;
  // Set-up with the pointer: a new concern about Emma (the journey under test starts below).
  await signedIn(page, 'leader', baseURL());
  await page.goto(`${baseURL()}/sager/ny`);
  await page.getByLabel('Overskrift').fill(title);
  await page.getByLabel('Vælg barnet').selectOption({ label: 'Emma Demo-Jensen (2021-03-14)' });
  await page.getByLabel('Dagtilbud eller skole').selectOption({ label: 'Børnehuset Solsikken' });
  await page.getByRole('button', { name: 'Registrér bekymringen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const caseUrl = new URL(page.url()).pathname;

  // From here on: only the keyboard.
  await page.goto(`${baseURL()}${caseUrl}/anmodning`);
  await expect(page.getByText('Trin 1 af 6')).toBeVisible();

  // Submitting the empty first step: the error summary takes focus and links to the field.
  await tabTo(page, 'form[action$="/anmodning"] button[type="submit"]');
  await page.keyboard.press('Enter');
  const summary = page.locator('[data-module="error-summary"]');
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(summary).toBeFocused();
  const link = summary.locator('a[href="#concern"]');
  await expect(link).toContainText('Hvad er bekymringen?');
  await expect(page.locator('#concern')).toHaveAttribute('aria-invalid', 'true');
  // Tab from the summary reaches its first link; Enter follows it into the field.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('a');
  await expect(summary.locator('a').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#concern')).toBeFocused();
  await page.keyboard.type('Emma trækker sig fra legen, når gruppen er stor.');
  await page.keyboard.press('Tab');
  await expect(page.locator('#tried')).toBeFocused();
  await page.keyboard.type('Små legegrupper med to børn i tre uger.');
  await tabTo(page, 'form[action$="/anmodning"] button[type="submit"]');
  await page.keyboard.press('Enter');

  // Step 2: text, then the radio group with Space.
  await expect(page.getByText('Trin 2 af 6')).toBeVisible();
  await tabTo(page, '#resources');
  await page.keyboard.type('Emma er glad for at tegne og bygge.');
  await tabTo(page, 'input[name="child_perspective"]');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Ja, barnets perspektiv er undersøgt')).toBeChecked();
  // Shift+Tab goes back to the text just written.
  await tabTo(page, '#resources', { back: true });
  await expect(page.locator('#resources')).toHaveValue('Emma er glad for at tegne og bygge.');
  await tabTo(page, 'form[action$="/anmodning"] button[type="submit"]');
  await page.keyboard.press('Enter');

  // Step 3.
  await expect(page.getByText('Trin 3 af 6')).toBeVisible();
  await tabTo(page, '#parents-view');
  await page.keyboard.type('Derhjemme leger Emma godt med sin bror.');
  await tabTo(page, 'form[action$="/anmodning"] button[type="submit"]');
  await page.keyboard.press('Enter');

  // Step 4: the select by typing the option's first letters.
  await expect(page.getByText('Trin 4 af 6')).toBeVisible();
  await tabTo(page, '#wished-meeting-type');
  await page.keyboard.type('Opstart');
  await expect(page.locator('#wished-meeting-type')).toHaveValue('opstartsmoede');
  await tabTo(page, 'form[action$="/anmodning"] button[type="submit"]');
  await page.keyboard.press('Enter');

  // Step 5 (attachments): on to the review.
  await expect(page.getByText('Trin 5 af 6')).toBeVisible();
  await tabTo(page, 'a.button-primary[href*="trin=6"]');
  await page.keyboard.press('Enter');

  // Step 6: the parent present and the confirmation with Space, then Enter.
  await expect(page.getByText('Trin 6 af 6')).toBeVisible();
  await tabTo(page, 'input[name="parents_present"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'input[name="confirmed"]');
  await page.keyboard.press('Space');
  await tabTo(page, 'form[action$="/udfyldt"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('dt:text-is("Status") + dd')).toHaveText('Udfyldt sammen med forældrene');
  await expect(page.locator('dt:text-is("Forældre til stede") + dd')).toHaveText('Frida Forælder (demo)');
});
