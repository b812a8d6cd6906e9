//! `kinerja sql`: one query, or the analyst's prompt ([`super::prompt`]).

use std::path::Path;

use anyhow::Result;

use crate::args::TableFormat;
use crate::{db, output};

/// Runs `query`, or the prompt when there is none; read-only.
pub fn run(query: Option<&str>, format: TableFormat, path: &Path) -> Result<()> {
    let store = db::open_ro(path)?;
    match query {
        Some(q) => output::print_table(&store.sql(q)?, format),
        None => super::prompt::run(&store, format),
    }
}
