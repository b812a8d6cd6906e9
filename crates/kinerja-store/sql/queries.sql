-- Named statements the Rust code runs (src/sql.rs). Each starts with
-- `-- name: <name>`; parameters are positional (?, $1). Reads select from
-- the views; joins and aggregates live in views.sql. {placeholders} are
-- table names or paths filled in by the caller.

-- Schema ------------------------------------------------------------------

-- name: schema_version_ada
SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'schema_version' AND schema_name = 'main';

-- name: schema_version
SELECT coalesce(max(version), 0) FROM schema_version;

-- name: jumlah_tabel
SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main';

-- name: buat_schema_version
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL DEFAULT current_timestamp);

-- name: catat_schema_version
INSERT INTO schema_version (version) VALUES (?);

-- Loads -------------------------------------------------------------------

-- name: staging_create
CREATE OR REPLACE TEMP TABLE stg_{table} AS SELECT * FROM main.{table} LIMIT 0;

-- name: staging_changed
SELECT count(*) FROM (SELECT * FROM temp.stg_{table} EXCEPT SELECT * FROM main.{table});

-- name: staging_upsert
INSERT OR REPLACE INTO main.{table} SELECT * FROM temp.stg_{table};

-- name: staging_drop
DROP TABLE temp.stg_{table};

-- name: real_units_create
CREATE OR REPLACE TEMP TABLE real_units (kode_unit VARCHAR);

-- name: synthetic_superseded_delete
DELETE FROM main.{table} WHERE kj_sintetis(sumber) AND kode_unit IN (SELECT kode_unit FROM temp.real_units);

-- name: real_units_drop
DROP TABLE temp.real_units;

-- name: jawaban_keys
CREATE OR REPLACE TEMP TABLE stg_kunci AS SELECT DISTINCT kode_unit, tahun FROM temp.stg_skm_jawaban;

-- Whether the staged answers equal, as a multiset, what the database holds for
-- the same unit-years.
-- name: jawaban_same
SELECT (SELECT count(*) FROM temp.stg_skm_jawaban) = (SELECT count(*) FROM main.skm_jawaban j SEMI JOIN temp.stg_kunci k USING (kode_unit, tahun))
   AND NOT EXISTS (SELECT * FROM temp.stg_skm_jawaban EXCEPT ALL SELECT j.* FROM main.skm_jawaban j SEMI JOIN temp.stg_kunci k USING (kode_unit, tahun));

-- The staged answers (read and checked from CSV/XLSX) as the source the
-- streamed answers use, so that both are aggregated and stored by the same
-- statements (berkas_jawaban_agregat, berkas_jawaban_simpan).
-- name: jawaban_sebagai_sumber
CREATE OR REPLACE TEMP VIEW src_jawaban AS
SELECT kode_unit, tahun, responden, unsur_id, skor, sumber FROM temp.stg_skm_jawaban;

-- name: jawaban_staged_count
SELECT count(*) FROM temp.stg_skm_jawaban;

-- name: jawaban_drop
DROP TABLE temp.stg_skm_jawaban; DROP TABLE IF EXISTS temp.stg_kunci;

-- name: unit_dan_indikator_ada
SELECT (SELECT count(*) FROM v_unit WHERE kode_unit = $1), (SELECT count(*) FROM indikator WHERE id = $2),
       (SELECT jenis FROM indikator WHERE id = $2);

-- Reads -------------------------------------------------------------------

-- name: kabupaten_ada
SELECT count(*) FROM wilayah WHERE kode = ? AND tingkat = 'kabupaten';

-- name: wilayah_snapshot_ada
SELECT count(*) FROM wilayah WHERE kode = ? AND tingkat IN ('kabupaten', 'provinsi');

-- name: indikator_demo_ada
SELECT count(*) FROM indikator WHERE id IN ('ikm', 'akip');

-- name: jumlah_baris
SELECT count(*) FROM {table};

-- name: cari_unit
SELECT kode_unit, nama_unit, kode_kabupaten, nama_kabupaten
FROM v_unit
WHERE kode_unit = ? OR lower(nama_unit) = lower(?) OR lower('Kecamatan ' || nama_unit) = lower(?)
ORDER BY kode_unit;

-- The report sections (laporan.rs) run once for a whole set of kecamatan,
-- the temporary table laporan_unit; $1 is the year. The last column,
-- laporan_kunci, says whose report a row belongs to (the kecamatan, or for
-- pembanding its kabupaten); rows keep their order within each report.

-- name: laporan_unit_create
CREATE OR REPLACE TEMP TABLE laporan_unit (kode_unit VARCHAR NOT NULL);

-- name: laporan_unit_info
SELECT kode_unit, nama_unit, kode_kabupaten, nama_kabupaten
FROM v_unit
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit);

-- name: pk
SELECT si.no_sasaran, si.sasaran, i.id, i.nama, i.satuan, t.target, t.label_target, t.jenis_target,
       si.kode_unit AS laporan_kunci
FROM v_sasaran_indikator si
JOIN indikator i ON i.id = si.indikator_id
LEFT JOIN v_target_berlaku t ON t.kode_unit = si.kode_unit AND t.indikator_id = i.id AND t.tahun = $1
WHERE si.kode_unit IN (SELECT kode_unit FROM laporan_unit) AND $1 BETWEEN si.tahun_awal AND si.tahun_akhir
ORDER BY si.no_sasaran, i.id;

-- name: capaian
SELECT indikator_id, indikator, satuan, polaritas, jenis, target, label_target, realisasi, label_realisasi,
       capaian, predikat, kategori_kode, kategori, selisih, sintetis, sumber, kode_unit AS laporan_kunci
FROM v_capaian
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY no_sasaran NULLS LAST, indikator_id;

-- name: tren
SELECT indikator_id, tahun, target, realisasi, capaian, predikat, sintetis, kode_unit AS laporan_kunci
FROM v_capaian
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun <= $1
ORDER BY indikator_id, tahun;

-- name: perubahan
SELECT indikator_id, tahun_dari, nilai_dari, nilai_ke, selisih, persen, kode_unit AS laporan_kunci
FROM v_perubahan
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun_ke = $1
ORDER BY indikator_id, tahun_dari DESC;

-- The capaian of each year against the Renstra's target of that year (not
-- the target in force, which a PK may have changed).
-- name: renstra
SELECT r.tahun_awal, r.tahun_akhir, t.indikator_id, t.tahun, t.nilai, t.label, c.realisasi,
       kj_capaian(t.nilai, c.realisasi, c.polaritas) AS capaian,
       kj_predikat(kj_capaian(t.nilai, c.realisasi, c.polaritas)) AS predikat,
       r.kode_unit AS laporan_kunci
FROM renstra r
JOIN target t ON t.kode_unit = r.kode_unit AND t.jenis = 'renstra' AND t.tahun BETWEEN r.tahun_awal AND r.tahun_akhir
LEFT JOIN v_capaian c ON c.kode_unit = r.kode_unit AND c.indikator_id = t.indikator_id AND c.tahun = t.tahun
WHERE r.kode_unit IN (SELECT kode_unit FROM laporan_unit) AND $1 BETWEEN r.tahun_awal AND r.tahun_akhir
ORDER BY t.indikator_id, t.tahun;

-- name: pembanding
SELECT p.indikator_id, p.kode_unit, p.nama_unit, p.tahun, p.ada_data, p.target, p.realisasi, p.capaian, p.peringkat,
       p.sintetis, p.kode_kabupaten AS laporan_kunci
FROM v_peringkat p
WHERE p.kode_kabupaten IN (SELECT u.kode_kabupaten FROM v_unit u WHERE u.kode_unit IN (SELECT kode_unit FROM laporan_unit))
  AND p.tahun IN ($1 - 1, $1)
ORDER BY p.indikator_id, p.kode_unit, p.tahun;

-- name: skm
SELECT i.skema, i.bobot, i.bobot_tercetak, i.responden, i.dasar, i.jumlah_unsur, i.unsur_skema, i.ikm, i.mutu,
       i.kinerja, i.sintetis, s.populasi, i.kode_unit AS laporan_kunci
FROM v_ikm i
LEFT JOIN skm_survei s ON s.kode_unit = i.kode_unit AND s.tahun = i.tahun
WHERE i.kode_unit IN (SELECT kode_unit FROM laporan_unit) AND i.tahun = $1;

-- name: skm_unsur
SELECT unsur_id, unsur, urutan, no_laporan, nama_dalam_laporan, nrr, mutu, jumlah, n, kode_unit AS laporan_kunci
FROM v_skm_unsur
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY coalesce(no_laporan, urutan);

-- name: akip_komponen
SELECT komponen_id, komponen, bobot, target, realisasi, persen, kode_unit AS laporan_kunci
FROM v_akip_komponen
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY urutan;

-- name: akip
SELECT target, realisasi, persen, predikat_target, predikat, predikat_label, sintetis, kode_unit AS laporan_kunci
FROM v_akip
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1;

-- name: efisiensi
SELECT no_sasaran, sasaran, indikator, capaian, penyerapan, efisiensi, efisiensi_rasio, sintetis,
       kode_unit AS laporan_kunci
FROM v_efisiensi
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY no_sasaran;

-- name: belanja
SELECT kode_rekening, tingkat, uraian, anggaran, realisasi, penyerapan, sisa, sintetis, kode_unit AS laporan_kunci
FROM v_anggaran_belanja
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY kode_rekening;

-- name: program
SELECT no_laporan, kode_program, nama, anggaran, realisasi, penyerapan, sisa, sintetis, kode_unit AS laporan_kunci
FROM v_anggaran_program
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY coalesce(no_laporan, 999), kode_program;

-- name: program_total
SELECT anggaran, realisasi, penyerapan, sisa, rata_rata_penyerapan, kode_unit AS laporan_kunci
FROM v_anggaran_total
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1;

-- The respondents of an IKM indicator's survey ride along, for its interval,
-- and the year before's realisasi, for the change.
-- name: bandingkan
SELECT p.indikator_id, p.indikator, p.polaritas, p.peringkat, p.kode_unit, p.nama_unit, p.ada_data, p.target,
       p.realisasi, p.capaian, p.predikat, p.kategori, p.nilai_terbaik, p.kekurangan_ke_terbaik,
       p.kekurangan_ke_target, p.jumlah_berdata, p.jumlah_kecamatan, p.sintetis, p.sumber,
       CASE WHEN ind.jenis = 'ikm' THEN s.responden END AS responden,
       CASE WHEN ind.jenis = 'ikm' THEN ss.populasi END AS populasi,
       t.tahun_sebelumnya, t.realisasi_sebelumnya
FROM v_peringkat p
JOIN indikator ind ON ind.id = p.indikator_id
LEFT JOIN v_ikm s ON s.kode_unit = p.kode_unit AND s.tahun = p.tahun
LEFT JOIN skm_survei ss ON ss.kode_unit = p.kode_unit AND ss.tahun = p.tahun
LEFT JOIN v_tren t ON t.kode_unit = p.kode_unit AND t.indikator_id = p.indikator_id AND t.tahun = p.tahun
WHERE p.kode_kabupaten = $1 AND p.tahun = $2 AND (CAST($3 AS VARCHAR) IS NULL OR p.indikator_id = CAST($3 AS VARCHAR))
ORDER BY p.indikator_id, p.peringkat NULLS LAST, p.kode_unit;

-- name: kecamatan_kabupaten
SELECT kode_unit, nama_unit FROM v_unit WHERE kode_kabupaten = ? ORDER BY kode_unit;

-- name: unit_nyata
SELECT DISTINCT kode_unit FROM (
    SELECT kode_unit, sumber FROM realisasi UNION ALL SELECT kode_unit, sumber FROM target
    UNION ALL SELECT kode_unit, sumber FROM skm_survei UNION ALL SELECT kode_unit, sumber FROM akip_komponen
    UNION ALL SELECT kode_unit, sumber FROM anggaran_program
) WHERE NOT kj_sintetis(sumber);

-- Snapshot of one region ($1: a kabupaten, a provinsi, or '' for the nation):
-- base tables restricted to its units.
-- name: snap_wilayah
SELECT kode, tingkat, nama, induk, nama_dalam_laporan, sumber FROM wilayah
WHERE kode IN (SELECT kode FROM wilayah_dalam($1))
ORDER BY kode;

-- name: snap_renstra
SELECT id, kode_unit, tahun_awal, tahun_akhir, visi, misi, sumber FROM renstra
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY id;

-- name: snap_tujuan
SELECT t.id, t.renstra_id, t.uraian, t.sumber FROM tujuan t JOIN renstra r ON r.id = t.renstra_id
WHERE r.kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY t.id;

-- name: snap_sasaran

SELECT s.id, s.tujuan_id, s.no, s.uraian, s.sumber FROM sasaran s JOIN tujuan t ON t.id = s.tujuan_id
JOIN renstra r ON r.id = t.renstra_id
WHERE r.kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY s.id;

-- name: snap_indikator
SELECT id, nama, satuan, polaritas, presisi, jenis, sumber FROM indikator ORDER BY id;

-- name: snap_sasaran_indikator
SELECT si.sasaran_id, si.indikator_id, si.sumber FROM sasaran_indikator si JOIN sasaran s ON s.id = si.sasaran_id
JOIN tujuan t ON t.id = s.tujuan_id JOIN renstra r ON r.id = t.renstra_id
WHERE r.kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY si.sasaran_id, si.indikator_id;

-- name: snap_target
SELECT kode_unit, indikator_id, tahun, jenis, nilai, label, sumber FROM target
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, indikator_id, tahun, jenis;

-- name: snap_realisasi
SELECT kode_unit, indikator_id, tahun, nilai, label, sumber FROM realisasi
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, indikator_id, tahun;

-- name: snap_skm_survei
SELECT kode_unit, tahun, skema, bobot, responden, periode, sumber, populasi FROM skm_survei
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun;

-- name: snap_galat_ikm
SELECT kode_unit, tahun, galat_baku, metode = 'konservatif' FROM hasil_galat_ikm
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun;

-- name: snap_skm_nrr
SELECT kode_unit, tahun, unsur_id, no_laporan, nama_dalam_laporan, nrr, sumber FROM skm_nrr
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun, no_laporan, unsur_id;

-- name: snap_skm_agregat
SELECT kode_unit, tahun, unsur_id, jumlah, n, sumber FROM skm_agregat
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun, unsur_id;

-- name: snap_akip_komponen
SELECT kode_unit, tahun, skema, komponen_id, target, realisasi, sumber FROM akip_komponen
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun, komponen_id;

-- name: snap_anggaran_program
SELECT kode_unit, tahun, kode_program, no_laporan, nama, anggaran, realisasi, keterangan, sumber FROM anggaran_program
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun, kode_program;

-- name: snap_program_sasaran
SELECT kode_unit, tahun, kode_program, sasaran_id, sumber FROM program_sasaran
WHERE kode_unit IN (SELECT kode FROM wilayah_dalam($1)) ORDER BY kode_unit, tahun, kode_program;

-- name: tercetak
SELECT id, tabel, uraian, nilai_tercetak, nilai_dihitung, catatan FROM tercetak ORDER BY id;

-- What is exported of a base table: its rows with their kabupaten and a
-- synthetic flag ({tabel} is filled in by the exporter). Views that already
-- carry kode_kabupaten and sintetis (v_capaian) are exported as they are.
-- name: export_rows
SELECT u.kode_kabupaten, t.*, kj_sintetis(t.sumber) AS sintetis
FROM {tabel} t JOIN v_unit u ON u.kode_unit = t.kode_unit;

-- What is exported of a view that carries kode_kabupaten and sintetis itself.
-- name: export_view
SELECT * FROM {view};

-- Parquet export, hive-partitioned by kabupaten and year ({rows} and the
-- quoted {dir} are filled in by the exporter).
-- name: export_parquet
COPY ({rows}) TO {dir} (FORMAT parquet, PARTITION_BY (kode_kabupaten, tahun), OVERWRITE_OR_IGNORE);

-- A dimension table, exported whole.
-- name: export_dimensi
SELECT * FROM {table};

-- Rows as one Parquet file ({rows} and the quoted {path} filled in).
-- name: export_hasil
COPY ({rows}) TO {path} (FORMAT parquet);

-- name: hapus_skenario
DELETE FROM target WHERE jenis = $1;

-- name: simpan_skenario
INSERT OR REPLACE INTO skenario (nama, dibuat, berkas, catatan) VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4);

-- Audit of what is stored -------------------------------------------------

-- Targets and realisasi stored with a printed predikat or mutu ($1: unit
-- code or NULL; $2: year or NULL).
-- name: audit_label
SELECT f.kode_unit, f.indikator_id, f.tahun, f.jenis, f.nilai, f.label, i.jenis AS jenis_indikator, i.nama, f.sumber
FROM (
    SELECT kode_unit, indikator_id, tahun, jenis, nilai, label, sumber FROM target WHERE label IS NOT NULL
    UNION ALL
    SELECT kode_unit, indikator_id, tahun, 'realisasi', nilai, label, sumber FROM realisasi WHERE label IS NOT NULL
) f
JOIN indikator i ON i.id = f.indikator_id
WHERE (CAST($1 AS VARCHAR) IS NULL OR f.kode_unit = CAST($1 AS VARCHAR))
  AND (CAST($2 AS INTEGER) IS NULL OR f.tahun = CAST($2 AS INTEGER))
ORDER BY f.kode_unit, f.indikator_id, f.tahun, f.jenis;

-- Derived figures as printed, with the value the report's own rows give.
-- name: audit_tercetak
SELECT id, tabel, uraian, nilai_tercetak, nilai_dihitung FROM tercetak WHERE nilai_dihitung IS NOT NULL ORDER BY id;

-- name: catat_temuan
INSERT INTO audit_temuan (berkas, dimuat, id, tingkat, letak, tercetak, uraian, sebab)
VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5, $6, $7, $8);

-- Synthetic national data --------------------------------------------------

-- name: jumlah_syn_unit
SELECT count(*) FROM syn_unit;

-- name: jumlah_kecamatan
SELECT count(*) FROM wilayah WHERE tingkat = 'kecamatan';

-- name: jumlah_jawaban_sintetis
SELECT count(*) FROM skm_jawaban WHERE kj_sintetis(sumber);

-- A table as a file `kinerja load` reads ({table}, quoted {path}).
-- name: export_load_csv
COPY (SELECT * FROM main.{table}) TO {path} (HEADER, DELIMITER ',');

-- The indicators a template offers, in code order (the same file every time).
-- name: export_indikator_template
COPY (SELECT * FROM main.indikator ORDER BY id) TO {path} (HEADER, DELIMITER ',');

-- The wilayah rows of one kabupaten ({kabupaten}, quoted), as a load file.
-- name: export_wilayah_kabupaten
COPY (SELECT * FROM main.wilayah WHERE kode IN (SELECT kode FROM wilayah_dalam({kabupaten})) ORDER BY kode)
TO {path} (HEADER, DELIMITER ',');

-- name: export_load_parquet
COPY (SELECT * FROM main.{table}) TO {path} (FORMAT parquet);

-- Raw SKM answers streamed from Parquet -----------------------------------
-- Read where they lie ({files}: a quoted list), never held in memory: one
-- scan aggregates and checks, one scan stores. Placeholders from the core:
-- {skor_min}, {skor_max} (kinerja_core::skm::Skor), {tahun_min},
-- {tahun_max} (kinerja_core::model::TAHUN), {skema_default} (Skema::default).

-- name: berkas_jawaban_kolom
SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({files}, union_by_name = true));

-- name: berkas_jawaban_jumlah
SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata({files});

-- name: berkas_jawaban_sumber
CREATE OR REPLACE TEMP VIEW src_jawaban AS
SELECT parse_filename(filename) AS berkas, file_row_number + 1 AS baris,
       CAST(kode_unit AS VARCHAR) AS kode_unit,
       {tahun} AS tahun, {responden} AS responden,
       CAST(unsur_id AS VARCHAR) AS unsur_id,
       {skor} AS skor,
       CAST(sumber AS VARCHAR) AS sumber,
       CAST(tahun AS VARCHAR) AS tahun_asli, CAST(responden AS VARCHAR) AS responden_asli,
       CAST(skor AS VARCHAR) AS skor_asli
FROM read_parquet({files}, filename = true, file_row_number = true, union_by_name = true);

-- {tahun}, {responden} and {skor} of berkas_jawaban_sumber: the column
-- ({kolom}) read as an integer ({tipe}). From text or a decimal number, an
-- integer reads only as itself: 3.0 or 3.5 are not an answer.
-- name: berkas_jawaban_bulat_teks
CASE WHEN CAST(TRY_CAST({kolom} AS {tipe}) AS VARCHAR) = trim(CAST({kolom} AS VARCHAR)) THEN TRY_CAST({kolom} AS {tipe}) END

-- The same of an integer column in every file: only its range is checked.
-- name: berkas_jawaban_bulat
TRY_CAST({kolom} AS {tipe})

-- The range of the respondent numbers, for berkas_jawaban_ganda_bit.
-- name: berkas_jawaban_rentang
SELECT coalesce(min(responden), 0)::BIGINT, coalesce(max(responden), 0)::BIGINT FROM temp.src_jawaban;

-- One scan: per unit-year-unsur the sum and count of answers (what NRR =
-- jumlah / n is computed from), with what the checks need (rows whose
-- fields do not read; {ganda}: whether a respondent answers twice, or NULL
-- when berkas_jawaban_ganda finds out). The one definition of skm_agregat:
-- answers loaded from CSV/XLSX come here too (jawaban_sebagai_sumber).
-- name: berkas_jawaban_agregat
CREATE OR REPLACE TEMP TABLE stg_jawaban_agregat AS
SELECT kode_unit, tahun, unsur_id,
       sum(skor) AS jumlah, count(*) AS n,
       count(*) FILTER (WHERE kode_unit IS NULL OR tahun IS NULL OR tahun NOT BETWEEN {tahun_min} AND {tahun_max}
                              OR responden IS NULL OR unsur_id IS NULL OR sumber IS NULL
                              OR skor IS NULL OR skor NOT BETWEEN {skor_min} AND {skor_max}) AS buruk,
       min(sumber) AS sumber,
       {ganda} AS ganda
FROM temp.src_jawaban
GROUP BY ALL;

-- {ganda} of berkas_jawaban_agregat when the respondent numbers lie in a
-- narrow range ({responden_min}..{responden_max}, at most
-- stream::BIT_MAKS apart): one bit per number and group, so a respondent
-- answering twice shows as fewer bits set than numbers counted. Exact, and
-- within the same scan.
-- name: berkas_jawaban_ganda_bit
count(responden) > bit_count(bitstring_agg(responden, {responden_min}, {responden_max}))

-- The groups berkas_jawaban_ganda_bit found.
-- name: berkas_jawaban_ganda_dari_agregat
CREATE OR REPLACE TEMP TABLE stg_jawaban_ganda AS
SELECT kode_unit, tahun, unsur_id FROM temp.stg_jawaban_agregat WHERE ganda;

-- The unit-year-unsur groups where a respondent answers twice, when the
-- respondent numbers are too far apart for a bit each. First the
-- candidates, grouped on one 64-bit hash of the four keys (a fixed-size key
-- keeps the grouping within the memory limit at 80 M answers, where
-- grouping on the text keys, or count(DISTINCT) per group, does not); then
-- the candidates' rows checked on the keys themselves, so a hash collision
-- is never taken for a duplicate.
-- name: berkas_jawaban_ganda
CREATE OR REPLACE TEMP TABLE stg_jawaban_ganda AS
WITH calon AS (
    SELECT hash(kode_unit, tahun, unsur_id, responden) AS h FROM temp.src_jawaban GROUP BY ALL HAVING count(*) > 1
)
SELECT DISTINCT kode_unit, tahun, unsur_id FROM (
    SELECT kode_unit, tahun, unsur_id, responden FROM temp.src_jawaban
    WHERE hash(kode_unit, tahun, unsur_id, responden) IN (SELECT h FROM calon)
    GROUP BY ALL HAVING count(*) > 1);

-- The groups that fail a check: unreadable fields, an unknown unit, an
-- unsur outside the unit-year's scheme, a respondent answering twice.
-- name: berkas_jawaban_grup_salah
CREATE OR REPLACE TEMP TABLE stg_jawaban_salah AS
SELECT a.kode_unit, a.tahun, a.unsur_id,
       a.buruk > 0 AS buruk,
       a.kode_unit IS NOT NULL AND u.kode_unit IS NULL AS unit_asing,
       a.unsur_id IS NOT NULL AND r.unsur_id IS NULL AS unsur_asing,
       coalesce(s.skema, '{skema_default}') AS skema,
       d.kode_unit IS NOT NULL AS ganda
FROM temp.stg_jawaban_agregat a
LEFT JOIN temp.stg_jawaban_ganda d
       ON d.kode_unit IS NOT DISTINCT FROM a.kode_unit AND d.tahun IS NOT DISTINCT FROM a.tahun
      AND d.unsur_id IS NOT DISTINCT FROM a.unsur_id
LEFT JOIN v_identitas u ON u.kode_unit = a.kode_unit
LEFT JOIN skm_survei s ON s.kode_unit = a.kode_unit AND s.tahun = a.tahun
LEFT JOIN ref_unsur r ON r.skema = coalesce(s.skema, '{skema_default}') AND r.unsur_id = a.unsur_id
WHERE a.buruk > 0 OR u.kode_unit IS NULL OR r.unsur_id IS NULL OR d.kode_unit IS NOT NULL;

-- name: berkas_jawaban_ada_salah
SELECT count(*) FROM temp.stg_jawaban_salah;

-- Located problems (berkas, baris, kolom, masalah, ditemukan and what the
-- message of `masalah` names: skema, responden, kali) of the
-- failing groups only, first 1000 in file order.
-- name: berkas_jawaban_masalah
WITH rows AS (
    SELECT j.*, g.buruk, g.unit_asing, g.unsur_asing, g.skema, g.ganda,
           count(*) OVER (PARTITION BY j.kode_unit, j.tahun, j.responden, j.unsur_id) AS kali
    FROM temp.src_jawaban j
    JOIN temp.stg_jawaban_salah g ON g.kode_unit IS NOT DISTINCT FROM j.kode_unit
        AND g.tahun IS NOT DISTINCT FROM j.tahun AND g.unsur_id IS NOT DISTINCT FROM j.unsur_id
), masalah AS (
    SELECT berkas, baris, 'kode_unit' AS kolom, 'unit' AS masalah, kode_unit AS ditemukan, NULL AS skema, NULL::BIGINT AS responden, NULL::BIGINT AS kali FROM rows WHERE kode_unit IS NULL OR unit_asing
    UNION ALL SELECT berkas, baris, 'tahun', 'tahun', tahun_asli, NULL, NULL, NULL FROM rows WHERE tahun IS NULL OR tahun NOT BETWEEN {tahun_min} AND {tahun_max}
    UNION ALL SELECT berkas, baris, 'responden', 'responden', responden_asli, NULL, NULL, NULL FROM rows WHERE responden IS NULL
    UNION ALL SELECT berkas, baris, 'unsur_id', 'unsur', unsur_id, skema, NULL, NULL FROM rows WHERE unsur_id IS NULL OR unsur_asing
    UNION ALL SELECT berkas, baris, 'skor', 'skor', skor_asli, NULL, NULL, NULL FROM rows WHERE skor IS NULL OR skor NOT BETWEEN {skor_min} AND {skor_max}
    UNION ALL SELECT berkas, baris, 'sumber', 'sumber', NULL, NULL, NULL, NULL FROM rows WHERE sumber IS NULL
    UNION ALL SELECT berkas, baris, 'unsur_id', 'ganda', unsur_id, NULL, responden, kali FROM rows WHERE ganda AND kali > 1
)
SELECT berkas, baris, kolom, masalah, ditemukan, skema, responden, kali FROM masalah ORDER BY berkas, baris, kolom LIMIT 1000;

-- Replace the answers and aggregates of the unit-years in the files.
-- name: berkas_jawaban_simpan
CREATE OR REPLACE TEMP TABLE stg_kunci AS SELECT DISTINCT kode_unit, tahun FROM temp.stg_jawaban_agregat;
DELETE FROM main.skm_jawaban WHERE (kode_unit, tahun) IN (SELECT (kode_unit, tahun) FROM temp.stg_kunci);
INSERT INTO main.skm_jawaban SELECT kode_unit, tahun, responden, unsur_id, skor, sumber FROM temp.src_jawaban;
DELETE FROM main.skm_agregat WHERE (kode_unit, tahun) IN (SELECT (kode_unit, tahun) FROM temp.stg_kunci);
INSERT INTO main.skm_agregat SELECT kode_unit, tahun, unsur_id, jumlah, n, sumber FROM temp.stg_jawaban_agregat;

-- name: berkas_jawaban_bersih
DROP VIEW IF EXISTS temp.src_jawaban; DROP TABLE IF EXISTS temp.stg_jawaban_agregat;
DROP TABLE IF EXISTS temp.stg_jawaban_salah; DROP TABLE IF EXISTS temp.stg_kunci;
DROP TABLE IF EXISTS temp.stg_jawaban_ganda;

-- Settings ----------------------------------------------------------------

-- Caps DuckDB's memory ({limit}, checked by Store::limit_memory), and large
-- inserts need not keep insertion order.
-- name: memory_limit
SET memory_limit = '{limit}'; SET preserve_insertion_order = false;

-- The parameters of sql/synth_national.sql (integers, from synth.rs).
-- name: synth_parameters
SET VARIABLE seed = {seed}; SET VARIABLE fraksi_ppm = {fraksi_ppm};
SET VARIABLE tahun_awal = {tahun_awal}; SET VARIABLE tahun_akhir = {tahun_akhir};

-- The kecamatan with figures for a year, of one kabupaten ($1) or all ($1
-- NULL), for batch reports ($2: year).
-- name: kecamatan_berdata
SELECT u.kode_unit FROM v_unit u
WHERE ($1::VARCHAR IS NULL OR u.kode_kabupaten = $1)
  AND (u.kode_unit IN (SELECT kode_unit FROM realisasi WHERE tahun = $2)
       OR u.kode_unit IN (SELECT kode_unit FROM target WHERE tahun = $2))
ORDER BY u.kode_unit;

-- Stored results ----------------------------------------------------------

-- What the reference tables, macros and views were derived from (a hash of
-- their SQL text); schema.rs rebuilds them when it differs.
-- name: derived_fingerprint_create
CREATE TABLE IF NOT EXISTS derived_fingerprint (fingerprint VARCHAR NOT NULL);

-- name: derived_fingerprint
SELECT max(fingerprint) FROM derived_fingerprint;

-- name: derived_fingerprint_clear
DELETE FROM derived_fingerprint;

-- name: derived_fingerprint_set
INSERT INTO derived_fingerprint VALUES (?);

-- A stored result (cache_{name}, views.sql) made equal to its computing view
-- again; schema.rs runs it for each, in the order views.sql creates them, in
-- the transaction of every write.
-- name: cache_refresh
DELETE FROM cache_{name};
INSERT INTO cache_{name} SELECT * FROM calc_{name};

-- History of writes (riwayat.rs) ------------------------------------------

-- name: riwayat_catat
INSERT INTO riwayat (waktu, perintah, versi_schema, keterangan)
VALUES (CAST(current_timestamp AS TIMESTAMP), ?, (SELECT max(version) FROM schema_version), ?)
RETURNING id;

-- The last write: what a report's figures come from.
-- name: riwayat_terakhir
SELECT id, strftime(waktu, '%Y-%m-%d %H:%M:%S'), perintah FROM riwayat ORDER BY id DESC LIMIT 1;

-- name: riwayat_berkas_catat
INSERT INTO riwayat_berkas VALUES (?, ?, ?, ?);

-- name: riwayat_tabel_catat
INSERT INTO riwayat_tabel VALUES (?, ?, ?, ?);

-- name: riwayat_daftar
SELECT id, strftime(waktu, '%Y-%m-%d %H:%M:%S'), perintah, versi_schema, keterangan FROM riwayat ORDER BY id;

-- name: riwayat_berkas_daftar
SELECT riwayat_id, berkas, sha256, ukuran FROM riwayat_berkas ORDER BY riwayat_id, berkas;

-- name: riwayat_tabel_daftar
SELECT riwayat_id, tabel, dibaca, diubah FROM riwayat_tabel ORDER BY riwayat_id, tabel;

-- Names the SQL prompt completes: analyst views, their columns, kj_* macros.
-- name: nama_sql
SELECT DISTINCT name FROM (
    SELECT view_name AS name FROM duckdb_views() WHERE NOT internal AND view_name LIKE 'v\_%' ESCAPE '\'
    UNION ALL
    SELECT c.column_name FROM duckdb_columns() c JOIN duckdb_views() v ON v.view_name = c.table_name
    WHERE NOT v.internal AND v.view_name LIKE 'v\_%' ESCAPE '\'
    UNION ALL
    SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'kj\_%' ESCAPE '\' AND function_name NOT LIKE 'kj\_\_%' ESCAPE '\'
)
ORDER BY name;

-- Free SQL (`kinerja sql`): every column written as text by DuckDB itself,
-- whatever its type (lists, intervals, NULL of no type).
-- name: sql_teks
SELECT COLUMNS(*)::VARCHAR FROM (
{query}
)

-- `{ganda}` of berkas_jawaban_agregat when the scan does not look for
-- respondents answering twice (stream.rs).
-- name: berkas_jawaban_ganda_tidak_dihitung
NULL::BOOLEAN

-- name: synth_bersih
DROP TABLE syn_unit;

-- The whole LKjIP's other material (bahan.rs), for the set in laporan_unit;
-- $1 is the year.

-- Each desa of the kecamatan with its latest statistics up to the year.
-- name: bahan_desa
SELECT d.no_laporan, coalesce(w.nama_dalam_laporan, w.nama) AS nama, d.luas_ha, d.dusun, d.kk, d.penduduk_l,
       d.penduduk_p, coalesce(d.luas_perkebunan_ha, 0), coalesce(d.luas_pertanian_ha, 0),
       coalesce(d.luas_perumahan_ha, 0), w.induk AS laporan_kunci
FROM desa_statistik d
JOIN wilayah w ON w.kode = d.kode_desa
WHERE w.induk IN (SELECT kode_unit FROM laporan_unit) AND d.tahun <= $1
QUALIFY row_number() OVER (PARTITION BY d.kode_desa ORDER BY d.tahun DESC) = 1
ORDER BY w.induk, d.no_laporan NULLS LAST, d.kode_desa;

-- The Renstra in force: one row per strategi (or per sasaran, tujuan
-- without one).
-- name: bahan_renstra
SELECT r.tahun_awal, r.tahun_akhir, r.visi, r.misi, tj.id AS tujuan_id, tj.uraian AS tujuan, s.no AS sasaran_no,
       s.uraian AS sasaran, st.uraian AS strategi, r.kode_unit AS laporan_kunci
FROM renstra r
LEFT JOIN tujuan tj ON tj.renstra_id = r.id
LEFT JOIN sasaran s ON s.tujuan_id = tj.id
LEFT JOIN strategi st ON st.sasaran_id = s.id
WHERE r.kode_unit IN (SELECT kode_unit FROM laporan_unit) AND $1 BETWEEN r.tahun_awal AND r.tahun_akhir
ORDER BY r.kode_unit, tj.id, s.no, s.id, st.no, st.id;

-- name: bahan_narasi
SELECT bagian, teks, kode_unit AS laporan_kunci
FROM narasi
WHERE kode_unit IN (SELECT kode_unit FROM laporan_unit) AND tahun = $1
ORDER BY kode_unit, bagian;

-- The PK of one kecamatan-year under a named target revision ($3: pk,
-- pk_perubahan, skenario:<name>): its target where it sets one, else the
-- target in force; the pk query's columns.
-- name: pk_revisi
SELECT si.no_sasaran, si.sasaran, i.id, i.nama, i.satuan, coalesce(t.nilai, b.target),
       CASE WHEN t.nilai IS NULL THEN b.label_target ELSE t.label END, coalesce(t.jenis, b.jenis_target),
       si.kode_unit AS laporan_kunci
FROM v_sasaran_indikator si
JOIN indikator i ON i.id = si.indikator_id
LEFT JOIN target t ON t.kode_unit = si.kode_unit AND t.indikator_id = i.id AND t.tahun = $2 AND t.jenis = $3
LEFT JOIN v_target_berlaku b ON b.kode_unit = si.kode_unit AND b.indikator_id = i.id AND b.tahun = $2
WHERE si.kode_unit = $1 AND $2 BETWEEN si.tahun_awal AND si.tahun_akhir
ORDER BY si.no_sasaran, i.id;

-- How sure each survey's IKM is (hasil_galat_ikm, kepastian.rs): every
-- survey with an IKM, and for those with raw answers the respondents who
-- answered and Σ ẑᵢ², each respondent's linearised contribution in fixed
-- point exactly as kinerja_core::selang::jawaban::Jawaban::jumlah_kuadrat
-- computes it (integer `//` truncates toward zero, as Rust's `/` does),
-- from the answers and their aggregates (skm_agregat, which every write of
-- answers keeps equal to them): one scan of the answers.
-- name: galat_survei_semua
SELECT i.kode_unit, i.tahun, i.skema, i.bobot, i.ikm, i.responden, s.populasi
FROM v_ikm i
LEFT JOIN skm_survei s ON s.kode_unit = i.kode_unit AND s.tahun = i.tahun
WHERE i.ikm IS NOT NULL;

-- name: galat_jumlah_kuadrat
WITH z AS (
    SELECT j.kode_unit, j.tahun, j.responden,
           sum((CAST(j.skor AS BIGINT) * a.n - a.jumlah) * 1000000000000 // (a.n * a.n)) AS z
    FROM skm_jawaban j
    JOIN skm_agregat a ON a.kode_unit = j.kode_unit AND a.tahun = j.tahun AND a.unsur_id = j.unsur_id
    GROUP BY j.kode_unit, j.tahun, j.responden
)
SELECT kode_unit, tahun, count(*) AS responden, CAST(sum(CAST(z AS HUGEINT) * z) AS VARCHAR) AS jumlah_kuadrat
FROM z GROUP BY kode_unit, tahun;

-- name: galat_hapus
DELETE FROM hasil_galat_ikm;

-- The standard errors of a kecamatan, or of every kecamatan of a kabupaten,
-- in a range of years.
-- name: galat_baca
SELECT g.kode_unit, g.tahun, g.galat_baku, g.metode
FROM hasil_galat_ikm g
WHERE (g.kode_unit = $1 OR g.kode_unit IN (SELECT kode FROM wilayah WHERE induk = $1)) AND g.tahun BETWEEN $2 AND $3;

-- The same for the reports of the set `laporan_unit`: every kecamatan of
-- their kabupaten, this year and the year before ($1 = the year).
-- name: galat_baca_laporan
SELECT g.kode_unit, g.tahun, g.galat_baku, g.metode
FROM hasil_galat_ikm g
WHERE g.kode_unit IN (SELECT w.kode FROM wilayah w WHERE w.induk IN
        (SELECT u.kode_kabupaten FROM v_unit u WHERE u.kode_unit IN (SELECT kode_unit FROM laporan_unit)))
  AND g.tahun IN ($1 - 1, $1);
