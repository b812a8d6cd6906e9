-- Version 3: the findings of `kinerja audit` recorded when a transcribed
-- report is loaded (`kinerja load laporan.json`), so that what was loaded
-- despite a finding stays visible.
CREATE TABLE audit_temuan (
    berkas   VARCHAR NOT NULL,   -- the transcription loaded
    dimuat   TIMESTAMP NOT NULL, -- when
    id       VARCHAR NOT NULL,   -- the finding (its relation's id)
    tingkat  VARCHAR NOT NULL,   -- galat | catatan
    letak    VARCHAR NOT NULL,
    tercetak VARCHAR NOT NULL,
    uraian   VARCHAR NOT NULL,
    sebab    VARCHAR
);
