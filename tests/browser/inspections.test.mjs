// From the scan on a phone: staff fill the fire-extinguisher checklist with one failed item
// (a repair ticket opens); a teacher reports a broken desk with a photo; the report appears for
// the responsible staff member, who accepts it.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
const work = mkdtempSync(join(tmpdir(), 'rounds-inspect-'));
try {
  const base = server.base;
  const shots = process.env.SHOTS;
  const { token } = await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login: 'demo-staff', password: 'rounds-demo' }) });
  const find = async (q) => (await api(base, `/api/v1/assets?q=${encodeURIComponent(q)}&limit=50`, token)).items;
  const extinguisher = (await find('灭火器')).find((a) => a.category === '消防器材');
  const desk = (await find('三年级（2）班')).find((a) => a.category === '课桌椅')
    || (await find('课桌椅')).find((a) => a.room && a.room.name === '三年级（2）班');
  expect(extinguisher && desk, 'the demo school has an extinguisher and a desk in 三年级（2）班');

  const staff = await browser.newPage({ viewport: PHONE });
  await checks.step('staff scan an extinguisher and fill its checklist with one failed item', async () => {
    await staff.goto(`${base}/t/${extinguisher.tag}`);
    await signIn(staff, base, 'demo-staff');
    await Promise.all([staff.waitForNavigation(), staff.click('a:has-text("记录检查")')]);
    await hydrated(staff);
    expect((await staff.textContent('.inspection-form h2')).includes('消防设备自检'), 'the fire checklist');
    const items = await staff.$$('.check-item');
    for (let i = 0; i < items.length; i++) {
      await staff.click(`.check-item:nth-of-type(${i + 1}) .choice:has-text("${i === 0 ? '不合格' : '合格'}")`);
    }
    await staff.fill('.check-item:nth-of-type(1) .field input', '指针在红区');
    await checkPage(staff, 'the checklist fits 390 px');
    if (shots) await staff.screenshot({ path: join(shots, 'inspect.png'), fullPage: true });
    await staff.click('.inspection-form button[type=submit]');
    await staff.waitForSelector('.saved', { timeout: 15000 });
    const saved = await staff.textContent('.saved');
    expect(saved.includes('1 项不合格'), `saved: ${saved}`);
    const assigned = await api(base, '/api/v1/damage-reports?scope=assigned', token);
    expect(assigned.some((r) => r.source === 'inspection' && r.asset && r.asset.id === extinguisher.id), 'a repair ticket for the extinguisher');
  });

  await checks.step('the extinguisher\'s scan now shows its last inspection and the open repair', async () => {
    await staff.goto(`${base}/t/${extinguisher.tag}`);
    const check = staff.locator('.checks li', { hasText: '消防设备自检' });
    const line = await check.textContent();
    expect(line.includes('上次检查') && line.includes('程财宝') && line.includes('1 项不合格'), `the check: ${line}`);
    const repair = staff.locator('.standing .report', { hasText: '指针在红区' });
    expect(await repair.count() === 1, 'the ticket under open repairs');
    expect(await repair.locator('button:has-text("受理")').count() === 1, 'staff can move it from here');
    await checkPage(staff, 'the scanned record with its checks fits 390 px');
    if (shots) await staff.screenshot({ path: join(shots, 'scan-standing.png'), fullPage: true });
  });

  const teacher = await browser.newPage({ viewport: PHONE });
  await checks.step('a teacher scans a desk and reports it broken with a photo', async () => {
    const png = Buffer.from(await (await fetch(`${base}/t/${desk.tag}/qr.png?size=300`)).arrayBuffer());
    const photo = join(work, 'desk.png');
    writeFileSync(photo, png);
    await teacher.goto(`${base}/t/${desk.tag}`);
    await signIn(teacher, base, 'demo-teacher');
    expect(!(await teacher.textContent('main')).includes('记录检查'), 'teachers do not inspect');
    await Promise.all([teacher.waitForNavigation(), teacher.click('a:has-text("报告损坏")')]);
    await hydrated(teacher);
    await teacher.fill('.damage-form textarea', '桌面开裂，桌腿松动');
    await teacher.setInputFiles('.damage-form input[type=file]', photo);
    await teacher.waitForSelector('.damage-form .thumbs img', { timeout: 15000 });
    await teacher.setViewportSize({ width: 360, height: 740 });
    await checkPage(teacher, 'the report form fits 360 px');
    if (shots) await teacher.screenshot({ path: join(shots, 'report.png'), fullPage: true });
    await teacher.click('.damage-form button[type=submit]');
    await teacher.waitForSelector('.saved', { timeout: 15000 });
    expect((await teacher.textContent('.saved')).includes('程财宝'), 'it says who handles it');
    await teacher.goto(`${base}/reports`);
    expect((await teacher.textContent('.reports')).includes('桌面开裂'), 'the teacher follows it');
  });

  await checks.step('the report appears for the responsible staff member, who accepts it', async () => {
    await staff.goto(`${base}/reports?scope=assigned`);
    const card = staff.locator('.report', { hasText: '桌面开裂' });
    expect(await card.count() === 1, 'on the assigned list');
    expect(await card.locator('.thumbs img').count() === 1, 'with its photo');
    await Promise.all([staff.waitForNavigation(), card.locator('button:has-text("受理")').click()]);
    const after = staff.locator('.report', { hasText: '桌面开裂' });
    expect((await after.textContent()).includes('已受理'), 'accepted');
    if (shots) await staff.screenshot({ path: join(shots, 'reports.png'), fullPage: true });
  });
  await checks.step('the hazard the failed item found is accepted with its measure and deadline', async () => {
    await staff.goto(`${base}/reports?scope=assigned`);
    const card = staff.locator('.report', { hasText: '指针在红区' });
    expect((await card.textContent()).includes('整改期限'), 'a hazard shows its deadline');
    const form = card.locator('form.step-form', { has: staff.locator('button:has-text("受理")') });
    await form.locator('input[name=measure]').fill('更换灭火器');
    await form.locator('input[name=due_on]').fill('2026-12-31');
    await Promise.all([staff.waitForNavigation(), form.locator('button:has-text("受理")').click()]);
    const after = await staff.locator('.report', { hasText: '指针在红区' }).textContent();
    expect(after.includes('整改措施：更换灭火器') && after.includes('2026-12-31'), `measure and deadline: ${after}`);
    await checkPage(staff, 'the hazard fits 360 px');
  });
  await checks.step('the asset manager turns the report into a compensation case, prints the notice and marks it paid', async () => {
    const manager = await browser.newPage({ viewport: PHONE });
    await manager.goto(`${base}/signin?next=/reports%3Fscope%3Dall`);
    await signIn(manager, base, 'demo-manager');
    const card = manager.locator('.report', { hasText: '桌面开裂' });
    await Promise.all([manager.waitForNavigation(), card.locator('a:has-text("开具赔偿单")').click()]);
    await hydrated(manager);
    await manager.fill('input[name=party_name]', '张小明');
    await manager.fill('input[name=party_class]', '三年级（2）班');
    await manager.fill('input[name=amount]', '1e12');
    await manager.click('.case-form button[type=submit]');
    await manager.waitForSelector('.case-form .form-error:has-text("金额")', { timeout: 10000 });
    await manager.fill('input[name=amount]', '120.50');
    await Promise.all([manager.waitForURL((u) => u.pathname === '/compensations'), manager.click('.case-form button[type=submit]')]);
    const caseCard = manager.locator('.case', { hasText: '张小明' });
    expect((await caseCard.textContent()).includes('¥120.50'), 'the case with its amount');
    const notice = await manager.request.get(base + (await caseCard.locator('a:has-text("赔偿通知单")').getAttribute('href')));
    expect(notice.ok() && (await notice.body()).subarray(0, 5).toString() === '%PDF-', 'the notice is a PDF');
    await hydrated(manager);
    await caseCard.locator('summary:has-text("登记缴费")').click();
    await caseCard.locator('input[name=receipt_no]').fill('HQ-2026-0031');
    await caseCard.locator('input[name=received_by]').fill('殷奇');
    await Promise.all([manager.waitForNavigation(), caseCard.locator('.pay-form button[type=submit]').click()]);
    const after = await manager.locator('.case', { hasText: '张小明' }).textContent();
    expect(after.includes('已缴'), `paid: ${after} at ${manager.url()}`);
    await checkPage(manager, 'fits 390 px');
    if (shots) await manager.screenshot({ path: join(shots, 'compensation.png'), fullPage: true });
  });
} finally {
  await close();
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(checks.summary());
