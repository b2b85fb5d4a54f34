// The supplies store on a phone: a teacher scans a shelf's label, picks an item on it and asks
// for it (a refusal first, in place and in Chinese), the asset manager sees the request waiting
// and issues it, and an issue past the stock says how many are left; the stock on hand follows.
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
  const shelf = (await api(base, '/api/v1/supply-shelves', token)).find((x) => x.id === pens.shelf_id);

  const teacher = await browser.newPage({ viewport: PHONE });
  await checks.step("a teacher scans the shelf's label and picks the item on it", async () => {
    await teacher.goto(`${base}/signin`);
    await signIn(teacher, base, 'demo-teacher');
    await teacher.goto(`${base}/t/${shelf.tag}`);
    const main = await teacher.textContent('main');
    expect(main.includes(`货架 ${shelf.name}`) && main.includes('白板笔'), `the shelf in Chinese: ${main}`);
    await checkPage(teacher, 'the shelf fits the phone');
    await Promise.all([teacher.waitForNavigation(), teacher.click(`a[href="/supplies/${pens.id}"]`)]);
    expect((await teacher.textContent('h1')).includes('白板笔'), 'the item page');
  });

  await checks.step('the store is in the menu, with her own requests', async () => {
    const store = await browser.newPage({ viewport: PHONE });
    await store.context().addCookies(await teacher.context().cookies());
    await store.goto(`${base}/`);
    await Promise.all([store.waitForNavigation(), store.click('header a[href="/supplies"]')]);
    const main = await store.textContent('main');
    expect(main.includes('物品库房') && main.includes('我的申领'), 'the store in Chinese');
    await checkPage(store, 'the store fits the phone');
    await store.close();
  });

  await checks.step('a request for none is refused in place; a request for two is recorded as waiting', async () => {
    await hydrated(teacher);
    await teacher.fill('form.request-form input[name=quantity]', '0');
    await teacher.fill('form.request-form input[name=issued_to]', '三年级（2）班');
    await teacher.click('form.request-form button[type=submit]');
    await teacher.waitForSelector('form.request-form .form-error:has-text("数量")', { timeout: 10000 });
    await teacher.fill('form.request-form input[name=quantity]', '2');
    await Promise.all([teacher.waitForNavigation(), teacher.click('form.request-form button[type=submit]')]);
    const waiting = await teacher.textContent('ul.requests');
    expect(waiting.includes('白板笔 × 2') && waiting.includes('待发放'), `waiting: ${waiting}`);
    await checkPage(teacher, 'the item page fits the phone');
  });

  const manager = await browser.newPage({ viewport: PHONE });
  await checks.step("the asset manager sees the request waiting and issues it", async () => {
    await manager.goto(`${base}/signin`);
    await signIn(manager, base, 'demo-manager');
    await manager.goto(`${base}/supplies`);
    const queue = await manager.textContent('#requests');
    expect(queue.includes('待发放的申领') && queue.includes('王芳'), `the queue: ${queue}`);
    await checkPage(manager, "the keeper's store fits the phone");
    await hydrated(manager);
    const row = manager.locator('li.request', { hasText: '白板笔 × 2' }).first();
    await Promise.all([manager.waitForNavigation(), row.locator('button:has-text("发放")').first().click()]);
    expect((await onHand()) === before - 2, 'two taken from the stock');
    const moves = await manager.textContent('ul.moves');
    expect(moves.includes('−2') && moves.includes('三年级（2）班'), `the move: ${moves}`);
  });

  await checks.step('an issue past the stock says how many are left, and the page shows the stock', async () => {
    await hydrated(manager);
    const left = await onHand();
    await manager.fill('form.issue-form input[name=quantity]', String(left + 1));
    await manager.fill('form.issue-form input[name=issued_to]', '教务处');
    await manager.click('form.issue-form button[type=submit]');
    await manager.waitForSelector(`form.issue-form .form-error:has-text("只剩 ${left}")`, { timeout: 10000 });
    expect((await onHand()) === left, 'nothing taken');
    expect((await manager.textContent('dd.stock')).includes(`${left} 盒`), 'the stock on the page');
    await checkPage(manager, 'the keeper\'s item page fits the phone');
  });

  await checks.step('the teacher sees it issued, in Chinese and in English', async () => {
    await teacher.reload();
    expect((await teacher.textContent('ul.requests')).includes('已发放'), 'issued');
    await Promise.all([teacher.waitForNavigation(), teacher.click('header button[lang="en"]')]);
    const english = await teacher.textContent('main');
    expect(english.includes('Issued') && english.includes('On hand') && english.includes('Class or office'), `in English: ${english}`);
    await checkPage(teacher, 'the English page fits the phone');
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
