// The camera on the school's network: `rounds serve --tls-cert --tls-key` serves https (a
// certificate made here with openssl, trusted by this browser alone), the counting page there
// is a secure context and its camera scanner starts (Chromium's fake camera). Opened over plain
// http by a school host name, the same page says why the camera is unavailable and the scanner
// gun field still counts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checks, PHONE, api, expect, launch, signIn, startServer } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'rounds-tls-'));
const tls = { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2',
  '-keyout', tls.key, '-out', tls.cert], { stdio: 'ignore' });
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // this process trusts the certificate it just made

const checks = new Checks();
const secure = await startServer({ tls });
const plain = await startServer();
const { browser, close } = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--host-resolver-rules=MAP school.test 127.0.0.1']);

/** A stocktake (made over the API at `server`) and the manager's phone signed in at `base`. */
async function counting(server, base = server.base) {
  const token = (await api(server.base, '/api/v1/auth/token', null,
    { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) })).token;
  const st = await api(server.base, '/api/v1/stocktakes', token, { method: 'POST', body: JSON.stringify({ name: '秋季盘点' }) });
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await signIn(page, base, 'demo-manager');
  return { page, st, token };
}

try {
  await checks.step('over https the counting page is a secure context and the camera starts', async () => {
    expect(secure.base.startsWith('https://'), secure.base);
    const { page, st } = await counting(secure);
    await page.goto(`${secure.base}/stocktakes/${st.id}/count`);
    await page.waitForSelector('#count[data-ready="true"]');
    expect(await page.evaluate(() => window.isSecureContext), 'a secure context');
    await page.click('[data-scan-start]');
    await page.waitForFunction(() => Number(document.querySelector('[data-scanner-host]').dataset.frames) > 3, null, { timeout: 20000 });
    expect(await page.isHidden('[data-camera-note]'), 'no camera warning');
  });

  await checks.step('over plain http the page says why there is no camera, and the scanner gun still counts', async () => {
    const base = `http://school.test:${plain.port}`;
    const { page, st } = await counting(plain, base);
    await page.goto(`${base}/stocktakes/${st.id}/count`);
    await page.waitForSelector('#count[data-ready="true"]');
    expect(!(await page.evaluate(() => window.isSecureContext)), 'not a secure context');
    const note = await page.textContent('[data-camera-note]');
    expect(note.includes('https') && await page.isVisible('[data-camera-note]'), `the page explains: ${note}`);
    await page.click('[data-scan-start]');
    expect(!(await page.$('.scanner-video')), 'no camera opened');
    const room = st.rooms.find((r) => r.tag);
    await page.focus('[data-capture] input');
    await page.keyboard.type(`${base}/t/${room.tag}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => document.querySelector('[data-room]').value === want, room.room_id);
  });
} finally {
  await close();
  secure.stop();
  plain.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(checks.summary());
