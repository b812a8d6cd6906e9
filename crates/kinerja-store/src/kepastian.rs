//! How sure a kecamatan's IKM is: the standard error of each survey, from
//! its stored raw answers (analytic) or else from its respondents
//! (conservative), by the core's rule ([`kinerja_core::selang::galat_ikm`]).
//! The comparison, the report and the narrative draw their intervals from
//! it, around whichever printing of the IKM they show.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use duckdb::params;
use kinerja_core::Ratio;
use kinerja_core::selang::jawaban::Jawaban;
use kinerja_core::selang::{Galat, galat_ikm};
use kinerja_core::skm::{Bobot, Skema, Skor};

use crate::laporan::code;
use crate::sql::Run;
use crate::{Result, Store};

/// A survey: its unit and year.
pub type Survei = (String, i32);

struct Baris {
    skema: Skema,
    bobot: Bobot,
    ikm: kinerja_core::Decimal,
    responden: Option<i64>,
    populasi: Option<i64>,
}

impl Store {
    /// The standard error of the IKM of `kode` (a kecamatan, or every
    /// kecamatan of a kabupaten) in each year of `tahun` that has one.
    pub fn galat_ikm(&self, kode: &str, tahun: RangeInclusive<i32>) -> Result<BTreeMap<Survei, Galat>> {
        let (awal, akhir) = (*tahun.start(), *tahun.end());
        let survei: Vec<(Survei, Baris)> = self.conn.all("galat_survei", params![kode, awal, akhir], |r| {
            let baris = Baris {
                skema: code(2, &r.get::<_, String>(2)?, Skema::parse)?,
                bobot: code(3, &r.get::<_, String>(3)?, Bobot::parse)?,
                ikm: r.get(4)?,
                responden: r.get(5)?,
                populasi: r.get(6)?,
            };
            Ok(((r.get(0)?, r.get(1)?), baris))
        })?;
        let mut jawaban: BTreeMap<Survei, Vec<(i64, String, Skor)>> = BTreeMap::new();
        for (key, answer) in self.conn.all("galat_jawaban", params![kode, awal, akhir], |r| {
            let skor = code(4, &r.get::<_, u8>(4)?.to_string(), Skor::parse)?;
            Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?, skor)))
        })? {
            jawaban.entry(key).or_default().push(answer);
        }
        let mut out = BTreeMap::new();
        for (key, b) in survei {
            let answers = match jawaban.get(&key) {
                Some(a) => Some(Jawaban::from_answers(b.skema, a.iter().map(|(r, u, s)| (*r, u.as_str(), *s)))?),
                None => None,
            };
            let responden = b.responden.and_then(|n| u32::try_from(n).ok());
            let populasi = b.populasi.and_then(|p| u64::try_from(p).ok());
            let ikm = Ratio::from_decimal(b.ikm);
            if let Some(g) = galat_ikm(ikm, answers.as_ref().map(|j| (j, b.bobot)), responden, populasi)? {
                out.insert(key, g);
            }
        }
        Ok(out)
    }
}
