//! Deterministic synthetic demo data for Bappeda's view of a whole
//! kabupaten.
//!
//! `kinerja demo synth` fills every kecamatan of a kabupaten that has no
//! real data with plausible figures: Renstra structure, realisasi and
//! targets 2021–2026, raw SKM answers for the last year (so the raw-answer
//! path is exercised), AKIP komponen and budgets. Every row has
//! `sumber = "sintetis"` and is marked as synthetic in every view, report
//! and export. Derived figures come from the core (the 2024 IKM is the IKM
//! of the generated answers; the AKIP total is the sum of its komponen), so
//! synthetic units are internally consistent. The same seed gives the same
//! data; real figures are never touched.

use kinerja_core::Decimal;
use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::band::AKIP_2021;
use kinerja_core::model::*;
use kinerja_core::skm::{Bobot, Skema, Skor, Tally, UNSUR_2017};

use crate::sql::Run;
use crate::{Error, Result, Store};

/// The core's seeded generator, with the draws the synthesis uses.
struct Rng(kinerja_core::acak::SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A sum of three uniform integers in `−sd..=sd`: bell-shaped, mean 0,
    /// standard deviation about `sd`.
    fn normalish(&mut self, sd: i64) -> i64 {
        (0..3).map(|_| self.range(-sd, sd)).sum()
    }

    /// Uniform integer in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1).max(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

fn hundredths(v: i64) -> Decimal {
    Decimal::new(v, 2)
}

/// What `demo synth` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthSummary {
    /// Kecamatan filled with synthetic data.
    pub filled: Vec<String>,
    /// Kecamatan left alone because they have real data.
    pub skipped: Vec<String>,
    /// Rows written.
    pub rows: u64,
}

/// Skor for one answer around a mean in hundredths (e.g. 320 → mostly 3).
fn skor(rng: &mut Rng, mean_h: i64) -> Result<Skor> {
    let base = mean_h / 100;
    let frac = mean_h % 100;
    let v = if rng.range(0, 99) < frac { base + 1 } else { base };
    let v = v.clamp(1, 4) as u8;
    Ok(Skor::try_from(v)?)
}

impl Store {
    /// Fills the kecamatan of `kode_kabupaten` that have no real data.
    pub fn synth(&self, kode_kabupaten: &str, seed: u64) -> Result<SynthSummary> {
        let units: Vec<(String, String)> =
            self.conn.all("kecamatan_kabupaten", [kode_kabupaten], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if units.is_empty() {
            return Err(Error::NotFound(crate::NotFound::KecamatanToFill { kode: kode_kabupaten.to_string() }));
        }
        let real: Vec<String> = self.conn.all("unit_nyata", [], |r| r.get(0))?;
        let indikator: i64 = self.conn.one("indikator_demo_ada", [], |r| r.get(0))?;
        if indikator < 2 {
            return Err(Error::DemoNeedsIndikator);
        }
        let mut d = Dataset::default();
        let mut summary = SynthSummary { filled: vec![], skipped: vec![], rows: 0 };
        for (kode, nama) in &units {
            if real.contains(kode) {
                summary.skipped.push(format!("{kode} {nama}"));
                continue;
            }
            let unit_seed = kode.bytes().fold(seed, |a, b| a.wrapping_mul(31).wrapping_add(u64::from(b)));
            synth_unit(&mut d, kode, &mut Rng(kinerja_core::acak::SplitMix64(unit_seed)))?;
            summary.filled.push(format!("{kode} {nama}"));
        }
        let what = format!("kabupaten {kode_kabupaten}, seed {seed}");
        let s = self.load_as(d, &mut |_, _, _| {}, "sintetis", Some(&what))?;
        summary.rows = s.changed();
        Ok(summary)
    }
}

/// One kecamatan's synthetic data: Renstra structure, IKM and AKIP history
/// 2021–2023, 2024 from raw SKM answers and AKIP komponen, and a budget.
fn synth_unit(d: &mut Dataset, kode: &str, rng: &mut Rng) -> Result<()> {
    let (s1, s2) = renstra_structure(d, kode);
    // IKM and AKIP realisasi 2021–2023 as random walks (hundredths).
    let mut ikm = rng.range(7600, 9200);
    let mut akip = rng.range(6200, 7800);
    for tahun in 2021..=2023 {
        ikm = (ikm + rng.range(-300, 300)).clamp(6500, 9900);
        akip = (akip + rng.range(-200, 250)).clamp(5500, 8800);
        push_realisasi(d, kode, tahun, ikm, akip)?;
        push_target(d, kode, tahun, "pk", ikm + rng.range(0, 300), akip + rng.range(0, 300))?;
    }
    let ikm_2024 = skm_2024(d, kode, ikm, rng)?;
    let (akip_2024, target_akip) = akip_2024(d, kode, akip, rng)?;
    push_realisasi(d, kode, 2024, ikm_2024, akip_2024)?;
    push_target(d, kode, 2024, "pk", ikm + rng.range(0, 300), target_akip)?;
    // Renstra targets rising to 2026.
    let (mut ti, mut ta) = (ikm + rng.range(0, 200), target_akip);
    for tahun in 2024..=2026 {
        push_target(d, kode, tahun, "renstra", ti.min(9800), ta.min(9500))?;
        ti += rng.range(100, 300);
        ta += rng.range(50, 200);
    }
    budget_2024(d, kode, &s1, &s2, rng);
    Ok(())
}

fn src() -> String {
    SUMBER_SINTETIS.to_string()
}

/// Renstra 2024–2026 with one tujuan and two sasaran (IKM, AKIP); returns
/// the two sasaran ids.
fn renstra_structure(d: &mut Dataset, kode: &str) -> (String, String) {
    let rid = format!("{kode}/2024");
    let tid = format!("{rid}/T1");
    let (s1, s2) = (format!("{rid}/S1"), format!("{rid}/S2"));
    d.renstra.push(Renstra {
        id: rid.clone(),
        kode_unit: kode.into(),
        tahun_awal: 2024,
        tahun_akhir: 2026,
        visi: "(sintetis) Visi kabupaten".into(),
        misi: "(sintetis) Mewujudkan penyelenggaraan pemerintahan yang baik dan bersih".into(),
        sumber: src(),
    });
    let uraian = "(sintetis) Meningkatkan kualitas pelayanan publik".into();
    d.tujuan.push(Tujuan { id: tid.clone(), renstra_id: rid, uraian, sumber: src() });
    for (no, id, uraian, indikator) in [
        (1, &s1, "(sintetis) Meningkatkan kepuasan masyarakat terhadap pelayanan publik", "ikm"),
        (2, &s2, "(sintetis) Meningkatkan akuntabilitas keuangan dan kinerja perangkat daerah", "akip"),
    ] {
        let sasaran = Sasaran { id: id.clone(), tujuan_id: tid.clone(), no, uraian: uraian.into(), sumber: src() };
        d.sasaran.push(sasaran);
        let si = SasaranIndikator { sasaran_id: id.clone(), indikator_id: indikator.into(), sumber: src() };
        d.sasaran_indikator.push(si);
    }
    (s1, s2)
}

/// 2024 raw SKM answers around the IKM level `ikm` (hundredths), some
/// questions skipped; returns the IKM of the answers in hundredths.
///
/// Respondents answer the unsur alike, as real ones do: an answer is the
/// unit's level, plus the unsur's own offset, plus a level shared by all of
/// the respondent's answers (standard deviation 0,55 of a score), plus the
/// answer's own variation (0,50), rounded at random to a score. That makes
/// the correlation of two unsur of a respondent about 0,3–0,45 and
/// Cronbach's α of the nine about 0,8–0,9, the range survey scales of this
/// kind report (Cronbach 1951; α ≈ 0,8–0,9 for satisfaction scales): the test
/// `synthetic_answers_correlate_like_real_ones` measures it on
/// `v_skm_keandalan`.
fn skm_2024(d: &mut Dataset, kode: &str, ikm: i64, rng: &mut Rng) -> Result<i64> {
    let n = rng.range(60, 240);
    let mut tally = Tally::new(Skema::PermenPanRb14_2017);
    let offset: Vec<i64> = UNSUR_2017.iter().map(|_| rng.range(-30, 30)).collect();
    for responden in 1..=n {
        let level = rng.normalish(55);
        for (u, off) in UNSUR_2017.iter().zip(&offset) {
            if rng.range(0, 99) < 2 {
                continue; // a skipped question
            }
            let mean = (ikm / 25 + off + level + rng.normalish(50)).clamp(100, 400);
            let s = skor(rng, mean)?;
            tally.add(u.id, s)?;
            let (kode_unit, unsur_id) = (kode.into(), u.id.into());
            d.skm_jawaban.push(SkmJawaban { kode_unit, tahun: 2024, responden, unsur_id, skor: s, sumber: src() });
        }
    }
    d.skm_survei.push(SkmSurvei {
        kode_unit: kode.into(),
        tahun: 2024,
        skema: Skema::PermenPanRb14_2017,
        bobot: Bobot::Tepat,
        responden: n,
        periode: Some("Januari-Desember 2024".into()),
        sumber: src(),
        populasi: Some(populasi_sintetis(kode, n)),
    });
    in_hundredths(tally.ikm(Bobot::Tepat)?.rounded()?)
}

/// 2024 AKIP komponen around the level `akip` (hundredths); returns the
/// realisasi and target totals in hundredths.
fn akip_2024(d: &mut Dataset, kode: &str, akip: i64, rng: &mut Rng) -> Result<(i64, i64)> {
    let skema = SkemaAkip::PermenPanRb88_2021;
    let (mut real, mut target) = (Vec::new(), Vec::new());
    for k in skema.komponen() {
        let share = (akip + rng.range(-600, 600)).clamp(3000, 9800); // % of bobot, hundredths
        real.push((k.id, Decimal::new(k.bobot * share, 4).round_dp(2)));
        let t = (share + rng.range(-300, 200)).clamp(3000, 9800);
        target.push((k.id, Decimal::new(k.bobot * t, 4).round_dp(2)));
    }
    for ((id, r), (_, t)) in real.iter().zip(&target) {
        d.akip_komponen.push(AkipKomponen {
            kode_unit: kode.into(),
            tahun: 2024,
            skema,
            komponen_id: (*id).into(),
            target: Some(*t),
            realisasi: *r,
            sumber: src(),
        });
    }
    let total = |v: &[(&str, Decimal)]| -> Result<i64> {
        in_hundredths(NilaiAkip::from_komponen(skema, v)?.total()?.round2()?)
    };
    Ok((total(&real)?, total(&target)?))
}

fn in_hundredths(d: Decimal) -> Result<i64> {
    let h = d.round_dp(2) * Decimal::from(100);
    i64::try_from(h.trunc().mantissa() / 10_i128.pow(h.trunc().scale()))
        .map_err(|_| Error::Internal(format!("{d} does not fit in hundredths")))
}

/// 2024 budget: programs of the kecamatan nomenclature mapped to the two
/// sasaran, and belanja lines with the same totals.
fn budget_2024(d: &mut Dataset, kode: &str, s1: &str, s2: &str, rng: &mut Rng) {
    let programs = [
        ("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 2_000_000_000, 3_200_000_000, s2),
        ("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 2_000_000, 40_000_000, s1),
        ("7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 30_000_000, 120_000_000, s1),
        ("7.01.04", "Program Koordinasi Ketentraman dan Ketertiban Umum", 10_000_000, 40_000_000, s1),
        ("7.01.05", "Program Penyelenggaraan Urusan Pemerintahan Umum", 60_000_000, 180_000_000, s1),
        ("7.01.06", "Program Pembinaan dan Pengawasan Pemerintahan Desa", 4_000_000, 20_000_000, s1),
    ];
    let (mut total_a, mut total_r) = (0i64, 0i64);
    for (i, (kp, nama, lo, hi, sas)) in programs.iter().enumerate() {
        let a = rng.range(*lo, *hi) / 1000 * 1000;
        let r = a / 10_000 * rng.range(9000, 10_000);
        total_a += a;
        total_r += r;
        d.anggaran_program.push(AnggaranProgram {
            kode_unit: kode.into(),
            tahun: 2024,
            kode_program: (*kp).into(),
            no_laporan: i32::try_from(i + 1).ok(),
            nama: format!("{nama} (sintetis)"),
            anggaran: Decimal::from(a),
            realisasi: Decimal::from(r),
            keterangan: None,
            sumber: src(),
        });
        let (kode_unit, kode_program, sasaran_id) = (kode.into(), (*kp).into(), (*sas).into());
        d.program_sasaran.push(ProgramSasaran { kode_unit, tahun: 2024, kode_program, sasaran_id, sumber: src() });
    }
    let pegawai_a = total_a / 100 * rng.range(68, 76);
    let modal_a = total_a / 1000 * rng.range(5, 20);
    let barang_a = total_a - pegawai_a - modal_a;
    let mut pegawai_r = pegawai_a / 100 * rng.range(92, 99);
    let mut modal_r = (modal_a / 100 * rng.range(90, 100)).min(total_r - pegawai_r);
    let mut barang_r = total_r - pegawai_r - modal_r;
    // No line spends more than its anggaran (the loader refuses it): what
    // barang would overspend goes to the lines with room left.
    for (r, a) in [(&mut pegawai_r, pegawai_a), (&mut modal_r, modal_a)] {
        let shift = (barang_r - barang_a).max(0).min(a - *r);
        *r += shift;
        barang_r -= shift;
    }
    for (kr, uraian, a, r) in [
        ("5.1.01", "Belanja Pegawai", pegawai_a, pegawai_r),
        ("5.1.02", "Belanja Barang dan Jasa", barang_a, barang_r),
        ("5.2.02", "Belanja Modal Peralatan dan Mesin", modal_a, modal_r),
    ] {
        d.anggaran_belanja.push(AnggaranBelanja {
            kode_unit: kode.into(),
            tahun: 2024,
            kode_rekening: kr.into(),
            uraian: uraian.into(),
            anggaran: Decimal::from(a),
            realisasi: Decimal::from(r),
            sumber: src(),
        });
    }
}

fn label_akip(h: i64) -> Result<Option<String>> {
    Ok(Some(AKIP_2021.classify_hundredths(i128::from(h))?.code.to_string()))
}

fn push_realisasi(d: &mut Dataset, kode: &str, tahun: i32, ikm: i64, akip: i64) -> Result<()> {
    d.realisasi.push(Realisasi {
        kode_unit: kode.into(),
        indikator_id: "ikm".into(),
        tahun,
        nilai: hundredths(ikm),
        label: None,
        sumber: src(),
    });
    d.realisasi.push(Realisasi {
        kode_unit: kode.into(),
        indikator_id: "akip".into(),
        tahun,
        nilai: hundredths(akip),
        label: label_akip(akip)?,
        sumber: src(),
    });
    Ok(())
}

fn push_target(d: &mut Dataset, kode: &str, tahun: i32, jenis: &str, ikm: i64, akip: i64) -> Result<()> {
    let jenis = JenisTarget::parse(jenis)?;
    let ikm = ikm.clamp(6500, 9800);
    let akip = akip.clamp(5000, 9500);
    d.target.push(Target {
        kode_unit: kode.into(),
        indikator_id: "ikm".into(),
        tahun,
        jenis: jenis.clone(),
        nilai: hundredths(ikm),
        label: None,
        sumber: src(),
    });
    d.target.push(Target {
        kode_unit: kode.into(),
        indikator_id: "akip".into(),
        tahun,
        jenis,
        nilai: hundredths(akip),
        label: label_akip(akip)?,
        sumber: src(),
    });
    Ok(())
}

/// What `demo synth --scale national` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalSummary {
    /// Kecamatan in the database (real and synthetic).
    pub kecamatan: u64,
    /// Kecamatan given synthetic facts.
    pub diisi: u64,
    /// Raw SKM answers generated.
    pub jawaban: u64,
}

/// The parameters of a national synthesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct National {
    /// Seed.
    pub seed: u64,
    /// The share of kecamatan given facts, in millionths (1 000 000 = all).
    pub fraksi_ppm: u32,
    /// First year.
    pub tahun_awal: i32,
    /// Last year.
    pub tahun_akhir: i32,
}

impl Store {
    /// Synthetic national data (`sql/synth_national.sql`), in one
    /// transaction: the hierarchy at the real counts, and for a fraction of
    /// the kecamatan every year's facts and raw SKM answers.
    pub fn synth_national(&self, p: National) -> Result<NationalSummary> {
        self.writable()?;
        if p.tahun_akhir < p.tahun_awal || p.fraksi_ppm > 1_000_000 {
            return Err(Error::SynthParameters { awal: p.tahun_awal, akhir: p.tahun_akhir, ppm: p.fraksi_ppm });
        }
        let tx = self.conn.unchecked_transaction().map_err(crate::sql::at("BEGIN (synth)"))?;
        let (seed, fraksi, awal, akhir) =
            (p.seed.to_string(), p.fraksi_ppm.to_string(), p.tahun_awal.to_string(), p.tahun_akhir.to_string());
        let vars = crate::sql::filled(
            "synth_parameters",
            &[("seed", &seed), ("fraksi_ppm", &fraksi), ("tahun_awal", &awal), ("tahun_akhir", &akhir)],
        )?;
        tx.batch("synth_parameters", &vars)?;
        tx.batch("sql/synth_national.sql", SYNTH_NATIONAL)?;
        let diisi: i64 = tx.one("jumlah_syn_unit", [], |r| r.get(0))?;
        tx.batch("synth_bersih", crate::sql::named("synth_bersih")?)?;
        let what = format!("seed {seed}, fraksi {fraksi} ppm, {awal}-{akhir}");
        crate::riwayat::catat(&tx, "sintetis nasional", Some(&what), &[], &[])?;
        crate::schema::refresh_cache(&tx)?;
        tx.commit().map_err(crate::sql::at("COMMIT (synth)"))?;
        let kecamatan: i64 = self.conn.one("jumlah_kecamatan", [], |r| r.get(0))?;
        let jawaban: i64 = self.conn.one("jumlah_jawaban_sintetis", [], |r| r.get(0))?;
        let n = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok(NationalSummary { kecamatan: n(kecamatan), diisi: n(diisi), jawaban: n(jawaban) })
    }
}

const SYNTH_NATIONAL: &str = include_str!("../sql/synth_national.sql");

/// A synthetic population for a survey of `n` respondents: never fewer
/// than its respondents, up to five times the population the regulation's
/// minimum sample reaches, so that some synthetic samples are adequate and
/// some are not (deterministic by code).
fn populasi_sintetis(kode: &str, n: i64) -> i64 {
    let reach =
        u32::try_from(n).ok().and_then(kinerja_core::sampel::populasi_maksimum).map_or(50_000, |p| p.min(50_000));
    let h = kode.bytes().fold(7_u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let reach = i64::try_from(reach).unwrap_or(50_000);
    n + i64::try_from(h % 15).unwrap_or(0) * reach / 3
}
