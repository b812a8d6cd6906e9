// Shared set-up for the browser tests and the latency benchmark: a fresh
// database loaded from data/ (plus synthetic kecamatan for the whole-kabupaten
// view), `kinerja serve` on a free port, and headless Debian Chromium driven
// by playwright-core. Nothing is downloaded.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
const target = process.env.CARGO_TARGET_DIR || path.join(process.env.HOME, '.cache', 'kinerja-target');
export const bin = process.env.KINERJA_BIN || path.join(target, 'debug', 'kinerja');
export const dist = process.env.KINERJA_DIST || path.join(repo, 'dist');
const chromePath = process.env.CHROMIUM || '/usr/bin/chromium';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(url, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((res) => {
      http.get(url, (r) => { r.resume(); res(r.statusCode === 200); }).on('error', () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * Starts `kinerja serve` on a database loaded from data/ (with synthetic
 * peers), or on an existing database `db` (left as it is); `wilayah` are the
 * serve options choosing the snapshot's region (e.g. ['--provinsi', '12']).
 */
export async function startServer({ synth = true, db: given = null, wilayah = [] } = {}) {
  for (const [what, p] of [['kinerja binary', bin], ['built app (scripts/build-web)', path.join(dist, 'index.html')], ['Chromium', chromePath]]) {
    if (!existsSync(p)) throw new Error(`${what} missing at ${p}`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'kinerja-e2e-'));
  const db = given || path.join(dir, 'k.duckdb');
  if (!given) {
    execFileSync(bin, ['load', path.join(repo, 'data'), '--db', db], { stdio: 'pipe' });
    if (synth) execFileSync(bin, ['demo', 'synth', '--db', db], { stdio: 'pipe' });
  }
  const port = await freePort();
  const args = ['serve', '--db', db, '--dist', dist, '--port', String(port), ...wilayah];
  const proc = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(url + 'snapshot.json', 120000);
  } catch (e) {
    proc.kill();
    throw new Error(`${e.message}\n${stderr}`);
  }
  return { url, db, dir, stop: () => { proc.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A static server for dist/ whose snapshot.json is replaced (or missing). */
export async function startStatic(snapshotBody) {
  const port = await freePort();
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p === '/snapshot.json') {
      if (snapshotBody === null) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(snapshotBody);
      return;
    }
    const file = path.join(dist, p === '/' ? 'index.html' : path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dist) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.close() };
}

/** A fresh headless Chromium profile. */
export async function browser(options = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'kinerja-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    ...options,
  });
  return { ctx, close: async () => { await ctx.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Opens the app and waits until the snapshot is loaded. */
export async function open(ctx, url, timeout = 30000) {
  const page = ctx.pages()[0] || await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('main[data-ready="true"]', { timeout });
  return page;
}
