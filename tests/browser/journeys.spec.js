// The main journeys of issue 7 (item 6), as users do them: clicking and filling in the pages,
// with JavaScript (project "js") and without (project "nojs", item 7). One serial chain per
// project on a case of its own, so the two runs do not meet and the chain can run again on
// the same server:
//   a. the leader of Børnehuset Solsikken registers a concern about Emma (the demo family's
//      daycare child) and fills in the request form together with the parents;
//   b. the parent signs in, gives consent to the request to PPR (and, once the meeting is
//      convened, adds their perspective);
//   c. the PPR district lead triages the request: assigned to the PPR psychologist;
//   d. the psychologist convenes the start-up meeting at a time the slot finder offers; the
//      leader and the parent accept;
//   e. meeting mode: the chair steps through the agenda, the minute taker (the chair, by the
//      model) writes the agreement, reads it back and confirms it; the leader's page follows
//      live over server-sent events with JavaScript and by reloading without;
//   f. the agreement PDF: downloaded from the meeting and the parent portal (%PDF, the
//      content type) and its mail with the PDF attached reached the SMTP sink.
// Only reading a mail or a PDF goes around the pages.
const fs = require('fs');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { signedIn } = require('./login');
const { baseURL, smtpDir } = require('./paths');

test.describe.configure({ mode: 'serial' });

// What the chain has made so far (one chain per project; workers: 1).
const chain = { title: '', caseUrl: '', meetingUrl: '', when: '', mailsBefore: new Set() };

// A page signed in as `role` in a context like the project's (JavaScript on or off).
async function pageAs(browser, testInfo, role) {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled !== false,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  });
  const page = await context.newPage();
  await signedIn(page, role, baseURL());
  return page;
}

// The success message (DKFDS alert) shown after a POST and its 303.
async function expectFlash(page, text) {
  await expect(page.locator('.alert-success')).toContainText(text);
}

// Performs a step of the case's model from the case page ("Næste skridt"): the form whose
// hidden `via` names the event; optionally chooses the PPR district.
async function moveCase(page, via, district) {
  const step = page.locator('li', { has: page.locator(`input[name="via"][value="${via}"]`) });
  if (district) await step.getByLabel('Send til PPR-distrikt').selectOption({ label: district });
  await step.getByRole('button', { name: 'Udfør skridtet' }).click();
}

function status(page) {
  return page.locator('dt:text-is("Status") + dd');
}

test('a. lederen registrerer en bekymring og udfylder anmodningsskemaet med forældrene', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  chain.title = `Sprog og leg (${project} ${Date.now() % 1_000_000})`;
  const page = await pageAs(browser, testInfo, 'leader');
  await page.goto(`${baseURL()}/`);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager' }).click();
  await page.getByRole('link', { name: 'Registrér en bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrér en bekymring');
  await page.getByLabel('Overskrift').fill(chain.title);
  await page.getByLabel('Vælg barnet').selectOption({ label: 'Emma Demo-Jensen (2021-03-14)' });
  await page.getByLabel('Dagtilbud eller skole').selectOption({ label: 'Børnehuset Solsikken' });
  await page.getByLabel('Hvad har I afprøvet?').fill('Små legegrupper med to børn i tre uger.');
  await page.getByRole('button', { name: 'Registrér bekymringen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chain.title);
  await expect(status(page)).toHaveText('Bekymring for en gruppe/klasse eller et barn');
  chain.caseUrl = new URL(page.url()).pathname;
  expect(chain.caseUrl).toMatch(/^\/sager\/[^/]+$/);

  // The institution's own steps before PPR (P1, P2).
  await moveCase(page, 'sparring_holdt');
  await expect(status(page)).toHaveText('Intern sparring på skole/dagtilbud');
  await moveCase(page, 'kv_dagtilbud');
  await expect(status(page)).toHaveText('Drøftet på konsultativ vejledning');
  // The request about one child is a next step (it needs the parents' consent, P1, which
  // the demo parent gave for Emma's earlier case; the parent gives it again in journey b).
  await expect(page.locator('li', { hasText: 'SOS-skema om et enkelt barn' })).toBeVisible();

  // The request form, six steps, filled in with the parents.
  await page.getByRole('link', { name: 'Anmodningsskema' }).click();
  await expect(page.getByText('Trin 1 af 6')).toBeVisible();
  await page.getByLabel('Hvad er bekymringen?').fill('Emma trækker sig fra legen, når gruppen er stor.');
  await page.getByLabel('Hvad har I afprøvet?').fill('Små legegrupper med to børn i tre uger.');
  await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
  await expect(page.getByText('Trin 2 af 6')).toBeVisible();
  await page.getByLabel('Barnets ressourcer').fill('Emma er glad for at tegne og bygge.');
  await page.getByLabel('Ja, barnets perspektiv er undersøgt').check();
  await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
  await expect(page.getByText('Trin 3 af 6')).toBeVisible();
  await page.getByLabel('Forældrenes perspektiv', { exact: true }).fill('Derhjemme leger Emma godt med sin bror.');
  await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
  await expect(page.getByText('Trin 4 af 6')).toBeVisible();
  await page.getByLabel('Ønsket mødetype').selectOption({ label: 'Opstartsmøde' });
  await page.getByRole('button', { name: 'Gem og fortsæt' }).click();
  await expect(page.getByText('Trin 5 af 6')).toBeVisible();
  await page.getByRole('link', { name: 'Fortsæt' }).click();
  await expect(page.getByText('Trin 6 af 6')).toBeVisible();
  await expect(page.locator('.samspil-answers', { hasText: 'Barnets ressourcer' })).toContainText('Emma er glad for at tegne og bygge.');
  await page.getByLabel('Frida Forælder (demo)').check();
  await page.getByLabel('Skemaet er udfyldt sammen med forældrene').check();
  await page.getByRole('button', { name: 'Marker som udfyldt sammen med forældrene' }).click();
  await expect(page.locator('dt:text-is("Status") + dd')).toHaveText('Udfyldt sammen med forældrene');
  await expect(page.locator('dt:text-is("Forældre til stede") + dd')).toHaveText('Frida Forælder (demo)');
  await page.context().close();
});

test('b. forælderen logger ind og giver samtykke til henvendelsen til PPR', async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const parent = await pageAs(browser, testInfo, 'guardian');
  await parent.goto(`${baseURL()}/foraeldre`);
  const emma = parent.locator('section', { has: parent.getByRole('heading', { name: 'Emma Demo-Jensen' }) });
  await expect(emma.getByRole('link', { name: chain.title, exact: true })).toBeVisible();
  // The completed request form is the parent's to read.
  await expect(emma.getByText(`Anmodning: ${chain.title}`)).toBeVisible();
  await emma.getByRole('link', { name: 'Giv samtykke (Emma Demo-Jensen)' }).click();
  await parent.getByLabel('Henvendelse til PPR om et enkelt barn').check();
  await parent.getByLabel('Formål').fill('At PPR kan hjælpe med Emmas leg og sprog.');
  await parent.getByLabel('Hvem må dele oplysninger og mødes?').fill('Børnehuset Solsikken og PPR');
  await parent.getByRole('button', { name: 'Giv samtykke' }).click();
  await expectFlash(parent, 'Dit samtykke er registreret');
  await expect(emma.getByText('At PPR kan hjælpe med Emmas leg og sprog.').first()).toBeVisible();
  await parent.context().close();

  // With the consent in force the leader sends the request to PPR Distrikt Vest.
  const leader = await pageAs(browser, testInfo, 'leader');
  await leader.goto(baseURL() + chain.caseUrl);
  await expect(leader.getByRole('heading', { name: 'Samtykker i kraft' })).toBeVisible();
  await expect(leader.locator('ul', { hasText: 'Henvendelse til PPR om et enkelt barn' }).first()).toBeVisible();
  await moveCase(leader, 'henvendelse_enkeltbarn', 'PPR Distrikt Vest');
  await expect(status(leader)).toHaveText('Henvendelse sendt til PPR');
  await leader.context().close();
});

test('c. PPR-distriktslederen visiterer henvendelsen til en PPR-medarbejder', async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const lead = await pageAs(browser, testInfo, 'ppr_lead');
  await lead.goto(`${baseURL()}/ppr/visitation`);
  await lead.getByRole('link', { name: chain.title, exact: true }).click();
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText(chain.title);
  await lead.getByLabel('Fordel til en PPR-medarbejder').check();
  await lead.getByRole('combobox', { name: /PPR-medarbejder/ }).selectOption({ label: 'Peter Psykolog (demo)' });
  await lead.getByRole('button', { name: 'Gem beslutning' }).click();
  await expectFlash(lead, 'Beslutningen er gemt');
  // The request left the queue.
  await expect(lead.getByRole('link', { name: chain.title, exact: true })).toHaveCount(0);
  await lead.context().close();

  // The psychologist finds the task and the case on "Mit overblik".
  const psychologist = await pageAs(browser, testInfo, 'psychologist');
  await psychologist.goto(`${baseURL()}/`);
  const cases = psychologist.locator('section', { has: psychologist.getByRole('heading', { name: 'Mine sager' }) });
  await cases.getByRole('link', { name: chain.title, exact: true }).click();
  await expect(status(psychologist)).toHaveText('Fordelt på distriktsmødet');
  await psychologist.context().close();
});

test('d. mødet indkaldes på en ledig tid og accepteres af lederen og forælderen', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const psychologist = await pageAs(browser, testInfo, 'psychologist');
  await psychologist.goto(baseURL() + chain.caseUrl);
  await psychologist.getByRole('link', { name: 'Indkald til møde' }).click();
  await psychologist.getByLabel('Opstartsmøde').check();
  await psychologist.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(psychologist.getByRole('heading', { level: 1 })).toHaveText('Opstartsmøde');
  // The slot finder's first free time is chosen by default.
  const slot = psychologist.locator('input[name="slot"]').first();
  await expect(slot).toBeChecked();
  const slotLabel = (await psychologist.locator(`label[for="${await slot.getAttribute('id')}"]`).innerText()).trim();
  await expect(psychologist.getByLabel('Frida Forælder (demo)')).toBeChecked();
  await expect(psychologist.getByLabel('Lene Leder (demo)')).toBeChecked();
  await psychologist.getByLabel('Sted').fill('Børnehuset Solsikken');
  await psychologist.getByRole('button', { name: 'Indkald og send invitationer' }).click();
  await expectFlash(psychologist, 'Mødet er indkaldt');
  chain.meetingUrl = new URL(psychologist.url()).pathname;
  expect(chain.meetingUrl).toMatch(/^\/moeder\/[^/]+$/);
  await expect(psychologist.locator('dt:text-is("Tidspunkt") + dd')).toHaveText(slotLabel.split('–')[0]);
  chain.when = slotLabel.split('–')[0].trim();  // "dd.mm.yyyy hh:mm"
  await psychologist.context().close();

  // The leader accepts on the meeting page.
  const leader = await pageAs(browser, testInfo, 'leader');
  await leader.goto(baseURL() + chain.meetingUrl);
  await expect(leader.getByText('Dit svar lige nu: Afventer svar')).toBeVisible();
  await leader.getByRole('button', { name: 'Jeg deltager' }).click();
  await expect(leader.getByText('Dit svar lige nu: Deltager')).toBeVisible();
  await expect(leader.locator('li', { hasText: 'Lene Leder (demo)' })).toContainText('Deltager');
  await leader.context().close();

  // The parent finds the invitation in the portal, accepts and adds their perspective.
  const parent = await pageAs(browser, testInfo, 'guardian');
  await parent.goto(`${baseURL()}/foraeldre`);
  const meetingId = chain.meetingUrl.split('/').pop();
  await parent.locator(`a[href="/foraeldre/moeder/${meetingId}"]`).click();
  await expect(parent.getByText('Dit svar lige nu: Afventer svar')).toBeVisible();
  await parent.getByRole('button', { name: 'Jeg deltager' }).click();
  await expect(parent.getByText('Dit svar lige nu: Deltager').or(parent.getByText('Du har sagt ja'))).toBeVisible();
  await parent.goto(`${baseURL()}/foraeldre`);
  await parent.locator(`a[href="/foraeldre/moeder/${meetingId}/perspektiv"]`).click();
  await parent.getByLabel('Dit perspektiv').fill('Emma glæder sig til at lege med Alma.');
  await parent.getByRole('button', { name: 'Gem mit perspektiv' }).click();
  await expect(parent.locator('.alert-success')).toBeVisible();
  await parent.context().close();

  // The staff see the parent's perspective on the meeting page.
  const staff = await pageAs(browser, testInfo, 'psychologist');
  await staff.goto(baseURL() + chain.meetingUrl);
  await expect(staff.locator('section', { hasText: 'Forældrenes perspektiv før mødet' }))
    .toContainText('Emma glæder sig til at lege med Alma.');
  await expect(staff.locator('li', { hasText: 'Frida Forælder (demo)' })).toContainText('Deltager');
  await staff.context().close();
});

test('e. mødeafvikling: punkterne, aftalen skrives, læses op og bekræftes', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const live = testInfo.project.use.javaScriptEnabled !== false;
  const chair = await pageAs(browser, testInfo, 'psychologist');
  const follower = await pageAs(browser, testInfo, 'leader');
  await chair.goto(baseURL() + chain.meetingUrl);
  await chair.getByRole('link', { name: 'Mødeafvikling' }).click();
  await expect(chair.getByRole('heading', { level: 1 })).toHaveText('Mødeafvikling: Opstartsmøde');
  await follower.goto(baseURL() + chain.meetingUrl + '/afvikling');
  await expect(follower.locator('#live-current')).toHaveText('Punkt 1 af 7: Velkommen');
  // The follower's EventSource is open before the chair acts (it sends the state first).
  if (live) await follower.waitForLoadState('networkidle').catch(() => {});

  // Without JavaScript the follower reloads ("Opdater siden"); with it the page follows live.
  const catchUp = async () => {
    if (!live) await follower.getByRole('link', { name: 'Opdater siden' }).click();
  };

  await chair.getByRole('button', { name: 'Næste punkt' }).click();
  await expect(chair.locator('#live-current')).toHaveText('Punkt 2 af 7: Sammenhæng');
  await catchUp();
  await expect(follower.locator('#live-current')).toHaveText('Punkt 2 af 7: Sammenhæng');

  // The minute taker (the chair, by the model) writes the agreement.
  await chair.getByLabel('Mål', { exact: true }).fill('Emma leger med to til tre børn hver dag.');
  await chair.getByLabel('Barnets perspektiv', { exact: true }).fill('Emma vil gerne lege med Alma.');
  await chair.getByLabel('Handling 1: hvad').fill('Små legegrupper hver formiddag');
  await chair.getByLabel('Handling 1: hvem').selectOption({ label: 'Lene Leder (demo) – Dagtilbuds-/skoleleder (ledelse)' });
  await chair.getByRole('button', { name: 'Gem aftalen' }).click();
  await expect(chair.getByRole('button', { name: 'Aftalen er læst op' })).toBeVisible();
  await catchUp();
  await expect(follower.locator('[data-section="goals"]')).toHaveText('Emma leger med to til tre børn hver dag.');

  // Read back (R6), then confirm: final, PDF/A, mailed.
  await chair.getByRole('button', { name: 'Aftalen er læst op' }).click();
  await expect(chair.locator('#live-status')).toHaveText('Læst op – venter på bekræftelse');
  chain.mailsBefore = new Set(mailFiles());
  await chair.getByRole('button', { name: 'Bekræft og send aftalen' }).click();
  await expect(chair.locator('#live-status')).toHaveText('Bekræftet og sendt');
  await expect(chair.getByRole('heading', { name: 'Aftalen er bekræftet' })).toBeVisible();
  await catchUp();
  await expect(follower.locator('#live-status')).toHaveText('Bekræftet og sendt', { timeout: 15_000 });
  await chair.context().close();
  await follower.context().close();
});

test('f. aftalen som PDF: på mødet, i forældreportalen og som mail med bilag', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const meetingId = chain.meetingUrl.split('/').pop();
  const staff = await pageAs(browser, testInfo, 'psychologist');
  await staff.goto(baseURL() + chain.meetingUrl + '/afvikling');
  const staffLink = staff.getByRole('link', { name: 'Hent aftalen som PDF' });
  await expectPdf(staff, await staffLink.getAttribute('href'));
  await staff.context().close();

  const parent = await pageAs(browser, testInfo, 'guardian');
  await parent.goto(`${baseURL()}/foraeldre`);
  const parentLink = parent.locator(`a[href="/foraeldre/moeder/${meetingId}/aftale.pdf"]`);
  await expect(parentLink).toContainText('Aftale fra mødet: Opstartsmøde');
  await expectPdf(parent, await parentLink.getAttribute('href'));
  await parent.context().close();

  // The mail with the PDF attached reached every participant at the SMTP sink (the outbox
  // sends it from serve's job threads).
  // Only mails that arrived after the chair confirmed, naming this meeting's time
  // ("… fra Opstartsmøde den 23.11.2026 kl. 09.30").
  const when = chain.when.replace(/ (\d\d):(\d\d)$/, ' kl. $1.$2');
  for (const address of ['foraelder@demo-kommune.invalid', 'leder@demo-kommune.invalid']) {
    const mail = await waitForMail((m) => m.to.includes(address) && m.subject === 'Aftale fra Opstartsmøde' &&
                                          (m.text || '').includes(`den ${when}`));
    expect(mail.raw, `the agreement mail to ${address} has the PDF attached`).toMatch(/Content-Type: application\/pdf/i);
    expect(mail.raw).toContain('JVBERi0');  // "%PDF-" in base64
  }
});

// Reads the PDF behind a link with the page's cookies: status, content type and magic bytes.
async function expectPdf(page, href) {
  expect(href).toBeTruthy();
  const response = await page.request.get(baseURL() + href);
  expect(response.status(), `GET ${href}`).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const body = await response.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

function mailFiles() {
  const dir = smtpDir();
  return (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => n.endsWith('.json')).sort();
}

async function waitForMail(predicate, timeoutMs = 30_000) {
  const dir = smtpDir();
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const name of mailFiles()) {
      if (chain.mailsBefore.has(name)) continue;
      let message;
      try { message = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')); } catch (e) { continue; }
      if (predicate(message)) return message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const seen = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter((n) => n.endsWith('.json')).map((n) => {
    try { const m = JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')); return `${m.to.join(',')}: ${m.subject}`; }
    catch (e) { return n; }
  });
  throw new Error(`no matching mail in ${dir} within ${timeoutMs} ms; received: ${seen.join(' | ')}`);
}
