//! `kinerja serve`: the built planner and a live snapshot on 127.0.0.1.
//!
//! Read-only: the database is opened read-only and only `GET`/`HEAD` are
//! answered. Only files inside the app directory are served; a request
//! whose path leaves it (`..`, encoded or not) is refused with 403.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use kinerja_store::Store;
use tiny_http::{Header, Method, Response, Server};

use crate::output::now_iso;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Where a URL path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the app directory.
    File(PathBuf),
    /// Inside the app directory, but no such file.
    NotFound,
    /// Malformed, or leaving the app directory: refused.
    Refused,
}

/// The file a URL path maps to inside `root`.
pub fn resolve(root: &Path, url: &str) -> Resolved {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else { return Resolved::Refused };
    if decoded.contains('\\') || decoded.contains('\0') {
        return Resolved::Refused;
    }
    let rel = Path::new(decoded.trim_start_matches('/'));
    let mut out = root.to_path_buf();
    for c in rel.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return Resolved::Refused,
        }
    }
    if out == root || decoded.ends_with('/') {
        out.push("index.html");
    }
    // A symlink inside the app directory must not lead outside it.
    match (out.canonicalize(), root.canonicalize()) {
        (Ok(canon), Ok(root)) if canon.starts_with(&root) => Resolved::File(canon),
        (Ok(_), _) => Resolved::Refused,
        (Err(_), _) => Resolved::NotFound,
    }
}

/// Serves until interrupted.
pub fn run(db: &Path, dist: &Path, host: &str, port: u16, kabupaten: &str) -> Result<()> {
    if !dist.join("index.html").is_file() {
        anyhow::bail!(
            "{} has no index.html: build the planner first (scripts/run does: trunk build --release --cargo-profile wasm-release)",
            dist.display()
        );
    }
    let store = Store::open_read_only(db).with_context(|| format!("opening {} read-only", db.display()))?;
    // Fail early if the snapshot cannot be made.
    store.snapshot(kabupaten, &now_iso())?;
    let server = Server::http((host, port)).map_err(|e| anyhow::anyhow!("cannot listen on {host}:{port}: {e}"))?;
    eprintln!(
        "Kinerja planner on http://{host}:{port}/ (data: {}, kabupaten {kabupaten}); Ctrl-C stops.",
        db.display()
    );
    for req in server.incoming_requests() {
        let method = req.method().clone();
        let url = req.url().to_string();
        let header = |k: &str, v: &str| Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
        let resp = if method != Method::Get && method != Method::Head {
            Response::from_string("method not allowed\n").with_status_code(405).boxed()
        } else if url.split('?').next() == Some("/snapshot.json") {
            match store.snapshot(kabupaten, &now_iso()).map(|s| serde_json::to_string(&s)) {
                Ok(Ok(json)) => {
                    let mut r = Response::from_string(json);
                    if let Some(h) = header("Content-Type", "application/json") {
                        r.add_header(h);
                    }
                    if let Some(h) = header("Cache-Control", "no-store") {
                        r.add_header(h);
                    }
                    r.boxed()
                }
                Ok(Err(e)) => Response::from_string(format!("snapshot: {e}\n")).with_status_code(500).boxed(),
                Err(e) => Response::from_string(format!("snapshot: {e}\n")).with_status_code(500).boxed(),
            }
        } else {
            match resolve(dist, &url) {
                Resolved::Refused => Response::from_string("forbidden\n").with_status_code(403).boxed(),
                Resolved::NotFound => Response::from_string("not found\n").with_status_code(404).boxed(),
                Resolved::File(p) => match std::fs::read(&p) {
                    Ok(bytes) => {
                        let mut r = Response::from_data(bytes);
                        if let Some(h) = header("Content-Type", content_type(&p)) {
                            r.add_header(h);
                        }
                        r.boxed()
                    }
                    Err(_) => Response::from_string("not found\n").with_status_code(404).boxed(),
                },
            }
        };
        let _ = req.respond(resp);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_app_are_served() {
        let dir = tempfile_dir();
        let root = dir.join("dist");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("index.html"), "i").unwrap();
        std::fs::write(root.join("a/b.js"), "b").unwrap();
        std::fs::write(dir.join("secret.txt"), "s").unwrap();
        let ok = |u: &str| match resolve(&root, u) {
            Resolved::File(p) => Some(std::fs::read_to_string(p).unwrap()),
            _ => None,
        };
        assert_eq!(ok("/").as_deref(), Some("i"));
        assert_eq!(ok("/a/b.js?v=1").as_deref(), Some("b"));
        assert_eq!(ok("/a/%62.js").as_deref(), Some("b"));
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/a/..%5c..%5csecret.txt",
            "/%00",
            "/%zz",
        ] {
            assert_eq!(resolve(&root, bad), Resolved::Refused, "{bad}");
        }
        assert_eq!(resolve(&root, "/nope.js"), Resolved::NotFound);
        assert_eq!(resolve(&root, "//etc/passwd"), Resolved::NotFound, "an absolute-looking path stays inside the app");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.join("secret.txt"), root.join("link.txt")).unwrap();
            assert_eq!(resolve(&root, "/link.txt"), Resolved::Refused, "a symlink out of the app is refused");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("kinerja-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
