-- Version 6: the population an SKM samples (service users in the survey's
-- period), for PermenPANRB 14/2017's sample test (kinerja_core::sampel) and
-- the finite-population correction of the IKM's interval. Optional: most
-- reports do not print it.
ALTER TABLE skm_survei ADD COLUMN populasi BIGINT;
