-- Version 5: the narasi of a kecamatan's LKjIP and Perjanjian Kinerja, the
-- text only people can write (foreword, background, legal basis, analysis,
-- who signs, where and when): one text per kecamatan, year and section.
-- The sections are the core's list (kinerja_core::model::NARASI_BAGIAN),
-- checked by the loader; teks holds paragraphs separated by a blank line,
-- list items as lines beginning with "- ".
CREATE TABLE narasi (
    kode_unit VARCHAR NOT NULL,   -- kecamatan code
    tahun     SMALLINT NOT NULL,
    bagian    VARCHAR NOT NULL,   -- section key: kata_pengantar, latar_belakang, …
    teks      VARCHAR NOT NULL,
    sumber    VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun, bagian)
);
