// A round without signal, on a phone: the demo staff member opens today's round, the network is
// switched off through the DevTools protocol, three inspections (one with a photo) and one
// damage report are recorded, the page is reloaded while still offline, a tag is scanned
// offline, and when the network returns everything syncs once and the pending count is 0. The
// asset manager then sees the round's progress and sets up a schedule, all at phone width.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
const work = mkdtempSync(join(tmpdir(), 'rounds-offline-'));
try {
  const base = server.base;
  const shots = process.env.SHOTS;
  const login = async (who) => (await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: who, password: 'rounds-demo' }) })).token;
  const manager = await login('demo-manager');
  const staffToken = await login('demo-staff');
  const me = await api(base, '/api/v1/me', staffToken);
  const find = async (q) => (await api(base, `/api/v1/assets?q=${encodeURIComponent(q)}&limit=50`, manager)).items;
  const extinguishers = (await find('灭火器')).filter((a) => a.category === '消防器材' && a.status === 'in_use').slice(0, 3);
  const classroom = (await api(base, `/api/v1/rooms?q=${encodeURIComponent('三年级（1）班')}`, manager)).items[0];
  expect(extinguishers.length === 3 && classroom, 'the demo school has extinguishers and 三年级（1）班');
  // Today's round for 程财宝: a daily one, so the test does not depend on the month.
  for (const body of [
    { name: '每日消防巡查', template_key: 'fire_equipment', scope: { assets: extinguishers.map((a) => a.id) }, cadence: { every: 'daily' }, assignee_id: me.id },
    { name: '每日教室巡查', template_key: 'classroom_safety', scope: { rooms: [classroom.id] }, cadence: { every: 'daily' }, assignee_id: me.id },
  ]) {
    const saved = await api(base, '/api/v1/schedules', manager, { method: 'POST', body: JSON.stringify(body) });
    expect(saved.id, `schedule saved: ${JSON.stringify(saved)}`);
  }
  const photo = join(work, 'gauge.png');
  writeFileSync(photo, Buffer.from(await (await fetch(`${base}/t/${extinguishers[1].tag}/qr.png?size=400`)).arrayBuffer()));

  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const network = async (offline) => {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await context.setOffline(offline); // the same switch for the service worker's fetches
  };
  const pending = async () => Number(await page.textContent('[data-pending]'));
  const waitPending = (n) => page.waitForFunction((want) => document.querySelector('[data-pending]')?.textContent === String(want), n, { timeout: 30000 });
  const item = (id) => `.round-item[data-id="${id}"]`;
  const fill = async (choice) => {
    for (const radio of await page.$$(`#round-sheet input[type=radio][value=${choice}]`)) await radio.check();
  };

  const opened = await checks.step('the staff member opens today\'s round and the phone keeps it', async () => {
    await page.goto(`${base}/rounds`);
    await signIn(page, base, 'demo-staff');
    expect(new URL(page.url()).pathname === '/rounds', `back on the round: ${page.url()}`);
    await page.waitForSelector('#sync-bar[data-offline-ready="true"]', { timeout: 20000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    for (const a of extinguishers) await page.waitForSelector(item(a.id));
    await page.waitForSelector(item(classroom.id));
    const heads = await page.$$eval('.round-building h2', (hs) => hs.map((h) => h.textContent));
    expect(heads.length > 0, 'grouped by building');
    expect(await page.$('progress.progress[data-progress]'), 'a progress bar');
    expect(await pending() === 0, 'nothing pending yet');
    await checkPage(page, 'the round fits 390 px');
    if (shots) await page.screenshot({ path: join(shots, 'round.png') });
  });

  if (opened) {
    await checks.step('offline: three inspections (one with a photo) and a damage report queue on the phone', async () => {
      await network(true);
      expect(await page.evaluate(() => navigator.onLine) === false, 'the page sees no network');
      await page.click(`${item(extinguishers[0].id)} .round-open`);
      await page.waitForSelector('#round-sheet form');
      await fill('pass');
      await page.click('#round-sheet button[type=submit]');
      await waitPending(1);

      await page.click(`${item(extinguishers[1].id)} .round-open`);
      await fill('pass');
      await page.setInputFiles('#round-sheet fieldset:first-of-type input[type=file]', photo);
      await page.waitForSelector('#round-sheet fieldset:first-of-type .thumbs img', { timeout: 15000 });
      await page.setViewportSize({ width: 360, height: 740 });
      await checkPage(page, 'the checklist fits 360 px');
      if (shots) await page.screenshot({ path: join(shots, 'round-sheet.png') });
      await page.setViewportSize(PHONE);
      await page.click('#round-sheet button[type=submit]');
      await waitPending(2);

      await page.click(`${item(classroom.id)} .round-open`);
      await page.click('#round-sheet button[type=submit]');
      const error = await page.textContent('#round-sheet .form-error');
      expect(error.includes('请') || error.length > 0, `an unanswered checklist is refused on the phone: ${error}`);
      await fill('pass');
      await page.click('#round-sheet button[type=submit]');
      await waitPending(3);

      await page.click(`${item(extinguishers[0].id)} .round-report`);
      await page.fill('#round-sheet textarea[name=description]', '箱门合页松脱，关不严');
      await page.click('#round-sheet button[type=submit]');
      await waitPending(4);
      const status = await page.textContent('[data-sync-status]');
      expect(status.includes('手机'), `says it is kept on the phone: ${status}`);
      const recorded = await page.$$eval('.round-item.state-recorded', (els) => els.length);
      expect(recorded === 3, `three items marked recorded, saw ${recorded}`);
    });

    await checks.step('offline: the page reloads from the phone with its queue, and a scanned tag opens its checklist', async () => {
      await page.reload();
      await page.waitForSelector('#sync-bar');
      await page.waitForFunction(() => document.querySelector('[data-pending]')?.textContent === '4', null, { timeout: 15000 });
      expect(await page.evaluate(() => navigator.onLine) === false, 'still offline');
      await page.goto(`${base}/T/${extinguishers[2].tag}`);
      await page.waitForSelector('#round-sheet form', { timeout: 15000 });
      const subject = await page.textContent('#round-sheet [data-subject]');
      expect(subject.includes(extinguishers[2].asset_code), `the scanned extinguisher's checklist: ${subject}`);
      await page.click('#round-sheet [data-cancel]');
      expect(await pending() === 4, 'still four waiting');
    });

    await checks.step('back online: the queue syncs by itself, once, and the pending count is 0', async () => {
      await network(false);
      await waitPending(0);
      await page.waitForFunction(() => /\d{4}-\d\d-\d\d \d\d:\d\d/.test(document.querySelector('[data-last-sync]')?.textContent ?? ''), null, { timeout: 10000 })
        .catch(() => {});
      const last = await page.textContent('[data-last-sync]');
      expect(/\d{4}-\d\d-\d\d \d\d:\d\d/.test(last), `last sync shown: ${last}`);
      if (shots) await page.screenshot({ path: join(shots, 'round-synced.png') });
      const inspections = async (q) => api(base, `/api/v1/inspections?${q}`, manager);
      for (const a of extinguishers.slice(0, 2)) {
        const list = await inspections(`asset=${a.id}`);
        expect(list.length === 1, `one inspection of ${a.asset_code}, saw ${list.length}`);
        expect(list[0].inspector.id === me.id, 'by 程财宝');
      }
      expect((await inspections(`asset=${extinguishers[2].id}`)).length === 0, 'the cancelled scan recorded nothing');
      const roomList = await inspections(`room=${classroom.id}`);
      expect(roomList.length === 1, `one inspection of the classroom, saw ${roomList.length}`);
      const withPhoto = (await inspections(`asset=${extinguishers[1].id}`))[0];
      const photos = withPhoto.answers.flatMap((a) => a.photos);
      expect(photos.length === 1, `the photo travelled with it: ${photos.length}`);
      const got = await fetch(`${base}/api/v1/photos/${photos[0]}`, { headers: { authorization: `Bearer ${manager}` } });
      expect(got.ok && got.headers.get('content-type') === 'image/jpeg', 'the photo is on the server');
      const reports = (await api(base, '/api/v1/damage-reports?scope=all', manager)).filter((r) => r.description === '箱门合页松脱，关不严');
      expect(reports.length === 1 && reports[0].reporter.id === me.id, `one damage report, saw ${reports.length}`);
      // A second sync (the button) sends nothing again.
      await page.click('[data-sync-now]');
      await page.waitForTimeout(500);
      expect((await inspections(`asset=${extinguishers[0].id}`)).length === 1, 'still once');
    });


  const boss = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await checks.step('the asset manager sees the round\'s progress and sets up a schedule on the phone', async () => {
    await boss.goto(`${base}/rounds/overview`);
    await signIn(boss, base, 'demo-manager');
    const card = boss.locator('.round-card', { hasText: '每日消防巡查' });
    const progress = await card.locator('.progress-line').textContent();
    expect(/已完成\s*2\s*\/\s*3/.test(progress), `two of three extinguishers done: ${progress}`);
    expect(await card.textContent().then((t) => t.includes('程财宝')), 'assigned to 程财宝');
    await checkPage(boss, 'the progress view fits 360 px');
    await Promise.all([boss.waitForNavigation(), boss.click('a:has-text("巡检计划")')]);
    await hydrated(boss);
    expect((await boss.textContent('main')).includes('消防设备自检（每月）'), 'the calendar\'s schedules are listed');
    await boss.fill('input[name="form[name]"]', '周一周四灭火器抽查');
    await boss.selectOption('select[name="form[template_key]"]', 'fire_equipment');
    await boss.selectOption('select[name="form[every]"]', 'weekly');
    await boss.fill('input[name="form[weekdays]"]', '1，4');
    await boss.fill('input[name="form[categories]"]', '消防器材');
    await boss.fill('input[name="form[weekdays]"]', '1，9');
    await boss.click('form.form button[type=submit]');
    await boss.waitForFunction(() => document.querySelector('.form-error')?.textContent.includes('频次'), null, { timeout: 15000 });
    await boss.fill('input[name="form[weekdays]"]', '1，4');
    await Promise.all([boss.waitForURL(/\/manage\/schedules$/, { timeout: 15000 }), boss.click('form.form button[type=submit]')]);
    await boss.waitForSelector('li.schedule:has-text("周一周四灭火器抽查")');
    const row = await boss.textContent('li.schedule:has-text("周一周四灭火器抽查")');
    expect(row.includes('每周 一、四') && row.includes('程财宝'), `cadence and the 分工 table's person shown: ${row}`);
    await checkPage(boss, 'the schedules page fits 360 px');
    if (shots) await boss.screenshot({ path: join(shots, 'schedules.png'), fullPage: true });
  });
  }
  await context.close();
} finally {
  await close();
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(checks.summary());
