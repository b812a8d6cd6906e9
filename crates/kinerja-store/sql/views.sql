-- Analyst views. Rebuilt when the code that derives them changes
-- (schema.rs keeps a fingerprint of this file, the macros and the reference
-- tables).
--
-- Stored results. An analyst view that computes (capaian, trends, ranks,
-- SKM, IKM, AKIP, budgets, efisiensi) is defined as calc_<name>; the view
-- v_<name> reads a table, cache_<name>, that holds exactly what calc_<name>
-- returns. The table is created here (a line "CREATE OR REPLACE TABLE
-- cache_<name> AS SELECT * FROM calc_<name>;", which schema.rs also reads to
-- know what to refresh) and refreshed, in this order, in the transaction of
-- every write that can change them (load, transcription, synthesis; a plan
-- import adds only scenario targets, which no calc_* view reads), so that
-- reading a view never recomputes exact fractions per row nor rescans raw
-- answers.
-- tests/it/store.rs checks cache_* = calc_* after every kind of write.
--
-- These views join, group, order and rank; they compute nothing of their own.
-- Every number and label comes from a kj_* macro rendered from kinerja-core
-- (render.rs), including the defaults (kj_skema_skm, kj_bobot_ikm) and the
-- synthetic marker (kj_sintetis); the only arithmetic here is the generic
-- exact sum of fractions (kj__sum_q_*). Where a view must stay SQL (window
-- functions, joins), its comment names the core definition it mirrors, and
-- tests/it/views.rs checks every derived column against that definition.
--
-- Every analyst view carries the same identifying columns: kode_kabupaten,
-- kode_unit, nama_unit, tahun.

-- Kecamatan (and other units) with their kabupaten.
CREATE OR REPLACE VIEW v_unit AS
SELECT w.kode AS kode_unit, w.nama AS nama_unit, w.tingkat, w.induk AS kode_kabupaten, k.nama AS nama_kabupaten
FROM wilayah w
LEFT JOIN wilayah k ON k.kode = w.induk
WHERE w.tingkat = 'kecamatan';

-- The regions of region k (a kabupaten, a provinsi, or '' for the whole
-- nation): k, every region under it, and the region k belongs to. What a
-- planner snapshot and a fill-in template hold.
CREATE OR REPLACE MACRO wilayah_dalam(k) AS TABLE
WITH RECURSIVE turun(kode) AS (
    SELECT kode FROM wilayah WHERE kode = k OR (k = '' AND induk IS NULL)
    UNION
    SELECT w.kode FROM wilayah w JOIN turun t ON w.induk = t.kode
)
SELECT kode FROM turun
UNION
SELECT induk FROM wilayah WHERE kode = k AND induk IS NOT NULL;

-- Name and kabupaten of every unit that can hold data (a kecamatan, or a
-- kabupaten reporting for itself): the identifying columns of every view.
CREATE OR REPLACE VIEW v_identitas AS
SELECT w.kode AS kode_unit, w.nama AS nama_unit,
       CASE w.tingkat WHEN 'kabupaten' THEN w.kode ELSE w.induk END AS kode_kabupaten
FROM wilayah w
WHERE w.tingkat IN ('kecamatan', 'kabupaten');

-- The target capaian is measured against: PK perubahan, else PK, else Renstra.
-- Mirrors kinerja_core::model::target_berlaku (order from ref_jenis_target,
-- written from JenisTarget::precedence; scenario targets are plans and absent
-- from ref_jenis_target).
CREATE OR REPLACE VIEW v_target_berlaku AS
SELECT t.kode_unit, t.indikator_id, t.tahun, t.nilai AS target, t.jenis AS jenis_target,
       t.label AS label_target, t.sumber AS sumber_target
FROM target t
JOIN ref_jenis_target j ON j.kode = t.jenis
QUALIFY row_number() OVER (PARTITION BY t.kode_unit, t.indikator_id, t.tahun ORDER BY j.urutan) = 1;

-- Which sasaran each indicator measures in a unit's Renstra.
CREATE OR REPLACE VIEW v_sasaran_indikator AS
SELECT r.kode_unit, r.id AS renstra_id, r.tahun_awal, r.tahun_akhir, s.id AS sasaran_id, s.no AS no_sasaran,
       s.uraian AS sasaran, si.indikator_id
FROM renstra r
JOIN tujuan tj ON tj.renstra_id = r.id
JOIN sasaran s ON s.tujuan_id = tj.id
JOIN sasaran_indikator si ON si.sasaran_id = s.id;

-- Capaian with predikat per indicator × year × unit: the figures of
-- kinerja_core::capaian::nilai (capaian, predikat, kategori, selisih).
CREATE OR REPLACE VIEW calc_capaian AS
WITH urutan AS (
    SELECT kode_unit, indikator_id, tahun_awal, tahun_akhir, min(no_sasaran) AS no_sasaran
    FROM v_sasaran_indikator GROUP BY kode_unit, indikator_id, tahun_awal, tahun_akhir
), base AS (
    SELECT u.kode_kabupaten, r.kode_unit, u.nama_unit, r.indikator_id, i.nama AS indikator, i.satuan,
           i.polaritas, i.jenis, i.presisi, r.tahun, t.target, t.jenis_target, t.label_target,
           r.nilai AS realisasi, r.label AS label_realisasi,
           kj_capaian(t.target, r.nilai, i.polaritas) AS capaian,
           kj_selisih(t.target, r.nilai) AS selisih,
           kj_sintetis(r.sumber) OR coalesce(kj_sintetis(t.sumber_target), false) AS sintetis,
           r.sumber, t.sumber_target, o.no_sasaran
    FROM realisasi r
    JOIN indikator i ON i.id = r.indikator_id
    LEFT JOIN v_target_berlaku t ON t.kode_unit = r.kode_unit AND t.indikator_id = r.indikator_id AND t.tahun = r.tahun
    LEFT JOIN v_identitas u ON u.kode_unit = r.kode_unit
    LEFT JOIN urutan o ON o.kode_unit = r.kode_unit AND o.indikator_id = r.indikator_id AND r.tahun BETWEEN o.tahun_awal AND o.tahun_akhir
)
SELECT base.*,
       kj_predikat(capaian) AS predikat,
       kj_kategori_kode(jenis, realisasi) AS kategori_kode,
       kj_kategori(jenis, realisasi) AS kategori
FROM base;
CREATE OR REPLACE TABLE cache_capaian AS SELECT * FROM calc_capaian;
CREATE OR REPLACE VIEW v_capaian AS SELECT * FROM cache_capaian;

-- Realisasi against the Renstra final-year target of the period covering the year.
CREATE OR REPLACE VIEW v_renstra_akhir AS
SELECT r.kode_unit, r.id AS renstra_id, r.tahun_awal, r.tahun_akhir, t.indikator_id, t.nilai AS target_akhir
FROM renstra r
JOIN target t ON t.kode_unit = r.kode_unit AND t.tahun = r.tahun_akhir AND t.jenis = 'renstra';

-- Trends: year-on-year change, best and worst year (ordered best first by
-- realisasi × kj_arah, ties to the earliest year: kinerja_core::plan::
-- tahun_terbaik / tahun_terburuk), distance to the Renstra final target.
CREATE OR REPLACE VIEW calc_tren AS
WITH base AS (
    SELECT c.*,
           lag(c.tahun) OVER w AS tahun_sebelumnya,
           lag(c.realisasi) OVER w AS realisasi_sebelumnya,
           first_value(c.tahun) OVER (PARTITION BY c.kode_unit, c.indikator_id
                                      ORDER BY c.realisasi * kj_arah(c.polaritas) DESC, c.tahun) AS tahun_terbaik,
           first_value(c.tahun) OVER (PARTITION BY c.kode_unit, c.indikator_id
                                      ORDER BY c.realisasi * kj_arah(c.polaritas) ASC, c.tahun) AS tahun_terburuk
    FROM v_capaian c
    WINDOW w AS (PARTITION BY c.kode_unit, c.indikator_id ORDER BY c.tahun)
)
SELECT b.kode_kabupaten, b.kode_unit, b.nama_unit, b.indikator_id, b.indikator, b.polaritas, b.tahun,
       b.target, b.realisasi, b.capaian, b.predikat,
       b.tahun_sebelumnya, b.realisasi_sebelumnya,
       kj_selisih(b.realisasi_sebelumnya, b.realisasi) AS perubahan,
       kj_perubahan_persen(b.realisasi_sebelumnya, b.realisasi) AS perubahan_persen,
       b.tahun_terbaik, b.tahun_terburuk,
       ra.tahun_akhir AS tahun_akhir_renstra, ra.target_akhir,
       kj_capaian(ra.target_akhir, b.realisasi, b.polaritas) AS capaian_target_akhir,
       kj_kekurangan(ra.target_akhir, b.realisasi, b.polaritas) AS kekurangan_target_akhir,
       b.sintetis, b.sumber
FROM base b
LEFT JOIN v_renstra_akhir ra
       ON ra.kode_unit = b.kode_unit AND ra.indikator_id = b.indikator_id
      AND b.tahun BETWEEN ra.tahun_awal AND ra.tahun_akhir;
CREATE OR REPLACE TABLE cache_tren AS SELECT * FROM calc_tren;
CREATE OR REPLACE VIEW v_tren AS SELECT * FROM cache_tren;

-- Change between any two years of the same unit and indicator; `tahun` is
-- the later year, the one the change is reported in (= tahun_ke), so that
-- every analyst view carries kode_kabupaten, kode_unit, nama_unit, tahun.
CREATE OR REPLACE VIEW calc_perubahan AS
SELECT a.kode_kabupaten, a.kode_unit, a.nama_unit, b.tahun, a.indikator_id, a.tahun AS tahun_dari, b.tahun AS tahun_ke,
       a.realisasi AS nilai_dari, b.realisasi AS nilai_ke,
       kj_selisih(a.realisasi, b.realisasi) AS selisih,
       kj_perubahan_persen(a.realisasi, b.realisasi) AS persen,
       a.sintetis OR b.sintetis AS sintetis
FROM v_capaian a
JOIN v_capaian b ON b.kode_unit = a.kode_unit AND b.indikator_id = a.indikator_id AND b.tahun > a.tahun;
CREATE OR REPLACE TABLE cache_perubahan AS SELECT * FROM calc_perubahan;
CREATE OR REPLACE VIEW v_perubahan AS SELECT * FROM cache_perubahan;

-- Every kecamatan of a kabupaten for each indicator-year present there, ranked;
-- kecamatan without data are listed with ada_data = false. The rank is the
-- competition rank of realisasi × kj_arah, descending (kinerja_core::plan::
-- peringkat), nilai_terbaik the best realisasi (plan::terbaik); the two
-- kekurangan are how far each kecamatan still is from the best and from its
-- target (kj_kekurangan, ≤ 0 once reached).
CREATE OR REPLACE VIEW calc_peringkat AS
WITH pasangan AS (
    SELECT DISTINCT u.kode_kabupaten, c.indikator_id, c.tahun FROM v_capaian c JOIN v_unit u ON u.kode_unit = c.kode_unit
), grid AS (
    SELECT u.kode_kabupaten, u.nama_kabupaten, u.kode_unit, u.nama_unit, p.indikator_id, i.nama AS indikator,
           i.polaritas, p.tahun
    FROM v_unit u
    JOIN pasangan p ON p.kode_kabupaten = u.kode_kabupaten
    JOIN indikator i ON i.id = p.indikator_id
), j AS (
    SELECT g.*, c.target, c.realisasi, c.capaian, c.predikat, c.kategori,
           coalesce(c.sintetis, false) AS sintetis, c.sumber, c.realisasi IS NOT NULL AS ada_data,
           c.realisasi * kj_arah(g.polaritas) AS skor_arah
    FROM grid g
    LEFT JOIN v_capaian c ON c.kode_unit = g.kode_unit AND c.indikator_id = g.indikator_id AND c.tahun = g.tahun
), r AS (
    SELECT j.*,
           CASE WHEN ada_data THEN rank() OVER (PARTITION BY kode_kabupaten, indikator_id, tahun ORDER BY skor_arah DESC NULLS LAST) END AS peringkat,
           count(realisasi) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS jumlah_berdata,
           count(*) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS jumlah_kecamatan,
           arg_max(realisasi, skor_arah) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS nilai_terbaik
    FROM j
)
SELECT kode_kabupaten, nama_kabupaten, indikator_id, indikator, polaritas, tahun, peringkat, kode_unit, nama_unit,
       ada_data, target, realisasi, capaian, predikat, kategori, nilai_terbaik,
       kj_kekurangan(nilai_terbaik, realisasi, polaritas) AS kekurangan_ke_terbaik,
       kj_kekurangan(target, realisasi, polaritas) AS kekurangan_ke_target,
       jumlah_berdata, jumlah_kecamatan, sintetis, sumber
FROM r;
CREATE OR REPLACE TABLE cache_peringkat AS SELECT * FROM calc_peringkat;
CREATE OR REPLACE VIEW v_peringkat AS SELECT * FROM cache_peringkat;

-- SKM per unsur: from raw answers (skm_agregat) where present, else stored NRR;
-- NRR = kj_nrr, mutu under the survey's own scheme (kj_mutu_unsur: NRR × 25 on
-- the scheme's bands, kinerja_core::skm::mutu_unsur; from answers, of the
-- exact fraction: kj_mutu_unsur_q). Each source computes its own rows, so
-- no row runs through the other's formulas.
CREATE OR REPLACE VIEW calc_skm_unsur AS
WITH jawaban AS (
    SELECT a.kode_unit, a.tahun, kj_skema_skm(s.skema) AS skema, a.unsur_id, 'jawaban' AS dasar, a.jumlah, a.n,
           CAST(kj_nrr(a.jumlah, a.n) AS DECIMAL(38,4)) AS nrr,
           kj_mutu_unsur_q(kj_skema_skm(s.skema), a.jumlah, a.n) AS mutu,
           NULL::INTEGER AS no_laporan, NULL::VARCHAR AS nama_dalam_laporan, a.sumber
    FROM skm_agregat a
    LEFT JOIN skm_survei s ON s.kode_unit = a.kode_unit AND s.tahun = a.tahun
), tercatat AS (
    SELECT n.kode_unit, n.tahun, kj_skema_skm(s.skema) AS skema, n.unsur_id, 'nrr' AS dasar, NULL, NULL,
           CAST(n.nrr AS DECIMAL(38,4)), kj_mutu_unsur(kj_skema_skm(s.skema), n.nrr),
           n.no_laporan, n.nama_dalam_laporan, n.sumber
    FROM skm_nrr n
    LEFT JOIN skm_survei s ON s.kode_unit = n.kode_unit AND s.tahun = n.tahun
    WHERE NOT EXISTS (SELECT 1 FROM skm_agregat x WHERE x.kode_unit = n.kode_unit AND x.tahun = n.tahun)
), semua AS (
    SELECT * FROM jawaban UNION ALL SELECT * FROM tercatat
)
SELECT un.kode_kabupaten, b.kode_unit, un.nama_unit, b.tahun, b.skema, b.unsur_id, u.nama AS unsur, u.urutan, b.dasar,
       b.jumlah, b.n, b.nrr, b.mutu, b.no_laporan, b.nama_dalam_laporan, kj_sintetis(b.sumber) AS sintetis, b.sumber
FROM semua b
LEFT JOIN ref_unsur u ON u.skema = b.skema AND u.unsur_id = b.unsur_id
LEFT JOIN v_identitas un ON un.kode_unit = b.kode_unit;
CREATE OR REPLACE TABLE cache_skm_unsur AS SELECT * FROM calc_skm_unsur;
CREATE OR REPLACE VIEW v_skm_unsur AS SELECT * FROM cache_skm_unsur;

-- IKM per unit-year: Σ NRR × bobot × 25 (kj_ikm_bobot), the NRR summed exactly
-- (raw answers: Σ jumlah_i / n_i over the least common multiple; stored NRR:
-- their exact decimal sum); mutu and kinerja under the survey's scheme
-- (kj_mutu_skema). An IKM needs every unsur of the scheme, as
-- kinerja_core::skm::ikm_from_nrr does; otherwise it is NULL.
CREATE OR REPLACE VIEW calc_ikm AS
WITH kunci AS (
    SELECT kode_unit, tahun FROM skm_survei
    UNION SELECT kode_unit, tahun FROM skm_agregat
    UNION SELECT kode_unit, tahun FROM skm_nrr
), daftar AS (
    SELECT kode_unit, tahun, list(jumlah ORDER BY unsur_id) AS jumlah, list(n ORDER BY unsur_id) AS n,
           count(*) AS jumlah_unsur, max(n) AS responden_terbanyak, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM skm_agregat GROUP BY kode_unit, tahun
), penyebut AS (
    SELECT *, kj__sum_q_den(n) AS total_den FROM daftar
), jawaban AS (
    SELECT kode_unit, tahun, kj__sum_q_num(jumlah, n, total_den) AS total_num, total_den,
           jumlah_unsur, responden_terbanyak, sintetis
    FROM penyebut
), nrr AS (
    SELECT kode_unit, tahun, sum(nrr) AS total, count(*) AS jumlah_unsur, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM skm_nrr GROUP BY kode_unit, tahun
), gabung AS (
    SELECT k.kode_unit, k.tahun, kj_skema_skm(s.skema) AS skema, kj_bobot_ikm(s.bobot) AS bobot,
           coalesce(s.responden, j.responden_terbanyak) AS responden,
           CASE WHEN j.kode_unit IS NOT NULL THEN 'jawaban' WHEN n.kode_unit IS NOT NULL THEN 'nrr' END AS dasar,
           coalesce(j.jumlah_unsur, n.jumlah_unsur, 0) AS jumlah_unsur,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_num ELSE kj__scaled(n.total) END AS total_num,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_den ELSE kj__scale() END AS total_den,
           coalesce(j.sintetis, n.sintetis, false) OR coalesce(kj_sintetis(s.sumber), false) AS sintetis,
           s.sumber
    FROM kunci k
    LEFT JOIN skm_survei s ON s.kode_unit = k.kode_unit AND s.tahun = k.tahun
    LEFT JOIN jawaban j ON j.kode_unit = k.kode_unit AND j.tahun = k.tahun
    LEFT JOIN nrr n ON n.kode_unit = k.kode_unit AND n.tahun = k.tahun
), nilai AS (
    SELECT g.*, rs.jumlah_unsur AS unsur_skema, b.label AS bobot_tercetak,
           CASE WHEN g.jumlah_unsur = rs.jumlah_unsur
                THEN kj_ikm_bobot(g.total_num, g.total_den, b.w_num, b.w_den) END AS ikm
    FROM gabung g
    JOIN ref_skema_skm rs ON rs.skema = g.skema
    JOIN ref_bobot b ON b.skema = g.skema AND b.bobot = g.bobot
)
SELECT u.kode_kabupaten, n.kode_unit, u.nama_unit, n.tahun, n.skema, n.bobot, n.bobot_tercetak, n.responden, n.dasar,
       n.jumlah_unsur, n.unsur_skema, n.ikm,
       kj_mutu_skema(n.skema, n.ikm) AS mutu, kj_kinerja_skema(n.skema, n.ikm) AS kinerja,
       n.sintetis, n.sumber
FROM nilai n
LEFT JOIN v_identitas u ON u.kode_unit = n.kode_unit;
CREATE OR REPLACE TABLE cache_ikm AS SELECT * FROM calc_ikm;
CREATE OR REPLACE VIEW v_ikm AS SELECT * FROM cache_ikm;

-- Every kecamatan's rank with how sure it is. For the IKM (a survey
-- estimate): the 95 % interval of its realisasi, ± 1,96 standard errors of
-- hasil_galat_ikm within 25..100, each bound rounded half-up to two
-- decimals; and the ranks those intervals allow among the kecamatan of the
-- kabupaten — the best 1 + those whose whole interval lies above, the worst
-- the count less those whose whole interval lies below, an IKM without a
-- standard error spanning the whole scale (kinerja_core::selang::kepastian_ikm,
-- which `kinerja compare` and the report use; a test proves they agree).
-- Other indicators are not estimates: their rank is exact, and these
-- columns are NULL.
CREATE OR REPLACE VIEW v_peringkat_selang AS
WITH p AS (
    SELECT p.*, i.jenis = 'ikm' AS perkiraan, g.galat_baku, g.metode AS metode_selang
    FROM v_peringkat p
    JOIN indikator i ON i.id = p.indikator_id
    LEFT JOIN hasil_galat_ikm g ON i.jenis = 'ikm' AND g.kode_unit = p.kode_unit AND g.tahun = p.tahun
), s AS (
    SELECT *,
           CASE WHEN galat_baku IS NOT NULL THEN round(greatest(25, realisasi - 1.96 * galat_baku), 2) END
               AS selang_bawah,
           CASE WHEN galat_baku IS NOT NULL THEN round(least(100, realisasi + 1.96 * galat_baku), 2) END
               AS selang_atas,
           bool_or(galat_baku IS NOT NULL) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS ada_galat
    FROM p
), b AS (
    SELECT *,
           CASE WHEN perkiraan AND ada_galat AND realisasi IS NOT NULL THEN coalesce(selang_bawah, 25) END AS lo,
           CASE WHEN perkiraan AND ada_galat AND realisasi IS NOT NULL THEN coalesce(selang_atas, 100) END AS hi
    FROM s
)
SELECT x.kode_kabupaten, x.nama_kabupaten, x.indikator_id, x.indikator, x.tahun, x.peringkat, x.kode_unit,
       x.nama_unit, x.realisasi, x.perkiraan, x.galat_baku, x.selang_bawah, x.selang_atas, x.metode_selang,
       CASE WHEN x.lo IS NOT NULL THEN 1 + count(y.lo) FILTER (WHERE y.lo > x.hi) END AS peringkat_terbaik,
       CASE WHEN x.lo IS NOT NULL THEN count(y.lo) - count(y.lo) FILTER (WHERE y.hi < x.lo) END AS peringkat_terburuk,
       x.sintetis
FROM b x
LEFT JOIN b y ON y.kode_kabupaten = x.kode_kabupaten AND y.indikator_id = x.indikator_id AND y.tahun = x.tahun
GROUP BY x.kode_kabupaten, x.nama_kabupaten, x.indikator_id, x.indikator, x.tahun, x.peringkat, x.kode_unit,
         x.nama_unit, x.realisasi, x.perkiraan, x.galat_baku, x.selang_bawah, x.selang_atas, x.metode_selang, x.lo,
         x.hi, x.sintetis;

-- The year-on-year change of every IKM with its 95 % interval: the change of
-- the printed (two-decimal) values; its standard error √(se₁² + se₀²) from
-- hasil_galat_ikm, rounded up at four decimals (an integer square root: the
-- floating-point root, a guess within one, is corrected in integers); the
-- exact change ± 1,96 of it, each bound rounded half-up to two decimals;
-- conservative when either year's error is; `terbedakan` when the interval
-- leaves out zero (kinerja_core::selang::perubahan, which the LKjIP's
-- year-on-year sentence prints; a test proves they agree). Only IKM pairs
-- whose both years have a standard error.
CREATE OR REPLACE VIEW v_tren_selang AS
WITH t AS (
    SELECT t.kode_kabupaten, t.kode_unit, t.nama_unit, t.indikator_id, t.tahun_sebelumnya, t.tahun,
           t.realisasi_sebelumnya, t.realisasi, t.sintetis,
           CASE WHEN g1.metode = 'konservatif' OR g0.metode = 'konservatif' THEN 'konservatif' ELSE 'analitik' END
               AS metode_selang,
           CAST((g1.galat_baku * g1.galat_baku + g0.galat_baku * g0.galat_baku) * 100000000 AS HUGEINT) AS v
    FROM v_tren t
    JOIN indikator i ON i.id = t.indikator_id AND i.jenis = 'ikm'
    JOIN hasil_galat_ikm g1 ON g1.kode_unit = t.kode_unit AND g1.tahun = t.tahun
    JOIN hasil_galat_ikm g0 ON g0.kode_unit = t.kode_unit AND g0.tahun = t.tahun_sebelumnya
), akar AS (
    SELECT *, CAST(floor(sqrt(CAST(v AS DOUBLE))) AS HUGEINT) AS r0 FROM t
), galat AS (
    SELECT *,
           CAST(CASE WHEN r0 * r0 >= v THEN (CASE WHEN (r0 - 1) * (r0 - 1) >= v THEN r0 - 1 ELSE r0 END)
                     WHEN (r0 + 1) * (r0 + 1) >= v THEN r0 + 1 ELSE r0 + 2 END AS DECIMAL(18, 0)) * 0.0001
               AS galat_baku_perubahan
    FROM akar
), b AS (
    SELECT *, round(realisasi, 2) - round(realisasi_sebelumnya, 2) AS perubahan,
           round(realisasi - realisasi_sebelumnya - 1.96 * galat_baku_perubahan, 2) AS selang_bawah,
           round(realisasi - realisasi_sebelumnya + 1.96 * galat_baku_perubahan, 2) AS selang_atas
    FROM galat
)
SELECT kode_kabupaten, kode_unit, nama_unit, indikator_id, tahun_sebelumnya, tahun, realisasi_sebelumnya,
       realisasi, perubahan, galat_baku_perubahan, selang_bawah, selang_atas, metode_selang,
       NOT (selang_bawah <= 0 AND selang_atas >= 0) AS terbedakan, sintetis
FROM b;

-- How consistently each survey's respondents answer (an analyst's check of
-- the instrument, not a SAKIP figure: floating point, rounded to three
-- decimals): Cronbach's α of the unsur over the respondents who answered
-- every unsur, and the mean correlation of two unsur it implies,
-- ρ = α / (k − (k − 1)·α). Surveys with fewer than three such respondents
-- have none.
CREATE OR REPLACE VIEW v_skm_keandalan AS
WITH survei AS (
    SELECT s.kode_unit, s.tahun, rs.jumlah_unsur AS k, kj_sintetis(s.sumber) AS sintetis
    FROM skm_survei s
    JOIN ref_skema_skm rs ON rs.skema = kj_skema_skm(s.skema)
), lengkap AS (
    SELECT j.kode_unit, j.tahun, j.responden, sum(j.skor) AS total
    FROM skm_jawaban j
    JOIN survei v ON v.kode_unit = j.kode_unit AND v.tahun = j.tahun
    GROUP BY j.kode_unit, j.tahun, j.responden, v.k
    HAVING count(*) = v.k
), ragam_unsur AS (
    SELECT j.kode_unit, j.tahun, sum(var_samp(j.skor)) OVER (PARTITION BY j.kode_unit, j.tahun) AS jumlah_ragam
    FROM skm_jawaban j
    JOIN lengkap l ON l.kode_unit = j.kode_unit AND l.tahun = j.tahun AND l.responden = j.responden
    GROUP BY j.kode_unit, j.tahun, j.unsur_id
    QUALIFY row_number() OVER (PARTITION BY j.kode_unit, j.tahun) = 1
), alfa AS (
    SELECT l.kode_unit, l.tahun, v.k, v.sintetis, count(*) AS responden_lengkap, var_samp(l.total) AS ragam_total,
           r.jumlah_ragam, CAST(v.k AS DOUBLE) / (v.k - 1) * (1 - r.jumlah_ragam / var_samp(l.total)) AS a
    FROM lengkap l
    JOIN survei v ON v.kode_unit = l.kode_unit AND v.tahun = l.tahun
    JOIN ragam_unsur r ON r.kode_unit = l.kode_unit AND r.tahun = l.tahun
    GROUP BY l.kode_unit, l.tahun, v.k, v.sintetis, r.jumlah_ragam
    HAVING count(*) >= 3 AND var_samp(l.total) > 0
)
SELECT kode_unit, tahun, k AS jumlah_unsur, responden_lengkap, round(a, 3) AS alfa_cronbach,
       round(a / (k - (k - 1) * a), 3) AS korelasi_unsur, sintetis
FROM alfa;

-- AKIP by komponen (persen = capaian of a positive indicator, kj_capaian).
CREATE OR REPLACE VIEW v_akip_komponen AS
SELECT u.kode_kabupaten, a.kode_unit, u.nama_unit, a.tahun, a.skema, k.urutan, a.komponen_id, k.nama AS komponen,
       k.bobot, a.target, a.realisasi,
       kj_capaian(a.target, a.realisasi, 'positif') AS persen, kj_sintetis(a.sumber) AS sintetis, a.sumber
FROM akip_komponen a
LEFT JOIN ref_komponen_akip k ON k.skema = a.skema AND k.komponen_id = a.komponen_id
LEFT JOIN v_identitas u ON u.kode_unit = a.kode_unit;

-- AKIP in total: Σ komponen when every komponen of the scheme is present
-- (kinerja_core::akip::NilaiAkip::from_komponen), the target likewise when
-- every komponen has one; predikat by kj_predikat_akip.
CREATE OR REPLACE VIEW calc_akip AS
WITH t AS (
    SELECT a.kode_unit, a.tahun, min(a.skema) AS skema, count(*) AS jumlah_komponen,
           count(DISTINCT a.skema) = 1 AND count(*) = any_value(r.jumlah_komponen) AS lengkap,
           count(a.target) = count(*) AS target_lengkap,
           sum(a.target) AS target_jumlah, sum(a.realisasi) AS realisasi_jumlah,
           bool_or(kj_sintetis(a.sumber)) AS sintetis
    FROM akip_komponen a
    LEFT JOIN ref_skema_akip r ON r.skema = a.skema
    GROUP BY a.kode_unit, a.tahun
), n AS (
    SELECT kode_unit, tahun, skema, jumlah_komponen,
           CASE WHEN lengkap AND target_lengkap THEN target_jumlah END AS target,
           CASE WHEN lengkap THEN realisasi_jumlah END AS realisasi, sintetis
    FROM t
)
SELECT u.kode_kabupaten, n.kode_unit, u.nama_unit, n.tahun, n.skema, n.jumlah_komponen, n.target, n.realisasi,
       kj_capaian(n.target, n.realisasi, 'positif') AS persen,
       kj_predikat_akip(n.target) AS predikat_target, kj_predikat_akip(n.realisasi) AS predikat,
       kj_predikat_akip_label(n.realisasi) AS predikat_label, n.sintetis
FROM n
LEFT JOIN v_identitas u ON u.kode_unit = n.kode_unit;
CREATE OR REPLACE TABLE cache_akip AS SELECT * FROM calc_akip;
CREATE OR REPLACE VIEW v_akip AS SELECT * FROM cache_akip;

-- Budget by belanja account at every level (5, 5.1, 5.1.01, …), summed from leaf lines.
CREATE OR REPLACE VIEW calc_anggaran_belanja AS
WITH baris AS (
    SELECT b.*, string_split(kode_rekening, '.') AS bagian FROM anggaran_belanja b
), naik AS (
    SELECT kode_unit, tahun, kode_rekening, uraian, anggaran, realisasi, sumber, bagian,
           unnest(range(1, len(bagian) + 1)) AS tingkat
    FROM baris
), kelompok AS (
    SELECT kode_unit, tahun, array_to_string(bagian[1:tingkat], '.') AS kode, tingkat,
           CASE WHEN tingkat = len(bagian) THEN uraian END AS uraian_baris,
           anggaran, realisasi, sumber
    FROM naik
), jumlah AS (
    SELECT k.kode_unit, k.tahun, k.kode AS kode_rekening, k.tingkat,
           coalesce(any_value(k.uraian_baris), any_value(r.nama)) AS uraian,
           sum(k.anggaran) AS anggaran, sum(k.realisasi) AS realisasi,
           bool_or(kj_sintetis(k.sumber)) AS sintetis
    FROM kelompok k
    LEFT JOIN ref_rekening r ON r.kode = k.kode
    GROUP BY k.kode_unit, k.tahun, k.kode, k.tingkat
)
SELECT u.kode_kabupaten, j.kode_unit, u.nama_unit, j.tahun, j.kode_rekening, j.tingkat, j.uraian,
       j.anggaran, j.realisasi, kj_penyerapan(j.anggaran, j.realisasi) AS penyerapan,
       kj_sisa(j.anggaran, j.realisasi) AS sisa, j.sintetis
FROM jumlah j
LEFT JOIN v_identitas u ON u.kode_unit = j.kode_unit;
CREATE OR REPLACE TABLE cache_anggaran_belanja AS SELECT * FROM calc_anggaran_belanja;
CREATE OR REPLACE VIEW v_anggaran_belanja AS SELECT * FROM cache_anggaran_belanja;

-- Budget by program, with penyerapan and sisa.
CREATE OR REPLACE VIEW calc_anggaran_program AS
SELECT u.kode_kabupaten, p.kode_unit, u.nama_unit, p.tahun, p.kode_program, p.no_laporan, p.nama, p.anggaran,
       p.realisasi, kj_penyerapan(p.anggaran, p.realisasi) AS penyerapan, kj_sisa(p.anggaran, p.realisasi) AS sisa,
       m.sasaran_id, p.keterangan, kj_sintetis(p.sumber) AS sintetis, p.sumber
FROM anggaran_program p
LEFT JOIN program_sasaran m ON m.kode_unit = p.kode_unit AND m.tahun = p.tahun AND m.kode_program = p.kode_program
LEFT JOIN v_identitas u ON u.kode_unit = p.kode_unit;
CREATE OR REPLACE TABLE cache_anggaran_program AS SELECT * FROM calc_anggaran_program;
CREATE OR REPLACE VIEW v_anggaran_program AS SELECT * FROM cache_anggaran_program;

-- Program totals per unit-year, and the unweighted mean of program penyerapan
-- (kj_rata_rata over the presented penyerapan).
CREATE OR REPLACE VIEW calc_anggaran_total AS
SELECT any_value(kode_kabupaten) AS kode_kabupaten, kode_unit, any_value(nama_unit) AS nama_unit, tahun,
       count(*) AS jumlah_program, sum(anggaran) AS anggaran, sum(realisasi) AS realisasi,
       kj_penyerapan(sum(anggaran), sum(realisasi)) AS penyerapan, kj_sisa(sum(anggaran), sum(realisasi)) AS sisa,
       kj_rata_rata(sum(penyerapan), count(penyerapan)) AS rata_rata_penyerapan, bool_or(sintetis) AS sintetis
FROM v_anggaran_program
GROUP BY kode_unit, tahun;
CREATE OR REPLACE TABLE cache_anggaran_total AS SELECT * FROM calc_anggaran_total;
CREATE OR REPLACE VIEW v_anggaran_total AS SELECT * FROM cache_anggaran_total;

-- Budget per sasaran through program_sasaran.
CREATE OR REPLACE VIEW v_anggaran_sasaran AS
SELECT any_value(p.kode_kabupaten) AS kode_kabupaten, p.kode_unit, any_value(p.nama_unit) AS nama_unit, p.tahun,
       p.sasaran_id, s.no AS no_sasaran, s.uraian AS sasaran, count(*) AS jumlah_program,
       sum(p.anggaran) AS anggaran, sum(p.realisasi) AS realisasi,
       kj_penyerapan(sum(p.anggaran), sum(p.realisasi)) AS penyerapan, bool_or(p.sintetis) AS sintetis
FROM v_anggaran_program p
LEFT JOIN sasaran s ON s.id = p.sasaran_id
WHERE p.sasaran_id IS NOT NULL
GROUP BY p.kode_unit, p.tahun, p.sasaran_id, s.no, s.uraian;

-- Efisiensi per sasaran (kinerja_core::anggaran::efisiensi_sasaran): % capaian
-- (mean of its indicators' presented capaian) minus % penyerapan of its programs.
CREATE OR REPLACE VIEW calc_efisiensi AS
WITH capaian_sasaran AS (
    SELECT c.kode_unit, c.tahun, si.sasaran_id, count(*) AS jumlah_indikator,
           kj_rata_rata(sum(c.capaian), count(*)) AS capaian, bool_or(c.sintetis) AS sintetis,
           string_agg(c.indikator, '; ' ORDER BY c.indikator_id) AS indikator
    FROM v_capaian c
    JOIN v_sasaran_indikator si ON si.kode_unit = c.kode_unit AND si.indikator_id = c.indikator_id
         AND c.tahun BETWEEN si.tahun_awal AND si.tahun_akhir
    WHERE c.capaian IS NOT NULL
    GROUP BY c.kode_unit, c.tahun, si.sasaran_id
)
SELECT a.kode_kabupaten, a.kode_unit, a.nama_unit, a.tahun, a.sasaran_id, a.no_sasaran, a.sasaran, c.indikator,
       c.capaian, a.penyerapan,
       kj_efisiensi(c.capaian, a.penyerapan) AS efisiensi,
       kj_efisiensi_rasio(c.capaian, a.penyerapan) AS efisiensi_rasio,
       a.sintetis OR coalesce(c.sintetis, false) AS sintetis
FROM v_anggaran_sasaran a
LEFT JOIN capaian_sasaran c ON c.kode_unit = a.kode_unit AND c.tahun = a.tahun AND c.sasaran_id = a.sasaran_id;
CREATE OR REPLACE TABLE cache_efisiensi AS SELECT * FROM calc_efisiensi;
CREATE OR REPLACE VIEW v_efisiensi AS SELECT * FROM cache_efisiensi;

-- Planning scenarios imported from the browser next to what was realised.
CREATE OR REPLACE VIEW v_skenario AS
SELECT s.nama AS skenario, s.dibuat, u.kode_kabupaten, t.kode_unit, u.nama_unit, t.indikator_id, i.nama AS indikator,
       t.tahun, t.nilai AS target_skenario, b.target AS target_berlaku, r.nilai AS realisasi,
       kj_capaian(t.nilai, r.nilai, i.polaritas) AS capaian_terhadap_skenario,
       kj_selisih(b.target, t.nilai) AS selisih_dari_target_berlaku
FROM target t
JOIN skenario s ON t.jenis = 'skenario:' || s.nama
JOIN indikator i ON i.id = t.indikator_id
LEFT JOIN v_identitas u ON u.kode_unit = t.kode_unit
LEFT JOIN v_target_berlaku b ON b.kode_unit = t.kode_unit AND b.indikator_id = t.indikator_id AND b.tahun = t.tahun
LEFT JOIN realisasi r ON r.kode_unit = t.kode_unit AND r.indikator_id = t.indikator_id AND r.tahun = t.tahun;
