// Starts the release server on a free port with a fresh demo database (SQLite, or a fresh
// PostgreSQL database with ROUNDS_TEST_DATABASE=postgres, dropped after), and a headless Debian
// Chromium with a phone viewport; counts checks and prints "N passed, M failed".
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const POSTGRES = process.env.ROUNDS_TEST_POSTGRES || 'postgres://postgres@127.0.0.1:5432';

/** The database of one test file: a file in its data folder, or a fresh PostgreSQL database. */
function database(data, port) {
  if (process.env.ROUNDS_TEST_DATABASE !== 'postgres') {
    return { url: `sqlite://${data}/rounds.db`, drop: () => {} };
  }
  const name = `rounds_browser_${port}_${Date.now()}`;
  const sql = (query) => execFileSync('psql', [`${POSTGRES}/postgres`, '-qc', query]);
  sql(`CREATE DATABASE ${name}`);
  return { url: `${POSTGRES}/${name}`, drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The server on a free port; with `tls` ({ cert, key }: PEM files) it serves https. */
export async function startServer({ tls } = {}) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'rounds-browser-'));
  const base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const db = database(data, port);
  const proc = spawn('target/release/rounds', ['serve', '--addr', `127.0.0.1:${port}`, '--data', data,
    '--database-url', db.url, '--public-url', base, '--demo',
    ...(tls ? ['--tls-cert', tls.cert, '--tls-key', tls.key] : [])],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RUST_LOG: 'warn' } });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(base + '/healthz')).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () => {
    proc.kill('SIGTERM');
    db.drop();
    rmSync(data, { recursive: true, force: true });
  };
  return { base, port, stop };
}

/** Headless Chromium; `args` adds switches (a fake camera, say). */
export async function launch(args = []) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rounds-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', ...args],
  });
  watchPolicy(browser);
  return { browser, close: async () => { await browser.close(); rmSync(userDataDir, { recursive: true, force: true }); } };
}

/** What the Content-Security-Policy refused on any page of this run; `summary()` fails on any. */
const refused = [];
/** Islands a page showed that its wasm bundle lacks (Bundle in app/src/components/frame.rs). */
const unbundled = [];

function watchPage(page) {
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) refused.push(`${page.url()}: ${text}`);
    if (/Could not find WASM function for the island/.test(text)) unbundled.push(`${page.url()}: ${text}`);
  });
}

/**
 * Every page opened from `browser` (directly or through a context) reports what the policy
 * refused. `browser.newPage()` opens its page in a context of its own, closed with the page, as
 * Playwright's does, but one that may open more pages (axe-core's audit needs one).
 */
function watchPolicy(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.on('page', watchPage);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
}

/** Runs named steps in order; a failed step is reported and stops the flow it belongs to. */
export class Checks {
  passed = 0;
  failed = 0;
  async step(name, fn) {
    try {
      await fn();
      this.passed++;
      console.log(`ok   ${name}`);
      return true;
    } catch (e) {
      this.failed++;
      console.log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
      return false;
    }
  }
  summary() {
    if (refused.length) {
      this.failed++;
      console.log(`FAIL the Content-Security-Policy refused ${refused.length} thing(s): ${refused.slice(0, 3).join(' | ')}`);
    } else {
      this.passed++;
      console.log('ok   no page broke the Content-Security-Policy');
    }
    if (unbundled.length) {
      this.failed++;
      console.log(`FAIL ${unbundled.length} island(s) missing from their page's wasm bundle: ${unbundled.slice(0, 3).join(' | ')}`);
    } else {
      this.passed++;
      console.log('ok   every island shown was in its page\'s wasm bundle');
    }
    if (inaccessible.size) {
      this.failed++;
      console.log(`FAIL axe-core found ${inaccessible.size} accessibility problem(s):`);
      for (const line of inaccessible.values()) console.log(`     ${line}`);
    } else {
      this.passed++;
      console.log('ok   axe-core found nothing on the pages audited');
    }
    console.log(`browser: ${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

export async function api(base, path, token, init = {}) {
  const res = await fetch(base + path, { ...init, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return res.json();
}

export async function signIn(page, base, login) {
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'rounds-demo');
  await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
}

/** Waits until the islands on the page have hydrated (the wasm is loaded and ran). */
export async function hydrated(page) {
  await page.waitForFunction(() => typeof window.__hydrateIsland === 'function', null, { timeout: 15000 });
  await page.waitForLoadState('networkidle');
}

/** True when nothing on the page scrolls sideways. */
export async function fitsWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** What axe-core found on the pages audited in this run, one line a page and rule. */
const inaccessible = new Map();

/**
 * The page as a phone shows it now: nothing scrolls sideways (else `what` fails the step), and
 * axe-core finds no WCAG 2.1 A/AA violation (collected; `summary()` fails on any).
 */
export async function checkPage(page, what) {
  expect(await fitsWidth(page), what);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const path = new URL(page.url()).pathname;
  for (const v of violations) {
    const where = v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ');
    inaccessible.set(`${path} ${v.id}`, `${path}: ${v.id} on ${v.nodes.length} element(s) (${where}): ${v.help}`);
  }
}
