-- Version 7: how sure each survey's IKM is, stored with the other results
-- and recomputed whenever the SKM tables change (kepastian.rs): the IKM's
-- standard error from its raw answers (metode 'analitik') or, without them,
-- its bound from the respondents ('konservatif'), by
-- kinerja_core::selang::galat_ikm. Derived, never loaded or exported.
CREATE TABLE hasil_galat_ikm (
    kode_unit VARCHAR NOT NULL,
    tahun SMALLINT NOT NULL,
    galat_baku DECIMAL(9, 4) NOT NULL,
    metode VARCHAR NOT NULL,
    PRIMARY KEY (kode_unit, tahun)
);
