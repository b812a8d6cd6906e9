//! `kinerja`: Kinerja's command line.
//!
//! Loads data into the embedded DuckDB file, prints LKjIP reports and
//! kabupaten comparisons, runs SQL, calculates, exports, makes demo data,
//! serves the planner and audits reports. Every number comes from
//! `kinerja-core` (directly or through the SQL macros rendered from it).
//!
//! The shape is ripgrep's: the arguments in `args`, one module per command
//! in `cmd`, the database's opening in `db`, the language in `pesan` and
//! `usage`; `main` only parses, dispatches and turns the outcome into the
//! exit code: 0 success, 1 failure (bad data, nothing found, a database
//! error; for `audit`: findings), 2 bad usage (for `audit`: trouble — a
//! transcription that cannot be read, or a runtime failure).

mod args;
mod clap_error;
mod cmd;
mod db;
mod output;
mod pesan;
mod usage;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    pesan::pilih(&argv);
    let parsed =
        usage::command(args::Cli::command()).try_get_matches_from(&argv).and_then(|m| args::Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cmd::run(cli.cmd).exit_code(),
        Err(e) => clap_error::keluar(&e),
    }
}
