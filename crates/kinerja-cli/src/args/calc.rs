//! The arguments of `kinerja calc`: one subcommand per calculation, each
//! value parsed by the core's own parser (what it refuses is a usage error).

use std::path::PathBuf;

use clap::Subcommand;
use kinerja_core::band::{AKIP_2021, BandTable, IKM_2017, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::Batas;
use kinerja_core::skm::{Bobot, Skema};
use kinerja_pesan::{Message, Pesan, msg};

use super::values;
use crate::pesan::h;

values! {
    /// Output of a calculation.
    Format {
        Text = "text" => msg::help_value_calc_text(),
        Json = "json" => msg::help_value_calc_json(),
    }
}

/// Calculations.
#[derive(Subcommand)]
pub enum Calc {
    #[command(about = h(msg::help_calc_capaian_about()), after_help = h(msg::help_calc_capaian_after()))]
    Capaian {
        #[arg(long, help = h(msg::help_calc_target()))]
        target: String,
        #[arg(long, help = h(msg::help_calc_realisasi()))]
        realisasi: String,
        #[arg(long, value_enum, default_value_t = Pol::Positif, help = h(msg::help_calc_polaritas()))]
        polaritas: Pol,
        #[arg(long, value_enum, default_value_t = Metode::Selisih, help = h(msg::help_calc_metode()))]
        metode: Metode,
        #[arg(long, value_parser = parse_batas, help = h(msg::help_calc_batas()))]
        batas: Option<Batas>,
        #[arg(long, value_enum, default_value_t = Format::Text, help = h(msg::help_format()))]
        format: Format,
    },
    #[command(about = h(msg::help_calc_ikm_about()), after_help = h(msg::help_calc_ikm_after()))]
    #[command(group(clap::ArgGroup::new("masukan").required(true).args(["nrr", "jawaban"])))]
    #[command(group(clap::ArgGroup::new("sampel").args(["responden", "jawaban"])))]
    Ikm {
        #[arg(long, help = h(msg::help_calc_nrr()))]
        nrr: Vec<String>,
        #[arg(long, conflicts_with = "nrr", help = h(msg::help_calc_jawaban()))]
        jawaban: Option<PathBuf>,
        #[arg(long, value_parser = core(Bobot::parse), help = h(msg::help_calc_bobot()))]
        bobot: Option<Bobot>,
        #[arg(long, value_parser = core(Skema::parse), help = h(msg::help_calc_skema()))]
        skema: Option<Skema>,
        #[arg(long, conflicts_with = "jawaban", help = h(msg::help_calc_ikm_responden()))]
        responden: Option<u32>,
        #[arg(long, requires = "sampel", help = h(msg::help_calc_populasi()))]
        populasi: Option<u64>,
        #[arg(long, requires = "jawaban", conflicts_with = "nrr", help = h(msg::help_calc_bootstrap()))]
        bootstrap: Option<u32>,
        #[arg(long, requires = "bootstrap", default_value_t = 1, help = h(msg::help_calc_benih()))]
        benih: u64,
        #[arg(long, value_enum, default_value_t = Format::Text, help = h(msg::help_format()))]
        format: Format,
    },
    #[command(about = h(msg::help_calc_akip_about()), after_help = h(msg::help_calc_akip_after()))]
    Akip {
        #[arg(long, help = h(msg::help_calc_komponen()))]
        komponen: Vec<String>,
        #[arg(long, conflicts_with = "komponen", help = h(msg::help_calc_pemenuhan()))]
        pemenuhan: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text, help = h(msg::help_format()))]
        format: Format,
    },
    #[command(about = h(msg::help_calc_goalseek_about()), after_help = h(msg::help_calc_goalseek_after()))]
    #[command(group(clap::ArgGroup::new("tujuan").required(true).args(["target", "mutu", "akip"])))]
    Goalseek {
        #[arg(long, help = h(msg::help_calc_goal_target()))]
        target: Option<String>,
        #[arg(long, requires = "target", help = h(msg::help_calc_goal_capaian()))]
        capaian: Option<String>,
        #[arg(long, requires = "target", value_parser = band_code(&PREDIKAT_CAPAIAN), help = h(msg::help_calc_goal_predikat()))]
        predikat: Option<String>,
        #[arg(long, value_parser = band_code(&IKM_2017), help = h(msg::help_calc_goal_mutu()))]
        mutu: Option<String>,
        #[arg(long, value_parser = band_code(&AKIP_2021), help = h(msg::help_calc_goal_akip()))]
        akip: Option<String>,
        #[arg(long, value_enum, default_value_t = Pol::Positif, help = h(msg::help_calc_polaritas()))]
        polaritas: Pol,
        #[arg(long, value_enum, default_value_t = Metode::Selisih, help = h(msg::help_calc_metode_short()))]
        metode: Metode,
        #[arg(long, default_value_t = 2, help = h(msg::help_calc_presisi()))]
        presisi: u32,
        #[arg(long, value_enum, default_value_t = Format::Text, help = h(msg::help_format()))]
        format: Format,
    },
    #[command(about = h(msg::help_calc_sampel_about()), after_help = h(msg::help_calc_sampel_after()))]
    #[command(group(clap::ArgGroup::new("ukuran").required(true).multiple(true).args(["populasi", "responden", "ikm"])))]
    Sampel {
        #[arg(long, help = h(msg::help_calc_populasi()))]
        populasi: Option<u64>,
        #[arg(long, help = h(msg::help_calc_responden()))]
        responden: Option<u32>,
        #[arg(long, requires = "presisi", help = h(msg::help_calc_sampel_ikm()))]
        ikm: Option<String>,
        #[arg(long, requires = "ikm", help = h(msg::help_calc_sampel_presisi()))]
        presisi: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text, help = h(msg::help_format()))]
        format: Format,
    },
}

values! {
    /// Polarity argument.
    Pol {
        Positif = "positif" => msg::help_value_positif(),
        Negatif = "negatif" => msg::help_value_negatif(),
    }
}

values! {
    /// Negative-indicator formula argument.
    Metode {
        Selisih = "selisih" => msg::help_value_selisih(),
        Rasio = "rasio" => msg::help_value_rasio(),
    }
}

/// `--batas`: a cap the core knows ([`Batas::percent`]); another value is a
/// usage error.
pub fn parse_batas(s: &str) -> std::result::Result<Batas, Pesan> {
    Batas::ALL.into_iter().find(|b| b.percent().is_some_and(|p| p.to_string() == s.trim())).ok_or_else(|| {
        let caps: Vec<String> = Batas::ALL.iter().filter_map(|b| b.percent()).map(|p| p.to_string()).collect();
        let caps: Vec<&str> = caps.iter().map(String::as_str).collect();
        msg::cli_expected_one_of(kinerja_core::one_of(&caps), format!("{s:?}"))
    })
}

/// A band code of `table` (`--mutu`, `--akip`, `--predikat`); another is a
/// usage error naming the scale's codes.
pub fn band_code(table: &'static BandTable) -> impl Fn(&str) -> std::result::Result<String, Pesan> + Clone {
    move |s: &str| match table.by_code(s.trim()) {
        Some(b) => Ok(b.code.to_string()),
        None => Err(msg::cli_expected_one_of(table.codes_text(), format!("{s:?}"))),
    }
}

/// A value through a core parser; what it refuses is a usage error.
pub fn core<T>(f: fn(&str) -> kinerja_core::Result<T>) -> impl Fn(&str) -> std::result::Result<T, Pesan> + Clone {
    move |s: &str| f(s).map_err(|e| e.pesan())
}
