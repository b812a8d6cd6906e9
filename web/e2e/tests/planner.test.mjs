// End-to-end: a planner opens the page, edits the 2025 IKM target for Sei
// Balai, runs a goal seek, saves and finds a scenario after a reload, gets a
// located error for a malformed import, switches language; bad snapshots give
// clear messages; the page fits a 360 px phone; opening it logs no error and
// no request fails; the LKjIP and the PK download as PDF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, startStatic, browser, open } from '../harness.mjs';

let server;
let chrome;

before(async () => {
  server = await startServer();
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.locator(tid(id)).textContent()).trim();
// Types into a cell and leaves it, as a user does.
const ketik = async (page, id, value) => { await page.fill(tid(id), value); await page.press(tid(id), 'Tab'); };

async function seiBalai() {
  const page = await open(chrome.ctx, server.url);
  await page.selectOption(tid('unit-select'), '12.19.07');
  return page;
}

test('loads the Sei Balai snapshot with the seed figures', async () => {
  const page = await seiBalai();
  assert.equal(await text(page, 'capaian-ikm-2024'), '88,65%');
  assert.equal(await text(page, 'predikat-ikm-2024'), 'Tinggi');
  assert.equal(await text(page, 'capaian-akip-2024'), '102,28%');
  assert.equal(await page.locator(tid('banner-sintetis')).count(), 1, 'synthetic peers are announced');
});

test('opening the planner logs no error and no request fails', async () => {
  const page = await chrome.ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(server.url);
  await page.waitForSelector('main[data-ready="true"]');
  await page.selectOption(tid('unit-select'), '12.19.07');
  assert.equal(await text(page, 'capaian-ikm-2024'), '88,65%');
  // The favicon, if the browser asks for one, is requested after load.
  await page.waitForLoadState('networkidle');
  assert.deepEqual(problems, []);
  await page.close();
});

test('editing the 2025 IKM target changes capaian and predikat at once', async () => {
  const page = await seiBalai();
  await ketik(page, 'target-ikm-2025', '80');
  await ketik(page, 'realisasi-ikm-2025', '70');
  assert.equal(await text(page, 'capaian-ikm-2025'), '87,50%');
  assert.equal(await text(page, 'predikat-ikm-2025'), 'Tinggi');
  await ketik(page, 'realisasi-ikm-2025', '79,5');
  assert.equal(await text(page, 'capaian-ikm-2025'), '99,38%');
  assert.equal(await text(page, 'predikat-ikm-2025'), 'Sangat Tinggi');
  assert.ok(await page.locator('.sel.diubah').count() >= 2, 'edited cells look different');
  await page.click(tid('undo'));
  assert.equal(await text(page, 'capaian-ikm-2025'), '87,50%');
  await page.click(tid('target-ikm-2025-reset'));
  assert.equal(await page.inputValue(tid('target-ikm-2025')), '87,50');
  await page.click(tid('reset-all'));
});

test('goal seek gives the realisasi needed for 100% and each predikat', async () => {
  const page = await seiBalai();
  assert.equal(await text(page, 'perlu100-ikm-2025'), '≥ 87,50');
  assert.equal(await text(page, 'perlu-ikm-2025-Sangat Tinggi'), 'Sangat Tinggi: ≥ 79,63');
  await ketik(page, 'target-ikm-2025', '90');
  assert.equal(await text(page, 'perlu100-ikm-2025'), '≥ 90,00');
  assert.equal(await text(page, 'perlu-ikm-2025-Sangat Tinggi'), 'Sangat Tinggi: ≥ 81,90');
  await ketik(page, 'target-ikm-2025', '70');
  assert.match(await text(page, 'peringatan-ikm'), /2025/, 'a target below the last realisasi is warned about');
  await page.click(tid('reset-all'));
});

test('IKM and AKIP simulators recompute through the core', async () => {
  const page = await seiBalai();
  await page.click(tid('tab-ikm'));
  assert.equal(await text(page, 'ikm-nilai'), '75,34'); // weights 0,111 as the report prints them
  assert.match(await text(page, 'ikm-mutu'), /^C/);
  // How sure: the bound from 97 respondents, the target outside it, and
  // the respondents ± 1 point would need.
  assert.match(await text(page, 'ikm-selang'),
    /^selang 95% 68,3\d – 82,3\d \(konservatif, dari jumlah responden\) · target 85,00 di luar selang: dapat dibedakan oleh survei · ± 1 poin memerlukan \d\.\d{3} responden$/);
  await ketik(page, 'nrr-pengaduan', '3,58');
  assert.match(await text(page, 'ikm-mutu'), /^B/);
  await page.click(tid('tab-akip'));
  assert.equal(await text(page, 'akip-total'), '72,62');
    await ketik(page, 'akip-pengukuran', '28,35');
  assert.match(await text(page, 'akip-predikat'), /^A \(/);
  // A komponen from its sub-komponen: 100 / 80 / 70 % of Perencanaan (30) → 6 + 7,2 + 10,5.
  await page.click('details.pemenuhan >> nth=0');
  await ketik(page, 'pemenuhan-perencanaan-0', '100');
  await ketik(page, 'pemenuhan-perencanaan-1', '80');
  await ketik(page, 'pemenuhan-perencanaan-2', '70');
  assert.equal(await text(page, 'pemenuhan-perencanaan-nilai'), '= 23,70');
  await page.click(tid('pemenuhan-perencanaan-pakai'));
  assert.equal(await page.inputValue(tid('akip-perencanaan')), '23,70');
  assert.equal(await text(page, 'akip-total'), '79,32'); // 23,70 + 28,35 + 11,40 + 15,87
  await page.click(tid('reset-all'));
});

test('the kabupaten comparison lists every kecamatan and marks synthetic ones', async () => {
  const page = await seiBalai();
  await page.click(tid('tab-kabupaten'));
  assert.equal(await page.locator('[data-testid^="bar-"]').count(), 12);
  assert.equal(await page.locator('tr.sintetis').count(), 10);
  // The AKIP is not an estimate: exact ranks. Every IKM with a standard
  // error has its interval drawn and a rank range: the ten synthetic
  // kecamatan (from their answers) and Sei Balai (from its respondents);
  // Datuk Tanah Datar's respondents are unknown.
  assert.equal(await page.locator('[data-testid^="selang-"]').count(), 0);
  assert.equal(await page.locator('[data-testid^="rentang-"]').count(), 0);
  await page.selectOption(tid('kab-indikator'), 'ikm');
  assert.equal(await page.locator('[data-testid^="selang-"]').count(), 11);
  assert.match(await text(page, 'rentang-12.19.07'), /^\(\d+–\d+\)$/);
  await ketik(page, 'kab-realisasi-12.19.07', '99');
  assert.equal(await text(page, 'peringkat-12.19.07'), '1');
  await page.click(tid('reset-all'));
});

test('a saved scenario survives a reload', async () => {
  let page = await seiBalai();
  await ketik(page, 'target-ikm-2025', '88,25');
  await page.click(tid('tab-skenario'));
  await page.fill(tid('skenario-nama'), 'uji-reload');
  await page.click(tid('skenario-simpan'));
  await page.locator(tid('skenario-item-uji-reload')).waitFor();
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.click(tid('tab-skenario'));
  await page.locator(tid('skenario-item-uji-reload')).waitFor();
  await page.click(tid('buka-uji-reload'));
  await page.click(tid('tab-planner'));
  await page.selectOption(tid('unit-select'), '12.19.07');
  assert.equal(await page.inputValue(tid('target-ikm-2025')), '88.25');
  assert.equal(await text(page, 'perlu100-ikm-2025'), '≥ 88,25');
  await page.click(tid('tab-skenario'));
  await page.click(tid('hapus-uji-reload'));
});

test('a malformed scenario import shows where it is wrong', async () => {
  const page = await seiBalai();
  await page.click(tid('tab-skenario'));
  await page.fill(tid('impor-teks'), '{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"x","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":87.5}]}]}');
  await page.click(tid('impor'));
  assert.match(await text(page, 'pesan'), /skenario\[0\]\.nilai\[0\]\.nilai/);
  await page.fill(tid('impor-teks'), '{"skenario": [');
  await page.click(tid('impor'));
  assert.match(await text(page, 'pesan'), /baris 1, kolom 14/);
});

test('switching language', async () => {
  const page = await seiBalai();
  assert.equal(await text(page, 'tab-planner'), 'Perencana Renstra');
  await page.click(tid('lang'));
  assert.equal(await text(page, 'tab-planner'), 'Renstra planner');
  assert.equal(await page.getAttribute('main', 'lang'), 'en');
  assert.equal(await text(page, 'capaian-ikm-2024'), '88,65%', 'numbers stay Indonesian');
  await page.click(tid('lang'));
});

test('missing or malformed snapshots give a clear message', async () => {
  for (const [body, expected] of [[null, /HTTP 404/], ['{', /JSON/], ['{"versi": 9}', /versi 9/]]) {
    const s = await startStatic(body);
    const page = await chrome.ctx.newPage();
    await page.goto(s.url);
    await page.locator('[data-testid="status"][role="alert"]').waitFor();
    assert.match(await text(page, 'status'), expected);
    await page.close();
    s.stop();
  }
});

test('fits a 360 px wide phone', async () => {
  const page = await chrome.ctx.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url);
  await page.waitForSelector('main[data-ready="true"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.tagName);
  assert.ok(['BUTTON', 'SELECT', 'INPUT'].includes(focused), 'reachable by keyboard');
  await page.close();
});

// Browser storage: what a user saved is never lost. These tests leave the
// storage empty for the ones that follow.
const keys = (page) => page.evaluate(() => Object.keys(localStorage).sort());
const kosongkan = (page) => page.evaluate(() => localStorage.clear());

test('unreadable or newer saved scenarios are kept aside with a message', async () => {
  const page = await open(chrome.ctx, server.url);
  for (const stored of ['{rusak', '{"format":"kinerja-skenario","versi":99,"skenario":[]}']) {
    await kosongkan(page);
    await page.evaluate((t) => localStorage.setItem('kinerja.skenario', t), stored);
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    assert.match(await text(page, 'pesan'), /tidak dapat dibaca.*Aslinya disimpan di/s);
    const backups = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('kinerja.skenario.cadangan')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(backups, [stored], 'the original text is kept whole under a backup key');
    assert.equal(await page.evaluate(() => localStorage.getItem('kinerja.skenario')), stored, 'and not overwritten');
  }
  await kosongkan(page);
});

test('a full browser storage is said, and what was stored stays', async () => {
  const page = await seiBalai();
  await kosongkan(page);
  await page.click(tid('tab-skenario'));
  await page.fill(tid('skenario-nama'), 'tetap');
  await page.click(tid('skenario-simpan'));
  await page.locator(tid('skenario-item-tetap')).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem('kinerja.skenario'));
  assert.match(stored, /"tetap"/);
  // Fill what is left of the origin's quota.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 8; i++) {
      try { localStorage.setItem(`isi.${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
  });
  await page.fill(tid('skenario-nama'), 'kedua-dengan-nama-yang-panjang');
  await page.click(tid('skenario-simpan'));
  await page.locator(`${tid('pesan')} li.galat`).filter({ hasText: 'penuh' }).waitFor();
  await page.locator(tid('skenario-item-kedua-dengan-nama-yang-panjang')).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kinerja.skenario')), stored, 'the stored scenarios are intact');
  await kosongkan(page);
  assert.deepEqual(await keys(page), []);
});

test('a huge or deeply nested import is refused with a message and the page stays usable', async () => {
  const page = await seiBalai();
  await page.click(tid('tab-skenario'));
  const huge = Buffer.alloc(6 << 20, 'kode_unit,indikator_id,tahun,jenis,nilai\n');
  await page.setInputFiles(tid('impor-berkas'), { name: 'besar.csv', mimeType: 'text/csv', buffer: huge });
  await page.locator(`${tid('pesan')} li.galat`).filter({ hasText: 'terlalu besar' }).waitFor();
  await page.fill(tid('impor-teks'), '['.repeat(100000));
  await page.click(tid('impor'));
  await page.locator(`${tid('pesan')} li.galat`).filter({ hasText: 'bersarang lebih dari 64 tingkat' }).waitFor();
  await page.click(tid('tab-planner'));
  await page.selectOption(tid('unit-select'), '12.19.07');
  await ketik(page, 'target-ikm-2025', '88,25');
  assert.equal(await text(page, 'perlu100-ikm-2025'), '≥ 88,25', 'the planner still answers');
  await page.click(tid('reset-all'));
  const stored = await page.evaluate(() => localStorage.getItem('kinerja.skenario') ?? '');
  assert.ok(!stored.includes('besar'), 'nothing was imported');
  await kosongkan(page);
});

test('the LKjIP and the PK of the chosen kecamatan download from the planner', async () => {
  const page = await seiBalai();
  assert.equal(await text(page, 'unduh-lkjip-pdf'), 'LKjIP 2024 (PDF)');
  assert.equal(await text(page, 'unduh-pk-docx'), 'PK 2025 (DOCX)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('unduh-lkjip-pdf'))]);
  assert.equal(download.suggestedFilename(), 'LKjIP-2024-12.19.07-Sei-Balai.pdf');
  const file = path.join(server.dir, 'unduh.pdf');
  await download.saveAs(file);
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(words, /LAPORAN KINERJA/i);
  assert.match(words, /KECAMATAN SEI BALAI/i, 'the document of the chosen kecamatan');
  assert.match(words, /TAHUN 2024/i);
  const [pk] = await Promise.all([page.waitForEvent('download'), page.click(tid('unduh-pk-pdf'))]);
  assert.equal(pk.suggestedFilename(), 'PK-2025-12.19.07-Sei-Balai.pdf');
  assert.equal(await text(page, 'capaian-ikm-2024'), '88,65%', 'the planner stays as it was');
});
