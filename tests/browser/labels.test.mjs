// The asset manager prints labels on a phone: pick a building and a stock, preview the sheets,
// download one PDF (with progress), and every QR code on it opens the right record.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const DPI = 300;
const BUILDING = '行政楼';

/** Every QR code in the PDF, by page and position: zbarimg reads each page, and a label it
 *  missed among many is cut out and read again on its own. */
function readLabels(pdf, stock, dir) {
  const file = join(dir, 'job.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', file, join(dir, 'page')]);
  const zbar = (png) => {
    try {
      return execFileSync('zbarimg', ['-q', '--raw', png], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().split('\n').filter(Boolean);
    } catch { return []; } // zbarimg exits 4 when it finds nothing
  };
  const pages = readdirSync(dir).filter((f) => f.startsWith('page')).sort();
  const px = (mm) => Math.round(mm / 25.4 * DPI);
  const found = [];
  pages.forEach((png, n) => {
    found.push(...zbar(join(dir, png)));
    for (let i = 0; i < stock.labels_per_page; i++) {
      const col = i % stock.columns, row = Math.floor(i / stock.columns);
      const x = stock.margin_left_mm + col * (stock.label_width_mm + stock.gap_x_mm);
      const y = stock.margin_top_mm + row * (stock.label_height_mm + stock.gap_y_mm);
      const crop = join(dir, `crop-${n}-${i}`);
      execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', '-singlefile', '-f', String(n + 1), '-l', String(n + 1),
        '-x', String(px(x)), '-y', String(px(y)), '-W', String(px(stock.label_width_mm)), '-H', String(px(stock.label_height_mm)), file, crop]);
      for (const url of zbar(crop + '.png')) if (!found.includes(url)) found.push(url);
    }
  });
  return { pages: pages.length, found };
}

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
const work = mkdtempSync(join(tmpdir(), 'rounds-labels-'));
try {
  const base = server.base;
  const shots = process.env.SHOTS;
  const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) });
  const stock = (await api(base, '/api/v1/label-stocks', token)).find((s) => s.name === 'a4-3x8');
  const context = await browser.newContext({ viewport: PHONE, acceptDownloads: true });
  const page = await context.newPage();
  let preview = null;

  await checks.step('the asset manager opens the labels desk from the manage page', async () => {
    await page.goto(`${base}/signin?next=/manage`);
    await signIn(page, base, 'demo-manager');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/manage/labels"]')]);
    expect((await page.textContent('h1')).trim() === '标签打印', 'the labels page in Chinese');
    expect((await page.textContent('main')).includes('5000'), 'the job limit is stated');
    await checkPage(page, 'fits 390 px');
  });

  await checks.step('picking a building and a stock previews the sheets as they print', async () => {
    const building = await page.$eval('select[name=building]', (s, name) =>
      [...s.options].find((o) => o.textContent === name).value, BUILDING);
    await page.selectOption('select[name=what]', 'assets');
    await page.selectOption('select[name=building]', building);
    await page.selectOption('select[name=stock]', 'a4-3x8');
    await page.fill('input[name=skip]', '2');
    await Promise.all([page.waitForNavigation(), page.click('form.labels-form button[type=submit]')]);
    preview = await page.textContent('.label-preview');
    expect(/共 \d+ 张标签，\d+ 页/.test(preview), `a summary: ${preview.slice(0, 80)}`);
    const sheets = await page.$$('.sheet-frame svg');
    expect(sheets.length >= 1, 'at least one sheet drawn');
    expect((await page.$$('.sheet-frame svg .slot.skipped')).length === 2, 'two skipped positions shown');
    expect((await page.textContent('.sheet-frame')).includes(BUILDING), 'labels name the building');
    await page.setViewportSize({ width: 360, height: 740 });
    await checkPage(page, 'the preview fits 360 px');
    if (shots) await page.screenshot({ path: join(shots, 'labels-preview.png'), fullPage: true });
    await page.setViewportSize(PHONE);
  });

  await checks.step('the download shows progress and saves one PDF whose codes all open the right record', async () => {
    await hydrated(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      page.click('.download button'),
    ]);
    await page.waitForSelector('.download-status a[download]', { timeout: 30000 });
    const file = join(work, 'labels.pdf');
    await download.saveAs(file);
    const pdf = execFileSync('cat', [file]);
    expect(pdf.subarray(0, 5).toString() === '%PDF-', 'a PDF');
    const count = Number(preview.match(/共 (\d+) 张/)[1]);
    const { pages, found } = readLabels(pdf, stock, work);
    expect(pages === Math.ceil((count + 2) / 24), `${pages} pages for ${count} labels`);
    expect(found.length === count, `${found.length} of ${count} codes read`);
    for (const url of found) {
      const res = await page.request.get(url);
      const text = await res.text();
      const code = url.split('/').pop();
      expect(res.ok() && text.includes(code) && text.includes(BUILDING), `${url} opens a record in ${BUILDING}`);
    }
    const log = await api(base, '/api/v1/labels/jobs', token);
    expect(log.length === 1 && log[0].labels === count, 'the print is logged');
  });

  await checks.step('a bad job shows a translated message and no download button', async () => {
    await page.goto(`${base}/manage/labels?what=assets&stock=a4-3x8&skip=24`);
    const error = await page.textContent('.form-error');
    expect(error.includes('跳过的位置') && error.includes('23'), `message: ${error}`);
    expect((await page.$$('.download button')).length === 0, 'nothing to download');
  });
} finally {
  await close();
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(checks.summary());
