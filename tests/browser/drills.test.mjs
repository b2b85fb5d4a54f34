// Drills on a phone: the semester's drills from the safety calendar are listed; one due this
// month shows on the rounds page; the staff on duty records it — a record with nobody taking
// part is refused in place, in Chinese — and a problem found on a room opens its repair; the
// record reads back in Chinese and in English.
import { PHONE, Checks, api, expect, checkPage, hydrated, launch, signIn, startServer } from './harness.mjs';

const checks = new Checks();
const server = await startServer();
const { browser, close } = await launch();
try {
  const base = server.base;
  const token = async (login) => (await api(base, '/api/v1/auth/token', null, { method: 'POST', body: JSON.stringify({ login, password: 'rounds-demo' }) })).token;
  const manager = await token('demo-manager');
  const schoolDay = new Date(Date.now() + 8 * 3600 * 1000).toISOString();
  const [today, month] = [schoolDay.slice(0, 10), schoolDay.slice(0, 7)];
  const drill = await api(base, '/api/v1/drills', manager, { method: 'POST', body: JSON.stringify({ kind: 'evacuation', title: '午休时段疏散演练', month }) });

  const staff = await browser.newPage({ viewport: PHONE });
  await checks.step("the semester's drills from the safety calendar are listed", async () => {
    await staff.goto(`${base}/signin`);
    await signIn(staff, base, 'demo-staff');
    await staff.goto(`${base}/`);
    await Promise.all([staff.waitForNavigation(), staff.click('main a[href="/drills"]')]);
    const main = await staff.textContent('main');
    expect(main.includes('安全演练') && main.includes('午休时段疏散演练') && main.includes('门卫防爆演练'), `the drills: ${main}`);
    await checkPage(staff, 'the drills fit the phone');
  });

  await checks.step('the drill due this month is on the rounds page', async () => {
    await staff.goto(`${base}/rounds`);
    const due = await staff.textContent('section.drills-due');
    expect(due.includes('待举行的演练') && due.includes('午休时段疏散演练') && due.includes('本月进行'), `due: ${due}`);
    await checkPage(staff, 'the rounds page with its drills fits the phone');
    await Promise.all([staff.waitForNavigation(), staff.click(`section.drills-due a[href="/drills/${drill.id}"]`)]);
    expect((await staff.textContent('h1')).includes('午休时段疏散演练'), 'the drill page');
  });

  await checks.step('a record with nobody taking part is refused in place; a full one opens the repair', async () => {
    await hydrated(staff);
    const form = 'form.record-drill-form';
    await staff.fill(`${form} input[name="form[held_on]"]`, today);
    await staff.fill(`${form} input[name="form[participants]"]`, '0');
    await staff.fill(`${form} input[name="form[minutes]"]`, '12');
    await staff.click(`${form} button[type=submit]`);
    await staff.waitForSelector(`${form} .form-error:has-text("参加人数")`, { timeout: 10000 });
    await staff.fill(`${form} input[name="form[participants]"]`, '620');
    await staff.fill(`${form} input[name="form[summary]"]`, '全校疏散用时 3 分 40 秒');
    await staff.fill(`${form} input[name="form[findings][0][description]"]`, '三楼东侧安全出口指示灯不亮');
    await staff.selectOption(`${form} select[name="form[findings][0][room]"]`, { index: 1 });
    await Promise.all([staff.waitForNavigation(), staff.click(`${form} button[type=submit]`)]);
    const main = await staff.textContent('main');
    expect(main.includes('已完成') && main.includes('620') && main.includes('已报修'), `recorded: ${main}`);
    const stored = await api(base, `/api/v1/drills/${drill.id}`, manager);
    expect(stored.state === 'held' && stored.findings[0].report_id, 'held, with its repair');
    await checkPage(staff, 'the recorded drill fits the phone');
  });

  await checks.step('the record in English', async () => {
    await Promise.all([staff.waitForNavigation(), staff.click('header button[lang="en"]')]);
    const english = await staff.textContent('main');
    expect(english.includes('Held') && english.includes('Participants') && english.includes('Problems found'), `in English: ${english}`);
    await checkPage(staff, 'the English drill fits the phone');
  });
} finally {
  await close();
  server.stop();
}
process.exit(checks.summary());
