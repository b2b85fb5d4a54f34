// Counting a room with the camera, on a phone: the asset manager starts a stocktake of one
// building on the page; Chromium's fake camera plays a video made here from our own label PDF (the room's
// door tag, two of its assets, an asset of another room, a blank tag, then the first asset
// again), moved and scaled across the frame. The page counts found, 位置不符, 盘盈 and the
// repeat live; a keyboard-wedge burst typed with no connection is kept and synced when the
// connection returns; a batch record (30 chairs on one tag, brought in from a register file)
// asks how many are here; the report's 盘亏 are exactly the room's assets never shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checks, PHONE, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';
import { frame, renderPdf, writeY4m } from '../scanner/frames.mjs';

const [W, H, FPS] = [640, 480, 10];
const checks = new Checks();
const server = await startServer();
const base = server.base;
const token = async (login) => (await api(base, '/api/v1/auth/token', null,
  { method: 'POST', body: JSON.stringify({ login, password: 'rounds-demo' }) })).token;
const manager = await token('demo-manager');
const authed = { 'content-type': 'application/json', authorization: `Bearer ${manager}` };

// A stocktake of the building with the most tagged assets, and the room of it to count.
const buildings = await api(base, '/api/v1/buildings', manager);
const whole = await api(base, '/api/v1/stocktakes', manager, { method: 'POST', body: JSON.stringify({ name: 'probe' }) });
const probe = await api(base, `/api/v1/stocktakes/${whole.id}/expected`, manager);
const roomCounts = new Map();
for (const e of probe) if (e.tag && e.room_id) roomCounts.set(e.room_id, (roomCounts.get(e.room_id) || 0) + 1);
const roomId = [...roomCounts.entries()].sort((a, b) => b[1] - a[1])[0][0];
const probeRoom = whole.rooms.find((r) => r.room_id === roomId);
const building = buildings.find((b) => b.name === probeRoom.building);
await fetch(`${base}/api/v1/stocktakes/${whole.id}/finish`, { method: 'POST', headers: authed });
const inBuilding = new Set(whole.rooms.filter((r) => r.building === probeRoom.building).map((r) => r.room_id));
const room = probeRoom;
const inRoom = probe.filter((e) => e.room_id === roomId && e.tag);
const elsewhere = probe.find((e) => inBuilding.has(e.room_id) && e.room_id !== roomId && e.tag);
let started = null; // the stocktake the manager starts on the page
let expected = null; // its frozen list
const [a1, a2, a3, a4] = inRoom;

// A batch record in the room: 30 student chairs on one tag, from a register file.
const register = `资产编号,资产名称,资产分类,数量,价值,存放地点\nKZY-PL-2026-01,学生椅,课桌椅,30,3000,${room.building}/${room.room}\n`;
const upload = new FormData();
upload.append('file', new Blob([register], { type: 'text/csv' }), '学生椅.csv');
upload.append('quantities', 'batch');
upload.append('commit', 'true');
const imported = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${manager}` }, body: upload });
if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
let chairs = null; // the batch record in the stocktake's frozen list

// The labels, printed as the asset manager would (thermal 30×20 mm), and one blank tag.
async function labels(job) {
  const res = await fetch(`${base}/api/v1/labels`, { method: 'POST', headers: authed, body: JSON.stringify({ stock: 'thermal-30x20', ...job }) });
  if (!res.ok) throw new Error(`labels: ${res.status} ${await res.text()}`);
  return renderPdf(Buffer.from(await res.arrayBuffer()), 200);
}
const [door, img1, img2, imgMisplaced] = await labels({ tags: [room.tag, a1.tag, a2.tag, elsewhere.tag] });
const [blank] = await labels({ new_tags: 1 });

// The video: each label held ~1.5 s while it drifts and grows, a second of empty desk between.
const shown = [door, img1, img2, imgMisplaced, blank, img1];
const frames = [];
const empty = frame(W, H, [], { seed: 1 });
for (const [k, image] of shown.entries()) {
  for (let i = 0; i < 15; i++) {
    frames.push(frame(W, H, [{ image, cx: 250 + i * 10, cy: 220 + (k % 2) * 30, scale: 1.3 + i * 0.03, angle: (k - 2) * 4 }], { seed: 10 + k * 100 + i }));
  }
  for (let i = 0; i < 12; i++) frames.push(empty);
}
for (let i = 0; i < 60; i++) frames.push(empty); // then a long stretch of nothing before it loops
const videoDir = mkdtempSync(join(tmpdir(), 'rounds-camera-'));
const video = join(videoDir, 'labels.y4m');
writeY4m(video, frames, W, H, FPS);

const { browser, close } = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`]);
try {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await context.grantPermissions(['camera'], { origin: base });
  const page = await context.newPage();
  const tally = (scope) => page.$$eval(`[data-tally="${scope}"] [data-n]`, (dds) => Object.fromEntries(dds.map((d) => [d.dataset.n, Number(d.textContent)])));
  const rows = () => page.$$eval('[data-scans] li', (lis) => lis.map((li) => ({ cls: li.dataset.class, code: li.dataset.code })));

  await checks.step('the manager starts a stocktake of one building on the phone', async () => {
    await page.goto(`${base}/signin`);
    await signIn(page, base, 'demo-manager');
    await page.goto(`${base}/stocktakes`);
    await hydrated(page);
    await page.click('details summary');
    await page.fill('.stocktake-start input[name=name]', '2026 秋季 教学楼盘点');
    await page.selectOption('.stocktake-start select[name=building]', building.id);
    await checkPage(page, 'the form fits the phone');
    await Promise.all([page.waitForURL(/\/stocktakes\/[0-9a-f-]{36}$/), page.click('.stocktake-start button[type=submit]')]);
    const id = page.url().split('/stocktakes/')[1];
    started = await api(base, `/api/v1/stocktakes/${id}`, manager);
    expected = await api(base, `/api/v1/stocktakes/${id}/expected`, manager);
    chairs = expected.find((e) => e.asset_code === 'KZY-PL-2026-01');
    expect(chairs?.quantity === 30 && chairs.tag && chairs.room_id === roomId, `the batch record is expected: ${JSON.stringify(chairs)}`);
    expect(started.scope.buildings.length === 1 && started.scope.buildings[0] === building.id, 'scoped to the building');
    expect(started.rooms.every((r) => inBuilding.has(r.room_id)), 'only its rooms');
  });

  await checks.step('the manager opens the counting page from the stocktake at phone width', async () => {
    const fetched = [];
    const onRequest = (r) => fetched.push(new URL(r.url()).pathname);
    context.on('request', onRequest);
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/stocktakes/${started.id}/count"]`)]);
    await page.waitForSelector('#count[data-ready="true"]');
    expect((await page.textContent('main')).includes('清点房间'), 'the page in Chinese');
    await checkPage(page, 'the page fits the phone');
    await page.waitForSelector('#count[data-offline-ready="true"]', { timeout: 15000 });
    context.off('request', onRequest);
    // The camera's decoder (320 KB) waits until the camera opens: typing works offline already.
    expect(!fetched.some((p) => p.startsWith('/scan/zxing/') || p === '/scan/worker.js'), `no decoder fetched yet: ${fetched}`);
    expect(await page.getAttribute('#count', 'data-camera-offline') === 'false', 'the camera is not kept yet');
    expect((await page.textContent('[data-offline-state]')).includes('打开一次摄像头'), 'the page says how to keep the camera');
  });

  await checks.step('the camera reads the door tag, then counts found, 位置不符, 盘盈 and a repeat', async () => {
    await page.click('[data-scan-start]');
    await page.waitForSelector('.scanner-video');
    await page.waitForFunction((want) => document.querySelector('[data-room]').value === want, roomId, { timeout: 20000 });
    await page.waitForFunction(() => {
      const classes = Array.from(document.querySelectorAll('[data-scans] li'), (li) => li.dataset.class);
      return ['found', 'misplaced', 'repeat'].every((c) => classes.includes(c)) && classes.filter((c) => c === 'found').length >= 2
        && (classes.includes('surplus') || classes.includes('unlisted'));
    }, null, { timeout: 40000 });
    await page.waitForFunction(() => document.querySelector('[data-pending]').textContent === '0', null, { timeout: 15000 });
    const list = await rows();
    expect(list.some((r) => r.cls === 'surplus'), `the blank tag is 盘盈 once synced: ${JSON.stringify(list)}`);
    const t = await tally('room');
    expect(t.expected === expected.filter((e) => e.room_id === roomId).length, `expected ${t.expected}`);
    expect(t.counted === 2 && t.misplaced === 1 && t.surplus === 1, `room tally ${JSON.stringify(t)}`);
    expect(t.missing === t.expected - 2, `missing ${t.missing}`);
    expect(Number(await page.getAttribute('[data-scanner-host]', 'data-frames')) > 10, 'frames went through the worker');
    await checkPage(page, 'the camera view fits the phone');
    await page.click('[data-scanner-stop]');
    // Having opened, the camera and its decoder are kept for counting with no signal.
    await page.waitForSelector('#count[data-camera-offline="true"]', { timeout: 15000 });
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('rounds-shell-v1');
      return Promise.all(['/scan/worker.js', '/scan/zxing/reader.js', '/scan/zxing/zxing_reader.wasm'].map(async (f) => !!(await cache.match(f))));
    });
    expect(kept.every(Boolean), `the camera's files are kept: ${kept}`);
  });

  await checks.step('a keyboard-wedge burst with no connection is kept on the phone, also across a reload', async () => {
    await context.setOffline(true);
    for (const e of [a3, a4]) {
      await page.focus('[data-capture] input');
      await page.keyboard.type(`${base}/t/${e.tag}`, { delay: 4 });
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => document.querySelector('[data-pending]').textContent === '2');
    expect((await tally('room')).counted === 4, 'counted 4 on the phone');
    await page.reload();
    await page.waitForSelector('#count[data-ready="true"]');
    await page.selectOption('[data-room]', roomId);
    expect(await page.textContent('[data-pending]') === '2', 'still 2 waiting after a reload offline');
    expect((await tally('room')).counted === 4, 'and still counted');
    // The camera's decoder starts from the phone's copy with no signal (a blank frame, read by zxing).
    await page.waitForSelector('#count[data-camera-offline="true"]', { timeout: 15000 });
    const read = await page.evaluate(() => new Promise((resolve) => {
      const worker = new Worker('/scan/worker.js');
      worker.onmessage = ({ data }) => { worker.terminate(); resolve(data); };
      worker.onerror = (e) => resolve({ error: String(e.message) });
      worker.postMessage({ id: 1, pixels: new Uint8ClampedArray(64 * 48 * 4).fill(255).buffer, width: 64, height: 48 });
    }));
    expect(!read.error && read.decoder === 'zxing-wasm', `the decoder runs offline: ${JSON.stringify(read)}`);
  });

  await checks.step('back online, the queue syncs once and the server counts it', async () => {
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(() => document.querySelector('[data-pending]').textContent === '0', null, { timeout: 15000 });
    const scans = await api(base, `/api/v1/stocktakes/${started.id}/scans`, manager);
    const counted = scans.filter((s) => !s.undone && (s.class === 'found' || s.class === 'misplaced'));
    expect(counted.length === 5, `five counted on the server: ${counted.length}`);
  });

  await checks.step('a batch record asks how many are here: 28 of 30 is 数量不符', async () => {
    await page.focus('[data-capture] input');
    await page.keyboard.type(`${base}/t/${chairs.tag}`, { delay: 4 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-batch]:not([hidden])');
    expect(await page.inputValue('[data-batch] input') === '30', 'the register\'s quantity is filled in');
    expect((await page.textContent('[data-batch]')).includes('实盘数量'), 'asked in Chinese');
    await page.setViewportSize({ width: 360, height: 740 });
    await checkPage(page, 'the question fits 360 px');
    await page.setViewportSize(PHONE);
    await page.fill('[data-batch] input', '0');
    await page.click('[data-batch] button[type=submit]');
    expect(await page.isVisible('[data-batch]'), 'no count of 0');
    await page.fill('[data-batch] input', '28');
    await page.click('[data-batch] button[type=submit]');
    await page.waitForFunction((code) => document.querySelector(`[data-scans] li[data-code="${code}"]`)?.textContent.includes('28/30'), chairs.tag);
    let kept = null;
    for (let i = 0; i < 50 && !kept; i++) {
      const scans = await api(base, `/api/v1/stocktakes/${started.id}/scans`, manager);
      kept = scans.find((x) => x.asset_id === chairs.asset_id);
      if (!kept) await new Promise((r) => setTimeout(r, 200));
    }
    expect(kept?.counted === 28 && kept.class === 'found', `the server keeps 28: ${JSON.stringify(kept)}`);
    expect((await tally('room')).miscounted === 1, 'the room counts one 数量不符');
  });

  await checks.step('the 扫码 button beside the search box opens a scanned label\'s record', async () => {
    const other = await context.newPage();
    await other.goto(`${base}/t/${a1.tag}`);
    expect(!(await other.$('script[src^="/scan/"]')), 'a record page loads no scanner code');
    await Promise.all([other.waitForNavigation(), other.click('form.search a[href="/scan"]')]);
    await other.waitForURL(/\/t\/[0-9A-Z]{8}$/, { timeout: 40000 });
    // The video shows the door tag, three assets' tags and a blank one: any of them may come first.
    const code = other.url().split('/t/')[1];
    const title = await other.textContent('main h1');
    const known = [room.tag, a1.tag, a2.tag, elsewhere.tag].includes(code);
    expect(known ? !title.includes('未知') : title.includes('空白标签'), `opened ${code}: ${title}`);
    await other.close();
  });

  await checks.step('the stocktake cannot finish until this phone hands in', async () => {
    const desk = await context.newPage();
    await desk.goto(`${base}/stocktakes/${started.id}`);
    await hydrated(desk);
    expect((await desk.textContent('main')).includes('还在清点'), 'the page says who is still counting');
    await desk.click('.stocktake-finish button[type=submit]');
    await desk.waitForFunction(() => document.querySelector('.stocktake-finish .form-error')?.textContent.includes('交回'));
    await page.click('[data-hand-in]');
    await page.waitForFunction(() => document.querySelector('#count').dataset.counting === 'false');
    await desk.click('.stocktake-finish button[type=submit]');
    await desk.waitForFunction(() => document.querySelector('main').textContent.includes('已结束'), null, { timeout: 10000 });
    await desk.close();
  });

  await checks.step('the report\'s 盘亏 in the room are the assets never shown', async () => {
    const report = await api(base, `/api/v1/stocktakes/${started.id}/report`, manager);
    const missingHere = report.missing.filter((m) => m.room_id === roomId).map((m) => m.asset_id).sort();
    const counted = new Set([a1, a2, a3, a4, chairs].map((a) => a.asset_id));
    const never = expected.filter((e) => e.room_id === roomId && !counted.has(e.asset_id)).map((e) => e.asset_id).sort();
    expect(JSON.stringify(missingHere) === JSON.stringify(never), `missing ${missingHere.length}, never shown ${never.length}`);
  });

  await checks.step('the manager settles each difference on the stocktake page', async () => {
    await page.goto(`${base}/stocktakes/${started.id}`);
    await hydrated(page);
    const settle = async (kind, nth) => {
      const before = await page.$$eval(`.differences-list[data-kind="${kind}"] .settle-form`, (f) => f.length);
      await page.locator(`.differences-list[data-kind="${kind}"] li`).nth(nth).locator('button[type=submit]').first().click();
      await page.waitForFunction(([k, n]) => document.querySelectorAll(`.differences-list[data-kind="${k}"] .settle-form`).length < n,
        [kind, before], { timeout: 10000 });
      await hydrated(page);
    };
    await settle('misplaced', 0); // move it in the register
    await settle('missing', 0); // found after all
    const writeOff = page.locator('.differences-list[data-kind="missing"] li').nth(1).locator('button[type=submit]').nth(1);
    await writeOff.click(); // write off: waits for the admin
    await page.waitForFunction(() => document.querySelector('.differences-list[data-kind="missing"]').textContent.includes('报损待管理员批准'), null, { timeout: 10000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/report.xlsx"]')]);
    const file = await download.path();
    const bytes = (await import('node:fs')).readFileSync(file);
    expect(download.suggestedFilename().endsWith('.xlsx') && bytes.subarray(0, 2).toString() === 'PK', 'the report downloads as a workbook');
    const [printable] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/report.pdf"]')]);
    const pdf = (await import('node:fs')).readFileSync(await printable.path());
    expect(printable.suggestedFilename().endsWith('.pdf') && pdf.subarray(0, 5).toString() === '%PDF-', 'the report downloads as a PDF to print');
    await checkPage(page, 'the differences fit the phone');
    // 盘盈: register the tag as a new asset in the room it was found in, then record that.
    // 数量不符: setting the register to 28 lowers it, so it waits for the admin too.
    expect((await page.textContent('.differences-list[data-kind="miscounted"]')).includes('28'), 'the batch counted short is listed');
    await settle('miscounted', 0);
    expect((await page.textContent('.differences-list[data-kind="miscounted"]')).includes('报损待管理员批准'), 'the recount waits for the admin');
    await page.click('.differences-list[data-kind="surplus"] a[href*="/manage/assets/new?tag="]');
    await page.waitForURL((u) => u.pathname === '/manage/assets/new' && u.searchParams.get('room') === roomId);
    await hydrated(page);
    await page.fill('input[name="form[name]"]', '盘盈的投影仪');
    await page.fill('input[name="form[category]"]', '投影仪');
    await page.fill('input[name="form[asset_code]"]', 'PY-2026-0901');
    await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/new'), { timeout: 10000 }), page.click('main form button[type=submit]')]);
    await page.goto(`${base}/stocktakes/${started.id}`);
    await hydrated(page);
    await settle('surplus', 0);
    expect((await page.textContent('.differences-list[data-kind="surplus"]')).includes('已处理'), 'the 盘盈 shows as settled');
    const settlements = await api(base, `/api/v1/stocktakes/${started.id}/settlements`, manager);
    const kinds = settlements.map((x) => `${x.kind}:${x.state}`).sort();
    expect(JSON.stringify(kinds) === JSON.stringify(['found:done', 'move:done', 'recount:pending', 'register:done', 'write_off:pending']), `settled: ${kinds}`);
    const moved = await api(base, `/api/v1/assets/${elsewhere.asset_id}`, manager);
    expect((moved.room?.id ?? moved.asset?.room?.id) === roomId, 'the register follows the misplaced asset to the room it was counted in');
  });

  await checks.step('the admin approves the write-off and the recount on the same page', async () => {
    const admin = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const desk = await admin.newPage();
    await desk.goto(`${base}/signin`);
    await signIn(desk, base, 'demo-admin');
    await desk.goto(`${base}/stocktakes/${started.id}`);
    await hydrated(desk);
    const pending = desk.locator('.differences-list[data-kind="missing"] li', { hasText: '报损待管理员批准' });
    await pending.locator('button[type=submit]', { hasText: '批准报损' }).click();
    await desk.waitForFunction(() => !document.querySelector('.differences-list[data-kind="missing"]').textContent.includes('报损待管理员批准'), null, { timeout: 10000 });
    const settlements = await api(base, `/api/v1/stocktakes/${started.id}/settlements`, manager);
    const off = settlements.find((x) => x.kind === 'write_off');
    expect(off.state === 'done', `the write-off is approved: ${off.state}`);
    const lost = await api(base, `/api/v1/assets/${off.asset_id}`, manager);
    expect((lost.status ?? lost.asset?.status) === 'lost', 'the asset is lost');
    await checkPage(desk, 'the decision fits the phone');
    const recount = desk.locator('.differences-list[data-kind="miscounted"] li', { hasText: '报损待管理员批准' });
    await recount.locator('button[type=submit]', { hasText: '批准报损' }).click();
    await desk.waitForFunction(() => document.querySelector('.differences-list[data-kind="miscounted"]').textContent.includes('已处理'), null, { timeout: 10000 });
    const batch = await api(base, `/api/v1/assets/${chairs.asset_id}`, manager);
    expect(batch.card.quantity === 28 && batch.value_fen === 280000, `the register takes 28 chairs at 100 yuan: ${JSON.stringify(batch.card)} ${batch.value_fen}`);
    await admin.close();
  });
} finally {
  await close();
  server.stop();
  rmSync(videoDir, { recursive: true, force: true });
}
process.exit(checks.summary());
