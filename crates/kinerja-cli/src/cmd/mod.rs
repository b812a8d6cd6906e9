//! One module per command; [`run`] dispatches and reports how it ended.

pub mod audit;
pub mod calc;
mod compare;
mod demo;
mod export;
mod load;
mod pk;
mod plan;
mod prompt;
pub(crate) mod report;
mod riwayat;
mod serve;
mod sql;
mod template;

use std::process::ExitCode;

use kinerja_pesan::msg;

use crate::args::{Cmd, Demo, Export, Plan};
use crate::pesan::{cetak_galat, pipa_tertutup, tell};

/// How a command ended.
pub enum Outcome {
    /// It did what was asked (an audit: no finding).
    Done,
    /// An audit found what the report contradicts.
    Findings,
    /// It failed: the error, and whether the command treats failure as
    /// trouble (exit 2, `audit`) rather than as a failed task (exit 1).
    Failed(anyhow::Error, bool),
}

impl Outcome {
    /// The process's exit code; a failure is printed first, with what to do
    /// about a full disk or too little memory.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Failed(e, _) if pipa_tertutup(&e) => ExitCode::SUCCESS,
            Outcome::Failed(e, trouble) => {
                cetak_galat(&e);
                hint(&e);
                ExitCode::from(if trouble { 2 } else { 1 })
            }
        }
    }
}

/// What to do about a failure of the database's machine: a full disk, or a
/// load needing more memory than `--memory-limit`.
fn hint(e: &anyhow::Error) {
    for cause in e.chain() {
        match cause.downcast_ref::<kinerja_store::Error>() {
            Some(kinerja_store::Error::DiskFull { .. }) => return tell!(msg::cli_hint_disk_full()),
            Some(kinerja_store::Error::OutOfMemory { .. }) => return tell!(msg::cli_hint_memory()),
            _ => {}
        }
    }
}

fn done(r: anyhow::Result<()>) -> Outcome {
    match r {
        Ok(()) => Outcome::Done,
        Err(e) => Outcome::Failed(e, false),
    }
}

/// Runs a command.
pub fn run(cmd: Cmd) -> Outcome {
    match cmd {
        Cmd::Load { dir, db, terima_temuan, memory_limit, semua } => {
            done(load::run(&dir, &db.db, terima_temuan, &memory_limit, semua))
        }
        Cmd::Report { kecamatan, kabupaten, tahun, format, out, transkripsi, db } => {
            let target = report::Target { kecamatan: kecamatan.as_deref(), kabupaten: kabupaten.as_deref(), tahun };
            done(report::run(target, format, out, transkripsi, &db.db))
        }
        Cmd::Pk { kecamatan, tahun, revisi, format, out, db } => {
            done(pk::run(&kecamatan, tahun, revisi.as_deref(), format, out, &db.db))
        }
        Cmd::Sql { query, format, db } => done(sql::run(query.as_deref(), format, &db.db)),
        Cmd::Compare { kabupaten, tahun, indikator, format, db } => {
            done(compare::run(&kabupaten, tahun, indikator.as_deref(), format, &db.db))
        }
        Cmd::Calc(c) => done(calc::run(c)),
        Cmd::Export(Export::Parquet { out, db }) => done(export::parquet(&out, &db.db)),
        Cmd::Export(Export::Spark { out, db }) => done(export::spark(&out, &db.db)),
        Cmd::Export(Export::Snapshot { out, wilayah, db }) => done(export::snapshot(&out, &wilayah, &db.db)),
        Cmd::Serve { port, host, dist, wilayah, db } => done(serve::run(&db.db, &dist, &host, port, &wilayah)),
        Cmd::Plan(Plan::Import { file, scenario, db }) => done(plan::run(&file, &scenario, &db.db)),
        Cmd::Demo(Demo::Synth { seed, scale, kabupaten, tahun, fraction, out, format, db }) => {
            done(demo::run(seed, scale, &kabupaten, &tahun, &fraction, out.as_deref(), format, &db.db))
        }
        Cmd::Template { out, isi, kabupaten, db } => done(template::run(&out, isi, kabupaten.as_deref(), &db.db)),
        Cmd::Riwayat { format, db } => done(riwayat::run(format, &db.db)),
        Cmd::Audit { files, db, kecamatan, tahun, format, out, verbose } => {
            let basis = db.map(|path| audit::Basis { path, kecamatan, tahun });
            audit::run(&files, basis, format, out.as_deref(), verbose)
        }
    }
}
