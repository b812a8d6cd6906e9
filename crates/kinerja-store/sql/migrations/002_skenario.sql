-- Version 2: named planning scenarios imported from the browser planner.
-- Their targets live in `target` with jenis = 'skenario:<nama>'.
CREATE TABLE skenario (
    nama       VARCHAR PRIMARY KEY,
    dibuat     TIMESTAMP NOT NULL,
    berkas     VARCHAR,
    catatan    VARCHAR
);
