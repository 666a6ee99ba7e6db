#!/usr/bin/env node
// Loads each HTML file given on the command line in headless Chromium and fails (exit 1) when a
// page does not load, throws, logs a console error or asks for anything outside file:/data:;
// writes a screenshot next to each file (eval.html → eval.png). Plain Node 20, no npm package.
//
// How console errors are caught: Chromium is started with --remote-debugging-pipe, so the
// DevTools protocol runs over two extra pipes (fd 3 in, fd 4 out; JSON messages ended by a NUL
// byte) — no port, no WebSocket (Node 20 has none built in), no log-format parsing. The script
// subscribes to Runtime (console.error / console.assert calls and uncaught exceptions), Log
// (the browser's own errors: blocked or failed loads, CSP violations) and Network (any request
// that is not file:, data: or about:), then navigates, waits for the load event, clicks every
// in-page link, <summary> and [data-href] row and cycles every <select>, so handlers run too.
// The screenshot is a second, independent launch with --screenshot, as a person would take it.
//
// When /usr/bin/chromium is missing it is installed with apt-get (root only); a CJK font
// (fonts-noto-cjk) is installed the same way when fontconfig knows none, so Chinese shows as
// text and not as boxes. Not root and no Chromium: the check says it was skipped and exits 0.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const WINDOW = '1400,2000';
const LOAD_TIMEOUT_MS = 30_000;
// Errors that surface after the load event (timers, fonts, late handlers) get this long to appear.
const SETTLE_MS = 750;
// Two numbers of a table row in the view page must read as two: "564 984", never "564984".
const MIN_CELL_GAP_PX = 12;
const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers often give /dev/shm 64 MB; Chromium then crashes on big pages.
  '--disable-dev-shm-usage',
  `--window-size=${WINDOW}`,
];

const log = (line) => process.stderr.write(`check-html: ${line}\n`);

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptInstall(packages) {
  log(`installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: ['ignore', 2, 2], env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: ['ignore', 2, 2], env });
  return install.status === 0;
}

function hasCjkFont() {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim().length > 0;
}

/** Returns false when the check has to be skipped (no Chromium and no right to install it). */
function ensureBrowser() {
  if (!existsSync(CHROMIUM)) {
    if (!isRoot()) {
      log(`SKIPPED: ${CHROMIUM} is missing and installing it needs root (apt-get install -y chromium). No page was checked.`);
      return false;
    }
    if (!aptInstall(['chromium']) || !existsSync(CHROMIUM)) {
      log(`apt-get could not install chromium; ${CHROMIUM} is still missing`);
      process.exit(1);
    }
  }
  if (!hasCjkFont()) {
    if (isRoot() && aptInstall(['fonts-noto-cjk']) && hasCjkFont()) return true;
    log('warning: no font with Chinese glyphs is installed (apt-get install fonts-noto-cjk); the screenshots will show boxes for Chinese text');
  }
  return true;
}

/** One DevTools-protocol connection over Chromium's --remote-debugging-pipe. */
function connect(child) {
  const input = child.stdio[3];
  const output = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  let buffer = '';
  output.setEncoding('utf8');
  output.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) !== -1) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined && pending.has(message.id)) {
        const { resolve: settle, reject, method } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else settle(message.result);
      } else if (message.method) {
        for (const listener of listeners) listener(message);
      }
    }
  });
  const closed = new Promise((settle) => output.on('close', settle));
  closed.then(() => {
    for (const { reject, method } of pending.values()) reject(new Error(`${method}: the browser closed the connection`));
    pending.clear();
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((settle, reject) => pending.set(id, { resolve: settle, reject, method }));
    },
    on(listener) {
      listeners.push(listener);
    },
    closed,
  };
}

function withTimeout(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeRemote(argument) {
  if (argument.type === 'string') return argument.value;
  if (argument.description !== undefined) return argument.description;
  if ('value' in argument) return JSON.stringify(argument.value);
  return argument.type;
}

// Runs in the page after the load: exercises what a person would click.
const EXERCISE = `(async () => {
  const wait = () => new Promise((done) => setTimeout(done, 0));
  const clickable = [...document.querySelectorAll('summary, a[href^="#"], [data-href]')].slice(0, 400);
  for (const element of clickable) { element.click(); await wait(); }
  for (const select of document.querySelectorAll('select')) {
    for (let index = 0; index < select.options.length; index += 1) {
      select.selectedIndex = index;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await wait();
    }
    select.selectedIndex = 0;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  // Adjacent table cells must not touch: every tab character shown between two cells is measured.
  const gaps = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && gaps.length < 5000; node = walker.nextNode()) {
    for (let at = node.data.indexOf('\t'); at !== -1; at = node.data.indexOf('\t', at + 1)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      const style = getComputedStyle(node.parentElement);
      // Only where the tab is drawn as space (pre, pre-wrap): elsewhere it collapses with the others.
      if (box.height > 0 && /pre/.test(style.whiteSpace)) gaps.push(box.width);
    }
  }
  return { clicked: clickable.length, text: document.body ? document.body.innerText.length : 0, gaps: gaps.length, narrowest: gaps.length ? Math.min(...gaps) : null };
})()`;

/** Loads one page with the protocol attached; returns its problems (empty when clean). */
async function inspectPage(url) {
  const profile = mkdtempSync(join(tmpdir(), 'check-html-'));
  const child = launch([...BASE_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']);
  let browserLog = '';
  child.stderr.on('data', (chunk) => {
    browserLog = (browserLog + chunk).slice(-4000);
  });
  const exited = new Promise((settle) => child.on('exit', settle));
  const problems = [];
  const notes = [];
  try {
    const protocol = connect(child);
    let loaded;
    const loadEvent = new Promise((settle) => (loaded = settle));
    protocol.on((message) => {
      const { method, params } = message;
      if (method === 'Runtime.consoleAPICalled') {
        const text = params.args.map(describeRemote).join(' ');
        if (params.type === 'error' || params.type === 'assert') problems.push(`console.${params.type}: ${text}`);
        else if (params.type === 'warning') notes.push(`console.warn: ${text}`);
      } else if (method === 'Runtime.exceptionThrown') {
        const details = params.exceptionDetails;
        problems.push(`uncaught: ${details.exception?.description ?? `${details.text} (line ${details.lineNumber + 1})`}`);
      } else if (method === 'Log.entryAdded') {
        const { level, text, url: source } = params.entry;
        if (level === 'error') problems.push(`browser error: ${text}${source ? ` (${source})` : ''}`);
      } else if (method === 'Network.requestWillBeSent') {
        const requested = params.request.url;
        if (!/^(file|data|about|blob):/.test(requested)) problems.push(`network request: ${requested}`);
      } else if (method === 'Page.loadEventFired') {
        loaded();
      }
    });
    const { targetId } = await withTimeout(protocol.send('Target.createTarget', { url: 'about:blank' }), LOAD_TIMEOUT_MS, 'starting Chromium');
    const { sessionId } = await protocol.send('Target.attachToTarget', { targetId, flatten: true });
    for (const domain of ['Runtime', 'Log', 'Page', 'Network']) await protocol.send(`${domain}.enable`, {}, sessionId);
    const navigation = await protocol.send('Page.navigate', { url }, sessionId);
    if (navigation.errorText) throw new Error(`the page did not load: ${navigation.errorText}`);
    await withTimeout(loadEvent, LOAD_TIMEOUT_MS, 'loading the page');
    const exercised = await protocol.send('Runtime.evaluate', { expression: EXERCISE, awaitPromise: true, returnByValue: true }, sessionId);
    if (exercised.exceptionDetails) problems.push(`exercising the page failed: ${exercised.exceptionDetails.exception?.description ?? exercised.exceptionDetails.text}`);
    const summary = exercised.result?.value ?? { clicked: 0, text: 0 };
    if (summary.text === 0) problems.push('the page shows no text');
    notes.push(`${summary.clicked} links, summaries and rows clicked; ${summary.text} characters of text`);
    if (summary.gaps > 0) {
      notes.push(`${summary.gaps} gaps between table cells, the narrowest ${summary.narrowest.toFixed(1)} px`);
      if (summary.narrowest < MIN_CELL_GAP_PX) problems.push(`table cells touch: a gap between two cells is ${summary.narrowest.toFixed(1)} px wide`);
    }
    await new Promise((settle) => setTimeout(settle, SETTLE_MS));
    await protocol.send('Browser.close').catch(() => undefined);
  } catch (error) {
    problems.push(`${error instanceof Error ? error.message : String(error)}${browserLog ? `\n    last browser output:\n${indent(browserLog)}` : ''}`);
  } finally {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
    endGroup(child);
    removeProfile(profile);
  }
  return { problems, notes };
}

// Each Chromium runs in a process group of its own (the browser and its helpers), so that all
// of it can be ended once the page is done, and none outlives this script.
const groups = new Set();
process.on('exit', () => {
  for (const pid of groups) endGroup({ pid });
});

function launch(args, stdio) {
  const child = spawn(CHROMIUM, args, { stdio, detached: true });
  groups.add(child.pid);
  return child;
}

function endGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group has already gone.
  }
  groups.delete(child.pid);
}

// Helper processes may still be writing into the profile for a moment after the group ends.
function removeProfile(profile) {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    log(`note: could not remove the temporary profile ${profile}: ${error.message}`);
  }
}

// Chromium's stderr, without the D-Bus complaints every container produces.
function indent(text) {
  const lines = text.trim().split('\n').filter((line) => line && !/dbus|DBus/.test(line));
  return (lines.length ? lines.slice(-12) : ['(nothing but D-Bus noise)']).map((line) => `      ${line}`).join('\n');
}

/** The screenshot a person would take; returns a problem or null. */
async function screenshot(url, png) {
  const profile = mkdtempSync(join(tmpdir(), 'check-html-'));
  rmSync(png, { force: true });
  const child = launch([...BASE_FLAGS, `--user-data-dir=${profile}`, `--screenshot=${png}`, url], ['ignore', 'ignore', 'pipe']);
  let browserLog = '';
  child.stderr.on('data', (chunk) => {
    browserLog = (browserLog + chunk).slice(-4000);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), LOAD_TIMEOUT_MS * 2);
  const code = await new Promise((settle) => child.on('exit', settle));
  clearTimeout(timer);
  endGroup(child);
  removeProfile(profile);
  const isPng = existsSync(png) && statSync(png).size > 1000 && readFileSync(png).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (code === 0 && isPng) return null;
  return `no screenshot (${code === null ? `Chromium was stopped after ${(LOAD_TIMEOUT_MS * 2) / 1000} s` : `Chromium exited with ${code}`})${browserLog ? `\n    last browser output:\n${indent(browserLog)}` : ''}`;
}

async function main() {
  const files = process.argv.slice(2);
  if (files.length === 0 || files.includes('--help')) {
    process.stderr.write('Usage: node scripts/check-html.mjs FILE.html...\n');
    return files.length === 0 ? 2 : 0;
  }
  if (!ensureBrowser()) return 0;
  let failed = 0;
  for (const file of files) {
    const path = resolve(file);
    if (!existsSync(path)) {
      log(`FAIL ${file}: no such file`);
      failed += 1;
      continue;
    }
    const url = pathToFileURL(path).href;
    const png = path.replace(/\.x?html?$/i, '') + '.png';
    const { problems, notes } = await inspectPage(url);
    const shot = await screenshot(url, png).catch((error) => `no screenshot: ${error.message}`);
    if (shot) problems.push(shot);
    if (problems.length === 0) {
      log(`ok ${file} (${notes.join('; ')}) → ${png}`);
    } else {
      failed += 1;
      log(`FAIL ${file}:`);
      for (const problem of problems) log(`  ${problem}`);
    }
    for (const note of notes.filter((line) => line.startsWith('console.warn'))) log(`  ${note}`);
  }
  log(failed === 0 ? `${files.length} page(s) rendered without console errors` : `${failed} of ${files.length} page(s) failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
