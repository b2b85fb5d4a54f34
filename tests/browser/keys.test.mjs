// The key cabinet on a phone: the staff on duty scans a key's fob, lends it to a teacher, and a
// second lending of it is refused in place naming who holds it; the key comes back with one
// tap after scanning it again; the cabinet page lists the overdue key first, and the asset
// manager registers a key whose label is a tap away — in Chinese and in English.
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
try {
  const base = server.base;
  const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-staff', password: 'rounds-demo' }) });
  const { items } = await api(base, '/api/v1/keys?q=' + encodeURIComponent('计算机教室'), token);
  const key = items[0];
  const loanOf = async () => (await api(base, `/api/v1/keys/${key.id}`, token)).loan;

  const staff = await browser.newPage({ viewport: PHONE });
  await checks.step("the staff on duty scans the key's fob and sees it in the cabinet", async () => {
    await staff.goto(`${base}/signin`);
    await signIn(staff, base, 'demo-staff');
    await staff.goto(`${base}/t/${key.tag}`);
    const main = await staff.textContent('main');
    expect(main.includes('计算机教室门钥匙') && main.includes('在柜') && main.includes('A-01'), `the key in Chinese: ${main}`);
    await checkPage(staff, 'the key fits the phone');
  });

  await checks.step('a lending without a borrower is refused in place; with one the key is lent until the day ends', async () => {
    await hydrated(staff);
    await staff.click('form.lend-form button[type=submit]');
    // The browser's own check stops an empty required field; the server's refusal comes for blanks.
    await staff.fill('form.lend-form input[name=borrower]', '   ');
    await staff.click('form.lend-form button[type=submit]');
    await staff.waitForSelector('form.lend-form .form-error:has-text("借用人")', { timeout: 10000 });
    expect((await loanOf()) === null, 'nothing lent');
    await staff.fill('form.lend-form input[name=borrower]', '李老师（信息组）');
    await Promise.all([staff.waitForNavigation(), staff.click('form.lend-form button[type=submit]')]);
    const status = await staff.textContent('.key-status');
    expect(status.includes('借给 李老师（信息组）'), `lent: ${status}`);
    expect((await loanOf()).borrower === '李老师（信息组）', 'the loan is stored');
    await checkPage(staff, 'the lent key fits the phone');
  });

  await checks.step('the cabinet lists the overdue key first and this one as lent', async () => {
    const cabinet = await browser.newPage({ viewport: PHONE });
    await cabinet.context().addCookies(await staff.context().cookies());
    await cabinet.goto(`${base}/`);
    await Promise.all([cabinet.waitForNavigation(), cabinet.click('main a[href="/keys"]')]);
    const overdue = await cabinet.textContent('#overdue');
    expect(overdue.includes('器材仓库钥匙') && overdue.includes('已逾期'), `overdue: ${overdue}`);
    const row = await cabinet.locator('li.key', { hasText: '计算机教室门钥匙' }).first().textContent();
    expect(row.includes('李老师（信息组）'), `the row: ${row}`);
    await checkPage(cabinet, 'the cabinet fits the phone');
    await cabinet.close();
  });

  await checks.step('scanning it again takes it back with one tap, and the loan is in its record', async () => {
    await staff.goto(`${base}/t/${key.tag}`);
    await hydrated(staff);
    await Promise.all([staff.waitForNavigation(), staff.click('form.return-form button[type=submit]')]);
    expect((await staff.textContent('.key-status')).includes('在柜'), 'back in the cabinet');
    const loans = await staff.textContent('ul.loans');
    expect(loans.includes('李老师（信息组）') && loans.includes('收回'), `the loans: ${loans}`);
    expect((await loanOf()) === null, 'returned');
  });

  const manager = await browser.newPage({ viewport: PHONE });
  await checks.step('the asset manager registers a key and its labels are a tap away', async () => {
    await manager.goto(`${base}/signin`);
    await signIn(manager, base, 'demo-manager');
    await manager.goto(`${base}/keys`);
    await hydrated(manager);
    await manager.click('details:has(form.key-form) summary');
    await manager.fill('form.key-form input[name=name]', '会议室门钥匙');
    await manager.fill('form.key-form input[name=hook]', 'C-02');
    await Promise.all([manager.waitForNavigation(), manager.click('form.key-form button[type=submit]')]);
    expect((await manager.textContent('h1')).includes('会议室门钥匙'), 'the new key');
    await manager.goto(`${base}/keys`);
    const labels = await manager.getAttribute('a[href^="/manage/labels?what=keys"]', 'href');
    expect(labels !== null, 'the key labels link');
    await checkPage(manager, "the keeper's cabinet fits the phone");
  });

  await checks.step('the key page in English', async () => {
    await staff.goto(`${base}/keys/${key.id}`);
    await Promise.all([staff.waitForNavigation(), staff.click('header button[lang="en"]')]);
    const english = await staff.textContent('main');
    expect(english.includes('In the cabinet') && english.includes('Borrower') && english.includes('Loans'), `in English: ${english}`);
    await checkPage(staff, 'the English key page fits the phone');
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
