// The asset manager brings a register made by another program (openpyxl) in on a phone: a bad
// file shows its errors by row and column and cannot be committed; a file with a header Rounds
// does not know is mapped by hand (and the mapping kept as a profile), previewed, committed,
// and one of its assets is then found and opened by its tag.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const NARROW = { width: 360, height: 780 };

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
const files = mkdtempSync(join(tmpdir(), 'rounds-import-'));
execFileSync('python3', ['tests/fixtures/registers.py', files, '10']);
try {
  const base = server.base;
  const shots = process.env.SHOTS;
  const page = await (await browser.newContext({ viewport: NARROW })).newPage();
  const preview = () => page.waitForSelector('.import-summary', { timeout: 20000 });
  const choose = async (name) => {
    await page.setInputFiles('.importer input[type=file]', join(files, name));
    await page.waitForFunction((n) => document.querySelector('.import-summary h2')?.textContent === n, name, { timeout: 20000 });
  };
  const count = async (label) => Number(await page.$eval('.import-counts', (dl, l) =>
    [...dl.querySelectorAll('div')].find((d) => d.querySelector('dt').textContent === l).querySelector('dd').textContent, label));

  await checks.step('the asset manager opens the importer from the manage page', async () => {
    await page.goto(`${base}/signin?next=/manage`);
    await signIn(page, base, 'demo-manager');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/manage/import"]')]);
    expect((await page.textContent('h1')).trim() === '导入资产登记表', 'the import page in Chinese');
    expect((await page.textContent('main')).includes('还没有导入过'), 'no import yet');
    await hydrated(page);
    await checkPage(page, 'fits 360 px');
  });

  await checks.step('a bad register shows each error by its row and column, and offers no commit', async () => {
    await choose('bad.xlsx');
    await preview();
    const errors = await page.$$eval('.row-errors li', (li) => li.map((l) => l.textContent));
    expect(errors.length === 4, `four errors: ${errors.join(' | ')}`);
    expect(errors.some((e) => e.startsWith('第 3 行 E 列（取得日期）')), `the date in row 3: ${errors[0]}`);
    expect(errors.some((e) => e.includes('第 6 行') && e.includes('第 2 行')), 'the duplicate names the first row');
    expect(await count('错误') === 4, 'four errors counted');
    expect((await page.$$('.import-summary button.commit')).length === 0, 'no commit button');
    expect((await page.textContent('.import-summary')).includes('请先改正'), 'told to correct first');
    await checkPage(page, 'the errors fit 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'import-errors.png'), fullPage: true });
  });

  await checks.step('a header it does not know is mapped by hand, and the preview follows', async () => {
    await choose('odd_headers.xlsx');
    const unmapped = await page.$eval('select[data-letters=E]', (s) => s.value);
    expect(unmapped === '', '放置处 is left out at first');
    expect(await count('新建房间') === 0, 'no room without a location');
    const location = await page.$eval('select[data-letters=E]', (s) =>
      [...s.options].find((o) => o.textContent === '存放地点').value);
    await page.selectOption('select[data-letters=E]', location);
    await page.waitForFunction(() => document.querySelector('.import-counts')?.textContent.includes('新建房间1'), null, { timeout: 20000 });
    const text = await page.textContent('.import-preview');
    expect(text.includes('陶艺室') && text.includes('LCX-2022-101'), 'the new room and asset are listed');
    expect(await count('新建资产') === 1 && await count('新标签') === 2, 'one asset, two new tags');
    await page.fill('input[name=profile_name]', '区资产系统');
    await page.click('.profile-form button');
    await page.waitForSelector('.import-note', { timeout: 10000 });
    const offered = await page.$$eval('select[name=profile] option', (o) => o.map((x) => x.value));
    expect(offered.includes('区资产系统'), 'the saved profile is offered');
    await checkPage(page, 'the mapping fits 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'import-preview.png'), fullPage: true });
  });

  let tag = null;
  await checks.step('committing imports the file whole and offers its labels', async () => {
    await page.click('.import-summary button.commit');
    await page.waitForSelector('.import-summary .import-note[role=status]', { timeout: 20000 });
    expect((await page.textContent('.import-summary')).includes('导入完成'), 'done');
    expect(await page.$('a[href^="/manage/labels"]'), 'a link to print the new labels');
    const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) });
    const imports = await api(base, '/api/v1/imports', token);
    expect(imports.length === 1 && imports[0].file_name === 'odd_headers.xlsx' && imports[0].counts.new_assets === 1, 'one import recorded');
    await page.reload();
    expect((await page.textContent('main')).includes('odd_headers.xlsx'), 'the page lists the import');
  });

  await checks.step('the imported asset is found, and its tag opens it', async () => {
    await page.goto(`${base}/manage/assets?q=LCX-2022-101`);
    await Promise.all([page.waitForNavigation(), page.click('ul.list a[href^="/assets/"]')]);
    const record = await page.textContent('.record');
    expect(record.includes('钢琴') && record.includes('陶艺室'), 'the piano in its new room');
    tag = await page.$eval('.record .item:has(dt:text-is("标签码")) dd', (d) => d.textContent.trim());
    expect(/^[A-Z0-9]{4,}/.test(tag), `a tag: ${tag}`);
    await page.goto(`${base}/t/${tag}`);
    expect((await page.textContent('h1')).includes('钢琴'), 'the tag opens the piano');
    await checkPage(page, 'the record fits 360 px');
  });

  await checks.step('the same file again changes nothing and says it was imported before', async () => {
    await page.goto(`${base}/manage/import`);
    await hydrated(page);
    await page.selectOption('select[name=profile]', '区资产系统');
    await choose('odd_headers.xlsx');
    const text = await page.textContent('.import-summary');
    expect(text.includes('导入') && text.includes('曾于'), 'imported before');
    expect(text.includes('没有要导入的内容'), 'nothing to do');
    expect(await count('不变的资产') === 1, 'the asset is unchanged');
  });
  await checks.step('the ledgers page offers the ledgers of the month, each download is a spreadsheet, and the week closes', async () => {
    await page.goto(`${base}/manage`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/manage/ledgers"]')]);
    expect((await page.textContent('h1')).trim() === '台账', 'the ledgers page in Chinese');
    const text = await page.textContent('main');
    expect(text.includes('维修台账') && text.includes('检查记录表-消防设备自检'), 'the repair ledger and the fire record');
    await page.fill('input[type=week]', '2026-W49');
    await Promise.all([page.waitForNavigation(), page.click('.period-form:has(input[type=week]) button')]);
    expect((await page.textContent('main h2')).includes('2026-W49'), 'the week chosen');
    await checkPage(page, 'the ledgers fit 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'ledgers.png'), fullPage: true });
    const links = await page.$$eval('.ledger a[download]', (a) => a.map((x) => x.getAttribute('href')));
    expect(links.length >= 6 && links.every((l) => l.startsWith('/api/v1/exports/')), `links: ${links.length}`);
    for (const href of links.filter((l) => l.endsWith('xlsx'))) {
      const res = await page.request.get(base + href);
      const body = await res.body();
      expect(res.ok() && body.subarray(0, 2).toString() === 'PK', `${href} is an XLSX`);
    }
    const repairs = 'li[data-ledger="repairs"]';
    expect((await page.textContent(repairs)).includes('未结账'), 'the week is open');
    await Promise.all([page.waitForNavigation(), page.click(`${repairs} .close-form button`)]);
    const closed = await page.textContent(repairs);
    expect(closed.includes('结账') && /SHA-256 [0-9a-f]{64}/.test(closed), `the week closed with its checksum: ${closed}`);
    expect(!(await page.$(`${repairs} .close-form`)), 'no second closing');
    await checkPage(page, 'the closed ledgers fit 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'ledgers-closed.png'), fullPage: true });
  });
  await checks.step('the dashboard renders its figures and server-drawn charts at 360 px, each a link', async () => {
    const post = (body) => ({ method: 'POST', body: JSON.stringify(body) });
    const { token } = await api(base, '/api/v1/auth/token', null, post({ login: 'demo-teacher', password: 'rounds-demo' }));
    const desk = (await api(base, `/api/v1/assets?q=${encodeURIComponent('课桌椅')}&limit=1`, token)).items[0];
    await api(base, '/api/v1/damage-reports', token, post({ asset_id: desk.id, description: '桌腿松动' }));
    await page.goto(`${base}/manage`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/dashboard"]')]);
    expect((await page.textContent('h1')).trim() === '看板', 'the dashboard in Chinese');
    const figures = await page.$$eval('.tiles.figures a', (a) => a.map((x) => x.getAttribute('href')));
    expect(figures.length === 8 && figures.includes('/reports?scope=open') && figures.includes('/supplies?low=1') && figures.includes('/purchases#budget'), `figures: ${figures}`);
    expect((await page.$$('.chart-card')).length === 5, 'five charts');
    const bars = await page.$$eval('svg.chart a', (a) => a.map((x) => x.getAttribute('href')));
    expect(bars.length >= 4 && bars.every((h) => h.startsWith('/')), `bars link to lists: ${bars.length}`);
    expect(await page.$$eval('script[src]', (s) => s.length) === 0, 'no chart script');
    const label = await page.$eval('svg.chart text', (t) => t.getBoundingClientRect().height);
    expect(label >= 10, `chart text readable: ${label}px`);
    await checkPage(page, 'the dashboard fits 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click('.tiles.figures a[href="/reports?scope=open"]')]);
    expect((await page.textContent('main')).includes('桌腿松动'), 'the open repairs list shows the report');
  });
} finally {
  await close();
  server.stop();
  rmSync(files, { recursive: true, force: true });
}
process.exit(checks.summary());
