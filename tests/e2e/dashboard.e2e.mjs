// End-to-end test of the web dashboard in a real browser (ctest e2e_dashboard,
// docs/dashboard.md). It seeds a temporary SQLite store with `dyad ingest`,
// starts `dyad serve` on a free loopback port, drives Debian's chromium
// (headless, through playwright-core from web/node_modules) through the four
// views and checks what a user would see. Exit 77 (skipped) when chromium,
// playwright-core or the built dashboard is missing; screenshots and the
// server log of a failure go to --out.
//
//   node tests/e2e/dashboard.e2e.mjs --dyad build/bin/dyad --web build/web --out build/e2e

import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dyad = path.resolve(arg('dyad', path.join(root, 'build/bin/dyad')));
const web = path.resolve(arg('web', path.join(root, 'build/web')));
const out = path.resolve(arg('out', path.join(root, 'build/e2e')));
const chromiumPath = process.env.DYAD_CHROMIUM ?? '/usr/bin/chromium';
const sample = path.join(root, '../shared/samples/000_f04b992bf11de041.txt');

// CI (CI=true, .ci/run) installs everything, so a missing piece there is a failure, not a skip.
function skip(why) {
  console.log(`e2e_dashboard: ${process.env.CI === 'true' ? 'FAILED (CI=true)' : 'SKIPPED'}: ${why}`);
  process.exit(process.env.CI === 'true' ? 1 : SKIP);
}
if (!fs.existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath} (bash tools/install-deps.sh)`);
let chromium;
try {
  ({ chromium } = createRequire(path.join(root, 'web/package.json'))('playwright-core'));
} catch {
  skip('playwright-core is not installed in web/node_modules (bash tools/install-deps.sh)');
}
if (!fs.existsSync(path.join(web, 'index.html'))) {
  if (!fs.existsSync(path.join(root, 'web/node_modules'))) skip(`no dashboard build in ${web} (no web/node_modules)`);
  throw new Error(`${web}/index.html missing although web/node_modules exists: build the 'dyad_web' target`);
}
if (!fs.existsSync(dyad)) throw new Error(`${dyad} missing: build the dyad CLI first`);

// ---------------------------------------------------------------- checks
let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}
const sameText = (a, b) => (a ?? '').replace(/\s+/g, ' ') === (b ?? '').replace(/\s+/g, ' ');

// ---------------------------------------------------------------- server
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(base, server, log) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`dyad serve exited (${server.exitCode}):\n${log()}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`dyad serve did not answer /healthz within 30 s:\n${log()}`);
}

/** SIGTERM, then SIGKILL after 10 s so a hung server can not hang the test; true if it stopped by itself. */
async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return true;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  let timer;
  const stopped = await Promise.race([exited.then(() => true),
    new Promise((r) => { timer = setTimeout(() => r(false), 10000); })]);
  clearTimeout(timer);
  if (!stopped) {
    server.kill('SIGKILL');
    await exited;
  }
  return stopped;
}

// ---------------------------------------------------------------- views
/** Text of the lit marks of each role, after clicking event row i. */
async function litSpans(page, i) {
  await page.locator(`table.events tbody tr[data-event="${i}"]`).click();
  return page.evaluate(() => {
    const text = (cls) => [...document.querySelectorAll(`.article-text mark.${cls}`)].map((m) => m.textContent).join('');
    const first = document.querySelector('.article-text mark.on-src, .article-text mark.on-tgt, .article-text mark.on-trg');
    const box = document.querySelector('.article-text').getBoundingClientRect();
    const r = first?.getBoundingClientRect();
    return {
      src: text('on-src'), tgt: text('on-tgt'), trg: text('on-trg'),
      selected: document.querySelectorAll('table.events tbody tr[aria-selected="true"]').length,
      visible: !!r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
    };
  });
}

async function checkSpans(page, ev, i, label) {
  const lit = await litSpans(page, i);
  check(lit.selected === 1, `${label}: row ${i + 1} is the one selected row`);
  check(sameText(lit.src, ev.source?.text ?? ''), `${label}: lit source "${lit.src}" = "${ev.source?.text ?? ''}"`);
  check(sameText(lit.tgt, ev.target?.text ?? ''), `${label}: lit target "${lit.tgt}" = "${ev.target?.text ?? ''}"`);
  check(sameText(lit.trg, ev.trigger.text), `${label}: lit trigger "${lit.trg}" = "${ev.trigger.text}"`);
  check(lit.visible, `${label}: the lit span is scrolled into view`);
}

async function codeView(page, base, text, date) {
  await page.goto(`${base}/#/code`);
  await page.locator('form.code-form textarea[name=text]').fill(text);
  await page.locator('form.code-form input[name=date]').fill(date);
  const response = page.waitForResponse((r) => r.url().endsWith('/v1/code'));
  await page.getByRole('button', { name: 'Code', exact: true }).click();
  const body = await (await response).json();
  await page.locator('table.events tbody tr').first().waitFor({ timeout: 30000 });
  return body;
}

async function testCode(page, base) {
  const text = fs.readFileSync(fs.existsSync(sample) ? sample : path.join(root, 'examples/article.txt'), 'utf8');
  const body = await codeView(page, base, text, '2023-12-27');
  const rows = await page.locator('table.events tbody tr').count();
  check(rows === body.events.length && rows > 0, `code view: ${rows} table rows for ${body.events.length} events`);
  const pairs = body.events.map((ev, i) => [ev, i]);
  const azeFra = pairs.filter(([ev]) => ev.source?.country === 'AZE' && ev.target?.country === 'FRA');
  const wanted = fs.existsSync(sample) ? azeFra : pairs.filter(([ev]) => ev.source && ev.target);
  check(wanted.length > 0, `code view: ${wanted.length} ${fs.existsSync(sample) ? 'AZE→FRA' : 'dyadic'} events`);
  for (const [ev, i] of wanted) {
    const row = await page.locator(`table.events tbody tr[data-event="${i}"]`).innerText();
    check(row.includes(ev.source.code) && row.includes(ev.target.code) && row.includes(ev.cameo),
      `code view: row ${i + 1} shows ${ev.source.code} → ${ev.target.code} ${ev.cameo}`);
    await checkSpans(page, ev, i, 'code view');
  }
  // Byte offsets after multi-byte characters (ə, ı, —, an emoji flag) must still land on the words.
  const expel = JSON.parse(fs.readFileSync(path.join(root, 'tests/e2e/articles.jsonl'), 'utf8').split('\n')[1]);
  const coded = await codeView(page, base, expel.text, expel.date);
  check(coded.events.length >= 3, `code view (non-ASCII): ${coded.events.length} events`);
  for (const [i, ev] of coded.events.entries()) await checkSpans(page, ev, i, `non-ASCII event ${i + 1}`);
}

async function testDyad(page, base) {
  await page.goto(`${base}/#/dyad?dyad=AZE:FRA&by=day`);
  await page.locator('.chart canvas').first().waitFor({ timeout: 30000 });
  const periods = await page.locator('table.timeline tbody tr').count();
  check(periods >= 2, `dyad view: ${periods} periods in the AZE:FRA timeline`);
  // Count chart pixels in the Goldstein and quad colours: the points are drawn, not just the axes.
  const inks = await page.evaluate(() => {
    const canvas = document.querySelector('.chart canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const near = (r, g, b) => {
      let n = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (data[p + 3] > 200 && Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 30) n++;
      }
      return n;
    };
    return { goldstein: near(0x6a, 0x3d, 0x9a), verbalConflict: near(0xe0, 0xa1, 0x00) };
  });
  check(inks.goldstein > 30, `dyad view: ${inks.goldstein} Goldstein-coloured pixels on the chart`);
  check(inks.verbalConflict > 30, `dyad view: ${inks.verbalConflict} verbal-conflict pixels on the chart`);
}

async function testMap(page, base) {
  await page.goto(`${base}/#/map`);
  await page.locator('svg.world path.country').first().waitFor({ timeout: 30000 });
  for (const iso of ['AZE', 'FRA']) {
    const c = page.locator(`svg.world path.country[data-iso3="${iso}"]`);
    const cls = await c.getAttribute('class');
    const fill = await c.evaluate((e) => getComputedStyle(e).fill);
    check(/has-events/.test(cls ?? '') && fill !== 'rgb(227, 229, 234)', `map: ${iso} coloured (${fill})`);
  }
  const grey = await page.locator('svg.world path.country[data-iso3="BRA"]').evaluate((e) => getComputedStyle(e).fill);
  check(grey === 'rgb(227, 229, 234)', `map: BRA without events stays grey (${grey})`);
  check(await page.locator('svg.world path.arc[data-dyad="AZE:FRA"]').count() === 1, 'map: an AZE→FRA arc');
}

async function testBrowse(page, base, articles) {
  await page.goto(`${base}/#/browse?show=articles`);
  await page.locator('table.articles tbody tr').first().waitFor({ timeout: 30000 });
  const listed = await page.locator('table.articles tbody tr').count();
  check(listed === articles.length, `browse: ${listed} stored articles listed of ${articles.length}`);
  await page.getByRole('link', { name: 'Azərbaycan expels French diplomats' }).click();
  await page.locator('table.events tbody tr').first().waitFor({ timeout: 30000 });
  check(await page.locator('main h1').innerText() === 'Azərbaycan expels French diplomats', 'browse: article opened');
  const marks = await page.locator('.article-text mark').count();
  check(marks > 0, `browse: ${marks} highlighted spans in the stored article`);
  const ev = await page.evaluate(async (id) => (await (await fetch(`/v1/articles/${id}`)).json()).events[0],
    page.url().split('#/article/')[1].split('?')[0]);
  await checkSpans(page, ev, 0, 'stored article');
  // Cursor paging: pages of 10 until the API has no next cursor, every event once.
  await page.goto(`${base}/#/browse?limit=10`);
  await page.locator('table.events tbody tr').first().waitFor({ timeout: 30000 });
  const more = page.getByRole('button', { name: 'Load more' });
  let pages = 1;
  while (await more.isVisible() && pages < 20) {
    const before = await page.locator('table.events tbody tr').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('table.events tbody tr').length > n, before);
    pages++;
  }
  const all = await (await fetch(`${base}/v1/events?limit=500`)).json();
  const shown = await page.locator('table.events tbody tr').count();
  check(pages >= 2 && shown === all.events.length,
    `browse: ${shown} events in ${pages} pages of 10 = ${all.events.length} stored`);
  // The event list filtered by dyad opens the article at the event.
  await page.goto(`${base}/#/browse?dyad=AZE:FRA`);
  await page.locator('table.events tbody tr').first().waitFor({ timeout: 30000 });
  const n = await page.locator('table.events tbody tr').count();
  check(n >= 3, `browse: ${n} stored AZE:FRA events`);
  await page.locator('table.events tbody tr').first().click();
  await page.locator('table.events tbody tr[aria-selected="true"]').waitFor({ timeout: 30000 });
  check(page.url().includes('#/article/'), 'browse: an event row opens its article with the event selected');
}

// ---------------------------------------------------------------- main
async function main() {
  const started = Date.now();
  fs.mkdirSync(out, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-e2e-'));
  const store = `sqlite:${path.join(tmp, 'e2e.db')}`;
  const inputs = [path.join(root, 'examples/article.txt'), path.join(root, 'tests/e2e/articles.jsonl')];
  if (fs.existsSync(sample)) inputs.push(sample);
  const t0 = Date.now();
  execFileSync(dyad, ['ingest', '--store', store, '-j', '2', ...inputs], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  console.log(`     (ingest: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const articles = inputs.flatMap((f) => (f.endsWith('.jsonl') ? fs.readFileSync(f, 'utf8').trim().split('\n') : [f]));

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let serverLog = '';
  const server = spawn(dyad, ['serve', '--store', store, '--listen', `127.0.0.1:${port}`, '--web', web],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });
  let browser;
  let page;
  try {
    await waitHealthy(base, server, () => serverLog);
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30000);  // generous: CI and ctest -j2 share two cores
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    for (const [name, run] of [['code', () => testCode(page, base)], ['dyad', () => testDyad(page, base)],
      ['map', () => testMap(page, base)], ['browse', () => testBrowse(page, base, articles)]]) {
      const t0 = Date.now();
      try {
        await run();
        console.log(`     (${name} view: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (e) {
        check(false, `${name} view: ${e.message.split('\n')[0]}`);
      }
      if (failures.length) {
        await page.screenshot({ path: path.join(out, `e2e-failure-${name}.png`), fullPage: true });
        break;
      }
    }
    check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(' | ')}` : ''}`);
  } finally {
    await browser?.close();
    check(await stopServer(server), 'dyad serve stops within 10 s of SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failures.length) {
    fs.writeFileSync(path.join(out, 'e2e-server.log'), serverLog);
    console.log(`screenshots and server log in ${out}`);
  }
  console.log(`e2e_dashboard: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`e2e_dashboard: ${e.stack ?? e}`);
  process.exit(1);
});
