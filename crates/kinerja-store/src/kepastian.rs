//! How sure a kecamatan's IKM is: the standard error of every survey,
//! stored in `hasil_galat_ikm` with the other results and recomputed in the
//! transaction of every write that changes the SKM tables. From the raw
//! answers where they are stored (analytic), else bounded from the
//! respondents (conservative), by the core's rule
//! ([`kinerja_core::selang::galat_ikm`]). The comparison, the report and
//! the analysts' view `v_peringkat_selang` draw their intervals from it,
//! around whichever printing of the IKM they show.
//!
//! The answers never leave the database: one aggregation gives each
//! survey's `Σ ẑᵢ²` ([`Jawaban::jumlah_kuadrat`]'s integer, computed in
//! SQL the same way) and the core turns it into the standard error
//! ([`galat_dari_jumlah`]); a test proves the two paths give the same bytes.
//!
//! [`Jawaban::jumlah_kuadrat`]: kinerja_core::selang::jawaban::Jawaban::jumlah_kuadrat

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use duckdb::{Connection, ToSql, params};
use kinerja_core::selang::jawaban::galat_dari_jumlah;
use kinerja_core::selang::{Galat, Metode, galat_ikm};
use kinerja_core::skm::{Bobot, Skema};
use kinerja_core::{Decimal, Ratio};

use crate::laporan::code;
use crate::sql::{Run, at};
use crate::{Result, Store};

/// A survey: its unit and year.
pub type Survei = (String, i32);

/// What a survey's standard error needs besides its answers.
struct Baris {
    skema: Skema,
    bobot: Bobot,
    ikm: Decimal,
    responden: Option<u32>,
    populasi: Option<u64>,
}

/// Recomputes `hasil_galat_ikm` from the SKM tables, in the caller's
/// transaction.
pub(crate) fn simpan(conn: &Connection) -> Result<()> {
    let survei: BTreeMap<Survei, Baris> = conn
        .all("galat_survei_semua", [], |r| {
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
    let sums: BTreeMap<Survei, (u32, i128)> = conn
        .all("galat_jumlah_kuadrat", [], |r| {
            let n = u32::try_from(r.get::<_, i64>(2)?).unwrap_or(u32::MAX);
            let sum: String = r.get(3)?;
            let sum = sum
                .parse::<i128>()
                .map_err(|e| duckdb::Error::FromSqlConversionFailure(3, duckdb::types::Type::Text, Box::new(e)))?;
            Ok(((r.get(0)?, r.get(1)?), (n, sum)))
        })?
        .into_iter()
        .collect();
    conn.exec("galat_hapus", [])?;
    let mut a = conn.appender("hasil_galat_ikm").map_err(at("hasil_galat_ikm"))?;
    for ((kode, tahun), b) in survei {
        let g = match sums.get(&(kode.clone(), tahun)) {
            Some((n, sum)) if *n >= 2 => Some(galat_dari_jumlah(b.skema, b.bobot, *sum, *n, b.populasi)?),
            _ => galat_ikm(Ratio::from_decimal(b.ikm), None, b.responden, b.populasi)?,
        };
        if let Some(g) = g {
            a.append_row(params![kode, tahun, g.baku, g.metode.kode()]).map_err(at("hasil_galat_ikm"))?;
        }
    }
    a.flush().map_err(at("hasil_galat_ikm"))
}

fn baris(r: &duckdb::Row<'_>) -> duckdb::Result<(Survei, Galat)> {
    let metode = Metode::dari_kode(&r.get::<_, String>(3)?);
    Ok(((r.get(0)?, r.get(1)?), Galat { baku: r.get(2)?, metode }))
}

impl Store {
    /// The standard error of the IKM of `kode` (a kecamatan, or every
    /// kecamatan of a kabupaten) in each year of `tahun` that has one.
    pub fn galat_ikm(&self, kode: &str, tahun: RangeInclusive<i32>) -> Result<BTreeMap<Survei, Galat>> {
        let p: [&dyn ToSql; 3] = [&kode, tahun.start(), tahun.end()];
        Ok(self.conn.all("galat_baca", &p[..], baris)?.into_iter().collect())
    }

    /// The same for the reports of the set `laporan_unit`: every kecamatan
    /// of their kabupaten, in `tahun` and the year before.
    pub(crate) fn galat_laporan(&self, tahun: i32) -> Result<BTreeMap<Survei, Galat>> {
        Ok(self.conn.all("galat_baca_laporan", params![tahun], baris)?.into_iter().collect())
    }
}
