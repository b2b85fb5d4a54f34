// The foundation flow on a phone: scan a tag while signed out → sign in → the asset's record in
// Chinese → English → an island form that shows a translated error in place and then saves.
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
try {
  const base = server.base;
  const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) });
  const { items } = await api(base, '/api/v1/assets?q=' + encodeURIComponent('投影机') + '&limit=1', token);
  const asset = items[0];
  const page = await browser.newPage({ viewport: PHONE });

  await checks.step('a signed-out scan asks to sign in, then opens the record', async () => {
    await page.goto(`${base}/t/${asset.tag.toLowerCase()}`);
    expect(page.url().includes('/signin'), `expected the sign-in page, got ${page.url()}`);
    await checkPage(page, 'the sign-in page fits the phone');
    await signIn(page, base, 'demo-manager');
    expect(page.url().endsWith(`/t/${asset.tag.toLowerCase()}`), `came back to ${page.url()}`);
  });

  await checks.step('the record shows the asset and its room in Chinese', async () => {
    expect((await page.textContent('h1')).trim() === asset.name, 'the h1 is the asset name');
    const body = await page.textContent('main');
    expect(body.includes(asset.room.name), `room ${asset.room.name} on the page`);
    expect(body.includes('责任人') && body.includes('资产编号'), 'Chinese labels');
    expect(await page.getAttribute('html', 'lang') === 'zh-CN', 'lang=zh-CN');
    await checkPage(page, 'no sideways scrolling at 390 px');
  });

  await checks.step('the English switch shows the same record in English and is remembered', async () => {
    await Promise.all([page.waitForNavigation(), page.click('form[action="/auth/lang"] button')]);
    const body = await page.textContent('main');
    expect(body.includes('Custodian') && body.includes('Asset code'), 'English labels');
    expect((await page.textContent('h1')).trim() === asset.name, 'same record');
    await page.goto(`${base}/`);
    expect((await page.textContent('main')).includes('My rooms'), 'still English on the next page');
    await Promise.all([page.waitForNavigation(), page.click('form[action="/auth/lang"] button')]);
    expect((await page.textContent('main')).includes('我负责的房间'), 'back to Chinese');
  });

  await checks.step('at 360 px the home, room, search, reports and manage pages fit the screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const pages = ['/', `/rooms/${asset.room.id}`, '/search?q=%E7%81%AD%E7%81%AB%E5%99%A8', '/reports', '/manage',
      '/manage/assets', `/manage/assets/${asset.id}`, '/manage/rooms', `/manage/rooms/${asset.room.id}`,
      '/manage/buildings', '/manage/users', '/manage/checklists'];
    for (const path of pages) {
      await page.goto(base + path);
      await checkPage(page, `${path} fits 360 px`);
    }
    await page.setViewportSize(PHONE);
  });

  await checks.step('the edit form hydrates and shows a translated error in place', async () => {
    await page.goto(`${base}/manage/assets/${asset.id}`);
    await hydrated(page);
    await page.fill('input[name="form[value]"]', '1e12');
    await page.click('form.form button[type=submit]');
    await page.waitForSelector('.form-error:has-text("金额")', { timeout: 10000 });
    expect(page.url().endsWith(`/manage/assets/${asset.id}`), 'stayed on the form');
  });

  await checks.step('a valid edit saves, opens the record, and shows in its history', async () => {
    await page.fill('input[name="form[value]"]', '4321.50');
    await page.fill('input[name="form[name]"]', '投影机（已检修）');
    await Promise.all([page.waitForURL((url) => url.pathname === `/assets/${asset.id}`), page.click('form.form button[type=submit]')]);
    expect((await page.textContent('h1')).trim() === '投影机（已检修）', 'new name');
    const history = await page.textContent('.history');
    expect(history.includes('¥4321.50') && history.includes('殷奇'), 'history names the change and who made it');
  });

  await checks.step('a teacher sees the record but no edit button, and cannot open the editor', async () => {
    const teacher = await browser.newPage({ viewport: PHONE });
    await teacher.goto(`${base}/signin`);
    await signIn(teacher, base, 'demo-teacher');
    await teacher.goto(`${base}/t/${asset.tag}`);
    expect(!(await teacher.textContent('main')).includes('编辑'), 'no edit button');
    const res = await teacher.goto(`${base}/manage/assets/${asset.id}`);
    expect(res.status() === 403, `editor answered ${res.status()}`);
    await teacher.close();
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
