-- Analyst views. Every formula is a kj_* macro rendered from kinerja-core;
-- these views only join, group and order. Rebuilt on every read-write open.

-- Kecamatan (and other units) with their kabupaten.
CREATE OR REPLACE VIEW v_unit AS
SELECT w.kode AS kode_unit, w.nama AS nama_unit, w.tingkat, w.induk AS kode_kabupaten, k.nama AS nama_kabupaten
FROM wilayah w
LEFT JOIN wilayah k ON k.kode = w.induk
WHERE w.tingkat = 'kecamatan';

-- The target capaian is measured against: PK perubahan, else PK, else Renstra
-- (order from ref_jenis_target; scenario targets are plans, not commitments).
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

-- Capaian with predikat per indicator × year × unit.
CREATE OR REPLACE VIEW v_capaian AS
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
    LEFT JOIN v_unit u ON u.kode_unit = r.kode_unit
    LEFT JOIN urutan o ON o.kode_unit = r.kode_unit AND o.indikator_id = r.indikator_id AND r.tahun BETWEEN o.tahun_awal AND o.tahun_akhir
)
SELECT base.*,
       kj_predikat(capaian) AS predikat,
       CASE jenis WHEN 'ikm' THEN kj_mutu_ikm(realisasi) WHEN 'akip' THEN kj_predikat_akip(realisasi) END AS kategori_kode,
       CASE jenis WHEN 'ikm' THEN kj_kinerja_ikm(realisasi) WHEN 'akip' THEN kj_predikat_akip_label(realisasi) END AS kategori
FROM base;

-- Realisasi against the Renstra final-year target of the period covering the year.
CREATE OR REPLACE VIEW v_renstra_akhir AS
SELECT r.kode_unit, r.id AS renstra_id, r.tahun_awal, r.tahun_akhir, t.indikator_id, t.nilai AS target_akhir
FROM renstra r
JOIN target t ON t.kode_unit = r.kode_unit AND t.tahun = r.tahun_akhir AND t.jenis = 'renstra';

-- Trends: year-on-year change, best and worst year, distance to the Renstra final target.
CREATE OR REPLACE VIEW v_tren AS
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

-- Change between any two years of the same unit and indicator.
CREATE OR REPLACE VIEW v_perubahan AS
SELECT a.kode_unit, a.nama_unit, a.indikator_id, a.tahun AS tahun_dari, b.tahun AS tahun_ke,
       a.realisasi AS nilai_dari, b.realisasi AS nilai_ke,
       kj_selisih(a.realisasi, b.realisasi) AS selisih,
       kj_perubahan_persen(a.realisasi, b.realisasi) AS persen,
       a.sintetis OR b.sintetis AS sintetis
FROM v_capaian a
JOIN v_capaian b ON b.kode_unit = a.kode_unit AND b.indikator_id = a.indikator_id AND b.tahun > a.tahun;

-- Every kecamatan of a kabupaten for each indicator-year present there, ranked;
-- kecamatan without data are listed with ada_data = false.
CREATE OR REPLACE VIEW v_peringkat AS
WITH pasangan AS (
    SELECT DISTINCT kode_kabupaten, indikator_id, tahun FROM v_capaian WHERE kode_kabupaten IS NOT NULL
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
       kj_kekurangan(nilai_terbaik, realisasi, polaritas) AS selisih_ke_terbaik,
       kj_kekurangan(target, realisasi, polaritas) AS selisih_ke_target,
       jumlah_berdata, jumlah_kecamatan, sintetis, sumber
FROM r;

-- SKM per unsur: from raw answers (skm_agregat) where present, else stored NRR.
CREATE OR REPLACE VIEW v_skm_unsur AS
SELECT a.kode_unit, a.tahun, coalesce(s.skema, 'permenpanrb_14_2017') AS skema, a.unsur_id, u.nama AS unsur,
       u.urutan, 'jawaban' AS dasar, a.jumlah, a.n, kj_nrr(a.jumlah, a.n) AS nrr, kj_mutu_nrr_q(a.jumlah, a.n) AS mutu,
       NULL::INTEGER AS no_laporan, NULL::VARCHAR AS nama_dalam_laporan, kj_sintetis(a.sumber) AS sintetis, a.sumber
FROM skm_agregat a
LEFT JOIN skm_survei s ON s.kode_unit = a.kode_unit AND s.tahun = a.tahun
LEFT JOIN ref_unsur u ON u.skema = coalesce(s.skema, 'permenpanrb_14_2017') AND u.unsur_id = a.unsur_id
UNION ALL
SELECT n.kode_unit, n.tahun, coalesce(s.skema, 'permenpanrb_14_2017'), n.unsur_id, u.nama, u.urutan, 'nrr',
       NULL, NULL, n.nrr, kj_mutu_nrr(n.nrr), n.no_laporan, n.nama_dalam_laporan, kj_sintetis(n.sumber), n.sumber
FROM skm_nrr n
LEFT JOIN skm_survei s ON s.kode_unit = n.kode_unit AND s.tahun = n.tahun
LEFT JOIN ref_unsur u ON u.skema = coalesce(s.skema, 'permenpanrb_14_2017') AND u.unsur_id = n.unsur_id
WHERE NOT EXISTS (SELECT 1 FROM skm_agregat x WHERE x.kode_unit = n.kode_unit AND x.tahun = n.tahun);

-- IKM per unit-year. From raw answers the NRR are summed exactly: over the
-- least common multiple of the per-unsur counts, Σ jumlah_i × (L / n_i) / L.
-- An IKM needs every unsur of the scheme; otherwise it is NULL.
CREATE OR REPLACE VIEW v_ikm AS
WITH kunci AS (
    SELECT kode_unit, tahun FROM skm_survei
    UNION SELECT kode_unit, tahun FROM skm_agregat
    UNION SELECT kode_unit, tahun FROM skm_nrr
), lcm_n AS (
    SELECT kode_unit, tahun, list_reduce(list(CAST(n AS HUGEINT)), lambda x, y: lcm(x, y)) AS l
    FROM skm_agregat GROUP BY kode_unit, tahun
), jawaban AS (
    SELECT a.kode_unit, a.tahun, sum(CAST(a.jumlah AS HUGEINT) * (m.l // a.n)) AS total_num, any_value(m.l) AS total_den,
           count(*) AS jumlah_unsur, max(a.n) AS responden_terbanyak, bool_or(kj_sintetis(a.sumber)) AS sintetis
    FROM skm_agregat a JOIN lcm_n m USING (kode_unit, tahun)
    GROUP BY a.kode_unit, a.tahun
), nrr AS (
    SELECT kode_unit, tahun, sum(nrr) AS total, count(*) AS jumlah_unsur, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM skm_nrr GROUP BY kode_unit, tahun
), gabung AS (
    SELECT k.kode_unit, k.tahun,
           coalesce(s.skema, 'permenpanrb_14_2017') AS skema, coalesce(s.bobot, 'tepat') AS bobot,
           coalesce(s.responden, j.responden_terbanyak) AS responden,
           CASE WHEN j.kode_unit IS NOT NULL THEN 'jawaban' WHEN n.kode_unit IS NOT NULL THEN 'nrr' END AS dasar,
           coalesce(j.jumlah_unsur, n.jumlah_unsur, 0) AS jumlah_unsur,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_num ELSE kj__scaled(n.total) END AS total_num,
           CASE WHEN j.kode_unit IS NOT NULL THEN j.total_den ELSE CAST(1000000 AS HUGEINT) END AS total_den,
           coalesce(j.sintetis, n.sintetis, false) OR coalesce(kj_sintetis(s.sumber), false) AS sintetis,
           s.sumber
    FROM kunci k
    LEFT JOIN skm_survei s ON s.kode_unit = k.kode_unit AND s.tahun = k.tahun
    LEFT JOIN jawaban j ON j.kode_unit = k.kode_unit AND j.tahun = k.tahun
    LEFT JOIN nrr n ON n.kode_unit = k.kode_unit AND n.tahun = k.tahun
), nilai AS (
    SELECT g.*, rs.jumlah_unsur AS unsur_skema,
           CASE WHEN g.jumlah_unsur = rs.jumlah_unsur
                THEN kj_ikm_bobot(g.total_num, g.total_den, b.w_num, b.w_den) END AS ikm
    FROM gabung g
    JOIN ref_skema_skm rs ON rs.skema = g.skema
    JOIN ref_bobot b ON b.skema = g.skema AND b.bobot = g.bobot
)
SELECT kode_unit, tahun, skema, bobot, responden, dasar, jumlah_unsur, unsur_skema, ikm,
       CASE skema WHEN 'kepmenpan_25_2004' THEN kj_mutu_ikm_2004(ikm) ELSE kj_mutu_ikm(ikm) END AS mutu,
       CASE skema WHEN 'kepmenpan_25_2004' THEN kj_kinerja_ikm_2004(ikm) ELSE kj_kinerja_ikm(ikm) END AS kinerja,
       sintetis, sumber
FROM nilai;

-- AKIP by komponen and in total.
CREATE OR REPLACE VIEW v_akip_komponen AS
SELECT a.kode_unit, a.tahun, a.skema, k.urutan, a.komponen_id, k.nama AS komponen, k.bobot, a.target, a.realisasi,
       kj_capaian(a.target, a.realisasi, 'positif') AS persen, kj_sintetis(a.sumber) AS sintetis, a.sumber
FROM akip_komponen a
LEFT JOIN ref_komponen_akip k ON k.skema = a.skema AND k.komponen_id = a.komponen_id;

CREATE OR REPLACE VIEW v_akip AS
WITH t AS (
    SELECT kode_unit, tahun, any_value(skema) AS skema, count(*) AS jumlah_komponen,
           sum(target) AS target, sum(realisasi) AS realisasi, bool_or(kj_sintetis(sumber)) AS sintetis
    FROM akip_komponen GROUP BY kode_unit, tahun
)
SELECT t.*, kj_capaian(target, realisasi, 'positif') AS persen,
       kj_predikat_akip(target) AS predikat_target, kj_predikat_akip(realisasi) AS predikat,
       kj_predikat_akip_label(realisasi) AS predikat_label
FROM t;

-- Budget by belanja account at every level (5, 5.1, 5.1.01, …), summed from leaf lines.
CREATE OR REPLACE VIEW v_anggaran_belanja AS
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
)
SELECT k.kode_unit, k.tahun, k.kode AS kode_rekening, k.tingkat,
       coalesce(any_value(k.uraian_baris), any_value(r.nama)) AS uraian,
       sum(k.anggaran) AS anggaran, sum(k.realisasi) AS realisasi,
       kj_penyerapan(sum(k.anggaran), sum(k.realisasi)) AS penyerapan,
       kj_sisa(sum(k.anggaran), sum(k.realisasi)) AS sisa,
       bool_or(kj_sintetis(k.sumber)) AS sintetis
FROM kelompok k
LEFT JOIN ref_rekening r ON r.kode = k.kode
GROUP BY k.kode_unit, k.tahun, k.kode, k.tingkat;

-- Budget by program, with penyerapan and sisa.
CREATE OR REPLACE VIEW v_anggaran_program AS
SELECT p.kode_unit, p.tahun, p.kode_program, p.no_laporan, p.nama, p.anggaran, p.realisasi,
       kj_penyerapan(p.anggaran, p.realisasi) AS penyerapan, kj_sisa(p.anggaran, p.realisasi) AS sisa,
       m.sasaran_id, p.keterangan, kj_sintetis(p.sumber) AS sintetis, p.sumber
FROM anggaran_program p
LEFT JOIN program_sasaran m ON m.kode_unit = p.kode_unit AND m.tahun = p.tahun AND m.kode_program = p.kode_program;

-- Program totals per unit-year, and the unweighted mean of program penyerapan.
CREATE OR REPLACE VIEW v_anggaran_total AS
SELECT kode_unit, tahun, count(*) AS jumlah_program, sum(anggaran) AS anggaran, sum(realisasi) AS realisasi,
       kj_penyerapan(sum(anggaran), sum(realisasi)) AS penyerapan, kj_sisa(sum(anggaran), sum(realisasi)) AS sisa,
       kj_rata_rata(sum(penyerapan), count(*)) AS rata_rata_penyerapan, bool_or(sintetis) AS sintetis
FROM v_anggaran_program
GROUP BY kode_unit, tahun;

-- Budget per sasaran through program_sasaran.
CREATE OR REPLACE VIEW v_anggaran_sasaran AS
SELECT p.kode_unit, p.tahun, p.sasaran_id, s.no AS no_sasaran, s.uraian AS sasaran, count(*) AS jumlah_program,
       sum(p.anggaran) AS anggaran, sum(p.realisasi) AS realisasi,
       kj_penyerapan(sum(p.anggaran), sum(p.realisasi)) AS penyerapan, bool_or(p.sintetis) AS sintetis
FROM v_anggaran_program p
LEFT JOIN sasaran s ON s.id = p.sasaran_id
WHERE p.sasaran_id IS NOT NULL
GROUP BY p.kode_unit, p.tahun, p.sasaran_id, s.no, s.uraian;

-- Efisiensi per sasaran: % capaian (mean of its indicators' presented capaian)
-- minus % penyerapan of its programs.
CREATE OR REPLACE VIEW v_efisiensi AS
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
SELECT a.kode_unit, a.tahun, a.sasaran_id, a.no_sasaran, a.sasaran, c.indikator, c.capaian, a.penyerapan,
       kj_efisiensi(c.capaian, a.penyerapan) AS efisiensi,
       kj_efisiensi_rasio(c.capaian, a.penyerapan) AS efisiensi_rasio,
       a.sintetis OR coalesce(c.sintetis, false) AS sintetis
FROM v_anggaran_sasaran a
LEFT JOIN capaian_sasaran c ON c.kode_unit = a.kode_unit AND c.tahun = a.tahun AND c.sasaran_id = a.sasaran_id;

-- Planning scenarios imported from the browser next to what was realised.
CREATE OR REPLACE VIEW v_skenario AS
SELECT s.nama AS skenario, s.dibuat, t.kode_unit, u.nama_unit, t.indikator_id, i.nama AS indikator, t.tahun,
       t.nilai AS target_skenario, b.target AS target_berlaku, r.nilai AS realisasi,
       kj_capaian(t.nilai, r.nilai, i.polaritas) AS capaian_terhadap_skenario,
       kj_selisih(b.target, t.nilai) AS selisih_dari_target_berlaku
FROM target t
JOIN skenario s ON t.jenis = 'skenario:' || s.nama
JOIN indikator i ON i.id = t.indikator_id
LEFT JOIN v_unit u ON u.kode_unit = t.kode_unit
LEFT JOIN v_target_berlaku b ON b.kode_unit = t.kode_unit AND b.indikator_id = t.indikator_id AND b.tahun = t.tahun
LEFT JOIN realisasi r ON r.kode_unit = t.kode_unit AND r.indikator_id = t.indikator_id AND r.tahun = t.tahun;
