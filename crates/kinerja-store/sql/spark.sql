-- The benchmark queries Q1–Q5 for Apache Spark SQL, over the Parquet of
-- `kinerja export spark` (every table a temporary view of the same name),
-- each with the DuckDB query whose result it must equal row for row
-- (`<name>.duckdb`, over the analyst views).
--
-- A kj_* call here is not a function Spark knows: spark.rs replaces it by
-- the core's formula written out in Spark SQL (render.rs, Dialect::Spark),
-- exact on DECIMAL(38,0) integers, the same tree that becomes the DuckDB
-- macro. What stays here is what the analyst views do around the formulas
-- (joins, grouping, windows), in Spark's words: no QUALIFY (a row_number
-- filter), max_by for arg_max, explicit NULLS LAST (DuckDB's default).
-- Each query may read the results of the ones before it, registered under
-- their names (q2_capaian feeds Q3–Q5), as the views read v_capaian.
--
-- Q1 starts from the raw answers, not from skm_agregat: the national
-- roll-up of answers is what a cluster is for.

-- Q1: IKM, mutu and kinerja per unit-year (calc_ikm).
-- name: q1_ikm
WITH agregat AS (
    SELECT kode_unit, tahun, unsur_id, sum(skor) AS jumlah, count(*) AS n, min(sumber) AS sumber
    FROM skm_jawaban GROUP BY kode_unit, tahun, unsur_id
), kunci AS (
    SELECT kode_unit, tahun FROM skm_survei
    UNION SELECT kode_unit, tahun FROM agregat
    UNION SELECT kode_unit, tahun FROM skm_nrr
), jawaban AS (
    SELECT kode_unit, tahun,
           kj__sum_q_num(collect_list(named_struct('j', jumlah, 'n', n))) AS total_num,
           kj__sum_q_den(collect_list(named_struct('j', jumlah, 'n', n))) AS total_den,
           count(*) AS jumlah_unsur, max(n) AS responden_terbanyak, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM agregat GROUP BY kode_unit, tahun
), nrr AS (
    SELECT kode_unit, tahun, sum(nrr) AS total, count(*) AS jumlah_unsur, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM skm_nrr GROUP BY kode_unit, tahun
), gabung AS (
    SELECT k.kode_unit, k.tahun, kj_skema_skm(s.skema) AS skema, kj_bobot_ikm(s.bobot) AS bobot,
           CASE WHEN j.kode_unit IS NOT NULL THEN 'jawaban' WHEN n.kode_unit IS NOT NULL THEN 'nrr' END AS dasar,
           coalesce(j.jumlah_unsur, n.jumlah_unsur, 0) AS jumlah_unsur,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_num ELSE kj__scaled(n.total) END AS total_num,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_den ELSE kj__scale() END AS total_den,
           coalesce(j.sintetis, n.sintetis, false) OR coalesce(kj_sintetis(s.sumber), false) AS sintetis
    FROM kunci k
    LEFT JOIN skm_survei s ON s.kode_unit = k.kode_unit AND s.tahun = k.tahun
    LEFT JOIN jawaban j ON j.kode_unit = k.kode_unit AND j.tahun = k.tahun
    LEFT JOIN nrr n ON n.kode_unit = k.kode_unit AND n.tahun = k.tahun
), nilai AS (
    SELECT g.*,
           CASE WHEN g.jumlah_unsur = rs.jumlah_unsur
                THEN kj_ikm_bobot(g.total_num, g.total_den, b.w_num, b.w_den) END AS ikm
    FROM gabung g
    JOIN ref_skema_skm rs ON rs.skema = g.skema
    JOIN ref_bobot b ON b.skema = g.skema AND b.bobot = g.bobot
)
SELECT kode_unit, tahun, skema, bobot, dasar, jumlah_unsur, ikm,
       kj_mutu_skema(skema, ikm) AS mutu, kj_kinerja_skema(skema, ikm) AS kinerja, sintetis
FROM nilai;

-- name: q1_ikm.duckdb
SELECT kode_unit, tahun, skema, bobot, dasar, jumlah_unsur, ikm, mutu, kinerja, sintetis FROM v_ikm;

-- Q2: capaian and predikat per indicator × unit × year (calc_capaian), the
-- target in force chosen by ref_jenis_target's order (v_target_berlaku).
-- name: q2_capaian
WITH urut AS (
    SELECT t.kode_unit, t.indikator_id, t.tahun, t.nilai AS target, t.jenis AS jenis_target, t.sumber AS sumber_target,
           row_number() OVER (PARTITION BY t.kode_unit, t.indikator_id, t.tahun ORDER BY j.urutan) AS urutan
    FROM target t JOIN ref_jenis_target j ON j.kode = t.jenis
), base AS (
    SELECT r.kode_unit, r.indikator_id, r.tahun, i.polaritas, i.jenis, i.nama AS indikator, t.target, t.jenis_target,
           r.nilai AS realisasi,
           kj_capaian(t.target, r.nilai, i.polaritas) AS capaian,
           kj_selisih(t.target, r.nilai) AS selisih,
           kj_sintetis(r.sumber) OR coalesce(kj_sintetis(t.sumber_target), false) AS sintetis
    FROM realisasi r
    JOIN indikator i ON i.id = r.indikator_id
    LEFT JOIN urut t ON t.urutan = 1 AND t.kode_unit = r.kode_unit AND t.indikator_id = r.indikator_id AND t.tahun = r.tahun
)
SELECT kode_unit, indikator_id, tahun, polaritas, jenis, indikator, target, jenis_target, realisasi, capaian, selisih,
       kj_predikat(capaian) AS predikat, kj_kategori_kode(jenis, realisasi) AS kategori_kode, sintetis
FROM base;

-- name: q2_capaian.duckdb
SELECT kode_unit, indikator_id, tahun, polaritas, jenis, indikator, target, jenis_target, realisasi, capaian, selisih,
       predikat, kategori_kode, sintetis
FROM v_capaian;

-- Q3: rank of every kecamatan within its kabupaten per indicator-year, the
-- gap to the best and to the target (calc_peringkat).
-- name: q3_peringkat
WITH unit AS (
    SELECT kode AS kode_unit, induk AS kode_kabupaten FROM wilayah WHERE tingkat = 'kecamatan'
), pasangan AS (
    SELECT DISTINCT u.kode_kabupaten, c.indikator_id, c.tahun FROM q2_capaian c JOIN unit u ON u.kode_unit = c.kode_unit
), grid AS (
    SELECT u.kode_kabupaten, u.kode_unit, p.indikator_id, i.polaritas, p.tahun
    FROM unit u
    JOIN pasangan p ON p.kode_kabupaten = u.kode_kabupaten
    JOIN indikator i ON i.id = p.indikator_id
), j AS (
    SELECT g.*, c.target, c.realisasi, c.realisasi IS NOT NULL AS ada_data,
           c.realisasi * kj_arah(g.polaritas) AS skor_arah
    FROM grid g
    LEFT JOIN q2_capaian c ON c.kode_unit = g.kode_unit AND c.indikator_id = g.indikator_id AND c.tahun = g.tahun
), r AS (
    SELECT j.*,
           CASE WHEN ada_data THEN rank() OVER (PARTITION BY kode_kabupaten, indikator_id, tahun ORDER BY skor_arah DESC NULLS LAST) END AS peringkat,
           count(realisasi) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS jumlah_berdata,
           count(*) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS jumlah_kecamatan,
           max_by(realisasi, skor_arah) OVER (PARTITION BY kode_kabupaten, indikator_id, tahun) AS nilai_terbaik
    FROM j
)
SELECT kode_kabupaten, indikator_id, tahun, kode_unit, ada_data, peringkat, realisasi, nilai_terbaik,
       kj_kekurangan(nilai_terbaik, realisasi, polaritas) AS kekurangan_ke_terbaik,
       kj_kekurangan(target, realisasi, polaritas) AS kekurangan_ke_target,
       jumlah_berdata, jumlah_kecamatan
FROM r;

-- name: q3_peringkat.duckdb
SELECT kode_kabupaten, indikator_id, tahun, kode_unit, ada_data, peringkat, realisasi, nilai_terbaik,
       kekurangan_ke_terbaik, kekurangan_ke_target, jumlah_berdata, jumlah_kecamatan
FROM v_peringkat;

-- Q4: year-on-year trend, best and worst year, distance to the Renstra
-- final target (calc_tren).
-- name: q4_tren
WITH renstra_akhir AS (
    SELECT r.kode_unit, r.tahun_awal, r.tahun_akhir, t.indikator_id, t.nilai AS target_akhir
    FROM renstra r
    JOIN target t ON t.kode_unit = r.kode_unit AND t.tahun = r.tahun_akhir AND t.jenis = 'renstra'
), base AS (
    SELECT c.*,
           lag(c.tahun) OVER w AS tahun_sebelumnya,
           lag(c.realisasi) OVER w AS realisasi_sebelumnya,
           first_value(c.tahun) OVER (PARTITION BY c.kode_unit, c.indikator_id
                                      ORDER BY c.realisasi * kj_arah(c.polaritas) DESC NULLS LAST, c.tahun) AS tahun_terbaik,
           first_value(c.tahun) OVER (PARTITION BY c.kode_unit, c.indikator_id
                                      ORDER BY c.realisasi * kj_arah(c.polaritas) ASC NULLS LAST, c.tahun) AS tahun_terburuk
    FROM q2_capaian c
    WINDOW w AS (PARTITION BY c.kode_unit, c.indikator_id ORDER BY c.tahun)
)
SELECT b.kode_unit, b.indikator_id, b.tahun, b.tahun_sebelumnya,
       kj_selisih(b.realisasi_sebelumnya, b.realisasi) AS perubahan,
       kj_perubahan_persen(b.realisasi_sebelumnya, b.realisasi) AS perubahan_persen,
       b.tahun_terbaik, b.tahun_terburuk, ra.tahun_akhir AS tahun_akhir_renstra, ra.target_akhir,
       kj_capaian(ra.target_akhir, b.realisasi, b.polaritas) AS capaian_target_akhir,
       kj_kekurangan(ra.target_akhir, b.realisasi, b.polaritas) AS kekurangan_target_akhir
FROM base b
LEFT JOIN renstra_akhir ra
       ON ra.kode_unit = b.kode_unit AND ra.indikator_id = b.indikator_id
      AND b.tahun BETWEEN ra.tahun_awal AND ra.tahun_akhir;

-- name: q4_tren.duckdb
SELECT kode_unit, indikator_id, tahun, tahun_sebelumnya, perubahan, perubahan_persen, tahun_terbaik, tahun_terburuk,
       tahun_akhir_renstra, target_akhir, capaian_target_akhir, kekurangan_target_akhir
FROM v_tren;

-- Q5: penyerapan and sisa per program (calc_anggaran_program).
-- name: q5_anggaran_program
SELECT p.kode_unit, p.tahun, p.kode_program, p.anggaran, p.realisasi,
       kj_penyerapan(p.anggaran, p.realisasi) AS penyerapan, kj_sisa(p.anggaran, p.realisasi) AS sisa,
       m.sasaran_id, kj_sintetis(p.sumber) AS sintetis
FROM anggaran_program p
LEFT JOIN program_sasaran m ON m.kode_unit = p.kode_unit AND m.tahun = p.tahun AND m.kode_program = p.kode_program;

-- name: q5_anggaran_program.duckdb
SELECT kode_unit, tahun, kode_program, anggaran, realisasi, penyerapan, sisa, sasaran_id, sintetis
FROM v_anggaran_program;

-- Q5: efisiensi per sasaran, % capaian (mean of its indicators' capaian)
-- minus % penyerapan of its programs (calc_efisiensi, v_anggaran_sasaran).
-- name: q5_efisiensi
WITH sasaran_indikator_unit AS (
    SELECT r.kode_unit, r.tahun_awal, r.tahun_akhir, s.id AS sasaran_id, si.indikator_id
    FROM renstra r
    JOIN tujuan tj ON tj.renstra_id = r.id
    JOIN sasaran s ON s.tujuan_id = tj.id
    JOIN sasaran_indikator si ON si.sasaran_id = s.id
), capaian_sasaran AS (
    SELECT c.kode_unit, c.tahun, si.sasaran_id, kj_rata_rata(sum(c.capaian), count(*)) AS capaian,
           bool_or(c.sintetis) AS sintetis
    FROM q2_capaian c
    JOIN sasaran_indikator_unit si ON si.kode_unit = c.kode_unit AND si.indikator_id = c.indikator_id
         AND c.tahun BETWEEN si.tahun_awal AND si.tahun_akhir
    WHERE c.capaian IS NOT NULL
    GROUP BY c.kode_unit, c.tahun, si.sasaran_id
), anggaran_sasaran AS (
    SELECT kode_unit, tahun, sasaran_id, kj_penyerapan(sum(anggaran), sum(realisasi)) AS penyerapan,
           bool_or(sintetis) AS sintetis
    FROM q5_anggaran_program
    WHERE sasaran_id IS NOT NULL
    GROUP BY kode_unit, tahun, sasaran_id
)
SELECT a.kode_unit, a.tahun, a.sasaran_id, c.capaian, a.penyerapan,
       kj_efisiensi(c.capaian, a.penyerapan) AS efisiensi,
       kj_efisiensi_rasio(c.capaian, a.penyerapan) AS efisiensi_rasio,
       a.sintetis OR coalesce(c.sintetis, false) AS sintetis
FROM anggaran_sasaran a
LEFT JOIN capaian_sasaran c ON c.kode_unit = a.kode_unit AND c.tahun = a.tahun AND c.sasaran_id = a.sasaran_id;

-- name: q5_efisiensi.duckdb
SELECT kode_unit, tahun, sasaran_id, capaian, penyerapan, efisiensi, efisiensi_rasio, sintetis FROM v_efisiensi;
