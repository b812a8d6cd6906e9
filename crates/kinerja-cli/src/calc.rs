//! `kinerja calc`: one computation at a time, straight from the core.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Subcommand, ValueEnum};
use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::band::{AKIP_2021, BandTable, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, Batas, MetodeNegatif, Polaritas, capaian, predikat};
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_core::plan::{Arah, GoalSeek, nilai_for_band, realisasi_for_band, realisasi_for_capaian};
use kinerja_core::skm::{Bobot, Ikm, Skema, Skor, Tally, ikm_from_nrr, mutu_unsur};
use kinerja_core::{Decimal, Ratio};
use serde_json::json;

use crate::output::format_id;

/// Output of a calculation.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Readable text (Indonesian notation).
    Text,
    /// JSON for scripts (decimals as strings).
    Json,
}

/// Calculations.
#[derive(Subcommand)]
pub enum Calc {
    /// Capaian (%) and predikat of a realisasi against a target.
    #[command(
        after_help = "Examples:\n  kinerja calc capaian --target 85 --realisasi 75,35\n  kinerja calc capaian --target 10 --realisasi 8 --polaritas negatif --metode rasio --batas 120 --format json"
    )]
    Capaian {
        /// Target.
        #[arg(long)]
        target: String,
        /// Realisasi.
        #[arg(long)]
        realisasi: String,
        /// Polarity.
        #[arg(long, value_enum, default_value_t = Pol::Positif)]
        polaritas: Pol,
        /// Formula for negative indicators: (2T−R)/T (selisih) or T/R (rasio).
        #[arg(long, value_enum, default_value_t = Metode::Selisih)]
        metode: Metode,
        /// Cap in percent (100, 110 or 120); none by default.
        #[arg(long, value_parser = parse_batas)]
        batas: Option<Batas>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// IKM from the NRR of every unsur, or from a CSV of answers.
    #[command(
        after_help = "Examples:\n  kinerja calc ikm --nrr persyaratan=3,00 --nrr prosedur=3,01 --nrr waktu=3,00 --nrr biaya=3,99 --nrr produk=3,01 \\\n      --nrr kompetensi=3,02 --nrr perilaku=3,08 --nrr sarana=3,01 --nrr pengaduan=2,03 --bobot 0.111\n  kinerja calc ikm --jawaban answers.csv      # columns: responden, unsur_id, skor"
    )]
    #[command(group(clap::ArgGroup::new("masukan").required(true).args(["nrr", "jawaban"])))]
    Ikm {
        /// `unsur=NRR`, once per unsur (ids: persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana).
        #[arg(long)]
        nrr: Vec<String>,
        /// CSV of raw answers with columns responden, unsur_id, skor.
        #[arg(long, conflicts_with = "nrr")]
        jawaban: Option<PathBuf>,
        /// Weight: tepat (1/9, default), 0.111 or 0.11.
        #[arg(long, value_parser = core(Bobot::parse))]
        bobot: Option<Bobot>,
        /// Scheme: permenpanrb_14_2017 (default) or kepmenpan_25_2004.
        #[arg(long, value_parser = core(Skema::parse))]
        skema: Option<Skema>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Nilai AKIP and predikat from komponen scores (or % pemenuhan per sub-komponen).
    #[command(
        after_help = "Examples:\n  kinerja calc akip --komponen perencanaan=24,39 --komponen pengukuran=20,96 --komponen pelaporan=11,40 --komponen evaluasi=15,87\n  kinerja calc akip --pemenuhan perencanaan=100/80/70 --pemenuhan pengukuran=100/100/100 --pemenuhan pelaporan=100/100/100 --pemenuhan evaluasi=100/100/50"
    )]
    Akip {
        /// `komponen=nilai`, once per komponen.
        #[arg(long)]
        komponen: Vec<String>,
        /// `komponen=keberadaan/kualitas/pemanfaatan` in % pemenuhan.
        #[arg(long, conflicts_with = "komponen")]
        pemenuhan: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The realisasi needed for a capaian or a band (predikat, IKM mutu, AKIP predikat).
    #[command(
        after_help = "Examples:\n  kinerja calc goalseek --target 87,50                 # every predikat band\n  kinerja calc goalseek --target 87,50 --capaian 100\n  kinerja calc goalseek --target 10 --polaritas negatif --predikat ST\n  kinerja calc goalseek --mutu B                        # IKM needed for mutu B\n  kinerja calc goalseek --akip A                        # nilai AKIP needed for A"
    )]
    #[command(group(clap::ArgGroup::new("tujuan").required(true).args(["target", "mutu", "akip"])))]
    Goalseek {
        /// Target (for capaian and predikat goals).
        #[arg(long)]
        target: Option<String>,
        /// Capaian wanted, in percent.
        #[arg(long, requires = "target")]
        capaian: Option<String>,
        /// Predikat wanted: ST, T, S, R, SR (Permendagri 86/2017).
        #[arg(long, requires = "target", value_parser = band_code(&PREDIKAT_CAPAIAN))]
        predikat: Option<String>,
        /// IKM mutu wanted: A, B, C, D.
        #[arg(long, value_parser = band_code(&IKM_2017))]
        mutu: Option<String>,
        /// AKIP predikat wanted: AA, A, BB, B, CC, C, D.
        #[arg(long, value_parser = band_code(&AKIP_2021))]
        akip: Option<String>,
        /// Polarity.
        #[arg(long, value_enum, default_value_t = Pol::Positif)]
        polaritas: Pol,
        /// Formula for negative indicators.
        #[arg(long, value_enum, default_value_t = Metode::Selisih)]
        metode: Metode,
        /// Decimals of the indicator.
        #[arg(long, default_value_t = 2)]
        presisi: u32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Polarity argument.
#[derive(Clone, Copy, ValueEnum)]
pub enum Pol {
    /// Higher is better.
    Positif,
    /// Lower is better.
    Negatif,
}

/// Negative-indicator formula argument.
#[derive(Clone, Copy, ValueEnum)]
pub enum Metode {
    /// (2T − R) / T × 100, floored at 0.
    Selisih,
    /// T / R × 100.
    Rasio,
}

fn num(s: &str, what: &str) -> Result<Decimal> {
    parse_number(s, Notasi::Otomatis).map_err(|e| anyhow!("{what}: {e}"))
}

fn pol(p: Pol) -> Polaritas {
    match p {
        Pol::Positif => Polaritas::Positif,
        Pol::Negatif => Polaritas::Negatif,
    }
}

/// `--batas`: a cap the core knows ([`Batas::percent`]); another value is a
/// usage error.
fn parse_batas(s: &str) -> std::result::Result<Batas, String> {
    Batas::ALL.into_iter().find(|b| b.percent().is_some_and(|p| p.to_string() == s.trim())).ok_or_else(|| {
        let caps: Vec<String> = Batas::ALL.iter().filter_map(|b| b.percent()).map(|p| p.to_string()).collect();
        format!("expected one of {}, found {s:?}", caps.join(", "))
    })
}

/// A band code of `table` (`--mutu`, `--akip`, `--predikat`); another is a
/// usage error naming the scale's codes.
fn band_code(table: &'static BandTable) -> impl Fn(&str) -> std::result::Result<String, String> + Clone {
    move |s: &str| match table.by_code(s.trim()) {
        Some(b) => Ok(b.code.to_string()),
        None => Err(format!("expected one of {}, found {s:?}", table.codes_text)),
    }
}

/// A value through a core parser; what it refuses is a usage error.
fn core<T>(f: fn(&str) -> kinerja_core::Result<T>) -> impl Fn(&str) -> std::result::Result<T, String> + Clone {
    move |s: &str| f(s).map_err(|e| e.to_string())
}

fn aturan(m: Metode, batas: Option<Batas>) -> Result<Aturan> {
    let batas = batas.unwrap_or(Batas::Tanpa);
    let metode_negatif = match m {
        Metode::Selisih => MetodeNegatif::SelisihGanda,
        Metode::Rasio => MetodeNegatif::Rasio,
    };
    Ok(Aturan { metode_negatif, batas })
}

fn pairs<'a>(items: &'a [String], what: &str) -> Result<Vec<(&'a str, &'a str)>> {
    items
        .iter()
        .map(|s| {
            s.split_once('=')
                .map(|(k, v)| (k.trim(), v.trim()))
                .ok_or_else(|| anyhow!("{what}: expected name=value, found {s:?}"))
        })
        .collect()
}

fn print(format: Format, text: String, value: serde_json::Value) -> Result<()> {
    match format {
        Format::Text => crate::pesan::say!("{text}"),
        Format::Json => crate::pesan::cetak(&serde_json::to_string_pretty(&value)?),
    }
    Ok(())
}

/// Runs a calculation.
pub fn run(c: Calc) -> Result<()> {
    match c {
        Calc::Capaian { target, realisasi, polaritas, metode, batas, format } => {
            run_capaian(&target, &realisasi, pol(polaritas), aturan(metode, batas)?, format)
        }
        Calc::Ikm { nrr, jawaban, bobot, skema, format } => {
            let (skema, bobot) = (skema.unwrap_or_default(), bobot.unwrap_or_default());
            let (ikm, per_unsur) = match jawaban {
                Some(path) => ikm_from_answers(&path, skema, bobot)?,
                None => ikm_from_args(&nrr, skema, bobot)?,
            };
            print_ikm(&ikm, &per_unsur, format)
        }
        Calc::Akip { komponen, pemenuhan, format } => run_akip(&komponen, &pemenuhan, format),
        Calc::Goalseek { target, capaian, predikat, mutu, akip, polaritas, metode, presisi, format } => {
            if let Some(m) = mutu {
                let v =
                    nilai_for_band(&IKM_2017, &m, presisi)?.ok_or_else(|| anyhow!("mutu {m} has no lower bound"))?;
                return print(
                    format,
                    format!("IKM ≥ {} for mutu {m}", format_id(v)),
                    json!({"mutu": m, "ikm_minimal": v}),
                );
            }
            if let Some(a) = akip {
                let v = nilai_for_band(&AKIP_2021, &a, presisi)?
                    .ok_or_else(|| anyhow!("predikat {a} has no lower bound"))?;
                let text = format!("nilai AKIP ≥ {} for predikat {a}", format_id(v));
                return print(format, text, json!({"predikat": a, "nilai_minimal": v}));
            }
            let t = num(target.as_deref().context("--target is needed (or --mutu / --akip)")?, "--target")?;
            let goals = goals(t, capaian, predikat, pol(polaritas), aturan(metode, None)?, presisi)?;
            print_goals(&goals, format)
        }
    }
}

fn run_capaian(target: &str, realisasi: &str, p: Polaritas, a: Aturan, format: Format) -> Result<()> {
    let (t, r) = (num(target, "--target")?, num(realisasi, "--realisasi")?);
    let c = capaian(t, r, p, a)?;
    let b = predikat(c)?;
    let c2 = c.round2()?;
    print(
        format,
        format!("capaian {}% · predikat {}", format_id(c2), b.label),
        json!({"target": t, "realisasi": r, "polaritas": p.code(), "capaian": c2, "capaian_tepat": c.to_decimal()?, "predikat": b.label, "predikat_kode": b.code}),
    )
}

/// IKM and the NRR per unsur from a CSV of raw answers (`responden`,
/// `unsur_id`, `skor`), every problem located.
fn ikm_from_answers(path: &std::path::Path, skema: Skema, bobot: Bobot) -> Result<(Ikm, Vec<(String, Ratio)>)> {
    let file = path.display().to_string();
    let sheet = kinerja_data::Sheet::from_csv(path, &file)?;
    let mut problems = Vec::new();
    sheet.check_headers(&["responden", "unsur_id", "skor"], &[], &mut problems);
    let mut tally = Tally::new(skema);
    let rows = sheet.each_row(&mut problems, |r| {
        let u = r.text("unsur_id");
        let s = r.parse("skor", Skor::parse);
        let n = r.int("responden");
        Some((u?, s?, n?))
    });
    // One answer per respondent and unsur, as `kinerja load` requires.
    let mut seen: std::collections::HashMap<(i64, String), usize> = std::collections::HashMap::new();
    for (line, (u, s, n)) in rows {
        if let Some(first) = seen.insert((n, u.clone()), line) {
            problems.push(kinerja_data::Problem {
                file: file.clone(),
                row: Some(line),
                column: Some("unsur_id".into()),
                expected: "one answer per respondent and unsur".into(),
                found: format!("respondent {n} answers {u} again (first on row {first})"),
            });
            continue;
        }
        if let Err(e) = tally.add(&u, s) {
            problems.push(kinerja_data::Problem {
                file: file.clone(),
                row: Some(line),
                column: Some("unsur_id".into()),
                expected: format!("an unsur of {} ({e})", skema.code()),
                found: u,
            });
        }
    }
    if !problems.is_empty() {
        return Err(kinerja_data::Error::Invalid(problems).into());
    }
    let per = skema.unsur().iter().map(|u| Ok((u.id.to_string(), tally.nrr(u.id)?))).collect::<Result<Vec<_>>>()?;
    Ok((tally.ikm(bobot)?, per))
}

/// IKM from `--nrr unsur=value` arguments.
fn ikm_from_args(nrr: &[String], skema: Skema, bobot: Bobot) -> Result<(Ikm, Vec<(String, Ratio)>)> {
    if nrr.is_empty() {
        bail!("give --nrr unsur=value for every unsur, or --jawaban FILE.csv");
    }
    let values: Vec<(&str, Ratio)> = pairs(nrr, "--nrr")?
        .into_iter()
        .map(|(k, v)| Ok((k, Ratio::from_decimal(num(v, &format!("--nrr {k}"))?))))
        .collect::<Result<_>>()?;
    let ikm = ikm_from_nrr(skema, bobot, &values)?;
    Ok((ikm, values.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

fn print_ikm(ikm: &Ikm, per_unsur: &[(String, Ratio)], format: Format) -> Result<()> {
    let (m, skema, bobot) = (ikm.mutu()?, ikm.skema, ikm.bobot);
    let unsur: Vec<serde_json::Value> = per_unsur
        .iter()
        .map(|(k, v)| Ok(json!({"unsur": k, "nrr": v.round2()?, "mutu": mutu_unsur(skema, *v)?.code})))
        .collect::<Result<_>>()?;
    let text = format!(
        "IKM {} · mutu {} ({}) · bobot {} · {}",
        format_id(ikm.rounded()?),
        m.code,
        m.label,
        bobot.label(skema),
        skema.code()
    );
    print(
        format,
        text,
        json!({"ikm": ikm.rounded()?, "ikm_tepat": ikm.nilai.to_decimal()?, "mutu": m.code, "kinerja": m.label, "bobot": bobot.code(), "skema": skema.code(), "unsur": unsur}),
    )
}

fn run_akip(komponen: &[String], pemenuhan: &[String], format: Format) -> Result<()> {
    let n = if !pemenuhan.is_empty() {
        let v: Vec<(&str, [Decimal; 3])> = pairs(pemenuhan, "--pemenuhan")?
            .into_iter()
            .map(|(k, v)| {
                let parts: Vec<&str> = v.split('/').collect();
                let [a, b, c] = parts.as_slice() else {
                    bail!("--pemenuhan {k}: expected keberadaan/kualitas/pemanfaatan, found {v:?}")
                };
                Ok((k, [num(a, k)?, num(b, k)?, num(c, k)?]))
            })
            .collect::<Result<_>>()?;
        NilaiAkip::from_pemenuhan(&v)?
    } else {
        let v: Vec<(&str, Decimal)> =
            pairs(komponen, "--komponen")?.into_iter().map(|(k, v)| Ok((k, num(v, k)?))).collect::<Result<_>>()?;
        NilaiAkip::from_komponen(SkemaAkip::PermenPanRb88_2021, &v)?
    };
    let total = n.total()?;
    let p = n.predikat()?;
    print(
        format,
        format!("nilai AKIP {} · predikat {} ({})", format_id(total.round2()?), p.code, p.label),
        json!({"nilai": total.round2()?, "predikat": p.code, "interpretasi": p.label}),
    )
}

/// The goals asked for: a capaian, one predikat, or every predikat band.
fn goals(
    t: Decimal,
    cap: Option<String>,
    pk: Option<String>,
    p: Polaritas,
    a: Aturan,
    presisi: u32,
) -> Result<Vec<(String, GoalSeek)>> {
    if let Some(c) = cap {
        let g = realisasi_for_capaian(t, Ratio::from_decimal(num(&c, "--capaian")?), p, a, presisi)?;
        return Ok(vec![(format!("capaian {c}%"), g)]);
    }
    let codes: Vec<String> = match pk {
        Some(code) => vec![code],
        None => PREDIKAT_CAPAIAN.bands.iter().map(|b| b.code.to_string()).collect(),
    };
    codes
        .into_iter()
        .map(|code| {
            let b = PREDIKAT_CAPAIAN.band(&code)?;
            Ok((format!("predikat {}", b.label), realisasi_for_band(t, &PREDIKAT_CAPAIAN, &code, p, a, presisi)?))
        })
        .collect()
}

fn print_goals(goals: &[(String, GoalSeek)], format: Format) -> Result<()> {
    let arah = |g: Arah| match g {
        Arah::PalingSedikit => "≥",
        Arah::PalingBanyak => "≤",
        Arah::Selalu => "any",
    };
    let text = goals
        .iter()
        .map(|(what, g)| match g.arah {
            Arah::Selalu => format!("{what}: any realisasi"),
            _ => format!("{what}: realisasi {} {}", arah(g.arah), format_id(g.realisasi)),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let js: Vec<serde_json::Value> =
        goals.iter().map(|(what, g)| json!({"tujuan": what, "realisasi": g.realisasi, "arah": g.arah})).collect();
    print(format, text, json!(js))
}
