// The district on a phone: the education bureau's admin sees every school's figures, adds a
// school with its first admin; that admin signs in to an empty school of their own; a scan of
// another school's tag says whose it is and shows nothing of the record.
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
try {
  const base = server.base;
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });

  await checks.step('the district admin signs in to the schools, not to a school', async () => {
    await page.goto(`${base}/signin`);
    await signIn(page, base, 'demo-district');
    const main = await page.textContent('main');
    expect(main.includes('常州市龙城小学') && main.includes('常州市清潭小学'), 'both demo schools listed');
    expect(main.includes('资产') && main.includes('未结报修'), 'the figures in Chinese');
    expect((await page.$('a[href="/reports"]')) === null, 'no school menu');
    expect((await page.$('form.search')) === null, 'no search of a school');
    await checkPage(page, 'the table fits 360 px (it scrolls inside itself)');
  });

  await checks.step('a new school with its first admin is added in place, with a translated refusal first', async () => {
    await hydrated(page);
    await page.fill('input[name="form[name]"]', '常州市新北小学');
    await page.fill('input[name="form[admin_login]"]', 'demo-admin');
    await page.fill('input[name="form[password]"]', 'xinbei-2026');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('.form-error:has-text("账号")', { timeout: 10000 });
    await page.fill('input[name="form[admin_login]"]', 'xinbei-admin');
    await page.fill('input[name="form[admin_name]"]', '新北管理员');
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
    expect((await page.textContent('main')).includes('常州市新北小学'), 'the new school is listed');
  });

  await checks.step("the new school's admin signs in to an empty school", async () => {
    const admin = await browser.newPage({ viewport: PHONE });
    await admin.goto(`${base}/signin`);
    await admin.fill('input[name=login]', 'xinbei-admin');
    await admin.fill('input[name=password]', 'xinbei-2026');
    await Promise.all([admin.waitForNavigation(), admin.click('form.form button[type=submit]')]);
    expect((await admin.textContent('main')).includes('常州市新北小学'), 'their school on the home page');
    await admin.goto(`${base}/manage/assets`);
    expect(!(await admin.textContent('main')).includes('LC-'), 'none of the demo schools\' assets');
    await admin.close();
  });

  await checks.step("another school's tag says whose it is and nothing more", async () => {
    const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'qt-demo-manager', password: 'rounds-demo' }) });
    const { items } = await api(base, '/api/v1/assets?limit=1', token);
    const theirs = items[0];
    const staff = await browser.newPage({ viewport: PHONE });
    await staff.goto(`${base}/signin`);
    await signIn(staff, base, 'demo-staff');
    const res = await staff.goto(`${base}/t/${theirs.tag}`);
    expect(res.status() === 403, `answered ${res.status()}`);
    const main = await staff.textContent('main');
    expect(main.includes('常州市清潭小学'), 'names the school');
    expect(!main.includes(theirs.name) || !main.includes(theirs.asset_code), 'shows nothing of the record');
    await checkPage(staff, 'fits the phone');
    await staff.close();
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
