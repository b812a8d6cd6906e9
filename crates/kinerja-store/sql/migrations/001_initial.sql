-- Kinerja schema, version 1.
-- Money is DECIMAL(18,2) (Rupiah with sen), scores and indicator values
-- DECIMAL(18,4). Every fact row keeps its source in `sumber`; generated demo
-- rows have sumber = 'sintetis'.

CREATE TABLE wilayah (
    kode               VARCHAR PRIMARY KEY,   -- Kemendagri code: 12, 12.19, 12.19.07, 12.19.07.2001
    tingkat            VARCHAR NOT NULL,      -- provinsi | kabupaten | kecamatan | desa
    nama               VARCHAR NOT NULL,
    induk              VARCHAR,
    nama_dalam_laporan VARCHAR,
    sumber             VARCHAR NOT NULL
);

CREATE TABLE desa_statistik (
    kode_desa          VARCHAR NOT NULL,
    tahun              SMALLINT NOT NULL,
    no_laporan         INTEGER,
    luas_ha            DECIMAL(18,4) NOT NULL,
    dusun              INTEGER NOT NULL,
    kk                 INTEGER NOT NULL,
    penduduk_l         INTEGER NOT NULL,
    penduduk_p         INTEGER NOT NULL,
    penduduk_total     INTEGER NOT NULL,
    luas_perkebunan_ha DECIMAL(18,4),
    luas_pertanian_ha  DECIMAL(18,4),
    luas_perumahan_ha  DECIMAL(18,4),
    sumber             VARCHAR NOT NULL,
    PRIMARY KEY (kode_desa, tahun)
);

CREATE TABLE renstra (
    id          VARCHAR PRIMARY KEY,
    kode_unit   VARCHAR NOT NULL,
    tahun_awal  SMALLINT NOT NULL,
    tahun_akhir SMALLINT NOT NULL,
    visi        VARCHAR NOT NULL,
    misi        VARCHAR NOT NULL,
    sumber      VARCHAR NOT NULL
);

CREATE TABLE tujuan (
    id         VARCHAR PRIMARY KEY,
    renstra_id VARCHAR NOT NULL,
    uraian     VARCHAR NOT NULL,
    sumber     VARCHAR NOT NULL
);

CREATE TABLE sasaran (
    id        VARCHAR PRIMARY KEY,
    tujuan_id VARCHAR NOT NULL,
    no        INTEGER NOT NULL,
    uraian    VARCHAR NOT NULL,
    sumber    VARCHAR NOT NULL
);

CREATE TABLE strategi (
    id         VARCHAR PRIMARY KEY,
    sasaran_id VARCHAR NOT NULL,
    no         INTEGER NOT NULL,
    uraian     VARCHAR NOT NULL,
    sumber     VARCHAR NOT NULL
);

CREATE TABLE indikator (
    id        VARCHAR PRIMARY KEY,
    nama      VARCHAR NOT NULL,
    satuan    VARCHAR NOT NULL,
    polaritas VARCHAR NOT NULL,            -- positif | negatif
    presisi   INTEGER NOT NULL,
    jenis     VARCHAR NOT NULL,            -- ikm | akip | umum
    sumber    VARCHAR NOT NULL
);

CREATE TABLE sasaran_indikator (
    sasaran_id   VARCHAR NOT NULL,
    indikator_id VARCHAR NOT NULL,
    sumber       VARCHAR NOT NULL,
    PRIMARY KEY (sasaran_id, indikator_id)
);

CREATE TABLE target (
    kode_unit    VARCHAR NOT NULL,
    indikator_id VARCHAR NOT NULL,
    tahun        SMALLINT NOT NULL,
    jenis        VARCHAR NOT NULL,         -- renstra | pk | pk_perubahan | skenario:<name>
    nilai        DECIMAL(18,4) NOT NULL,
    label        VARCHAR,
    sumber       VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, indikator_id, tahun, jenis)
);

CREATE TABLE realisasi (
    kode_unit    VARCHAR NOT NULL,
    indikator_id VARCHAR NOT NULL,
    tahun        SMALLINT NOT NULL,
    nilai        DECIMAL(18,4) NOT NULL,
    label        VARCHAR,
    sumber       VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, indikator_id, tahun)
);

CREATE TABLE skm_survei (
    kode_unit VARCHAR NOT NULL,
    tahun     SMALLINT NOT NULL,
    skema     VARCHAR NOT NULL,            -- permenpanrb_14_2017 | kepmenpan_25_2004
    bobot     VARCHAR NOT NULL,            -- tepat | tiga_desimal | dua_desimal
    responden INTEGER NOT NULL,
    periode   VARCHAR,
    sumber    VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun)
);

-- NRR per unsur where raw answers are not available.
CREATE TABLE skm_nrr (
    kode_unit          VARCHAR NOT NULL,
    tahun              SMALLINT NOT NULL,
    unsur_id           VARCHAR NOT NULL,
    no_laporan         INTEGER,
    nama_dalam_laporan VARCHAR,
    nrr                DECIMAL(18,4) NOT NULL,
    sumber             VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, unsur_id)
);

-- Raw answers: one row per respondent and unsur. No key, so bulk loads
-- append without index maintenance; loads replace whole unit-years.
CREATE TABLE skm_jawaban (
    kode_unit VARCHAR NOT NULL,
    tahun     SMALLINT NOT NULL,
    responden INTEGER NOT NULL,
    unsur_id  VARCHAR NOT NULL,
    skor      TINYINT NOT NULL CHECK (skor BETWEEN 1 AND 4),
    sumber    VARCHAR NOT NULL
);

-- Per unit-year, per unsur: sum and count of answers. Every load that
-- touches skm_jawaban recomputes the unit-years it loaded, so IKM queries
-- never rescan raw answers.
CREATE TABLE skm_agregat (
    kode_unit VARCHAR NOT NULL,
    tahun     SMALLINT NOT NULL,
    unsur_id  VARCHAR NOT NULL,
    jumlah    BIGINT NOT NULL,
    n         BIGINT NOT NULL,
    sumber    VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, unsur_id)
);

CREATE TABLE akip_komponen (
    kode_unit   VARCHAR NOT NULL,
    tahun       SMALLINT NOT NULL,
    skema       VARCHAR NOT NULL,
    komponen_id VARCHAR NOT NULL,
    target      DECIMAL(18,4),
    realisasi   DECIMAL(18,4) NOT NULL,
    sumber      VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, komponen_id)
);

CREATE TABLE anggaran_belanja (
    kode_unit     VARCHAR NOT NULL,
    tahun         SMALLINT NOT NULL,
    kode_rekening VARCHAR NOT NULL,
    uraian        VARCHAR NOT NULL,
    anggaran      DECIMAL(18,2) NOT NULL,
    realisasi     DECIMAL(18,2) NOT NULL,
    sumber        VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, kode_rekening)
);

CREATE TABLE anggaran_program (
    kode_unit    VARCHAR NOT NULL,
    tahun        SMALLINT NOT NULL,
    kode_program VARCHAR NOT NULL,        -- Permendagri 90/2019, sub kegiatan normalised to 4 digits
    no_laporan   INTEGER,
    nama         VARCHAR NOT NULL,
    anggaran     DECIMAL(18,2) NOT NULL,
    realisasi    DECIMAL(18,2) NOT NULL,
    keterangan   VARCHAR,
    sumber       VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, kode_program)
);

CREATE TABLE program_sasaran (
    kode_unit    VARCHAR NOT NULL,
    tahun        SMALLINT NOT NULL,
    kode_program VARCHAR NOT NULL,
    sasaran_id   VARCHAR NOT NULL,
    sumber       VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, kode_program)
);

-- Derived figures as printed in source documents, for verification.
CREATE TABLE tercetak (
    id             VARCHAR PRIMARY KEY,
    tabel          VARCHAR NOT NULL,
    uraian         VARCHAR NOT NULL,
    nilai_tercetak VARCHAR NOT NULL,
    nilai_dihitung VARCHAR,
    catatan        VARCHAR
);
