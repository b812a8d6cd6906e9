//! `kinerja serve`: the planner app and its snapshot over HTTP, read-only
//! and confined to the app's directory.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{kinerja_in, loaded, ok, p};

/// One raw HTTP request (the path is sent exactly as given).
fn http(port: u16, method: &str, path: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let code = out.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (code, out)
}

/// Runs `kinerja serve` on a free port with `args` (after `--db`, `--dist`,
/// `--port`), calls `check` with the port once it answers, and stops it.
fn serving(db: &Path, dist: &Path, args: &[&str], check: impl FnOnce(u16) + std::panic::UnwindSafe) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = kinerja_in("en")
        .args(["serve", "--db", p(db), "--dist", p(dist), "--port", &port.to_string()])
        .args(args)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let up = (0..100).any(|_| {
        let ok = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
        if !ok {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        ok
    });
    let result = std::panic::catch_unwind(|| {
        assert!(up, "kinerja serve {args:?} did not start");
        check(port);
    });
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// A directory with an app's index.html, as `kinerja serve --dist` takes.
fn dist_in(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir(&dist).unwrap();
    fs::write(dist.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    dist
}

#[test]
fn serve_is_read_only_and_stays_inside_the_app() {
    let (dir, db) = loaded();
    let dist = dist_in(dir.path());
    fs::write(dir.path().join("rahasia.txt"), "rahasia").unwrap();
    serving(&db, &dist, &[], |port| {
        assert_eq!(http(port, "GET", "/").0, 200);
        let (code, body) = http(port, "GET", "/snapshot.json");
        assert_eq!(code, 200);
        assert!(body.contains("\"versi\":2") && body.contains("\"kode_wilayah\":\"12.19\""));
        for path in ["/../rahasia.txt", "/%2e%2e/rahasia.txt", "/..%2frahasia.txt", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"] {
            let (code, body) = http(port, "GET", path);
            assert_eq!(code, 403, "{path}");
            assert!(!body.contains("rahasia\n") && !body.contains("root:"), "{path}");
        }
        assert_eq!(http(port, "GET", "/missing.js").0, 404);
        assert_eq!(http(port, "POST", "/snapshot.json").0, 405);
        // A write while the server runs is not blocked, and the planner sees it on reload.
        let before = http(port, "GET", "/snapshot.json").1;
        ok(&["demo", "synth", "--kabupaten", "12.19", "--seed", "5", "--db", p(&db)]);
        let after = http(port, "GET", "/snapshot.json").1;
        let synthetic = |s: &str| s.matches("\"sintetis\"").count();
        assert!(synthetic(&after) > synthetic(&before), "{after:.300}");
    });
}

/// `kinerja serve --provinsi` and `--nasional` give the planner the
/// provinsi's or the nation's snapshot, as `export snapshot` writes it.
#[test]
fn serve_gives_a_provinsi_or_the_nation() {
    let (dir, db) = loaded();
    let dist = dist_in(dir.path());
    ok(&["demo", "synth", "--scale", "national", "--fraction", "0.002", "--seed", "5", "--db", p(&db)]);
    // The kecamatan codes of a snapshot's wilayah rows.
    let kecamatan = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["data"]["wilayah"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["tingkat"] == "kecamatan")
            .map(|w| w["kode"].as_str().unwrap().to_string())
            .collect()
    };
    // The body as sent, not chunked: asked for in HTTP/1.0.
    let body = |port: u16| {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET /snapshot.json HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        let (head, body) = out.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"), "{head}");
        body.to_string()
    };
    for (args, kode, ringkas) in [(&["--provinsi", "12"][..], "12", false), (&["--nasional"][..], "", true)] {
        let file = dir.path().join(format!("snapshot-{kode}.json"));
        ok(&[&["export", "snapshot", "--out", p(&file), "--db", p(&db)][..], args].concat());
        let exported = fs::read_to_string(&file).unwrap();
        serving(&db, &dist, args, |port| {
            let served = body(port);
            let v: serde_json::Value = serde_json::from_str(&served).unwrap();
            assert_eq!((v["kode_wilayah"].as_str(), v["ringkas"].as_bool()), (Some(kode), Some(ringkas)), "{args:?}");
            let (got, want) = (kecamatan(&served), kecamatan(&exported));
            assert_eq!(got, want, "{args:?}: served and exported hold the same kecamatan");
            assert!(got.iter().all(|k| k.starts_with(&format!("{kode}."))) || kode.is_empty(), "{args:?}");
            let kabupaten: std::collections::BTreeSet<&str> = got.iter().map(|k| &k[..5]).collect();
            let provinsi: std::collections::BTreeSet<&str> = got.iter().map(|k| &k[..2]).collect();
            if kode.is_empty() {
                assert_eq!((got.len(), provinsi.len()), (7285, 38), "{args:?}");
            } else {
                assert!(kabupaten.len() > 1 && got.len() > 12, "{args:?}: {} kecamatan", got.len());
            }
        });
    }
}
