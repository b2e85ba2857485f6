// Opens a qgold HTML report in headless Chromium, with the network blocked, and
// checks it as a reader would see it: no console errors or exceptions, no
// request leaving the file, the expected names in the DOM, every plot drawn
// with marks of non-zero size, the case table sorting and filtering; then
// writes a screenshot of the top of the page. Talks to Chromium over its DevTools pipe
// (--remote-debugging-pipe), so it needs no npm package.
//
// node browser_check.mjs --chromium BIN --page FILE --screenshot PNG
//      [--expect NAME]... [--min-plots N] [--failed-first] [--sortable ID]
// Prints what it found; exits 0 when every check passes, 1 otherwise, 2 on bad usage.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const opts = { expect: [], minPlots: 0, failedFirst: false, sortable: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const next = () => {
    if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
    return argv[++i];
  };
  switch (argv[i]) {
    case '--chromium': opts.chromium = next(); break;
    case '--page': opts.page = resolve(next()); break;
    case '--screenshot': opts.screenshot = next(); break;
    case '--expect': opts.expect.push(next()); break;
    case '--min-plots': opts.minPlots = Number(next()); break;
    case '--failed-first': opts.failedFirst = true; break;
    case '--sortable': opts.sortable.push(next()); break;
    default: usage(`unknown argument ${argv[i]}`);
  }
}
if (!opts.chromium || !opts.page || !opts.screenshot) usage('--chromium, --page and --screenshot are required');

function usage(message) {
  console.error(`browser_check: ${message}`);
  process.exit(2);
}

const problems = [];
const profile = mkdtempSync(join(tmpdir(), 'qgold-chromium-'));
const chrome = spawn(opts.chromium, [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-extensions', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND', '--remote-debugging-pipe',
  `--user-data-dir=${profile}`, '--window-size=1280,900', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let chromeLog = '';
chrome.stdio[2].on('data', (d) => { chromeLog += d; });
const timer = setTimeout(() => finish('timed out after 90 s'), 90000);

// DevTools protocol over fds 3 (to Chromium) and 4 (from it): JSON messages ending in NUL.
let nextId = 1, buffered = '';
const pending = new Map(), listeners = [];
chrome.stdio[4].on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let end;
  while ((end = buffered.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { ok, fail } = pending.get(message.id);
      pending.delete(message.id);
      message.error ? fail(new Error(`${JSON.stringify(message.error)}`)) : ok(message.result);
    } else if (message.method) {
      listeners.forEach((listen) => listen(message));
    }
  }
});
chrome.on('exit', (code) => {
  if (pending.size) finish(`chromium exited (${code}) early:\n${chromeLog.slice(-2000)}`);
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  chrome.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  return new Promise((ok, fail) => pending.set(id, { ok, fail }));
}

let finishing = false;
function finish(fatal) {
  if (finishing) return;
  finishing = true;
  clearTimeout(timer);
  if (fatal) problems.push(fatal);
  const done = () => {
    // Chromium is gone; its helper processes may still be closing files in the profile.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.log(`browser_check: could not remove ${profile}: ${error.message}`);
    }
    for (const p of problems) console.log(`FAIL: ${p}`);
    if (!problems.length) console.log(`browser_check: ${opts.page} ok`);
    process.exit(problems.length ? 1 : 0);
  };
  if (chrome.exitCode !== null || chrome.signalCode !== null) return done();
  chrome.once('exit', done);
  // Closing the browser ends its helper processes too; kill it if that takes too long.
  setTimeout(() => chrome.kill('SIGKILL'), 5000).unref();
  try {
    chrome.stdio[3].write(JSON.stringify({ id: nextId++, method: 'Browser.close' }) + '\0');
  } catch {
    chrome.kill('SIGKILL');
  }
}

async function main() {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  let loaded;
  const load = new Promise((ok) => { loaded = ok; });
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    const p = m.params;
    if (m.method === 'Runtime.exceptionThrown')
      problems.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
    else if (m.method === 'Runtime.consoleAPICalled' && ['error', 'assert', 'warning'].includes(p.type))
      problems.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
    else if (m.method === 'Log.entryAdded' && ['error', 'warning'].includes(p.entry.level))
      problems.push(`log ${p.entry.level}: ${p.entry.text} ${p.entry.url ?? ''}`);
    else if (m.method === 'Network.requestWillBeSent' && !/^(file|data|about):/.test(p.request.url))
      problems.push(`network request: ${p.request.url}`);
    else if (m.method === 'Page.loadEventFired') loaded();
  });
  for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await send(`${domain}.enable`, {}, sessionId);
  await send('Page.navigate', { url: pathToFileURL(opts.page).href }, sessionId);
  await load;

  const evaluate = async (fn, arg) => {
    const { result, exceptionDetails } = await send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg)})`, returnByValue: true,
    }, sessionId);
    if (exceptionDetails) throw new Error(`check script failed: ${exceptionDetails.text}`);
    return result.value;
  };
  const found = await evaluate((o) => {
    // As loaded, before the sorting checks reorder the table.
    const cases = document.getElementById('cases');
    const firstStatus = cases && cases.tBodies[0].rows.length ? cases.tBodies[0].rows[0].getAttribute('data-status') : null;
    const text = document.body.textContent;
    const plots = [...document.querySelectorAll('svg.plot')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const marks = [...svg.querySelectorAll('rect.bar, circle.point')];
      const drawn = marks.filter((m) => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
      return { width: box.width, height: box.height, marks: marks.length, drawn: drawn.length,
               points: Number(svg.getAttribute('data-points')) };
    });
    const sorting = o.sortable.map((id) => {
      const table = document.getElementById(id);
      if (!table) return { id, error: 'no such table' };
      const header = table.tHead.rows[0].cells[1];
      const column = () => [...table.tBodies[0].rows].map((r) => r.cells[1].textContent);
      header.click();
      const up = column();
      header.click();
      const down = column();
      // The page compares text in lower case by code point.
      const lower = (a) => a.map((v) => v.toLowerCase());
      const sorted = (a, dir) => lower(a).every((v, i, l) => i === 0 || (dir > 0 ? l[i - 1] <= v : l[i - 1] >= v));
      // Choosing a status in the filter leaves only rows of that status visible.
      const select = document.querySelector(`select[data-filter="${id}"]`);
      let filtered = null;
      if (select && select.options.length > 1) {
        const status = select.options[1].value;
        select.value = status;
        select.dispatchEvent(new Event('input'));
        const visible = [...table.tBodies[0].rows].filter((r) => r.style.display !== 'none');
        filtered = visible.every((r) => r.getAttribute('data-status') === status);
        select.value = '';
        select.dispatchEvent(new Event('input'));
      }
      return { id, rows: up.length, ascending: sorted(up, 1), descending: sorted(down, -1), filtered };
    });
    return { missing: o.expect.filter((n) => !text.includes(n)), plots, sorting, firstStatus,
             height: document.documentElement.scrollHeight };
  }, opts);

  for (const name of found.missing) problems.push(`"${name}" is not in the DOM`);
  if (found.plots.length < opts.minPlots)
    problems.push(`${found.plots.length} plots, expected at least ${opts.minPlots}`);
  found.plots.forEach((p, i) => {
    if (!(p.width > 0 && p.height > 0)) problems.push(`plot ${i} has no size`);
    if (p.marks !== p.points && p.points > 0) problems.push(`plot ${i}: ${p.marks} marks for ${p.points} points`);
    if (p.drawn === 0) problems.push(`plot ${i} draws nothing of non-zero size`);
  });
  for (const s of found.sorting) {
    if (s.error) problems.push(`table ${s.id}: ${s.error}`);
    else if (s.rows > 1 && !(s.ascending && s.descending)) problems.push(`table ${s.id} does not sort by its second column`);
    else if (s.filtered === false) problems.push(`table ${s.id}: the status filter shows rows of other statuses`);
  }
  if (opts.failedFirst && found.firstStatus !== 'failed')
    problems.push(`the case table starts with a ${found.firstStatus} case, not a failed one`);

  // The top of the page (summary, matrix, failures) up to 6000 px: a whole-suite page is
  // tens of thousands of pixels tall, which takes minutes to paint.
  const height = Math.min(found.height, 6000);
  await send('Emulation.setDeviceMetricsOverride', { width: 1280, height, deviceScaleFactor: 1, mobile: false }, sessionId);
  const shot = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
  const png = Buffer.from(shot.data, 'base64');
  writeFileSync(opts.screenshot, png);
  if (png.length < 2000) problems.push(`screenshot ${opts.screenshot} is only ${png.length} bytes`);
  console.log(`browser_check: ${found.plots.length} plots (${found.plots.map((p) => p.drawn).join(',')} marks drawn), ` +
              `screenshot ${opts.screenshot} ${png.length} bytes`);
  finish();
}
main().catch((error) => finish(String(error.stack ?? error)));
