//! `kinerja`: Kinerja's command line.
//!
//! Loads data into the embedded DuckDB file, prints LKjIP reports and
//! kabupaten comparisons, runs SQL, calculates, exports and makes demo
//! data. Every number comes from `kinerja-core` (directly or through the SQL
//! macros rendered from it). Exit codes: 0 success, 1 failure (bad data,
//! nothing found, database error), 2 bad usage.

mod audit;
mod calc;
mod output;
mod pesan;
mod plan;
mod prompt;
mod riwayat;
mod serve;
mod template;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use kinerja_store::Store;
use kinerja_store::query::Laporan;
use pesan::{say, tell};

const DEFAULT_DB: &str = "data/kinerja.duckdb";

#[derive(Parser)]
#[command(
    name = "kinerja",
    version,
    about = "Kinerja: SAKIP analytics for a kabupaten (capaian, IKM, AKIP, anggaran) on an embedded DuckDB file",
    after_help = "Examples:\n  kinerja load\n  kinerja report --kecamatan \"Sei Balai\" --tahun 2024\n  kinerja compare --kabupaten 12.19 --tahun 2024 --indikator ikm\n  kinerja sql \"SELECT nama_unit, tahun, realisasi, capaian, predikat FROM v_capaian\"\n  kinerja calc capaian --target 85 --realisasi 75,35"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// Language of messages and help: id (Bahasa Indonesia, the default) or en; without it, LC_ALL, LC_MESSAGES or LANG decide (en_* gives English).
    #[arg(long, global = true, value_parser = ["id", "en"])]
    #[allow(dead_code)]
    lang: Option<String>,
}

#[derive(Args, Clone)]
struct Db {
    /// Database file.
    #[arg(long, default_value = DEFAULT_DB, global = true)]
    db: PathBuf,
}

/// The region a planner snapshot holds.
#[derive(Args, Clone)]
#[group(multiple = false)]
struct Wilayah {
    /// Kabupaten of the snapshot.
    #[arg(long, default_value = "12.19")]
    kabupaten: String,
    /// A whole provinsi instead (12: about 450 kecamatan).
    #[arg(long)]
    provinsi: Option<String>,
    /// The whole nation instead (7,285 kecamatan).
    #[arg(long)]
    nasional: bool,
}

impl Wilayah {
    /// The region's code for the store: empty for the nation.
    fn kode(&self) -> &str {
        match (&self.provinsi, self.nasional) {
            (_, true) => "",
            (Some(p), _) => p,
            (None, false) => &self.kabupaten,
        }
    }

    /// The region in words.
    fn nama(&self) -> String {
        match (&self.provinsi, self.nasional) {
            (_, true) => "the whole nation".to_string(),
            (Some(p), _) => format!("provinsi {p}"),
            (None, false) => format!("kabupaten {}", self.kabupaten),
        }
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Validate a data directory (CSV/XLSX) and load it in one transaction.
    #[command(
        after_help = "Examples:\n  kinerja load\n  kinerja load data/ --db /tmp/k.duckdb\n  kinerja load data/audit/sei-balai-2024.json --terima-temuan\n\nAny error leaves the database exactly as it was; every problem is listed with file, row and column."
    )]
    Load {
        /// Data directory, or a transcribed report (.json, or an .xlsx with a dokumen sheet).
        #[arg(default_value = "data")]
        dir: PathBuf,
        /// Load a transcribed report even though the audit finds errors in it
        /// (the findings are recorded with the load).
        #[arg(long)]
        terima_temuan: bool,
        /// Memory DuckDB may use for the load; beyond it, it spills to disk.
        /// The default keeps a national load within 500 MB in all.
        #[arg(long, default_value = "350MB")]
        memory_limit: String,
        /// List every problem, also the references a table that cannot be
        /// read leaves unchecked (by default they are counted on that table).
        #[arg(long, visible_alias = "all")]
        semua: bool,
        #[command(flatten)]
        db: Db,
    },
    /// The LKjIP Bab II–III tables of a kecamatan-year.
    #[command(
        after_help = "Examples:\n  kinerja report --kecamatan \"Sei Balai\" --tahun 2024\n  kinerja report --kecamatan 12.19.07 --tahun 2024 --format xlsx --out lkjip.xlsx\n  kinerja report --kecamatan \"Sei Balai\" --tahun 2024 --format json | jq .capaian\n  kinerja report --kabupaten 12.19 --tahun 2024 --format xlsx --out laporan/\n  kinerja report --kabupaten semua --tahun 2024 --out laporan/   # every kecamatan with figures"
    )]
    Report {
        /// Kecamatan name or Kemendagri code.
        #[arg(long, required_unless_present = "kabupaten", conflicts_with = "kabupaten")]
        kecamatan: Option<String>,
        /// Every kecamatan with figures of this kabupaten (`semua`: of the
        /// whole database), one file each in the --out directory.
        #[arg(long)]
        kabupaten: Option<String>,
        /// Year.
        #[arg(long)]
        tahun: i32,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Output file (default: standard output; required for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: Db,
    },
    /// Run SQL on the database, read-only; without a query, an interactive prompt.
    #[command(
        after_help = "Examples:\n  kinerja sql \"SELECT * FROM v_capaian\"\n  kinerja sql \"SELECT kode_unit, ikm, mutu FROM v_ikm\" --format csv\n  kinerja sql            # prompt: end statements with ;, Up/Down for history, Tab completes names\n\nViews: v_capaian, v_tren, v_perubahan, v_peringkat, v_ikm, v_skm_unsur, v_akip, v_akip_komponen,\nv_anggaran_belanja, v_anggaran_program, v_anggaran_total, v_anggaran_sasaran, v_efisiensi."
    )]
    Sql {
        /// The query.
        query: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    /// Every kecamatan of a kabupaten side by side, ranked.
    #[command(
        after_help = "Examples:\n  kinerja compare --kabupaten 12.19 --tahun 2024\n  kinerja compare --kabupaten 12.19 --tahun 2024 --indikator akip --format csv\n\nKecamatan without data are listed as such; synthetic figures are marked."
    )]
    Compare {
        /// Kabupaten Kemendagri code.
        #[arg(long)]
        kabupaten: String,
        /// Year.
        #[arg(long)]
        tahun: i32,
        /// Indicator id (ikm, akip, …); all when omitted.
        #[arg(long)]
        indikator: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    /// One calculation at a time, straight from the core.
    #[command(subcommand)]
    Calc(calc::Calc),
    /// Export data for other tools.
    #[command(subcommand)]
    Export(Export),
    /// Demo data.
    #[command(subcommand)]
    Demo(Demo),
    /// Serve the browser planner and a live snapshot (read-only) on 127.0.0.1.
    #[command(
        after_help = "Examples:\n  kinerja serve                       # http://127.0.0.1:8080/\n  kinerja serve --port 9000 --dist dist --db data/kinerja.duckdb\n\nBuild the app first (scripts/run does it)."
    )]
    Serve {
        /// Port.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The built app.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        #[command(flatten)]
        wilayah: Wilayah,
        #[command(flatten)]
        db: Db,
    },
    /// Planning scenarios from the browser.
    #[command(subcommand)]
    Plan(Plan),
    /// A workbook to fill in Excel: one sheet per table with notes, drop-downs and checks.
    #[command(
        after_help = "Examples:\n  kinerja template                                  # kinerja-template.xlsx, empty\n  kinerja template --kabupaten 12.19                # with the kabupaten's wilayah and the indikator\n  kinerja template --isi --db data/kinerja.duckdb   # filled with the database's data, to edit\n  kinerja load kinerja-template.xlsx                # loads the filled workbook as it is"
    )]
    Template {
        /// Where to write the workbook.
        #[arg(long, default_value = "kinerja-template.xlsx")]
        out: PathBuf,
        /// Fill every sheet with the rows of the database (--db).
        #[arg(long, conflicts_with = "kabupaten")]
        isi: bool,
        /// Fill the wilayah sheet with this kabupaten's provinsi, kecamatan
        /// and desa, and the indikator sheet, from the database (--db).
        #[arg(long)]
        kabupaten: Option<String>,
        #[command(flatten)]
        db: Db,
    },
    /// The history of writes: every load, import, synthesis and migration, with its files' SHA-256.
    #[command(
        after_help = "Examples:\n  kinerja riwayat\n  kinerja riwayat --format json   # every file with its full SHA-256, rows per table\n\nA refused load changes nothing and is not recorded."
    )]
    Riwayat {
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
        #[command(flatten)]
        db: Db,
    },
    /// Review a report's printed figures: every stated relation recomputed over the printed precision.
    #[command(
        after_help = "Examples:\n  kinerja audit data/audit/sei-balai-2024.json\n  kinerja audit laporan.xlsx --format md --out reviu.md\n  kinerja audit data/audit/sei-balai-2024.json --format json --verbose\n  kinerja audit --db --kecamatan \"Sei Balai\" --tahun 2024\n\nThe transcription format is docs/audit-format.md. Exit codes: 0 no finding, 1 findings, 2 a transcription that cannot be read."
    )]
    Audit {
        /// Transcriptions: .json, .xlsx, or a directory of CSV files.
        #[arg(required_unless_present = "db")]
        files: Vec<PathBuf>,
        /// Audit what the database stores (predikat and mutu stored with
        /// targets and realisasi, figures as printed) instead of, or besides, files.
        #[arg(long, num_args = 0..=1, default_missing_value = DEFAULT_DB)]
        db: Option<PathBuf>,
        /// With --db: only this kecamatan (name or code).
        #[arg(long, requires = "db")]
        kecamatan: Option<String>,
        /// With --db: only this year.
        #[arg(long, requires = "db")]
        tahun: Option<i32>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = audit::Format::Text)]
        format: audit::Format,
        /// Output file (default: standard output; required for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Also list the figures that are consistent only within rounding.
        #[arg(long)]
        verbose: bool,
    },
}

#[derive(Subcommand)]
enum Plan {
    /// Store a scenario's targets as a named target revision (jenis = skenario:NAME).
    #[command(
        after_help = "Examples:\n  kinerja plan import kinerja-skenario.json --scenario optimis\n  kinerja plan import optimis.csv --scenario optimis\n  kinerja sql \"SELECT * FROM v_skenario\""
    )]
    Import {
        /// Scenario file (JSON exported by the planner, or its CSV).
        file: PathBuf,
        /// Scenario name.
        #[arg(long)]
        scenario: String,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Subcommand)]
enum Export {
    /// Parquet of every table: facts hive-partitioned (kode_kabupaten, tahun), dimensions whole.
    #[command(
        after_help = "Example:\n  kinerja export parquet --out export/\n  duckdb -c \"SELECT * FROM read_parquet('export/capaian/**/*.parquet', hive_partitioning=true)\""
    )]
    Parquet {
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        db: Db,
    },
    /// Q1–Q5 for Apache Spark: the Parquet, the queries in Spark SQL, and DuckDB's results to compare.
    #[command(
        after_help = "Example:\n  kinerja export spark --out /tmp/spark\n  scripts/spark   # runs them in Spark local mode and compares every row with DuckDB's"
    )]
    Spark {
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        db: Db,
    },
    /// The JSON snapshot the browser planner loads: a kabupaten, a provinsi or the nation.
    #[command(after_help = "Example:\n  kinerja export snapshot --out dist/snapshot.json")]
    Snapshot {
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        wilayah: Wilayah,
        #[command(flatten)]
        db: Db,
    },
}

#[derive(Subcommand)]
enum Demo {
    /// Fill the kecamatan without real data with deterministic synthetic figures (sumber = sintetis).
    #[command(
        after_help = "Examples:\n  kinerja demo synth --seed 7\n  kinerja demo synth --scale national --fraction 0.01 --db /tmp/nasional.duckdb\n  kinerja demo synth --scale national --tahun 2021-2025 --out /tmp/nasional --format parquet\n\nReal figures are never overwritten; synthetic rows are marked in every report, comparison and export."
    )]
    Synth {
        /// Seed.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
        /// Kabupaten code (for --scale kabupaten).
        #[arg(long, default_value = "12.19")]
        kabupaten: String,
        /// One kabupaten's kecamatan, or all of Indonesia (38 provinsi, 514 kabupaten/kota, 7.285 kecamatan).
        #[arg(long, value_enum, default_value_t = Scale::Kabupaten)]
        scale: Scale,
        /// Years of the national data, e.g. 2021-2025.
        #[arg(long, default_value = "2021-2025")]
        tahun: String,
        /// Share of the kecamatan given facts (national), e.g. 0.01 or 0.1.
        #[arg(long, default_value = "1")]
        fraction: String,
        /// Also write the synthetic data as files `kinerja load` reads.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Format of --out: csv, or parquet for the raw answers.
        #[arg(long, value_enum, default_value_t = FileFormat::Parquet)]
        format: FileFormat,
        #[command(flatten)]
        db: Db,
    },
}

/// How much synthetic data.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Scale {
    /// The kecamatan of one kabupaten without real data.
    Kabupaten,
    /// All of Indonesia at the real counts.
    National,
}

/// Files written by `demo synth --out`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FileFormat {
    /// CSV for every table.
    Csv,
    /// CSV for the small tables, Parquet for the raw SKM answers.
    Parquet,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Xlsx,
    Json,
}

/// How tables are printed.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned text.
    Table,
    /// CSV.
    Csv,
    /// JSON array of objects.
    Json,
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    pesan::pilih(&args);
    let parsed = pesan::perintah(Cli::command()).try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return pesan::clap_keluar(&e),
    };
    if let Cmd::Audit { files, db, kecamatan, tahun, format, out, verbose } = &cli.cmd {
        let db = db.as_ref().map(|p| audit::Basis { path: p.clone(), kecamatan: kecamatan.clone(), tahun: *tahun });
        return match audit::run(files, db, *format, out.as_deref(), *verbose) {
            Ok(audit::Outcome::Clean) => ExitCode::SUCCESS,
            Ok(audit::Outcome::Findings) => ExitCode::from(1),
            Ok(audit::Outcome::Unusable(m)) => {
                tell!("{m}");
                ExitCode::from(2)
            }
            Err(e) => {
                eprintln!("kinerja: {}", pesan::galat(&e));
                ExitCode::from(1)
            }
        };
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if pesan::pipa_tertutup(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kinerja: {}", pesan::galat(&e));
            if let Some(h) = hint(&format!("{e:#}")) {
                tell!("{h}");
            }
            ExitCode::from(1)
        }
    }
}

/// What to do about a failure DuckDB describes in its own terms: a full
/// disk, or a load needing more memory than `--memory-limit`.
fn hint(error: &str) -> Option<&'static str> {
    if error.contains("No space left on device") || error.contains("max_temp_directory_size") {
        Some(
            "the disk holding the database (or its temporary files) is full. Nothing was written: the database is as it was. Free some space, or use --db on another disk, and run the command again.",
        )
    } else if error.contains("Out of Memory Error") {
        Some(
            "DuckDB needed more memory than its limit allows. Nothing was written: the database is as it was. Run the command again with a larger --memory-limit (e.g. 1GB).",
        )
    } else {
        None
    }
}

fn write_out(out: &Option<PathBuf>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(p) => std::fs::write(p, bytes).with_context(|| format!("writing {}", p.display())),
        None => {
            std::io::stdout().write_all(bytes)?;
            Ok(())
        }
    }
}

/// How long a command waits for another process (a load, `kinerja serve`
/// building its snapshot) to release the database file.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Opens the database, waiting while another process holds it: DuckDB lets
/// one process write a file, and none read it meanwhile.
fn open_waiting(db: &Db, how: &str, open: impl Fn(&std::path::Path) -> kinerja_store::Result<Store>) -> Result<Store> {
    let started = std::time::Instant::now();
    let mut told = false;
    loop {
        match open(&db.db) {
            Err(e) if e.to_string().contains("Conflicting lock") && started.elapsed() < LOCK_WAIT => {
                if !told {
                    tell!("{} is in use by another process; waiting up to {} s…", db.db.display(), LOCK_WAIT.as_secs());
                    told = true;
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other.with_context(|| format!("opening {}{how}", db.db.display())),
        }
    }
}

fn open_rw(db: &Db) -> Result<Store> {
    open_waiting(db, "", Store::open)
}

fn open_ro(db: &Db) -> Result<Store> {
    open_waiting(db, " read-only", Store::open_read_only)
}

fn run(cli: Cli) -> Result<()> {
    match cli.cmd {
        Cmd::Load { dir, db, terima_temuan, .. } if audit::is_transcription(&dir) => {
            audit::load(&open_rw(&db)?, &dir, terima_temuan, &output::now_iso())
        }
        Cmd::Load { dir, db, memory_limit, semua, .. } => {
            let listing = if semua { kinerja_data::Listing::All } else { kinerja_data::Listing::RootCauses };
            load(&dir, &db, &memory_limit, listing)
        }
        Cmd::Report { kabupaten: Some(kab), tahun, format, out, db, .. } => report_batch(&kab, tahun, format, out, &db),
        Cmd::Report { kecamatan, tahun, format, out, db, .. } => {
            report(kecamatan.as_deref().unwrap_or_default(), tahun, format, &out, &db)
        }
        Cmd::Sql { query, format, db } => {
            let store = open_ro(&db)?;
            match query {
                Some(q) => output::print_table(&store.sql(&q)?, format),
                None => prompt::run(&store, format),
            }
        }
        Cmd::Compare { kabupaten, tahun, indikator, format, db } => {
            let rows = open_ro(&db)?.bandingkan(&kabupaten, tahun, indikator.as_deref())?;
            output::print_compare(&rows, format)
        }
        Cmd::Calc(c) => calc::run(c),
        Cmd::Export(Export::Parquet { out, db }) => {
            let tables = open_ro(&db)?.export_parquet(&out)?;
            let (list, dir) = (tables.join(", "), out.display());
            say!("Wrote Parquet for {list} to {dir} (partitioned by kode_kabupaten, tahun).");
            Ok(())
        }
        Cmd::Export(Export::Spark { out, db }) => {
            let queries = open_ro(&db)?.export_spark(&out)?;
            let (list, dir) = (queries.join(", "), out.display());
            say!("Wrote {list} for Spark to {dir}: parquet/, spark/*.sql and DuckDB's results in duckdb/.");
            Ok(())
        }
        Cmd::Export(Export::Snapshot { out, wilayah, db }) => snapshot(&out, &wilayah, &db),
        Cmd::Serve { port, host, dist, wilayah, db } => {
            serve::run(&db.db, &dist, &host, port, wilayah.kode(), &wilayah.nama())
        }
        Cmd::Plan(Plan::Import { file, scenario, db }) => {
            let store = open_rw(&db)?;
            let (n, skipped) = plan::import(&store, &file, &scenario, &output::now_iso())?;
            say!("Stored {n} targets of scenario {scenario:?} as jenis skenario:{scenario}.");
            if skipped > 0 {
                say!(
                    "{skipped} hypothetical value(s) (realisasi, NRR, AKIP komponen, anggaran) not stored: they are plans, not facts."
                );
            }
            Ok(())
        }
        Cmd::Demo(Demo::Synth { seed, scale: Scale::Kabupaten, kabupaten, db, .. }) => synth(seed, &kabupaten, &db),
        Cmd::Demo(Demo::Synth { seed, scale: Scale::National, tahun, fraction, out, format, db, .. }) => {
            national(seed, &tahun, &fraction, out.as_deref().map(|o| (o, format == FileFormat::Parquet)), &db)
        }
        Cmd::Template { out, isi, kabupaten, db } => template(&out, isi, kabupaten.as_deref(), &db),
        Cmd::Riwayat { format, db } => riwayat::print(&open_ro(&db)?, format),
        Cmd::Audit { .. } => Ok(()),
    }
}

fn load(dir: &std::path::Path, db: &Db, memory_limit: &str, listing: kinerja_data::Listing) -> Result<()> {
    let store = open_rw(db)?;
    store.limit_memory(memory_limit).context("--memory-limit")?;
    let bar = indicatif::ProgressBar::hidden();
    let mut shown = false;
    let mut progress = |table: &str, done: u64, total: u64| {
        if total >= 100_000 {
            if !shown {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                shown = true;
            }
            bar.set_length(total);
            bar.set_position(done);
            bar.set_message(table.to_string());
        }
    };
    // A directory of table files, or one workbook with a sheet per table.
    let workbook = dir.is_file() && dir.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let parts =
        if workbook { kinerja_data::read_workbook(dir, listing) } else { kinerja_data::read_dir_listing(dir, listing) };
    let summary = parts
        .map_err(kinerja_store::Error::from)
        .and_then(|parts| store.load_parts(parts, &mut progress))
        .with_context(|| format!("loading {} into {}", dir.display(), db.db.display()))?;
    bar.finish_and_clear();
    let (read, changed) = (summary.read(), summary.changed());
    say!("Loaded {} into {}: {read} rows read, {changed} new or changed.", dir.display(), db.db.display());
    for (t, read, changed) in &summary.tables {
        if *read > 0 {
            say!("  {t:<20} {read:>9} rows, {changed:>9} new or changed");
        }
    }
    for (file, dialek) in &summary.dialek {
        say!("  {file}: read as {dialek}");
    }
    for t in &summary.tafsir {
        say!("  {t}");
    }
    Ok(())
}

/// One report file per kecamatan with figures: `<kode>.<md|html|xlsx|json>`.
fn report_batch(kabupaten: &str, tahun: i32, format: ReportFormat, out: Option<PathBuf>, db: &Db) -> Result<()> {
    let Some(dir) = out else { bail!("--kabupaten needs --out DIR (one file per kecamatan)") };
    let store = open_ro(db)?;
    let kab = (!matches!(kabupaten, "semua" | "all")).then_some(kabupaten);
    let units = store.kecamatan_berdata(kab, tahun)?;
    if units.is_empty() {
        bail!(
            "no kecamatan {} has figures for {tahun}",
            kab.map_or("in the database".into(), |k| format!("of kabupaten {k}"))
        );
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let started = std::time::Instant::now();
    let ext = match format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
        ReportFormat::Xlsx => "xlsx",
        ReportFormat::Json => "json",
    };
    // A thousand reports at a time: one query per section for each chunk.
    for chunk in units.chunks(1000) {
        write_all(&store.laporan_banyak(chunk, tahun)?, format, &dir, ext)?;
    }
    say!("Wrote {} reports for {tahun} to {} in {:.1?}.", units.len(), dir.display(), started.elapsed());
    Ok(())
}

/// Renders and writes reports as `<dir>/<kode>.<ext>` on every core: in a
/// batch, rendering and writing the files take longer than the queries. A
/// failure stops every thread before its next report and is the one
/// reported (the earliest in report order when several threads fail).
fn write_all(laporan: &[Laporan], format: ReportFormat, dir: &std::path::Path, ext: &str) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = laporan.len().div_ceil(threads).max(1);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let write_part = |part: &[Laporan]| -> Result<()> {
        for l in part {
            if failed.load(std::sync::atomic::Ordering::Relaxed) {
                break;
            }
            let path = dir.join(format!("{}.{ext}", l.unit.kode));
            if let Err(e) = write_laporan(l, format, &Some(path)) {
                failed.store(true, std::sync::atomic::Ordering::Relaxed);
                return Err(e.context(format!("the report of {}", l.unit.kode)));
            }
        }
        Ok(())
    };
    std::thread::scope(|s| {
        let parts: Vec<_> = laporan.chunks(per).map(|part| s.spawn(|| write_part(part))).collect();
        parts.into_iter().try_for_each(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

fn template(out: &std::path::Path, isi: bool, kabupaten: Option<&str>, db: &Db) -> Result<()> {
    let tmp = tempfile_dir()?;
    let filled = match (isi, kabupaten) {
        (true, _) => open_ro(db).and_then(|s| Ok(s.export_load_files(&tmp, false)?)).map(|_| Some(tmp.as_path())),
        (false, Some(k)) => {
            open_ro(db).and_then(|s| Ok(s.export_template_kabupaten(&tmp, k)?)).map(|()| Some(tmp.as_path()))
        }
        (false, None) => Ok(None),
    };
    let written = filled.and_then(|f| template::write(out, f));
    let _ = std::fs::remove_dir_all(&tmp);
    written?;
    let what = match (isi, kabupaten) {
        (true, _) => format!("filled with the data of {}", db.db.display()),
        (false, Some(k)) => format!("with the wilayah of kabupaten {k} and the indikator"),
        (false, None) => "empty".into(),
    };
    say!(
        "Wrote {} ({what}): a sheet per table; fill it in Excel, then `kinerja load {}`.",
        out.display(),
        out.display()
    );
    Ok(())
}

/// A fresh private directory under the system's temporary directory.
fn tempfile_dir() -> Result<PathBuf> {
    let d = std::env::temp_dir().join(format!("kinerja-{}-{}", std::process::id(), output::now_iso().replace(':', "")));
    std::fs::create_dir_all(&d).with_context(|| format!("creating {}", d.display()))?;
    Ok(d)
}

fn report(kecamatan: &str, tahun: i32, format: ReportFormat, out: &Option<PathBuf>, db: &Db) -> Result<()> {
    write_laporan(&open_ro(db)?.laporan(kecamatan, tahun)?, format, out)
}

fn write_laporan(l: &Laporan, format: ReportFormat, out: &Option<PathBuf>) -> Result<()> {
    let doc = kinerja_laporan::document(l);
    match format {
        ReportFormat::Md => write_out(out, kinerja_laporan::md::render(&doc).as_bytes()),
        ReportFormat::Html => write_out(out, kinerja_laporan::html::render(&doc).as_bytes()),
        ReportFormat::Json => write_out(out, kinerja_laporan::json::render(l)?.as_bytes()),
        ReportFormat::Xlsx => {
            let Some(path) = out else { bail!("--format xlsx needs --out FILE.xlsx") };
            std::fs::write(path, kinerja_laporan::xlsx::render(&doc)?)
                .with_context(|| format!("writing {}", path.display()))
        }
    }
}

fn snapshot(out: &std::path::Path, wilayah: &Wilayah, db: &Db) -> Result<()> {
    let snap = open_ro(db)?.snapshot(wilayah.kode(), &output::now_iso())?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, serde_json::to_string(&snap)?).with_context(|| format!("writing {}", out.display()))?;
    let kecamatan = kinerja_core::model::TingkatWilayah::Kecamatan;
    let (nama, n) = (wilayah.nama(), snap.data.wilayah.iter().filter(|w| w.tingkat == kecamatan).count());
    say!("Wrote the snapshot of {nama} ({n} kecamatan) to {}.", out.display());
    Ok(())
}

fn national(seed: u64, tahun: &str, fraction: &str, out: Option<(&std::path::Path, bool)>, db: &Db) -> Result<()> {
    let years =
        tahun.split_once('-').and_then(|(a, b)| Some((a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?)));
    let Some((tahun_awal, tahun_akhir)) = years else {
        bail!("--tahun: expected a period such as 2021-2025, found {tahun:?}")
    };
    let f = kinerja_core::notation::parse_number(fraction, kinerja_core::notation::Notasi::Otomatis)
        .ok()
        .filter(|f| *f >= kinerja_core::Decimal::ZERO && *f <= kinerja_core::Decimal::ONE);
    let Some(f) = f else { bail!("--fraction: expected a share between 0 and 1 such as 0.01, found {fraction:?}") };
    let ppm = (f * kinerja_core::Decimal::from(1_000_000)).round().mantissa();
    let fraksi_ppm = u32::try_from(ppm).context("--fraction")?;
    let store = open_rw(db)?;
    let started = std::time::Instant::now();
    let s = store.synth_national(kinerja_store::synth::National { seed, fraksi_ppm, tahun_awal, tahun_akhir })?;
    say!(
        "Synthetic national data (sumber = sintetis, seed {seed}): {} of {} kecamatan filled for {tahun_awal}–{tahun_akhir}, {} raw SKM answers, in {:.1?}.",
        s.diisi,
        s.kecamatan,
        s.jawaban,
        started.elapsed()
    );
    if let Some((dir, parquet)) = out {
        let files = store.export_load_files(dir, parquet)?;
        say!("Wrote {} files that `kinerja load {}` reads: {}.", files.len(), dir.display(), files.join(", "));
    }
    Ok(())
}

fn synth(seed: u64, kabupaten: &str, db: &Db) -> Result<()> {
    let s = open_rw(db)?.synth(kabupaten, seed)?;
    let (n, rows) = (s.filled.len(), s.rows);
    say!("Synthetic data (sumber = sintetis, seed {seed}) for {n} kecamatan; {rows} rows new or changed.");
    for u in &s.filled {
        say!("  filled   {u}");
    }
    for u in &s.skipped {
        say!("  kept     {u} (real data)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::hint;

    #[test]
    fn duckdb_failures_get_a_plain_next_step() {
        let disk = "query berkas_jawaban_simpan: IO Error: Could not write file \"k.duckdb\": No space left on device";
        assert!(hint(disk).is_some_and(|h| h.starts_with("the disk holding the database")));
        let spill =
            "Out of Memory Error: failed to offload data block (limit set by the 'max_temp_directory_size' setting)";
        assert!(
            hint(spill).is_some_and(|h| h.starts_with("the disk holding the database")),
            "spilling failed: a disk matter"
        );
        let memory = "query berkas_jawaban_ganda: Out of Memory Error: could not allocate block of size 256.0 KiB";
        assert!(hint(memory).is_some_and(|h| h.contains("--memory-limit")));
        assert_eq!(hint("realisasi.csv, row 3, column nilai: expected a number"), None);
    }
}
