//! The words a report uses for what its figures do, defined once: a change
//! between years (naik, turun, tetap), a realisasi against its target
//! (melampaui, tercapai, tidak tercapai — by the indicator's polarity), a
//! value against another (di atas, di bawah, sama dengan), and the unit a
//! difference is said in (poin for percentages and indices, the
//! indicator's own unit otherwise; a relative change is always %).
//!
//! The generated narrative of the LKjIP takes its words from here, never
//! from a fixed template word; the audit checks printed sentences against
//! the same definitions (`docs/audit-format.md`, relation `arah`).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::capaian::Polaritas;

/// How a value moved from one year to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gerak {
    /// The later value is larger.
    Naik,
    /// The later value is smaller.
    Turun,
    /// The same value.
    Tetap,
}

impl Gerak {
    /// The movement from `dari` to `ke`.
    pub fn of(dari: Decimal, ke: Decimal) -> Gerak {
        match ke.cmp(&dari) {
            Ordering::Greater => Gerak::Naik,
            Ordering::Less => Gerak::Turun,
            Ordering::Equal => Gerak::Tetap,
        }
    }

    /// `naik`, `turun`, `tetap`.
    pub fn kata(self) -> &'static str {
        match self {
            Gerak::Naik => "naik",
            Gerak::Turun => "turun",
            Gerak::Tetap => "tetap",
        }
    }

    /// Whether the movement is an improvement for an indicator of this
    /// polarity (`None` when it did not move).
    pub fn membaik(self, polaritas: Polaritas) -> Option<bool> {
        match (self, polaritas) {
            (Gerak::Tetap, _) => None,
            (Gerak::Naik, Polaritas::Positif) | (Gerak::Turun, Polaritas::Negatif) => Some(true),
            _ => Some(false),
        }
    }
}

/// A realisasi against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ketercapaian {
    /// Strictly better than the target.
    Melampaui,
    /// Exactly the target.
    Tercapai,
    /// Worse than the target.
    TidakTercapai,
}

impl Ketercapaian {
    /// Whether `realisasi` reaches `target`, better meaning higher for a
    /// positive indicator and lower for a negative one.
    pub fn of(target: Decimal, realisasi: Decimal, polaritas: Polaritas) -> Ketercapaian {
        let better = match polaritas {
            Polaritas::Positif => realisasi.cmp(&target),
            Polaritas::Negatif => target.cmp(&realisasi),
        };
        match better {
            Ordering::Greater => Ketercapaian::Melampaui,
            Ordering::Equal => Ketercapaian::Tercapai,
            Ordering::Less => Ketercapaian::TidakTercapai,
        }
    }

    /// `melampaui target`, `mencapai target`, `belum mencapai target`.
    pub fn kata(self) -> &'static str {
        match self {
            Ketercapaian::Melampaui => "melampaui target",
            Ketercapaian::Tercapai => "mencapai target",
            Ketercapaian::TidakTercapai => "belum mencapai target",
        }
    }
}

/// A value against another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posisi {
    /// Larger.
    DiAtas,
    /// Smaller.
    DiBawah,
    /// Equal.
    Sama,
}

impl Posisi {
    /// Where `nilai` stands against `pembanding`.
    pub fn of(nilai: Decimal, pembanding: Decimal) -> Posisi {
        match nilai.cmp(&pembanding) {
            Ordering::Greater => Posisi::DiAtas,
            Ordering::Less => Posisi::DiBawah,
            Ordering::Equal => Posisi::Sama,
        }
    }

    /// `di atas`, `di bawah`, `sama dengan`.
    pub fn kata(self) -> &'static str {
        match self {
            Posisi::DiAtas => "di atas",
            Posisi::DiBawah => "di bawah",
            Posisi::Sama => "sama dengan",
        }
    }
}

/// `efisien` when the capaian is at least the penyerapan (efisiensi =
/// % capaian − % penyerapan ≥ 0, LKjIP practice, `anggaran::efisiensi`),
/// else `belum efisien`.
pub fn efisien(efisiensi: Decimal) -> &'static str {
    if efisiensi.is_sign_negative() && !efisiensi.is_zero() { "belum efisien" } else { "efisien" }
}

/// The unit an absolute difference of an indicator is said in: `poin` for
/// a percentage or an index (IKM, AKIP: a difference of percentages is not
/// a percentage), otherwise the indicator's own unit.
pub fn satuan_selisih(satuan: &str) -> &str {
    match satuan.trim().to_lowercase().as_str() {
        "%" | "persen" | "nilai" | "indeks" | "poin" | "" => "poin",
        _ => satuan.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn words_follow_the_figures_and_the_polarity() {
        assert_eq!(Gerak::of(d("80.50"), d("75.35")).kata(), "turun");
        assert_eq!(Gerak::of(d("75.35"), d("75.350")).kata(), "tetap");
        assert_eq!(Gerak::of(d("1"), d("2")).membaik(Polaritas::Negatif), Some(false));
        assert_eq!(Gerak::of(d("2"), d("1")).membaik(Polaritas::Negatif), Some(true));
        let k = |t: &str, r: &str, p| Ketercapaian::of(d(t), d(r), p).kata();
        assert_eq!(k("85", "75.35", Polaritas::Positif), "belum mencapai target");
        assert_eq!(k("85", "85.00", Polaritas::Positif), "mencapai target");
        assert_eq!(k("71", "72.62", Polaritas::Positif), "melampaui target");
        assert_eq!(k("10", "8", Polaritas::Negatif), "melampaui target");
        assert_eq!(k("10", "12", Polaritas::Negatif), "belum mencapai target");
        assert_eq!(Posisi::of(d("75.35"), d("83.00")).kata(), "di bawah");
        assert_eq!(satuan_selisih("%"), "poin");
        assert_eq!(satuan_selisih("Nilai"), "poin");
        assert_eq!(satuan_selisih("dokumen"), "dokumen");
        assert_eq!(efisien(d("0.00")), "efisien");
        assert_eq!(efisien(d("-0.01")), "belum efisien");
    }
}
