-- Reference tables: rows written from kinerja-core's constants on every
-- read-write open (schema.rs), so they always match the code.
CREATE OR REPLACE TABLE ref_jenis_target (kode VARCHAR PRIMARY KEY, urutan INTEGER NOT NULL);
CREATE OR REPLACE TABLE ref_unsur (skema VARCHAR, unsur_id VARCHAR, urutan INTEGER, nama VARCHAR, PRIMARY KEY (skema, unsur_id));
CREATE OR REPLACE TABLE ref_skema_skm (skema VARCHAR PRIMARY KEY, jumlah_unsur INTEGER NOT NULL);
CREATE OR REPLACE TABLE ref_bobot (skema VARCHAR, bobot VARCHAR, w_num HUGEINT, w_den HUGEINT, label VARCHAR, PRIMARY KEY (skema, bobot));
CREATE OR REPLACE TABLE ref_skema_akip (skema VARCHAR PRIMARY KEY, jumlah_komponen INTEGER NOT NULL);
CREATE OR REPLACE TABLE ref_komponen_akip (skema VARCHAR, komponen_id VARCHAR, urutan INTEGER, nama VARCHAR, bobot INTEGER, PRIMARY KEY (skema, komponen_id));
CREATE OR REPLACE TABLE ref_rekening (kode VARCHAR PRIMARY KEY, nama VARCHAR NOT NULL);
CREATE OR REPLACE TABLE ref_band (skala VARCHAR, urutan INTEGER, kode VARCHAR, label VARCHAR, batas_bawah DECIMAL(18,2), regulasi VARCHAR);
