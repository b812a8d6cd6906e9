//! HTML rendering: one self-contained page.

use crate::{Block, Cell, Document, Section};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The document as an HTML page.
pub fn render(d: &Document) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", esc(&d.title)));
    out.push_str(
        "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:72rem}table{border-collapse:collapse;margin:.5rem 0 1rem}\
         th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}\
         .sintetis{background:#fff3cd}.peringatan{background:#fff3cd;border:1px solid #e0a800;padding:.5rem}</style>\n</head>\n<body>\n",
    );
    out.push_str(&format!("<h1>{}</h1>\n", esc(&d.title)));
    for s in &d.sub {
        let class = if s.contains("SINTETIS") { " class=\"peringatan\"" } else { "" };
        out.push_str(&format!("<p{class}>{}</p>\n", esc(s)));
    }
    for block in &d.blocks {
        match block {
            Block::Heading(t) => out.push_str(&format!("<h2>{}</h2>\n", esc(t))),
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", esc(p))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", esc(i)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(b) => table(&mut out, b),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn table(out: &mut String, b: &Section) {
    out.push_str(&format!("<h2>{}</h2>\n<table>\n<thead><tr>", esc(&b.title)));
    for k in &b.columns {
        out.push_str(&format!("<th>{}</th>", esc(k)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &b.rows {
        let synthetic = row.iter().any(|c| matches!(c, Cell::Text(s) if s.contains("[sintetis]")));
        out.push_str(if synthetic { "<tr class=\"sintetis\">" } else { "<tr>" });
        for c in row {
            let class = if matches!(c, Cell::Text(_) | Cell::Empty) { "" } else { " class=\"n\"" };
            out.push_str(&format!("<td{class}>{}</td>", esc(&c.text())));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    for c in &b.notes {
        out.push_str(&format!("<p>{}</p>\n", esc(c)));
    }
}
