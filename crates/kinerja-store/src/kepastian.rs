//! How sure a kecamatan's IKM is: the standard error of each survey, from
//! its stored raw answers (analytic) or else from its respondents
//! (conservative), by the core's rule ([`kinerja_core::selang::galat_ikm`]).
//! The comparison, the report and the narrative draw their intervals from
//! it, around whichever printing of the IKM they show.
//!
//! Answers are read in survey order and folded one survey at a time, so a
//! batch over the nation holds one survey's answers in memory, not all.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use duckdb::ToSql;
use kinerja_core::Ratio;
use kinerja_core::selang::jawaban::Jawaban;
use kinerja_core::selang::{Galat, galat_ikm};
use kinerja_core::skm::{Bobot, Skema, Skor};

use crate::laporan::code;
use crate::sql::Run;
use crate::{Result, Store};

/// A survey: its unit and year.
pub type Survei = (String, i32);

/// What a survey's standard error needs besides its answers.
struct Baris {
    skema: Skema,
    bobot: Bobot,
    ikm: kinerja_core::Decimal,
    responden: Option<u32>,
    populasi: Option<u64>,
}

/// The answers of the survey being read.
#[derive(Default)]
struct Kelompok {
    survei: Option<Survei>,
    jawaban: Vec<(i64, String, Skor)>,
}

impl Store {
    /// The standard error of the IKM of `kode` (a kecamatan, or every
    /// kecamatan of a kabupaten) in each year of `tahun` that has one.
    pub fn galat_ikm(&self, kode: &str, tahun: RangeInclusive<i32>) -> Result<BTreeMap<Survei, Galat>> {
        let (awal, akhir) = (*tahun.start(), *tahun.end());
        self.galat_dari(("galat_survei", "galat_jawaban"), &[&kode, &awal, &akhir])
    }

    /// The same for the reports of the set `laporan_unit`: every kecamatan
    /// of their kabupaten, in `tahun` and the year before.
    pub(crate) fn galat_laporan(&self, tahun: i32) -> Result<BTreeMap<Survei, Galat>> {
        self.galat_dari(("galat_survei_laporan", "galat_jawaban_laporan"), &[&tahun])
    }

    fn galat_dari(&self, (survei_q, jawaban_q): (&str, &str), p: &[&dyn ToSql]) -> Result<BTreeMap<Survei, Galat>> {
        let mut survei: BTreeMap<Survei, Baris> = self
            .conn
            .all(survei_q, p, |r| {
                let baris = Baris {
                    skema: code(2, &r.get::<_, String>(2)?, Skema::parse)?,
                    bobot: code(3, &r.get::<_, String>(3)?, Bobot::parse)?,
                    ikm: r.get(4)?,
                    responden: r.get::<_, Option<i64>>(5)?.and_then(|n| u32::try_from(n).ok()),
                    populasi: r.get::<_, Option<i64>>(6)?.and_then(|n| u64::try_from(n).ok()),
                };
                Ok(((r.get(0)?, r.get(1)?), baris))
            })?
            .into_iter()
            .collect();
        let mut out = BTreeMap::new();
        let mut k = Kelompok::default();
        let mut failed = None;
        self.conn.all(jawaban_q, p, |r| {
            let key: Survei = (r.get(0)?, r.get(1)?);
            if k.survei.as_ref() != Some(&key) {
                if let Err(e) = k.selesai(&mut survei, &mut out) {
                    failed.get_or_insert(e);
                }
                k.survei = Some(key);
            }
            let skor = code(4, &r.get::<_, u8>(4)?.to_string(), Skor::parse)?;
            k.jawaban.push((r.get(2)?, r.get(3)?, skor));
            Ok(())
        })?;
        k.selesai(&mut survei, &mut out)?;
        if let Some(e) = failed {
            return Err(e);
        }
        // Surveys without stored answers: from their respondents.
        for (key, b) in survei {
            if let Some(g) = galat_ikm(Ratio::from_decimal(b.ikm), None, b.responden, b.populasi)? {
                out.insert(key, g);
            }
        }
        Ok(out)
    }
}

impl Kelompok {
    /// The standard error of the survey read so far, taking it out of
    /// `survei` (answers of a survey without an IKM are passed over).
    fn selesai(&mut self, survei: &mut BTreeMap<Survei, Baris>, out: &mut BTreeMap<Survei, Galat>) -> Result<()> {
        let jawaban = std::mem::take(&mut self.jawaban);
        let Some(key) = self.survei.take() else { return Ok(()) };
        let Some(b) = survei.remove(&key) else { return Ok(()) };
        let j = Jawaban::from_answers(b.skema, jawaban.iter().map(|(r, u, s)| (*r, u.as_str(), *s)))?;
        if let Some(g) = galat_ikm(Ratio::from_decimal(b.ikm), Some((&j, b.bobot)), b.responden, b.populasi)? {
            out.insert(key, g);
        }
        Ok(())
    }
}
