//! HTML rendering: one self-contained page.

use super::{Cell, Dokumen};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The document as an HTML page.
pub fn render(d: &Dokumen) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", esc(&d.judul)));
    out.push_str(
        "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:72rem}table{border-collapse:collapse;margin:.5rem 0 1rem}\
         th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}\
         .sintetis{background:#fff3cd}.peringatan{background:#fff3cd;border:1px solid #e0a800;padding:.5rem}</style>\n</head>\n<body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n", esc(&d.judul)));
    for s in &d.sub {
        let class = if s.contains("SINTETIS") { " class=\"peringatan\"" } else { "" };
        out.push_str(&format!("<p{class}>{}</p>\n", esc(s)));
    }
    for b in &d.bagian {
        out.push_str(&format!("<h2>{}</h2>\n<table>\n<thead><tr>", esc(&b.judul)));
        for k in &b.kolom {
            out.push_str(&format!("<th>{}</th>", esc(k)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &b.baris {
            let synthetic = row.iter().any(|c| matches!(c, Cell::Teks(s) if s.contains("[sintetis]")));
            out.push_str(if synthetic { "<tr class=\"sintetis\">" } else { "<tr>" });
            for c in row {
                let class = if matches!(c, Cell::Teks(_) | Cell::Kosong) { "" } else { " class=\"n\"" };
                out.push_str(&format!("<td{class}>{}</td>", esc(&c.teks())));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        for c in &b.catatan {
            out.push_str(&format!("<p>{}</p>\n", esc(c)));
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
