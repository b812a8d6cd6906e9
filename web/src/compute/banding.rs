//! The comparison: every kecamatan of the snapshot (a kabupaten, a
//! provinsi or the nation) for one indicator-year, with the edits applied,
//! ranked by the core, ordered and narrowed by a search.

use kinerja_core::Decimal;
use kinerja_core::capaian::JenisIndikator;
use kinerja_core::model::{Indikator, Realisasi, Target, TingkatWilayah, is_sintetis};
use kinerja_core::plan::peringkat;
use kinerja_core::selang::{Kepastian, kepastian_ikm};
use kinerja_skenario::Jenis;

use super::data::{Data, Figure, figure, presented, tahun_unik};
use crate::edit::{Entry, Key};
use crate::state::SortBy;

/// Rows of one indicator-year by unit code, ordered by unit.
type PerUnit<'a, T> = Vec<(&'a str, &'a T)>;

/// One kecamatan in the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct BandingRow {
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Its kabupaten's code.
    pub kode_kabupaten: String,
    /// Target.
    pub target: Figure,
    /// Realisasi.
    pub realisasi: Figure,
    /// The recorded realisasi (what resetting the cell gives back).
    pub realisasi_dasar: Option<Decimal>,
    /// Capaian.
    pub capaian: Option<Decimal>,
    /// Predikat label.
    pub predikat: Option<&'static str>,
    /// Rank (1 = best, ties share a rank), None without data.
    pub peringkat: Option<usize>,
    /// For an IKM (a survey estimate): its 95 % interval and the ranks it
    /// allows (the core's [`kepastian_ikm`]); None for exact values.
    pub kepastian: Kepastian,
}

/// Years that have realisasi for an indicator anywhere in the snapshot.
pub fn banding_tahun(d: &Data<'_>, ind: &str) -> Vec<i32> {
    tahun_unik(d.snap.data.realisasi.iter().filter(|r| r.indikator_id == ind).map(|r| r.tahun))
}

/// Every kecamatan of the snapshot for an indicator-year, ranked among
/// themselves by the core's [`peringkat`],
/// in the order `sort` (by rank: best first, kecamatan without data last,
/// unranked): [`banding_dasar`] then [`banding_dari`].
pub fn banding(d: &Data<'_>, ind: &Indikator, tahun: i32, sort: SortBy) -> Vec<BandingRow> {
    banding_dari(&banding_dasar(d, ind, tahun), d, ind, tahun, sort)
}

/// The comparison's rows as recorded, before any edit and unranked: what a
/// keystroke does not change, so that the view computes it once per
/// indicator and year (one pass over realisasi and targets).
pub fn banding_dasar(d: &Data<'_>, ind: &Indikator, tahun: i32) -> Vec<BandingRow> {
    let (realisasi_dasar, target_dasar) = tahun_semua(d, &ind.id, tahun);
    fn dasar<'r, T>(rows: &[(&str, &'r T)], kode: &str) -> Option<&'r T> {
        rows.binary_search_by(|r| r.0.cmp(kode)).ok().map(|i| rows[i].1)
    }
    d.wilayah(TingkatWilayah::Kecamatan)
        .map(|w| {
            let kode = w.kode.as_str();
            let r = dasar(&realisasi_dasar, kode).map(|r| (r.nilai, is_sintetis(&r.sumber)));
            let t = dasar(&target_dasar, kode).map(|t| (t.nilai, is_sintetis(&t.sumber)));
            nilai_baris(
                ind,
                figure(None, t),
                figure(None, r),
                BandingRow {
                    kode: w.kode.clone(),
                    nama: w.nama.clone(),
                    kode_kabupaten: w.induk.clone().unwrap_or_default(),
                    target: figure(None, None),
                    realisasi: figure(None, None),
                    realisasi_dasar: r.map(|r| r.0),
                    capaian: None,
                    predikat: None,
                    peringkat: None,
                    kepastian: (None, None),
                },
            )
        })
        .collect()
}

/// The recorded realisasi and the baseline targets in force of one
/// indicator-year, for every unit that has them, ordered by unit: one
/// pass over each table instead of a search per unit.
fn tahun_semua<'a>(d: &Data<'a>, ind: &str, tahun: i32) -> (PerUnit<'a, Realisasi>, PerUnit<'a, Target>) {
    let data = &d.snap.data;
    let realisasi =
        data.realisasi.iter().filter(|r| r.tahun == tahun && r.indikator_id == ind).map(|r| (r.kode_unit.as_str(), r));
    // The targets of one unit-indicator-year are adjacent (the reader
    // checks the order); the core picks the one in force.
    let same =
        |a: &Target, b: &Target| a.kode_unit == b.kode_unit && a.indikator_id == b.indikator_id && a.tahun == b.tahun;
    let target = data
        .target
        .chunk_by(same)
        .filter(|c| c[0].tahun == tahun && c[0].indikator_id == ind)
        .filter_map(|c| kinerja_core::model::target_berlaku(c, &c[0].kode_unit, ind, tahun))
        .map(|t| (t.kode_unit.as_str(), t))
        .collect();
    (realisasi.collect(), target)
}

/// A row with its target and realisasi, and the core's capaian and
/// predikat of them.
fn nilai_baris(ind: &Indikator, target: Figure, realisasi: Figure, row: BandingRow) -> BandingRow {
    let p =
        realisasi.nilai.and_then(|r| kinerja_core::capaian::penilaian(ind.jenis, ind.polaritas, target.nilai, r).ok());
    BandingRow {
        capaian: presented(p.and_then(|p| p.capaian)),
        predikat: p.and_then(|p| p.predikat).map(|b| b.label),
        target,
        realisasi,
        ..row
    }
}

/// The rows of [`banding_dasar`] with the edits applied (only edited
/// rows are computed again), ranked and in the order `sort`.
pub fn banding_dari(base: &[BandingRow], d: &Data<'_>, ind: &Indikator, tahun: i32, sort: SortBy) -> Vec<BandingRow> {
    let (realisasi_diubah, target_diubah) =
        (edits_of(d, &ind.id, tahun, Jenis::Realisasi), edits_of(d, &ind.id, tahun, Jenis::Target));
    let dasar = |f: &Figure| f.nilai.map(|v| (v, f.sintetis));
    // Only the edited rows are computed again, found by code (the rows come
    // in the snapshot's order of kecamatan, which the reader checks).
    let mut rows = base.to_vec();
    for unit in realisasi_diubah.iter().chain(&target_diubah).map(|e| e.0) {
        if let Ok(i) = base.binary_search_by(|r| r.kode.as_str().cmp(unit)) {
            let (b, r, t) = (&base[i], edit_for(&realisasi_diubah, unit), edit_for(&target_diubah, unit));
            rows[i] = nilai_baris(ind, figure(t, dasar(&b.target)), figure(r, dasar(&b.realisasi)), b.clone());
        }
    }
    let ranks = peringkat(ind.polaritas, &rows.iter().map(|r| r.realisasi.nilai).collect::<Vec<_>>());
    for (r, rank) in rows.iter_mut().zip(ranks) {
        r.peringkat = rank;
    }
    if ind.jenis == JenisIndikator::Ikm {
        kepastian(&mut rows, d, tahun);
    }
    // One comparison for every order (one sort in the app, not three).
    fn folded(r: &BandingRow) -> impl Iterator<Item = u8> + '_ {
        r.nama.bytes().map(|c| c.to_ascii_lowercase())
    }
    rows.sort_by(|a, b| match sort {
        SortBy::Peringkat => {
            (a.peringkat.is_none(), a.peringkat, &a.kode).cmp(&(b.peringkat.is_none(), b.peringkat, &b.kode))
        }
        SortBy::Nama => folded(a).cmp(folded(b)).then_with(|| a.kode.cmp(&b.kode)),
        SortBy::Kode => a.kode.cmp(&b.kode),
    });
    rows
}

/// Each IKM's interval (the snapshot's standard error around the shown,
/// possibly edited, realisasi) and the ranks the intervals allow.
fn kepastian(rows: &mut [BandingRow], d: &Data<'_>, tahun: i32) {
    let galat = &d.snap.galat_ikm;
    let of = |kode: &str| {
        let i = galat.binary_search_by(|g| (g.kode_unit.as_str(), g.tahun).cmp(&(kode, tahun))).ok()?;
        Some(galat[i].galat())
    };
    let input: Vec<_> = rows.iter().map(|r| (r.realisasi.nilai, of(&r.kode))).collect();
    for (r, k) in rows.iter_mut().zip(kepastian_ikm(&input).unwrap_or_default()) {
        r.kepastian = k;
    }
}

/// The edits of one indicator-year of one kind, by unit: what a
/// comparison of thousands of units looks up without building a key per
/// unit.
fn edits_of<'a>(d: &Data<'a>, ind: &str, tahun: i32, jenis: Jenis) -> Vec<(&'a str, &'a Entry)> {
    d.edits
        .iter()
        .filter_map(|(k, e)| match k {
            Key::Nilai { kode_unit, indikator_id, tahun: t, jenis: j }
                if indikator_id == ind && *t == tahun && *j == jenis =>
            {
                Some((kode_unit.as_str(), e))
            }
            _ => None,
        })
        .collect()
}

/// The edit of unit `kode` among the edits of one indicator-year.
fn edit_for<'e>(edits: &[(&str, &'e Entry)], kode: &str) -> Option<&'e Entry> {
    edits.iter().find(|e| e.0 == kode).map(|e| e.1)
}

/// The rows whose name or code contains `search`, ignoring ASCII case
/// (region names are written in Latin letters; Unicode case tables would
/// cost the app kilobytes). Ranks stay those of the whole snapshot.
pub fn narrow(mut rows: Vec<BandingRow>, search: &str) -> Vec<BandingRow> {
    let search = search.trim().as_bytes();
    // A plain scan (names are short): no lowercased copies, and no general
    // substring searcher in the app.
    let has = |text: &str| text.as_bytes().windows(search.len()).any(|w| w.eq_ignore_ascii_case(search));
    if !search.is_empty() {
        rows.retain(|r| has(&r.kode) || has(&r.nama));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edits;
    use crate::fixture::{edit, provinsi, snapshot};

    #[test]
    fn the_comparison_ranks_every_kecamatan() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let rows = banding(&Data { snap: &snap, edits: &edits }, &ikm, 2024, SortBy::Peringkat);
        let names: Vec<(&str, Option<usize>, bool)> =
            rows.iter().map(|r| (r.nama.as_str(), r.peringkat, r.realisasi.sintetis)).collect();
        assert_eq!(
            names,
            vec![("Datuk Tanah Datar", Some(1), false), ("Medang Deras", Some(2), true), ("Sei Balai", Some(3), false)]
        );
        edit(
            &mut edits,
            Key::Nilai {
                kode_unit: "12.19.07".into(),
                indikator_id: "ikm".into(),
                tahun: 2024,
                jenis: Jenis::Realisasi,
            },
            "99",
        );
        let rows = banding(&Data { snap: &snap, edits: &edits }, &ikm, 2024, SortBy::Peringkat);
        assert_eq!(rows[0].nama, "Sei Balai");
        assert_eq!(banding_tahun(&Data { snap: &snap, edits: &edits }, "ikm"), vec![2023, 2024]);
    }

    /// The IKM's rank comes with the ranks its interval allows (the core's
    /// rule, the CLI's and the report's): Datuk Tanah Datar has no standard
    /// error and could be anywhere; an edited realisasi moves its interval.
    #[test]
    fn ikm_ranks_carry_their_range() {
        let snap = snapshot();
        let mut edits = Edits::new();
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let by_code = |edits: &Edits| {
            let mut rows = banding(&Data { snap: &snap, edits }, &ikm, 2024, SortBy::Kode);
            rows.sort_by(|a, b| a.kode.cmp(&b.kode));
            rows.into_iter().map(|r| (r.kode, r.kepastian)).collect::<Vec<_>>()
        };
        let rows = by_code(&edits);
        let sei = rows.iter().find(|r| r.0 == "12.19.07").unwrap().1;
        assert_eq!(sei.0.map(|s| (s.bawah, s.atas)), Some((crate::fixture::d("68.34"), crate::fixture::d("82.36"))));
        assert_eq!(rows.iter().map(|r| r.1.1).collect::<Vec<_>>(), vec![Some((1, 3)), Some((1, 3)), Some((1, 3))]);
        assert!(rows.iter().find(|r| r.0 == "12.19.11").unwrap().1.0.is_none(), "no interval is made up");
        let k = Key::Nilai {
            kode_unit: "12.19.07".into(),
            indikator_id: "ikm".into(),
            tahun: 2024,
            jenis: Jenis::Realisasi,
        };
        edit(&mut edits, k, "60");
        let sei = by_code(&edits).into_iter().find(|r| r.0 == "12.19.07").unwrap().1;
        assert_eq!(sei.1, Some((2, 3)), "surely below Medang Deras (78,65 – 83,35)");
        let akip = snap.data.indikator.iter().find(|i| i.id == "akip").unwrap().clone();
        let rows = banding(&Data { snap: &snap, edits: &edits }, &akip, 2024, SortBy::Kode);
        assert!(rows.iter().all(|r| r.kepastian == (None, None)), "AKIP is not an estimate");
    }

    #[test]
    fn comparison_ranks_the_whole_snapshot_and_filters_without_reranking() {
        let snap = provinsi();
        let edits = Edits::new();
        let data = Data { snap: &snap, edits: &edits };
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let ranked = |rows: &[BandingRow]| -> Vec<(String, Option<usize>)> {
            rows.iter().map(|r| (r.kode.clone(), r.peringkat)).collect()
        };
        let all = banding(&data, &ikm, 2024, SortBy::Peringkat);
        assert_eq!(all.len(), 5);
        assert_eq!(ranked(&all[..2]), vec![("12.20.01".into(), Some(1)), ("12.19.11".into(), Some(2))]);
        // One kabupaten's kecamatan: search its code; ranks stay the province's.
        let asahan = narrow(all.clone(), "12.20.");
        assert_eq!(ranked(&asahan), vec![("12.20.01".into(), Some(1)), ("12.20.02".into(), Some(5))]);
        // Search by name (any case) or code; the rank stays the snapshot's.
        let found = narrow(all.clone(), "  bandar PU");
        assert_eq!(ranked(&found), vec![("12.20.02".into(), Some(5))]);
        let by_code = narrow(banding(&data, &ikm, 2024, SortBy::Kode), "12.19.0");
        assert_eq!(ranked(&by_code), vec![("12.19.01".into(), Some(3)), ("12.19.07".into(), Some(4))]);
        let by_name: Vec<String> = banding(&data, &ikm, 2024, SortBy::Nama).into_iter().map(|r| r.nama).collect();
        assert_eq!(by_name[0], "Bandar Pasir Mandoge");
        assert_eq!(by_name[4], "Sei Balai");
    }

    #[test]
    fn comparison_rows_equal_the_per_unit_figures_with_edits() {
        // The comparison computes rows in bulk and once before edits; each
        // must equal what the per-unit lookups (planner, cells) give.
        let snap = provinsi();
        let mut edits = Edits::new();
        let key = |u: &str, jenis| Key::Nilai { kode_unit: u.into(), indikator_id: "ikm".into(), tahun: 2024, jenis };
        edit(&mut edits, key("12.20.02", Jenis::Realisasi), "99,5");
        edit(&mut edits, key("12.19.07", Jenis::Target), "70");
        edit(&mut edits, key("12.19.01", Jenis::Realisasi), "abc");
        let data = Data { snap: &snap, edits: &edits };
        let ikm = snap.data.indikator.iter().find(|i| i.id == "ikm").unwrap().clone();
        let rows = banding(&data, &ikm, 2024, SortBy::Kode);
        assert_eq!(rows.len(), 5);
        for r in &rows {
            let p = data.penilaian(&r.kode, &ikm, 2024);
            assert_eq!(r.realisasi, data.realisasi(&r.kode, "ikm", 2024), "{}", r.kode);
            let dasar = data.realisasi_dasar(&r.kode, "ikm", 2024).map(|x| x.nilai);
            assert_eq!(r.realisasi_dasar, dasar, "{}", r.kode);
            assert_eq!(r.target, data.target(&r.kode, "ikm", 2024), "{}", r.kode);
            assert_eq!(r.capaian, presented(p.and_then(|p| p.capaian)), "{}", r.kode);
        }
        let ranked = banding(&data, &ikm, 2024, SortBy::Peringkat);
        assert_eq!((ranked[0].kode.as_str(), ranked[0].peringkat), ("12.20.02", Some(1)));
        assert_eq!(
            (ranked[4].kode.as_str(), ranked[4].peringkat),
            ("12.19.01", None),
            "an edit that does not read has no rank"
        );
    }
}
