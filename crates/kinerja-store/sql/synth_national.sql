-- Synthetic national data (sumber = 'sintetis'): the real hierarchy at the
-- real counts — 38 provinsi, 514 kabupaten/kota, 7.285 kecamatan with
-- Kemendagri-style codes — and, for a fraction of the kecamatan, every
-- year of a period: Renstra, targets, raw SKM answers (100–400 respondents
-- per kecamatan-year, 9 unsur, about 2 % skipped), the IKM of those
-- answers, AKIP komponen, budgets per program and belanja.
--
-- Generated inside DuckDB with seeded hashes (no row-by-row insert); the
-- same seed gives the same data. Existing regions are kept, and a
-- kecamatan with real data gets no synthetic facts. Parameters (SET
-- VARIABLE): seed, fraksi_ppm (kecamatan share in millionths), tahun_awal,
-- tahun_akhir. Run inside one transaction by synth.rs.

-- The 38 provinsi codes of Kepmendagri.
CREATE OR REPLACE TEMP TABLE syn_prov AS
SELECT kode, row_number() OVER (ORDER BY kode) AS i
FROM (VALUES ('11'), ('12'), ('13'), ('14'), ('15'), ('16'), ('17'), ('18'), ('19'), ('21'), ('31'), ('32'), ('33'),
             ('34'), ('35'), ('36'), ('51'), ('52'), ('53'), ('61'), ('62'), ('63'), ('64'), ('65'), ('71'), ('72'),
             ('73'), ('74'), ('75'), ('76'), ('81'), ('82'), ('91'), ('92'), ('93'), ('94'), ('95'), ('96')) t(kode);

-- The children of each parent in the table `induk_tabel` (kode, i: its
-- rank): `banyak` each for the first `batas` parents, one fewer for the
-- others. Children already in the database count towards their parent's
-- quota; new codes take the lowest free numbers. Numbered by code (i), for
-- the next level's quota.
CREATE OR REPLACE TEMP MACRO syn_anak(induk_tabel, tingkat_anak, batas, banyak) AS TABLE
WITH kuota AS (
    SELECT p.kode AS induk, CASE WHEN p.i <= batas THEN banyak ELSE banyak - 1 END AS kuota,
           (SELECT count(*) FROM wilayah w WHERE w.tingkat = tingkat_anak AND w.induk = p.kode) AS ada
    FROM query_table(induk_tabel) p),
calon AS (
    SELECT q.induk || '.' || lpad(CAST(k AS VARCHAR), 2, '0') AS kode, q.induk, q.kuota - q.ada AS baru
    FROM kuota q, range(1, 100) r(k)
    WHERE q.induk || '.' || lpad(CAST(k AS VARCHAR), 2, '0') NOT IN (SELECT kode FROM wilayah)),
semua AS (
    SELECT kode, induk FROM calon QUALIFY row_number() OVER (PARTITION BY induk ORDER BY kode) <= baru
    UNION ALL
    SELECT w.kode, w.induk FROM wilayah w JOIN query_table(induk_tabel) p ON w.induk = p.kode
    WHERE w.tingkat = tingkat_anak)
SELECT kode, induk, row_number() OVER (ORDER BY kode) AS i FROM semua;

-- 514 kabupaten/kota: 14 in the first 20 provinsi, 13 in the others.
CREATE OR REPLACE TEMP TABLE syn_kab AS FROM syn_anak('syn_prov', 'kabupaten', 20, 14);

-- 7.285 kecamatan: 15 in the first 89 kabupaten, 14 in the others.
CREATE OR REPLACE TEMP TABLE syn_kec AS FROM syn_anak('syn_kab', 'kecamatan', 89, 15);

INSERT INTO wilayah
SELECT kode, 'provinsi', '(sintetis) Provinsi ' || kode, NULL, NULL, 'sintetis' FROM syn_prov
WHERE kode NOT IN (SELECT kode FROM wilayah);
INSERT INTO wilayah
SELECT kode, 'kabupaten', '(sintetis) Kabupaten ' || kode, induk, NULL, 'sintetis' FROM syn_kab
WHERE kode NOT IN (SELECT kode FROM wilayah);
INSERT INTO wilayah
SELECT kode, 'kecamatan', '(sintetis) Kecamatan ' || kode, induk, NULL, 'sintetis' FROM syn_kec
WHERE kode NOT IN (SELECT kode FROM wilayah);

-- The kecamatan that get synthetic facts: a seeded fraction of those
-- without real data, each with its service level (hundredths of a score).
CREATE OR REPLACE TEMP TABLE syn_unit AS
SELECT w.kode, CAST(250 + hash(getvariable('seed'), w.kode, 'mutu') % 140 AS BIGINT) AS mutu_h,
       CAST(5500 + hash(getvariable('seed'), w.kode, 'akip') % 3500 AS BIGINT) AS akip_h
FROM wilayah w
WHERE w.tingkat = 'kecamatan' AND w.kode IN (SELECT kode FROM syn_kec)
  AND hash(getvariable('seed'), w.kode, 'pilih') % 1000000 < getvariable('fraksi_ppm')
  AND w.kode NOT IN (SELECT kode_unit FROM realisasi WHERE NOT kj_sintetis(sumber)
                     UNION SELECT kode_unit FROM target WHERE NOT kj_sintetis(sumber));

-- The two indicators, where the database does not have them yet.
INSERT INTO indikator
SELECT * FROM (VALUES ('ikm', 'Indeks Kepuasan Masyarakat (IKM)', 'Nilai', 'positif', 2, 'ikm', 'sintetis'),
                      ('akip', 'Nilai AKIP', 'Nilai', 'positif', 2, 'akip', 'sintetis')) t
WHERE t.col0 NOT IN (SELECT id FROM indikator);

-- A rerun replaces the synthetic facts of the chosen kecamatan.
DELETE FROM skm_jawaban WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM skm_agregat WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM skm_survei WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM akip_komponen WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM realisasi WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM target WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM anggaran_program WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM program_sasaran WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);
DELETE FROM anggaran_belanja WHERE kode_unit IN (SELECT kode FROM syn_unit) AND kj_sintetis(sumber);

CREATE OR REPLACE TEMP TABLE syn_tahun AS
SELECT CAST(t AS SMALLINT) AS tahun FROM range(getvariable('tahun_awal'), getvariable('tahun_akhir') + 1) r(t);

-- Renstra of the period: one tujuan, two sasaran (IKM, AKIP).
INSERT OR REPLACE INTO renstra
SELECT kode || '/R', kode, getvariable('tahun_awal'), getvariable('tahun_akhir'), '(sintetis) Visi kabupaten',
       '(sintetis) Mewujudkan penyelenggaraan pemerintahan yang baik dan bersih', 'sintetis'
FROM syn_unit;
INSERT OR REPLACE INTO tujuan SELECT kode || '/R/T1', kode || '/R', '(sintetis) Meningkatkan kualitas pelayanan publik', 'sintetis' FROM syn_unit;
INSERT OR REPLACE INTO sasaran
SELECT kode || '/R/S' || s, kode || '/R/T1', s,
       CASE s WHEN 1 THEN '(sintetis) Meningkatkan kepuasan masyarakat terhadap pelayanan publik'
              ELSE '(sintetis) Meningkatkan akuntabilitas keuangan dan kinerja perangkat daerah' END, 'sintetis'
FROM syn_unit, range(1, 3) r(s);
INSERT OR REPLACE INTO sasaran_indikator
SELECT kode || '/R/S' || s, CASE s WHEN 1 THEN 'ikm' ELSE 'akip' END, 'sintetis' FROM syn_unit, range(1, 3) r(s);

-- Raw SKM answers: 100–400 respondents per kecamatan-year, about one answer
-- in 50 skipped. An answer (hundredths of a score) is the unit's level, the
-- unsur's offset (± 0,30), a level shared by the respondent's answers and the
-- answer's own variation — each a sum of three uniforms (one hash split in
-- three), standard deviations about 0,55 and 0,50 — rounded at random to a
-- score: unsur correlate about 0,3–0,45 within a respondent, Cronbach's α about
-- 0,8–0,9 (as synth.rs explains and a test measures on v_skm_keandalan).
-- populasi: service users of the period, from the respondents up to 20,000
-- more (labelled sintetis with the row): some samples meet PermenPANRB
-- 14/2017's minimum, most not.
INSERT INTO skm_survei (kode_unit, tahun, skema, bobot, responden, periode, sumber, populasi)
SELECT kode, tahun, 'permenpanrb_14_2017', 'tepat', n, 'Januari-Desember ' || tahun, 'sintetis',
       n + hash(getvariable('seed'), kode, tahun, 'pop') % 20000
FROM (SELECT u.kode, y.tahun, 100 + hash(getvariable('seed'), u.kode, y.tahun, 'n') % 301 AS n
      FROM syn_unit u, syn_tahun y);

CREATE OR REPLACE TEMP MACRO syn_tiga(h, sd) AS
    CAST((h % (2 * sd + 1)) + ((h >> 21) % (2 * sd + 1)) + ((h >> 42) % (2 * sd + 1)) AS BIGINT) - 3 * sd;

INSERT INTO skm_jawaban
SELECT s.kode_unit, s.tahun, CAST(r.responden AS INTEGER), un.unsur_id,
       CAST(least(4, greatest(1, m // 100 + CASE WHEN hash(getvariable('seed'), s.kode_unit, s.tahun, r.responden, un.urutan) % 100 < m % 100 THEN 1 ELSE 0 END)) AS TINYINT),
       'sintetis'
FROM skm_survei s
JOIN syn_unit u ON u.kode = s.kode_unit
JOIN syn_tahun y ON y.tahun = s.tahun,
     range(1, s.responden + 1) r(responden),
     (SELECT unsur_id, urutan FROM ref_unsur WHERE skema = 'permenpanrb_14_2017') un,
     LATERAL (SELECT greatest(100, least(400, u.mutu_h - 30 + CAST(hash(getvariable('seed'), s.kode_unit, s.tahun, un.unsur_id) % 61 AS BIGINT)
                  + syn_tiga(hash(getvariable('seed'), s.kode_unit, s.tahun, r.responden, 'tingkat'), 55)
                  + syn_tiga(hash(getvariable('seed'), s.kode_unit, s.tahun, r.responden, un.urutan, 'jawab'), 50))) AS m) lv
WHERE hash(getvariable('seed'), s.kode_unit, s.tahun, r.responden, un.urutan, 'lewat') % 50 <> 0;

INSERT INTO skm_agregat
SELECT kode_unit, tahun, unsur_id, sum(skor), count(*), 'sintetis'
FROM skm_jawaban
WHERE kode_unit IN (SELECT kode FROM syn_unit)
GROUP BY kode_unit, tahun, unsur_id;

-- AKIP komponen: each around the unit's level (% of its bobot), with a target.
INSERT INTO akip_komponen
SELECT u.kode, y.tahun, 'permenpanrb_88_2021', k.komponen_id,
       round(k.bobot * least(9800, u.akip_h + 150 + CAST(hash(getvariable('seed'), u.kode, y.tahun, k.komponen_id, 't') % 500 AS BIGINT)) / 10000.0, 2),
       round(k.bobot * least(9800, u.akip_h - 300 + CAST(hash(getvariable('seed'), u.kode, y.tahun, k.komponen_id) % 900 AS BIGINT)) / 10000.0, 2),
       'sintetis'
FROM syn_unit u, syn_tahun y, ref_komponen_akip k
WHERE k.skema = 'permenpanrb_88_2021';

-- Realisasi: the IKM of the answers and the AKIP total of the komponen. Read
-- from the computing views (calc_*): the stored results behind v_* are
-- refreshed only when this transaction ends.
INSERT INTO realisasi
SELECT i.kode_unit, 'ikm', i.tahun, i.ikm, NULL, 'sintetis' FROM calc_ikm i WHERE i.kode_unit IN (SELECT kode FROM syn_unit);
INSERT INTO realisasi
SELECT a.kode_unit, 'akip', a.tahun, a.realisasi, kj_predikat_akip(a.realisasi), 'sintetis'
FROM calc_akip a WHERE a.kode_unit IN (SELECT kode FROM syn_unit);

-- Targets: the PK of every year, the Renstra of every year rising to the end;
-- an IKM or AKIP target is at most 98 (the scale ends at 100).
INSERT INTO target
SELECT u.kode, 'ikm', y.tahun, 'pk', round(least(9800, u.mutu_h * 25 + 150 + hash(getvariable('seed'), u.kode, y.tahun, 'ti') % 500) / 100.0, 2), NULL, 'sintetis'
FROM syn_unit u, syn_tahun y;
INSERT INTO target
SELECT a.kode_unit, 'akip', a.tahun, 'pk', a.target, kj_predikat_akip(a.target), 'sintetis'
FROM calc_akip a WHERE a.kode_unit IN (SELECT kode FROM syn_unit) AND a.target IS NOT NULL;
INSERT INTO target
SELECT u.kode, ind, y.tahun, 'renstra',
       least(CASE ind WHEN 'ikm' THEN 98.00 ELSE 95.00 END,
             round((CASE ind WHEN 'ikm' THEN u.mutu_h * 25 ELSE u.akip_h END + 100 * (y.tahun - getvariable('tahun_awal'))) / 100.0, 2)),
       NULL, 'sintetis'
FROM syn_unit u, syn_tahun y, (VALUES ('ikm'), ('akip')) i(ind);

-- Budgets: six programs of the kecamatan nomenclature, realised 90–100 %,
-- and three belanja lines with the same totals.
CREATE OR REPLACE TEMP TABLE syn_program AS
SELECT * FROM (VALUES
    ('7.01.01', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 2000000, 3200000, 2),
    ('7.01.02', 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik', 2000, 40000, 1),
    ('7.01.03', 'Program Pemberdayaan Masyarakat Desa dan Kelurahan', 30000, 120000, 1),
    ('7.01.04', 'Program Koordinasi Ketentraman dan Ketertiban Umum', 10000, 40000, 1),
    ('7.01.05', 'Program Penyelenggaraan Urusan Pemerintahan Umum', 60000, 180000, 1),
    ('7.01.06', 'Program Pembinaan dan Pengawasan Pemerintahan Desa', 4000, 20000, 1)) t(kode, nama, lo, hi, sasaran);
INSERT INTO anggaran_program
SELECT u.kode, y.tahun, p.kode, CAST(right(p.kode, 1) AS INTEGER), p.nama || ' (sintetis)', a.anggaran,
       a.anggaran * (9000 + hash(getvariable('seed'), u.kode, y.tahun, p.kode, 'r') % 1001) // 10000, NULL, 'sintetis'
FROM syn_unit u, syn_tahun y, syn_program p,
     LATERAL (SELECT CAST((p.lo + hash(getvariable('seed'), u.kode, y.tahun, p.kode) % (p.hi - p.lo + 1)) * 1000 AS DECIMAL(18,2)) AS anggaran) a;
INSERT INTO program_sasaran
SELECT u.kode, y.tahun, p.kode, u.kode || '/R/S' || p.sasaran, 'sintetis' FROM syn_unit u, syn_tahun y, syn_program p;
INSERT INTO anggaran_belanja
SELECT t.kode_unit, t.tahun, b.kode, b.uraian,
       CASE b.kode WHEN '5.1.01' THEN t.anggaran * 72 // 100 WHEN '5.2.02' THEN t.anggaran * 1 // 100
            ELSE t.anggaran - t.anggaran * 72 // 100 - t.anggaran * 1 // 100 END,
       CASE b.kode WHEN '5.1.01' THEN t.realisasi * 72 // 100 WHEN '5.2.02' THEN t.realisasi * 1 // 100
            ELSE t.realisasi - t.realisasi * 72 // 100 - t.realisasi * 1 // 100 END,
       'sintetis'
FROM (SELECT kode_unit, tahun, sum(anggaran) AS anggaran, sum(realisasi) AS realisasi
      FROM anggaran_program WHERE kode_unit IN (SELECT kode FROM syn_unit) GROUP BY kode_unit, tahun) t,
     (VALUES ('5.1.01', 'Belanja Pegawai'), ('5.1.02', 'Belanja Barang dan Jasa'),
             ('5.2.02', 'Belanja Modal Peralatan dan Mesin')) b(kode, uraian);

DROP TABLE syn_prov; DROP TABLE syn_kab; DROP TABLE syn_kec; DROP MACRO TABLE syn_anak; DROP TABLE syn_tahun; DROP TABLE syn_program;
