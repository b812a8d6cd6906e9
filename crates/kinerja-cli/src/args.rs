//! The command line's arguments (clap). Every help text comes from the
//! catalogue by key (`h(msg::help_…())`), in the language chosen before
//! clap builds the command, so a missing text does not compile.

pub mod calc;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use kinerja_pesan::msg;

use crate::pesan::h;
use calc::Calc;

/// The database file commands use when `--db` is not given.
pub const DEFAULT_DB: &str = "data/kinerja.duckdb";

#[derive(Parser)]
#[command(name = "kinerja", version, about = h(msg::help_about()), after_help = h(msg::help_after()))]
pub struct Cli {
    #[command(subcommand)]
    pub cmd: Cmd,
    #[arg(long, global = true, value_parser = ["id", "en"], help = h(msg::help_lang()))]
    #[allow(dead_code)] // read by `pesan::pilih` before clap runs
    lang: Option<String>,
}

#[derive(Args, Clone)]
pub struct Db {
    #[arg(long, default_value = DEFAULT_DB, global = true, help = h(msg::help_db()))]
    pub db: PathBuf,
}

/// The region a planner snapshot holds.
#[derive(Args, Clone)]
#[group(multiple = false)]
pub struct Wilayah {
    #[arg(long, default_value = "12.19", help = h(msg::help_wilayah_kabupaten()))]
    pub kabupaten: String,
    #[arg(long, help = h(msg::help_wilayah_provinsi()))]
    pub provinsi: Option<String>,
    #[arg(long, help = h(msg::help_wilayah_nasional()))]
    pub nasional: bool,
}

#[derive(Subcommand)]
pub enum Cmd {
    #[command(about = h(msg::help_load_about()), after_help = h(msg::help_load_after()))]
    Load {
        #[arg(default_value = "data", help = h(msg::help_load_dir()))]
        dir: PathBuf,
        #[arg(long, help = h(msg::help_load_terima_temuan()))]
        terima_temuan: bool,
        #[arg(long, default_value = "350MB", help = h(msg::help_load_memory_limit()))]
        memory_limit: String,
        #[arg(long, visible_alias = "all", help = h(msg::help_load_semua()))]
        semua: bool,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_report_about()), after_help = h(msg::help_report_after()))]
    Report {
        #[arg(long, required_unless_present = "kabupaten", conflicts_with = "kabupaten", help = h(msg::help_report_kecamatan()))]
        kecamatan: Option<String>,
        #[arg(long, help = h(msg::help_report_kabupaten()))]
        kabupaten: Option<String>,
        #[arg(long, help = h(msg::help_tahun()))]
        tahun: i32,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md, help = h(msg::help_format()))]
        format: ReportFormat,
        #[arg(long, help = h(msg::help_report_out()))]
        out: Option<PathBuf>,
        #[arg(long, num_args = 0..=1, value_name = "FILE", help = h(msg::help_report_transkripsi()))]
        transkripsi: Option<Option<PathBuf>>,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_pk_about()), after_help = h(msg::help_pk_after()))]
    Pk {
        #[arg(long, help = h(msg::help_report_kecamatan()))]
        kecamatan: String,
        #[arg(long, help = h(msg::help_tahun()))]
        tahun: i32,
        #[arg(long, help = h(msg::help_pk_revisi()))]
        revisi: Option<String>,
        #[arg(long, value_enum, default_value_t = PkFormat::Pdf, help = h(msg::help_format()))]
        format: PkFormat,
        #[arg(long, help = h(msg::help_pk_out()))]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_sql_about()), after_help = h(msg::help_sql_after()))]
    Sql {
        #[arg(help = h(msg::help_sql_query()))]
        query: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Table, help = h(msg::help_format()))]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_compare_about()), after_help = h(msg::help_compare_after()))]
    Compare {
        #[arg(long, help = h(msg::help_compare_kabupaten()))]
        kabupaten: String,
        #[arg(long, help = h(msg::help_tahun()))]
        tahun: i32,
        #[arg(long, help = h(msg::help_compare_indikator()))]
        indikator: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Table, help = h(msg::help_format()))]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    #[command(subcommand, about = h(msg::help_calc_about()))]
    Calc(Calc),
    #[command(subcommand, about = h(msg::help_export_about()))]
    Export(Export),
    #[command(subcommand, about = h(msg::help_demo_about()))]
    Demo(Demo),
    #[command(about = h(msg::help_serve_about()), after_help = h(msg::help_serve_after()))]
    Serve {
        #[arg(long, default_value_t = 8080, help = h(msg::help_serve_port()))]
        port: u16,
        #[arg(long, default_value = "127.0.0.1", help = h(msg::help_serve_host()))]
        host: String,
        #[arg(long, default_value = "dist", help = h(msg::help_serve_dist()))]
        dist: PathBuf,
        #[command(flatten)]
        wilayah: Wilayah,
        #[command(flatten)]
        db: Db,
    },
    #[command(subcommand, about = h(msg::help_plan_about()))]
    Plan(Plan),
    #[command(about = h(msg::help_template_about()), after_help = h(msg::help_template_after()))]
    Template {
        #[arg(long, default_value = "kinerja-template.xlsx", help = h(msg::help_template_out()))]
        out: PathBuf,
        #[arg(long, conflicts_with = "kabupaten", help = h(msg::help_template_isi()))]
        isi: bool,
        #[arg(long, help = h(msg::help_template_kabupaten()))]
        kabupaten: Option<String>,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_riwayat_about()), after_help = h(msg::help_riwayat_after()))]
    Riwayat {
        #[arg(long, value_enum, default_value_t = TableFormat::Table, help = h(msg::help_format()))]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_audit_about()), after_help = h(msg::help_audit_after()))]
    Audit {
        #[arg(required_unless_present = "db", help = h(msg::help_audit_files()))]
        files: Vec<PathBuf>,
        #[arg(long, num_args = 0..=1, default_missing_value = DEFAULT_DB, help = h(msg::help_audit_db()))]
        db: Option<PathBuf>,
        #[arg(long, requires = "db", help = h(msg::help_audit_kecamatan()))]
        kecamatan: Option<String>,
        #[arg(long, requires = "db", help = h(msg::help_audit_tahun()))]
        tahun: Option<i32>,
        #[arg(long, value_enum, default_value_t = AuditFormat::Text, help = h(msg::help_format()))]
        format: AuditFormat,
        #[arg(long, help = h(msg::help_report_out()))]
        out: Option<PathBuf>,
        #[arg(long, help = h(msg::help_audit_verbose()))]
        verbose: bool,
    },
}

#[derive(Subcommand)]
pub enum Plan {
    #[command(about = h(msg::help_plan_import_about()), after_help = h(msg::help_plan_import_after()))]
    Import {
        #[arg(help = h(msg::help_plan_import_file()))]
        file: PathBuf,
        #[arg(long, help = h(msg::help_plan_import_scenario()))]
        scenario: String,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Subcommand)]
pub enum Export {
    #[command(about = h(msg::help_export_parquet_about()), after_help = h(msg::help_export_parquet_after()))]
    Parquet {
        #[arg(long, help = h(msg::help_out_dir()))]
        out: PathBuf,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_export_spark_about()), after_help = h(msg::help_export_spark_after()))]
    Spark {
        #[arg(long, help = h(msg::help_out_dir()))]
        out: PathBuf,
        #[command(flatten)]
        db: Db,
    },
    #[command(about = h(msg::help_export_snapshot_about()), after_help = h(msg::help_export_snapshot_after()))]
    Snapshot {
        #[arg(long, help = h(msg::help_out_file()))]
        out: PathBuf,
        #[command(flatten)]
        wilayah: Wilayah,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Subcommand)]
pub enum Demo {
    #[command(about = h(msg::help_demo_synth_about()), after_help = h(msg::help_demo_synth_after()))]
    Synth {
        #[arg(long, default_value_t = 2024, help = h(msg::help_demo_seed()))]
        seed: u64,
        #[arg(long, default_value = "12.19", help = h(msg::help_demo_kabupaten()))]
        kabupaten: String,
        #[arg(long, value_enum, default_value_t = Scale::Kabupaten, help = h(msg::help_demo_scale()))]
        scale: Scale,
        #[arg(long, default_value = "2021-2025", help = h(msg::help_demo_tahun()))]
        tahun: String,
        #[arg(long, default_value = "1", help = h(msg::help_demo_fraction()))]
        fraction: String,
        #[arg(long, help = h(msg::help_demo_out()))]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = FileFormat::Parquet, help = h(msg::help_demo_format()))]
        format: FileFormat,
        #[command(flatten)]
        db: Db,
    },
}

/// A `ValueEnum` whose values' help comes from the catalogue.
macro_rules! values {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal $(=> $help:expr)?),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $(#[allow(missing_docs)] $variant),*
        }

        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($name::$variant),*]
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(match self {
                    $($name::$variant => clap::builder::PossibleValue::new($text)$(.help($crate::pesan::h($help)))?),*
                })
            }
        }
    };
}
pub(crate) use values;

values! {
    /// How much synthetic data.
    Scale {
        Kabupaten = "kabupaten" => msg::help_value_scale_kabupaten(),
        National = "national" => msg::help_value_scale_national(),
    }
}

values! {
    /// Files written by `demo synth --out`.
    FileFormat {
        Csv = "csv" => msg::help_value_file_csv(),
        Parquet = "parquet" => msg::help_value_file_parquet(),
    }
}

values! {
    /// The report's format.
    ReportFormat {
        Md = "md",
        Html = "html",
        Xlsx = "xlsx",
        Json = "json",
        Pdf = "pdf",
        Docx = "docx",
    }
}

values! {
    /// The Perjanjian Kinerja's format.
    PkFormat {
        Pdf = "pdf",
        Docx = "docx",
        Html = "html",
        Md = "md",
    }
}

values! {
    /// How tables are printed.
    TableFormat {
        Table = "table" => msg::help_value_table(),
        Csv = "csv" => msg::help_value_csv(),
        Json = "json" => msg::help_value_json_rows(),
    }
}

values! {
    /// The audit's format.
    AuditFormat {
        Text = "text" => msg::help_value_text(),
        Md = "md" => msg::help_value_audit_md(),
        Html = "html" => msg::help_value_html(),
        Json = "json" => msg::help_value_json(),
        Xlsx = "xlsx" => msg::help_value_xlsx(),
    }
}
