//! What the server answers to a request, from the request, the files of
//! the app directory and the current snapshot; tested without sockets.
//! Percent-decoding, base64, media types and `If-None-Match` are the
//! maintained crates' (`percent-encoding`, `base64`, `mime_guess`,
//! `headers`); `Accept-Encoding` is read here, as `headers` has no type
//! for it.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use base64::Engine as _;
use headers::Header as _;
use kinerja_pesan::msg;
use sha2::{Digest, Sha256};

use crate::pesan::KonteksExt;

use super::{Snapshots, dokumen};

/// The parts of a request the answer depends on.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// Path and query.
    pub url: String,
    /// The `Accept-Encoding` header (empty when absent).
    pub accept_encoding: String,
    /// The `If-None-Match` header (empty when absent).
    pub if_none_match: String,
    /// Bytes of request body announced.
    pub body_length: usize,
}

/// A response: status, headers, body (sent whole; left out for `HEAD`).
#[derive(Debug, Clone)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Headers.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Arc<Vec<u8>>,
}

/// The longest URL answered.
const MAX_URL: usize = 2048;

/// The built app: its directory and the Content Security Policy its
/// `index.html` works under.
pub struct App {
    root: PathBuf,
    csp: String,
}

impl App {
    /// The app in `dist` (built by trunk); its inline start-up script is
    /// allowed by hash, nothing else inline.
    pub fn new(dist: &Path) -> Result<App> {
        let path = dist.join("index.html");
        let index = std::fs::read_to_string(&path).konteks(|| msg::cli_build_planner_first(path.display()))?;
        let hashes: Vec<String> =
            inline_scripts(&index).map(|s| format!("'sha256-{}'", base64(&Sha256::digest(s)))).collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            hashes.join(" ")
        );
        Ok(App { root: dist.to_path_buf(), csp })
    }
}

/// The contents of the inline `<script>` elements of a page.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (tag, body) = rest.split_once('>')?;
        (!tag.contains("src=")).then(|| body.split("</script>").next()).flatten()
    })
}

/// Standard base64 with padding (for CSP hashes).
fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The media type of a file by its extension; text in UTF-8.
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.type_() == mime_guess::mime::TEXT { format!("{mime}; charset=utf-8") } else { mime.to_string() }
}

/// Whether the client's `If-None-Match` names the snapshot's `ETag`.
fn not_modified(if_none_match: &str, etag: &str) -> bool {
    let (Ok(value), Ok(etag)) = (headers::HeaderValue::from_str(if_none_match), etag.parse::<headers::ETag>()) else {
        return false;
    };
    headers::IfNoneMatch::decode(&mut std::iter::once(&value)).is_ok_and(|inm| !inm.precondition_passes(&etag))
}

/// Whether a file name carries trunk's content hash (`app-5e53b09f470fd1a.js`):
/// its content never changes under that name.
fn hashed(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.split(['-', '_', '.']).any(|part| part.len() >= 12 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A plain-text answer.
pub(super) fn reply(status: u16, text: &str) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
        body: Arc::new(format!("{text}\n").into_bytes()),
    }
}

/// Whether the client accepts `coding` (`gzip`, `br`) by its header.
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|c| {
        let mut parts = c.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q0 = parts.any(|p| matches!(p.trim().replace(' ', "").as_str(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
        name.eq_ignore_ascii_case(coding) && !q0
    })
}

/// The answer to a request.
pub fn answer(r: &Request, app: &App, snapshots: &Snapshots) -> Reply {
    let mut out = if r.method != "GET" && r.method != "HEAD" {
        let mut x = reply(405, "method not allowed");
        x.headers.push(("Allow".into(), "GET, HEAD".into()));
        x
    } else if r.body_length > 0 {
        reply(413, "a GET request has no body")
    } else if r.url.len() > MAX_URL {
        reply(414, "URL too long")
    } else if r.url.split('?').next() == Some("/snapshot.json") {
        snapshot(r, snapshots)
    } else if r.url.starts_with(dokumen::PREFIX) {
        match dokumen::parse(&r.url) {
            Some(p) => dokumen::answer(&p, snapshots.db(), snapshots.wilayah()),
            None => reply(404, "not found"),
        }
    } else {
        file(r, app)
    };
    out.headers.push(("X-Content-Type-Options".into(), "nosniff".into()));
    out.headers.push(("Content-Security-Policy".into(), app.csp.clone()));
    out.headers.push(("Referrer-Policy".into(), "no-referrer".into()));
    out
}

fn snapshot(r: &Request, snapshots: &Snapshots) -> Reply {
    let s = match snapshots.get() {
        Ok(s) => s,
        Err(e) => return reply(503, &format!("snapshot: {e:#}")),
    };
    let etag = format!("\"{}\"", s.etag);
    let mut headers = vec![
        ("ETag".to_string(), etag.clone()),
        ("Cache-Control".to_string(), "no-cache".to_string()),
        ("Vary".to_string(), "Accept-Encoding".to_string()),
    ];
    if !r.if_none_match.is_empty() && not_modified(&r.if_none_match, &etag) {
        return Reply { status: 304, headers, body: Arc::new(Vec::new()) };
    }
    headers.push(("Content-Type".into(), "application/json".into()));
    let body = if accepts(&r.accept_encoding, "gzip") {
        headers.push(("Content-Encoding".into(), "gzip".into()));
        Arc::clone(&s.gzip)
    } else {
        Arc::clone(&s.json)
    };
    Reply { status: 200, headers, body }
}

fn file(r: &Request, app: &App) -> Reply {
    let path = match resolve(&app.root, &r.url) {
        Resolved::Refused => return reply(403, "forbidden"),
        Resolved::NotFound => return reply(404, "not found"),
        Resolved::File(p) => p,
    };
    let cache = if hashed(&path) { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut headers = vec![
        ("Content-Type".to_string(), content_type(&path)),
        ("Cache-Control".to_string(), cache.to_string()),
        ("Vary".to_string(), "Accept-Encoding".to_string()),
    ];
    // The precompressed twin the client accepts, best first.
    for (coding, ext) in [("br", "br"), ("gzip", "gz")] {
        let twin = path.with_file_name(format!("{}.{ext}", path.file_name().and_then(|n| n.to_str()).unwrap_or("")));
        if accepts(&r.accept_encoding, coding)
            && let Ok(bytes) = std::fs::read(&twin)
        {
            headers.push(("Content-Encoding".into(), coding.into()));
            return Reply { status: 200, headers, body: Arc::new(bytes) };
        }
    }
    match std::fs::read(&path) {
        Ok(bytes) => Reply { status: 200, headers, body: Arc::new(bytes) },
        Err(_) => reply(404, "not found"),
    }
}

/// A URL path percent-decoded, when every `%` starts an escape and the
/// result is UTF-8 (the decoder passes a malformed escape through as text).
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let malformed = b
        .iter()
        .enumerate()
        .any(|(i, c)| *c == b'%' && !b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)));
    if malformed {
        return None;
    }
    percent_encoding::percent_decode_str(s).decode_utf8().ok().map(std::borrow::Cow::into_owned)
}

/// Where a URL path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the app directory.
    File(PathBuf),
    /// Inside the app directory, but no such file (a directory is not listed).
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
        (Ok(canon), Ok(_)) if canon.is_dir() => Resolved::NotFound,
        (Ok(canon), Ok(root)) if canon.starts_with(&root) => Resolved::File(canon),
        (Ok(_), _) => Resolved::Refused,
        (Err(_), _) => Resolved::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An app directory like trunk's, and a database with the seed.
    fn fixture() -> (tempfile::TempDir, App, Snapshots, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(dist.join("a")).unwrap();
        let index = "<html><head><script type=\"module\">import init from './app-5e53b09f470fd1a.js';</script>\
                     <script src=\"./x.js\"></script></head></html>";
        std::fs::write(dist.join("index.html"), index).unwrap();
        std::fs::write(dist.join("app-5e53b09f470fd1a.js"), "raw").unwrap();
        std::fs::write(dist.join("app-5e53b09f470fd1a.js.gz"), "gz").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let db = dir.path().join("k.duckdb");
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        kinerja_store::Store::open(&db).unwrap().load_dir(&data, &mut |_, _, _| {}).unwrap();
        let app = App::new(&dist).unwrap();
        let snapshots = Snapshots::new(&db, "12.19");
        (dir, app, snapshots, db)
    }

    fn get(url: &str, accept: &str, etag: &str) -> Request {
        Request {
            method: "GET".into(),
            url: url.into(),
            accept_encoding: accept.into(),
            if_none_match: etag.into(),
            body_length: 0,
        }
    }

    fn header<'a>(r: &'a Reply, name: &str) -> Option<&'a str> {
        r.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    #[test]
    fn only_get_and_head_without_body_or_overlong_urls() {
        let (_dir, app, snap, _) = fixture();
        let post = answer(&Request { method: "POST".into(), ..get("/", "", "") }, &app, &snap);
        assert_eq!((post.status, header(&post, "Allow")), (405, Some("GET, HEAD")));
        assert_eq!(answer(&Request { body_length: 5, ..get("/", "", "") }, &app, &snap).status, 413);
        assert_eq!(answer(&get(&format!("/{}", "a".repeat(MAX_URL)), "", ""), &app, &snap).status, 414);
        assert_eq!(answer(&get("/a/", "", ""), &app, &snap).status, 404, "no listing of a directory");
        assert_eq!(answer(&get("/a", "", ""), &app, &snap).status, 404);
        assert_eq!(answer(&get("/../secret.txt", "", ""), &app, &snap).status, 403);
    }

    #[test]
    fn assets_are_typed_cached_by_name_and_sent_compressed_when_accepted() {
        let (_dir, app, snap, _) = fixture();
        let index = answer(&get("/", "gzip", ""), &app, &snap);
        assert_eq!(header(&index, "Cache-Control"), Some("no-cache"));
        assert_eq!(header(&index, "Content-Type"), Some("text/html; charset=utf-8"));
        assert_eq!(header(&index, "X-Content-Type-Options"), Some("nosniff"));
        let csp = header(&index, "Content-Security-Policy").unwrap();
        let inline = "import init from './app-5e53b09f470fd1a.js';";
        assert!(csp.contains(&format!("'sha256-{}'", base64(&Sha256::digest(inline)))), "{csp}");
        assert!(!csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), "{csp}");
        let js = answer(&get("/app-5e53b09f470fd1a.js", "br, gzip", ""), &app, &snap);
        assert_eq!(header(&js, "Cache-Control"), Some("public, max-age=31536000, immutable"));
        assert_eq!((header(&js, "Content-Encoding"), js.body.as_slice()), (Some("gzip"), &b"gz"[..]));
        let plain = answer(&get("/app-5e53b09f470fd1a.js", "gzip;q=0, identity", ""), &app, &snap);
        assert_eq!((header(&plain, "Content-Encoding"), plain.body.as_slice()), (None, &b"raw"[..]));
        assert_eq!(header(&plain, "Content-Type"), Some("text/javascript; charset=utf-8"));
    }

    #[test]
    fn the_snapshot_is_built_once_per_change_and_revalidated_by_etag() {
        let (_dir, app, snap, db) = fixture();
        let first = answer(&get("/snapshot.json", "", ""), &app, &snap);
        let etag = header(&first, "ETag").unwrap().to_string();
        assert_eq!((first.status, header(&first, "Content-Type")), (200, Some("application/json")));
        let json: serde_json::Value = serde_json::from_slice(&first.body).unwrap();
        assert_eq!(json["kode_wilayah"], "12.19");
        assert!(Arc::ptr_eq(&snap.get().unwrap().json, &snap.get().unwrap().json), "built once while unchanged");
        let again = answer(&get("/snapshot.json", "gzip", &etag), &app, &snap);
        assert_eq!((again.status, again.body.len()), (304, 0));
        let gz = answer(&get("/snapshot.json", "gzip", "\"other\""), &app, &snap);
        assert_eq!(header(&gz, "Content-Encoding"), Some("gzip"));
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(gz.body.as_slice()), &mut text).unwrap();
        assert_eq!(text.as_bytes(), first.body.as_slice());
        // A write to the database gives a new snapshot.
        kinerja_store::Store::open(&db).unwrap().synth("12.19", 3).unwrap();
        let changed = answer(&get("/snapshot.json", "", &etag), &app, &snap);
        assert_eq!(changed.status, 200);
        assert_ne!(header(&changed, "ETag").unwrap(), etag);
    }

    #[test]
    fn the_documents_of_a_kecamatan_of_the_region_are_offered_for_download() {
        let (_dir, app, snap, _) = fixture();
        let json: serde_json::Value =
            serde_json::from_slice(&answer(&get("/snapshot.json", "", ""), &app, &snap).body).unwrap();
        assert_eq!(json["dokumen"], true, "the planner learns that it may offer the downloads");
        let pdf = answer(&get("/dokumen/lkjip/12.19.07/2024.pdf", "gzip", ""), &app, &snap);
        assert_eq!((pdf.status, header(&pdf, "Content-Type")), (200, Some("application/pdf")));
        assert!(pdf.body.starts_with(b"%PDF-"));
        assert_eq!(
            header(&pdf, "Content-Disposition"),
            Some("attachment; filename=\"LKjIP-2024-12.19.07-Sei-Balai.pdf\"")
        );
        let pk = answer(&get("/dokumen/pk/12.19.07/2025.docx", "", ""), &app, &snap);
        assert_eq!(pk.status, 200);
        assert!(pk.body.starts_with(b"PK\x03\x04"), "a DOCX is a zip package");
        assert!(header(&pk, "Content-Disposition").unwrap().contains("PK-2025-12.19.07-Sei-Balai.docx"));
        let none = answer(&get("/dokumen/lkjip/12.19.07/1999.pdf", "", ""), &app, &snap);
        assert_eq!(none.status, 404);
        assert!(String::from_utf8_lossy(&none.body).contains("1999"), "the reason names the year");
        let unknown = answer(&get("/dokumen/lkjip/12.19.99/2024.pdf", "", ""), &app, &snap);
        assert!(unknown.status == 404 && String::from_utf8_lossy(&unknown.body).contains("12.19.99"));
        let elsewhere = answer(&get("/dokumen/lkjip/12.20.01/2024.pdf", "", ""), &app, &snap);
        assert_eq!(elsewhere.status, 404, "only the region served");
        assert!(String::from_utf8_lossy(&elsewhere.body).contains("12.20.01"), "the reply names the kecamatan");
        for bad in ["/dokumen/lkjip/12.19.07/2024.html", "/dokumen/../index.html", "/dokumen/"] {
            assert_eq!(answer(&get(bad, "", ""), &app, &snap).status, 404, "{bad}");
        }
    }

    #[test]
    fn only_files_inside_the_app_are_served() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
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
    }

    #[test]
    fn base64_pads_like_the_standard() {
        for (input, want) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")] {
            assert_eq!(base64(input.as_bytes()), want);
        }
    }
}
