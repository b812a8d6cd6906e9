// The comparison at province and national size: the seed kabupaten's
// snapshot with 600 more kecamatan (a second kabupaten, labelled sintetis),
// served statically. Only the rows in view are in the page; search, order
// and edits work over all of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, startStatic, browser } from '../harness.mjs';

let chrome;
let base;

const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.locator(tid(id)).textContent()).trim();
const N = 600;

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (r) => {
      let body = '';
      r.on('data', (d) => { body += d; });
      r.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

// The seed kabupaten's snapshot, as kinerja serve gives it.
before(async () => {
  const server = await startServer();
  base = JSON.parse(await get(server.url + 'snapshot.json'));
  server.stop();
  chrome = await browser();
});

after(async () => { await chrome?.close(); });

// A province-sized snapshot: kabupaten 12.20 with N kecamatan whose IKM
// realisasi 2024 is 60.00 + i/10 (so 12.20.600 is the best), rows in the
// exporter's order.
function province({ ringkas = false } = {}) {
  const s = structuredClone(base);
  s.kode_wilayah = '12';
  s.ringkas = ringkas;
  const src = 'sintetis (uji perbandingan)';
  s.data.wilayah.push({ kode: '12.20', tingkat: 'kabupaten', nama: 'Asahan', induk: '12', nama_dalam_laporan: null, sumber: src });
  for (let i = 1; i <= N; i++) {
    const kode = `12.20.${String(i).padStart(3, '0')}`;
    s.data.wilayah.push({ kode, tingkat: 'kecamatan', nama: `Kec ${String(N + 1 - i).padStart(4, '0')}`, induk: '12.20', nama_dalam_laporan: null, sumber: src });
    s.data.realisasi.push({ kode_unit: kode, indikator_id: 'ikm', tahun: 2024, nilai: (60 + i / 10).toFixed(4), label: null, sumber: src });
  }
  const key = (r) => [r.kode_unit, r.indikator_id, String(r.tahun).padStart(6, '0')].join('\u0000');
  s.data.realisasi.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  s.data.wilayah.sort((a, b) => (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0));
  if (ringkas) {
    for (const t of ['tujuan', 'sasaran', 'sasaran_indikator', 'skm_survei', 'skm_nrr', 'akip_komponen', 'anggaran_program', 'program_sasaran']) s.data[t] = [];
    s.skm_agregat = [];
  }
  return JSON.stringify(s);
}

async function comparison(body) {
  const srv = await startStatic(body);
  const page = await chrome.ctx.newPage();
  await page.goto(srv.url);
  await page.waitForSelector('main[data-ready="true"]');
  await page.click(tid('tab-kabupaten'));
  await page.selectOption(tid('kab-indikator'), 'ikm');
  await page.selectOption(tid('kab-tahun'), '2024');
  return { page, stop: () => { srv.stop(); } };
}

const inputs = (page) => page.locator('input[data-testid^="kab-realisasi-"]').count();

test('a province-sized comparison renders only the rows in view and scrolls through all', async () => {
  const { page, stop } = await comparison(province());
  const total = N + 12;
  assert.equal(await text(page, 'kab-jumlah'), `1–40 / ${total}`);
  assert.equal(await inputs(page), 40);
  // Best first: 12.20.600 (120.00) ranks 1 in the province.
  assert.equal(await text(page, 'peringkat-12.20.600'), '1');
  await page.locator(tid('kab-gulir')).evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForFunction((t) => document.querySelector('[data-testid="kab-jumlah"]').textContent.endsWith(`/ ${t}`)
    && !document.querySelector('[data-testid="kab-jumlah"]').textContent.startsWith('1–'), total);
  assert.equal(await text(page, 'kab-jumlah'), `${total - 39}–${total} / ${total}`);
  assert.ok(await inputs(page) <= 40);
  await page.close();
  stop();
});

test('search by name or code, order by name or code, edit a found kecamatan', async () => {
  const { page, stop } = await comparison(province());
  await page.fill(tid('kab-cari'), 'kec 0001');
  await page.waitForFunction(() => document.querySelector('[data-testid="kab-jumlah"]').textContent === '1–1 / 1');
  assert.equal(await text(page, 'peringkat-12.20.600'), '1');
  // A kabupaten's kecamatan by their code prefix; ranks stay the province's.
  await page.fill(tid('kab-cari'), '12.19.');
  await page.waitForFunction(() => document.querySelector('[data-testid="kab-jumlah"]').textContent === '1–12 / 12');
  await page.fill(tid('kab-cari'), '');
  const kecamatan = JSON.parse(province()).data.wilayah.filter((w) => w.tingkat === 'kecamatan');
  const first = (key) => kecamatan.map((w) => [key(w), w.kode]).sort()[0][1];
  const firstRow = () => page.locator('tbody tr[data-testid^="kab-"]').first().getAttribute('data-testid');
  await page.selectOption(tid('kab-urut'), 'kode');
  assert.equal(await firstRow(), `kab-${first((w) => w.kode)}`);
  await page.selectOption(tid('kab-urut'), 'nama');
  assert.equal(await firstRow(), `kab-${first((w) => w.nama.toLowerCase())}`);
  // Editing the worst kecamatan's realisasi to 130 makes it first of all.
  await page.selectOption(tid('kab-urut'), 'peringkat');
  await page.fill(tid('kab-cari'), '12.20.001');
  await page.waitForFunction(() => document.querySelector('[data-testid="kab-jumlah"]').textContent === '1–1 / 1');
  const ranked = N + base.data.realisasi.filter((r) => r.indikator_id === 'ikm' && r.tahun === 2024).length;
  assert.equal(await text(page, 'peringkat-12.20.001'), String(ranked), 'the worst of all ranked');
  await page.fill(tid('kab-realisasi-12.20.001'), '130');
  await page.waitForFunction(() => document.querySelector('[data-testid="peringkat-12.20.001"]').textContent === '1');
  await page.close();
  stop();
});

test('the national comparison snapshot offers the comparison and the planner, not the detail views', async () => {
  const { page, stop } = await comparison(province({ ringkas: true }));
  for (const tab of ['tab-planner', 'tab-kabupaten', 'tab-skenario']) assert.equal(await page.locator(tid(tab)).count(), 1, tab);
  for (const tab of ['tab-ikm', 'tab-akip', 'tab-anggaran']) assert.equal(await page.locator(tid(tab)).count(), 0, tab);
  assert.equal(await text(page, 'peringkat-12.20.600'), '1');
  await page.close();
  stop();
});
