// Stocktakes on a phone: the asset manager starts one of the whole school (over the API for
// now), a staff member finds it from the rounds page, opens it, sees every room with its
// counts at 360 px, and sees a scan synced from the queue counted on the next visit.
import { Checks, api, expect, checkPage, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
const uuid7 = () => {
  const hex = Date.now().toString(16).padStart(12, '0') + [...crypto.getRandomValues(new Uint8Array(10))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
try {
  const base = server.base;
  const token = async (login) => (await api(base, '/api/v1/auth/token', null,
    { method: 'POST', body: JSON.stringify({ login, password: 'rounds-demo' }) })).token;
  const manager = await token('demo-manager');
  const started = await api(base, '/api/v1/stocktakes', manager,
    { method: 'POST', body: JSON.stringify({ name: '2026 秋季全校盘点', due: '2026-12-20' }) });
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });

  await checks.step('staff find the stocktake from their rounds page', async () => {
    await page.goto(`${base}/signin`);
    await signIn(page, base, 'demo-staff');
    await page.goto(`${base}/rounds`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/stocktakes"]')]);
    const main = await page.textContent('main');
    expect(main.includes('资产盘点') && main.includes('2026 秋季全校盘点'), 'the stocktake is listed');
    expect(main.includes('盘点中') && main.includes('2026-12-20'), 'with its state and due day');
    await checkPage(page, 'the list fits 360 px');
  });

  await checks.step('each room shows its counts, and a synced scan is counted', async () => {
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/stocktakes/${started.id}"]`)]);
    const rows = await page.$$('table.figures tbody tr');
    expect(rows.length === started.rooms.length && rows.length > 0, `${rows.length} rooms shown`);
    expect((await page.textContent('main')).includes('未盘'), 'the columns in Chinese');
    await checkPage(page, 'the page fits 360 px (the table scrolls inside itself)');
    const expected = await api(base, `/api/v1/stocktakes/${started.id}/expected`, manager);
    const asset = expected.find((e) => e.tag && e.room_id);
    const staff = await token('demo-staff');
    const answer = await api(base, '/api/v1/sync', staff, { method: 'POST', body: JSON.stringify({ records: [
      { kind: 'stocktake_scan', record: { id: uuid7(), stocktake_id: started.id, room_id: asset.room_id, code: asset.tag } }] }) });
    expect(answer.results[0].class === 'found', JSON.stringify(answer.results[0]));
    await page.reload();
    const counted = await page.$$eval('dl.fields .item', (items) => items
      .filter((i) => i.querySelector('dt').textContent === '已盘').map((i) => i.querySelector('dd').textContent));
    expect(counted.length === 1 && counted[0] === '1', `counted: ${counted}`);
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
