// Purchasing on a phone: a teacher asks for whiteboard markers from the store page, the admin
// approves them against the month's budget, the asset manager accepts the delivery (the markers
// go into stock) and marks it reimbursed; the demo's projectors, approved by two admins, are
// accepted into two new assets whose labels are a tap away. In Chinese, then in English.
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
try {
  const base = server.base;
  const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) });
  const { items } = await api(base, '/api/v1/supplies?q=' + encodeURIComponent('白板笔'), token);
  const pens = items[0];
  const onHand = async () => (await api(base, `/api/v1/supplies/${pens.id}`, token)).on_hand;
  const before = await onHand();

  const teacher = await browser.newPage({ viewport: PHONE });
  let purchase = '';
  await checks.step('a teacher asks for a purchase from the store page; a line without a price is refused in place', async () => {
    await teacher.goto(`${base}/signin`);
    await signIn(teacher, base, 'demo-teacher');
    await teacher.goto(`${base}/supplies`);
    await Promise.all([teacher.waitForNavigation(), teacher.click('main a[href="/purchases"]')]);
    expect((await teacher.textContent('h1')).includes('采购'), 'the purchasing page');
    await checkPage(teacher, 'the purchasing page fits the phone');
    await hydrated(teacher);
    await teacher.click('#new-purchase summary');
    await teacher.fill('form.purchase-form input[name="form[reason]"]', '期末公开课用的白板笔');
    await teacher.selectOption('form.purchase-form select[name="form[lines][0][item]"]', pens.id);
    await teacher.fill('form.purchase-form input[name="form[lines][0][quantity]"]', '6');
    await teacher.click('form.purchase-form button[type=submit]');
    await teacher.waitForSelector('form.purchase-form .form-error:has-text("单价")', { timeout: 10000 });
    await teacher.fill('form.purchase-form input[name="form[lines][0][price]"]', '18');
    await Promise.all([teacher.waitForNavigation(), teacher.click('form.purchase-form button[type=submit]')]);
    purchase = new URL(teacher.url()).pathname.split('/').pop();
    const main = await teacher.textContent('main');
    expect(main.includes('待审批') && main.includes('¥108.00') && main.includes('白板笔'), `waiting: ${main}`);
    await checkPage(teacher, "the teacher's purchase fits the phone");
  });

  const admin = await browser.newPage({ viewport: PHONE });
  await checks.step('the admin sees the budget and approves it', async () => {
    await admin.goto(`${base}/signin`);
    await signIn(admin, base, 'demo-admin');
    await admin.goto(`${base}/purchases`);
    const budget = await admin.textContent('#budget');
    expect(budget.includes('本月已用') && budget.includes('¥2000.00'), `the budget: ${budget}`);
    await checkPage(admin, "the admin's purchasing page fits the phone");
    await admin.goto(`${base}/purchases/${purchase}`);
    await hydrated(admin);
    await Promise.all([admin.waitForNavigation(), admin.click('button:has-text("批准")')]);
    expect((await admin.textContent('h1')).includes('已批准'), 'approved');
  });

  const manager = await browser.newPage({ viewport: PHONE });
  await checks.step('the asset manager accepts the delivery into stock and marks it reimbursed', async () => {
    await manager.goto(`${base}/signin`);
    await signIn(manager, base, 'demo-manager');
    await manager.goto(`${base}/purchases/${purchase}`);
    await hydrated(manager);
    await checkPage(manager, 'the acceptance fits the phone');
    await Promise.all([manager.waitForNavigation(), manager.click('form.accept-form button[type=submit]')]);
    expect((await onHand()) === before + 6, 'six markers in stock');
    expect((await manager.textContent('h1')).includes('待报销'), 'accepted');
    await hydrated(manager);
    await manager.fill('form.reimburse-form input[name=voucher]', '记-2026-12-018');
    await Promise.all([manager.waitForNavigation(), manager.click('form.reimburse-form button[type=submit]')]);
    const main = await manager.textContent('main');
    expect(main.includes('已报销') && main.includes('记-2026-12-018'), `reimbursed: ${main}`);
  });

  await checks.step("the demo's projectors become two tagged assets with their labels a tap away", async () => {
    const approved = await api(base, '/api/v1/purchases?state=approved', token);
    const projectors = approved.find((p) => p.reason.includes('投影仪'));
    await manager.goto(`${base}/purchases/${projectors.id}`);
    expect((await manager.textContent('main')).includes('沈志刚'), 'two approvers');
    await hydrated(manager);
    await Promise.all([manager.waitForNavigation(), manager.click('form.accept-form button[type=submit]')]);
    const bought = await manager.textContent('#bought-assets');
    expect(bought.includes(`${projectors.number}-1-01`) && bought.includes(`${projectors.number}-1-02`), `assets: ${bought}`);
    await checkPage(manager, 'the accepted purchase fits the phone');
    await Promise.all([manager.waitForNavigation(), manager.click('#bought-assets a:has-text("打印")')]);
    expect((await manager.textContent('main')).includes('投影仪'), 'the labels preview names them');
  });

  await checks.step('the teacher sees it reimbursed, in English too', async () => {
    await teacher.reload();
    expect((await teacher.textContent('h1')).includes('已报销'), 'reimbursed');
    await Promise.all([teacher.waitForNavigation(), teacher.click('header button[lang="en"]')]);
    const english = await teacher.textContent('main');
    expect(english.includes('Reimbursed') && english.includes('Voucher number') && english.includes('Asked by'), `in English: ${english}`);
    await checkPage(teacher, 'the English page fits the phone');
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
