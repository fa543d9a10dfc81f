// Signs in as a demo user through the real log-in form (/log-ind), with or without
// JavaScript, including the TOTP step for the administrator (fixed, published demo secret).
// The demo log-ins are published in src/app/demo/demo.cpp and printed by `make run`.
const crypto = require('crypto');
const { expect } = require('@playwright/test');

const DEMO_USERS = {
  administrator: { email: 'admin@demo-kommune.invalid', password: 'demo-administrator-1',
                   totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  leader: { email: 'leder@demo-kommune.invalid', password: 'demo-leder-solsikken-1' },
  teacher: { email: 'laerer@demo-kommune.invalid', password: 'demo-laerer-vestre-1' },
  educator: { email: 'paedagog@demo-kommune.invalid', password: 'demo-paedagog-solsikken-1' },
  psychologist: { email: 'psykolog@demo-kommune.invalid', password: 'demo-psykolog-ppr-1' },
  ppr_lead: { email: 'ppr-leder@demo-kommune.invalid', password: 'demo-ppr-distriktsleder-1' },
  health_visitor: { email: 'sundhedsplejerske@demo-kommune.invalid', password: 'demo-sundhedsplejerske-1' },
  social_worker: { email: 'raadgiver@demo-kommune.invalid', password: 'demo-socialraadgiver-1' },
  guardian: { email: 'foraelder@demo-kommune.invalid', password: 'demo-foraelder-1' },
};

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) for the demo administrator's second factor.
function totp(base32Secret, timeMs = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32Secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const hmac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

// Logs the page's browser context in as `role`; returns after the first signed-in page loaded.
async function login(page, role, baseURL) {
  const user = DEMO_USERS[role];
  if (!user) throw new Error(`unknown demo role '${role}' (see tests/browser/login.js)`);
  await page.goto(`${baseURL}/log-ind`);
  const tenant = page.locator('select#kommune');
  if (await tenant.count()) await tenant.selectOption({ index: 1 });
  await page.locator('#email').fill(user.email);
  await page.locator('#adgangskode').fill(user.password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Log ind' }).click()]);
  if (user.totpSecret && /\/log-ind\/totp/.test(page.url())) {
    const code = page.locator('input#kode, input[autocomplete="one-time-code"]').first();
    await code.fill(totp(user.totpSecret));
    const submit = code.locator('xpath=ancestor::form').locator('button[type="submit"]').first();
    await Promise.all([page.waitForLoadState('load'), submit.click()]);
  }
  // The landing page depends on the role (and may not be built yet): check on a page every
  // role can see that the layout shows the signed-in user with the log-out form.
  const landed = page.url();
  await page.goto(`${baseURL}/tilgaengelighed`);
  await expect(page.locator('form[action="/log-ud"]'), `log-in as ${role} failed (landed on ${landed})`).toHaveCount(1);
}

// Signs in once per role per test worker and reuses the session cookies afterwards: faster,
// and the administrator's TOTP code (a used time step is refused) is spent only once.
const sessions = {};
async function signedIn(page, role, baseURL) {
  if (!sessions[role]) {
    await login(page, role, baseURL);
    sessions[role] = await page.context().cookies();
  } else {
    await page.context().addCookies(sessions[role]);
  }
}

module.exports = { login, signedIn, totp, DEMO_USERS };
