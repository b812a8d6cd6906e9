-- Version 4: the history of every write Kinerja makes to the file (a load,
-- a transcription, a plan import, synthetic data, a migration): when, what,
-- from which files (with their SHA-256), with what effect per table. A
-- reviewer can tell from it which loads a report's figures come from and
-- what changed between two versions. Refused loads write nothing, here or
-- anywhere else.
CREATE SEQUENCE riwayat_id START 1;

CREATE TABLE riwayat (
    id           INTEGER PRIMARY KEY DEFAULT nextval('riwayat_id'),
    waktu        TIMESTAMP NOT NULL,  -- when the write began (UTC)
    perintah     VARCHAR NOT NULL,    -- muat | muat transkripsi | impor skenario | sintetis | sintetis nasional | migrasi
    versi_schema INTEGER NOT NULL,
    keterangan   VARCHAR
);

CREATE TABLE riwayat_berkas (
    riwayat_id INTEGER NOT NULL,
    berkas     VARCHAR NOT NULL,      -- the path as given
    sha256     VARCHAR NOT NULL,
    ukuran     BIGINT NOT NULL,       -- bytes
    PRIMARY KEY (riwayat_id, berkas)
);

CREATE TABLE riwayat_tabel (
    riwayat_id INTEGER NOT NULL,
    tabel      VARCHAR NOT NULL,
    dibaca     BIGINT NOT NULL,       -- rows read from the files
    diubah     BIGINT NOT NULL,       -- rows inserted or replaced
    PRIMARY KEY (riwayat_id, tabel)
);
