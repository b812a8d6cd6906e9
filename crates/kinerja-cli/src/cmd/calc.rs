//! `kinerja calc`: one computation at a time, straight from the core.

use anyhow::Result;
use kinerja_core::akip::{NilaiAkip, SkemaAkip};
use kinerja_core::band::{AKIP_2021, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::{Aturan, Batas, MetodeNegatif, Polaritas, capaian, predikat};
use kinerja_core::notation::{Notasi, format_number, parse_number};
use kinerja_core::plan::{Arah, GoalSeek, nilai_for_band, realisasi_for_band, realisasi_for_capaian};
use kinerja_core::selang::Selang;
use kinerja_core::selang::jawaban::Jawaban;
use kinerja_core::skm::{Bobot, Ikm, Skema, Skor, ikm_from_nrr, mutu_unsur};
use kinerja_core::{Decimal, Ratio};
use kinerja_core::{sampel, selang};
use kinerja_pesan::{Message, Pesan, msg};
use serde_json::json;

use crate::args::calc::{Calc, Format, Metode, Pol};
use crate::output::format_id;
use crate::pesan::{KonteksExt, cetak, gagal, say};

fn num(s: &str, what: &str) -> Result<Decimal> {
    parse_number(s, Notasi::Otomatis).konteks(|| msg::cli_option(what))
}

fn pol(p: Pol) -> Polaritas {
    match p {
        Pol::Positif => Polaritas::Positif,
        Pol::Negatif => Polaritas::Negatif,
    }
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
                .ok_or_else(|| gagal(msg::cli_expected_pair(what, format!("{s:?}"))))
        })
        .collect()
}

fn print(format: Format, text: Pesan, value: serde_json::Value) -> Result<()> {
    match format {
        Format::Text => say!(text),
        Format::Json => cetak(&serde_json::to_string_pretty(&value)?),
    }
    Ok(())
}

/// Runs a calculation.
pub fn run(c: Calc) -> Result<()> {
    match c {
        Calc::Capaian { target, realisasi, polaritas, metode, batas, format } => {
            run_capaian(&target, &realisasi, pol(polaritas), aturan(metode, batas)?, format)
        }
        Calc::Ikm { nrr, jawaban, bobot, skema, responden, populasi, bootstrap, benih, format } => {
            let (skema, bobot) = (skema.unwrap_or_default(), bobot.unwrap_or_default());
            let Some(path) = jawaban else {
                let (ikm, per_unsur) = ikm_from_args(&nrr, skema, bobot)?;
                let mut selang = Vec::new();
                if let Some(n) = responden {
                    let s = selang::ikm_konservatif(ikm.nilai, n, populasi)?;
                    selang.push((
                        "selang_95",
                        msg::cli_selang_konservatif(n, format_id(s.bawah), format_id(s.atas)),
                        s,
                    ));
                }
                return print_ikm(&ikm, &per_unsur, responden.map(|r| (r, populasi)), selang, format);
            };
            let answers = answers_from_csv(&path, skema)?;
            let (ikm, n) = (answers.ikm(bobot)?, answers.responden());
            let tally = answers.tally();
            let per: Vec<(String, Ratio)> =
                skema.unsur().iter().map(|u| Ok((u.id.to_string(), tally.nrr(u.id)?))).collect::<Result<_>>()?;
            let s = answers.selang(bobot, populasi)?;
            let mut selang = vec![("selang_95", msg::cli_selang_analitik(n, format_id(s.bawah), format_id(s.atas)), s)];
            if let Some(b) = bootstrap {
                let s = answers.bootstrap(bobot, b, benih)?;
                let line = msg::cli_selang_bootstrap(b, benih, format_id(s.bawah), format_id(s.atas));
                selang.push(("selang_95_bootstrap", line, s));
            }
            print_ikm(&ikm, &per, Some((n, populasi)), selang, format)
        }
        Calc::Akip { komponen, pemenuhan, format } => run_akip(&komponen, &pemenuhan, format),
        Calc::Sampel { populasi, responden, ikm, presisi, format } => {
            let presisi = match (ikm, presisi) {
                (Some(v), Some(p)) => Some((num(&v, "--ikm")?, num(&p, "--presisi")?)),
                _ => None,
            };
            run_sampel(populasi, responden, presisi, format)
        }
        Calc::Goalseek { target, capaian, predikat, mutu, akip, polaritas, metode, presisi, format } => {
            if let Some(m) = mutu {
                let v = nilai_for_band(&IKM_2017, &m, presisi)?.ok_or_else(|| gagal(msg::cli_no_lower_mutu(&m)))?;
                return print(format, msg::cli_goal_mutu(format_id(v), &m), json!({"mutu": m, "ikm_minimal": v}));
            }
            if let Some(a) = akip {
                let v =
                    nilai_for_band(&AKIP_2021, &a, presisi)?.ok_or_else(|| gagal(msg::cli_no_lower_predikat(&a)))?;
                let text = msg::cli_goal_akip(format_id(v), &a);
                return print(format, text, json!({"predikat": a, "nilai_minimal": v}));
            }
            let t = num(target.as_deref().ok_or_else(|| gagal(msg::cli_target_needed()))?, "--target")?;
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
        msg::cli_calc_capaian(format_id(c2), b.label),
        json!({"target": t, "realisasi": r, "polaritas": p.code(), "capaian": c2, "capaian_tepat": c.to_decimal()?, "predikat": b.label, "predikat_kode": b.code}),
    )
}

/// The raw answers of a CSV (`responden`, `unsur_id`, `skor`), every
/// problem located.
fn answers_from_csv(path: &std::path::Path, skema: Skema) -> Result<Jawaban> {
    let file = path.display().to_string();
    let sheet = kinerja_data::Sheet::from_csv(path, &file)?;
    let mut problems = Vec::new();
    sheet.check_headers(&["responden", "unsur_id", "skor"], &[], &mut problems);
    let rows = sheet.each_row(&mut problems, |r| {
        let u = r.text("unsur_id");
        let s = r.parse("skor", Skor::parse);
        let n = r.int("responden");
        Some((u?, s?, n?))
    });
    // One answer per respondent and unsur, as `kinerja load` requires.
    let mut seen: std::collections::HashMap<(i64, String), usize> = std::collections::HashMap::new();
    let mut answers = Vec::with_capacity(rows.len());
    for (line, (u, s, n)) in rows {
        if let Some(first) = seen.insert((n, u.clone()), line) {
            let found = msg::cli_answers_again(n, &u, first);
            let expected = msg::store_jawaban_expected_once();
            problems.push(kinerja_data::Problem::described(&file, Some(line), Some("unsur_id"), expected, found));
        } else if let Err(e) = skema.unsur_by_id(&u) {
            let expected = msg::data_expected_unsur_of(skema.code(), e.pesan());
            problems.push(kinerja_data::Problem::new(&file, Some(line), Some("unsur_id"), expected, &u));
        } else {
            answers.push((n, u, s));
        }
    }
    if !problems.is_empty() {
        return Err(kinerja_data::Error::Invalid(problems).into());
    }
    Ok(Jawaban::from_answers(skema, answers.iter().map(|(n, u, s)| (*n, u.as_str(), *s)))?)
}

/// IKM from `--nrr unsur=value` arguments.
fn ikm_from_args(nrr: &[String], skema: Skema, bobot: Bobot) -> Result<(Ikm, Vec<(String, Ratio)>)> {
    if nrr.is_empty() {
        return Err(gagal(msg::cli_nrr_needed()));
    }
    let values: Vec<(&str, Ratio)> = pairs(nrr, "--nrr")?
        .into_iter()
        .map(|(k, v)| Ok((k, Ratio::from_decimal(num(v, &format!("--nrr {k}"))?))))
        .collect::<Result<_>>()?;
    let ikm = ikm_from_nrr(skema, bobot, &values)?;
    Ok((ikm, values.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

/// The IKM, its intervals (JSON key, line, interval) and, with `sampel`
/// (respondents, population), the regulation's sample test.
fn print_ikm(
    ikm: &Ikm,
    per_unsur: &[(String, Ratio)],
    sampel: Option<(u32, Option<u64>)>,
    selang: Vec<(&str, Pesan, Selang)>,
    format: Format,
) -> Result<()> {
    let (m, skema, bobot) = (ikm.mutu()?, ikm.skema, ikm.bobot);
    let unsur: Vec<serde_json::Value> = per_unsur
        .iter()
        .map(|(k, v)| Ok(json!({"unsur": k, "nrr": v.round2()?, "mutu": mutu_unsur(skema, *v)?.code})))
        .collect::<Result<_>>()?;
    let mut lines =
        vec![msg::cli_calc_ikm(format_id(ikm.rounded()?), m.code, m.label, bobot.label(skema), skema.code())];
    let mut value = json!({"ikm": ikm.rounded()?, "ikm_tepat": ikm.nilai.to_decimal()?, "mutu": m.code, "kinerja": m.label, "bobot": bobot.code(), "skema": skema.code(), "unsur": unsur});
    for (key, line, s) in selang {
        lines.push(line);
        value[key] = json!(s);
    }
    if let Some((responden, populasi)) = sampel {
        lines.extend(sampel_lines(populasi, Some(responden)));
        value["responden"] = json!(responden);
        value["sampel"] = json!(sampel::kecukupan(responden, populasi));
    }
    match format {
        Format::Text => lines.into_iter().for_each(|l| say!(l)),
        Format::Json => cetak(&serde_json::to_string_pretty(&value)?),
    }
    Ok(())
}

fn run_akip(komponen: &[String], pemenuhan: &[String], format: Format) -> Result<()> {
    let n = if !pemenuhan.is_empty() {
        let v: Vec<(&str, [Decimal; 3])> = pairs(pemenuhan, "--pemenuhan")?
            .into_iter()
            .map(|(k, v)| {
                let parts: Vec<&str> = v.split('/').collect();
                let [a, b, c] = parts.as_slice() else {
                    return Err(gagal(msg::cli_bad_pemenuhan(k, format!("{v:?}"))));
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
        msg::cli_calc_akip(format_id(total.round2()?), p.code, p.label),
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
    let lines: Vec<Pesan> = goals
        .iter()
        .map(|(what, g)| match g.arah {
            Arah::Selalu => msg::cli_goal_any(what),
            Arah::PalingSedikit => msg::cli_goal(what, "≥", format_id(g.realisasi)),
            Arah::PalingBanyak => msg::cli_goal(what, "≤", format_id(g.realisasi)),
        })
        .collect();
    let text = msg::teks(kinerja_pesan::Arg::Daftar(lines, "\n"));
    let js: Vec<serde_json::Value> =
        goals.iter().map(|(what, g)| json!({"tujuan": what, "realisasi": g.realisasi, "arah": g.arah})).collect();
    print(format, text, json!(js))
}

/// The regulation's sample test: the minimum for a population, what a
/// sample suffices for, or both.
fn run_sampel(
    populasi: Option<u64>,
    responden: Option<u32>,
    presisi: Option<(Decimal, Decimal)>,
    format: Format,
) -> Result<()> {
    let mut lines = Vec::new();
    if let Some(n) = populasi {
        lines.push(msg::cli_sampel_minimum(group(n), sampel::sampel_minimum(n), sampel::SUMBER));
    }
    lines.extend(sampel_lines(populasi, responden));
    let untuk_presisi = match presisi {
        Some((ikm, p)) => {
            let n = selang::responden_untuk_presisi(Ratio::from_decimal(ikm), p, populasi)?;
            lines.push(msg::cli_sampel_presisi(format_id(p), format_id(ikm), group(u64::from(n))));
            Some(json!({"ikm": ikm, "presisi": p, "responden": n, "metode": "konservatif"}))
        }
        None => None,
    };
    let k = responden.map(|s| sampel::kecukupan(s, populasi));
    match format {
        Format::Text => lines.iter().for_each(|l| say!(l.clone())),
        Format::Json => {
            let value = json!({
                "populasi": populasi,
                "sampel_minimum": populasi.map(sampel::sampel_minimum),
                "responden": k,
                "untuk_presisi": untuk_presisi,
                "sumber": sampel::SUMBER,
            });
            cetak(&serde_json::to_string_pretty(&value)?);
        }
    }
    Ok(())
}

/// A whole number grouped as printed (`30.336`).
fn group(n: u64) -> String {
    format_number(Decimal::from(n), 0).unwrap_or_else(|_| n.to_string())
}

/// What `responden` respondents mean against the regulation: enough or not
/// for `populasi`, and the largest population they suffice for.
fn sampel_lines(populasi: Option<u64>, responden: Option<u32>) -> Vec<Pesan> {
    let mut lines = Vec::new();
    if let Some(k) = responden.map(|s| sampel::kecukupan(s, populasi)) {
        match (k.populasi, k.minimum, k.cukup) {
            (Some(n), Some(m), Some(true)) => lines.push(msg::cli_sampel_cukup(k.sampel, group(n), m)),
            (Some(n), Some(m), _) => lines.push(msg::cli_sampel_kurang(k.sampel, m, group(n))),
            _ => {}
        }
        lines.push(match k.populasi_maksimum {
            Some(n) => msg::cli_sampel_maksimum(k.sampel, group(n)),
            None => msg::cli_sampel_semua(k.sampel),
        });
    }
    lines
}
