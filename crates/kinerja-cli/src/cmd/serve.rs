//! `kinerja serve`: the built planner and a live snapshot, for a
//! kabupaten's staff on their network.
//!
//! Decisions:
//! * **Read-only, and never in a writer's way.** The database is opened
//!   read-only only while a snapshot is built, so `kinerja load` and
//!   `kinerja plan import` can write while the server runs; the snapshot is
//!   rebuilt when the file changes (its size or time, or its WAL's), and
//!   while a writer holds the file the last snapshot is served.
//! * **Built once per change, sent with an `ETag`.** A browser that has the
//!   snapshot gets `304 Not Modified`.
//! * **Concurrent.** Several threads answer; a slow client holds one of them,
//!   not the server.
//! * **Small on the wire.** Assets are sent precompressed (`.br`, `.gz`
//!   written beside them by `scripts/build-web`) as the client accepts them;
//!   the snapshot is gzipped once per build. Hashed asset names are cached
//!   for a year (`immutable`), `index.html` and the snapshot revalidated.
//! * **The documents to sign.** `GET /dokumen/{lkjip|pk}/{kode}/{tahun}.{pdf|docx}`
//!   renders the LKjIP or the PK of a kecamatan of the region from the
//!   database, as `kinerja report` and `kinerja pk` do.
//! * **Defensive.** Only `GET` and `HEAD`; no request body; no directory
//!   listing; only files inside the app directory; `nosniff`, a Content
//!   Security Policy the app works under, no framing; 127.0.0.1 by default,
//!   with a warning when bound elsewhere.

mod answer;
mod dokumen;
mod snapshot;

use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use kinerja_pesan::msg;
use tiny_http::{Header, Server};

pub use answer::{App, Request, answer};
pub use snapshot::Snapshots;

use crate::args::Wilayah;
use crate::pesan::{KonteksExt, gagal, t};

/// Threads answering requests.
const WORKERS: usize = 8;

/// Whether `host` is reachable only from this machine.
fn loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Serves until interrupted.
pub fn run(db: &Path, dist: &Path, host: &str, port: u16, wilayah: &Wilayah) -> Result<()> {
    let app = Arc::new(App::new(dist)?);
    let snapshots = Arc::new(Snapshots::new(db, wilayah.kode()));
    snapshots.get().konteks(msg::cli_making_snapshot)?; // fail early
    let server = Server::http((host, port)).map_err(|e| gagal(msg::cli_cannot_listen(host, port, e.to_string())))?;
    let server = Arc::new(server);
    if !loopback(host) {
        eprintln!("{}", t(&msg::cli_serve_warning(host)));
    }
    eprintln!("{}", t(&msg::cli_serve_on(host, port, db.display(), wilayah.nama())));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, app, snapshots) = (Arc::clone(&server), Arc::clone(&app), Arc::clone(&snapshots));
            std::thread::spawn(move || {
                while let Ok(req) = server.recv() {
                    serve_one(req, &app, &snapshots);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

/// Answers one request on its connection.
fn serve_one(req: tiny_http::Request, app: &App, snapshots: &Snapshots) {
    let header = |name: &'static str| {
        req.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_string()).unwrap_or_default()
    };
    let r = Request {
        method: req.method().as_str().to_string(),
        url: req.url().to_string(),
        accept_encoding: header("Accept-Encoding"),
        if_none_match: header("If-None-Match"),
        body_length: req.body_length().unwrap_or(0),
    };
    let reply = answer(&r, app, snapshots);
    // tiny_http leaves the body out of a HEAD response and keeps its length.
    let mut resp = tiny_http::Response::from_data(reply.body.to_vec()).with_status_code(reply.status);
    for (k, v) in &reply.headers {
        if let Ok(h) = Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    let _ = req.respond(resp);
}

#[cfg(test)]
mod tests {
    use super::loopback;

    #[test]
    fn only_loopback_addresses_go_without_a_warning() {
        for quiet in ["127.0.0.1", "localhost", "::1", "127.0.0.2"] {
            assert!(loopback(quiet), "{quiet}");
        }
        for warned in ["0.0.0.0", "192.168.1.10", "::", "kinerja.local"] {
            assert!(!loopback(warned), "{warned}");
        }
    }
}
