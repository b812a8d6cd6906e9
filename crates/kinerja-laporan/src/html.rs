//! HTML rendering: one self-contained page (charts inline as SVG), printable
//! (chapters start a page, the cover is a page of its own).

use crate::doc::{Contents, Cover, Figure, Signature};
use crate::{Block, Cell, Document, Section};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const STYLE: &str = "<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:72rem}\
table{border-collapse:collapse;margin:.5rem 0 1rem}caption{font-weight:bold;text-align:left;padding:.25rem 0}\
th,td{border:1px solid #999;padding:.25rem .5rem;vertical-align:top}th{background:#eee}td.n{text-align:right;white-space:nowrap}\
.sintetis{background:#fff3cd}.peringatan{background:#fff3cd;border:1px solid #e0a800;padding:.5rem}\
.kosong{color:#7a4b00;background:#fff3cd;border-left:4px solid #e0a800;padding:.25rem .5rem}\
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-weight:bold}\
.ttd{display:flex;justify-content:space-around;gap:2rem;margin:2rem 0;text-align:center}.ttd .nama{margin-top:4rem;font-weight:bold;text-decoration:underline}\
.sampul{text-align:center;min-height:90vh;display:flex;flex-direction:column;justify-content:center;gap:1rem}.sampul p{margin:0;font-size:1.4rem;font-weight:bold}\
@media print{h1.bab,.halaman{break-before:page}.sampul{break-after:page}}</style>\n";

/// The document as an HTML page.
pub fn render(d: &Document) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    out.push_str(&format!("<title>{}</title>\n", esc(&d.title)));
    out.push_str(STYLE);
    out.push_str("</head>\n<body>\n");
    if let Some(c) = &d.cover {
        cover(&mut out, c);
    } else {
        out.push_str(&format!("<h1>{}</h1>\n", esc(&d.title)));
    }
    if let Some(m) = &d.mark {
        out.push_str(&format!("<p class=\"peringatan\">{}</p>\n", esc(m)));
    }
    for s in &d.sub {
        let class = if s.contains("SINTETIS") { " class=\"peringatan\"" } else { "" };
        out.push_str(&format!("<p{class}>{}</p>\n", esc(s)));
    }
    for (i, block) in d.blocks.iter().enumerate() {
        self::block(&mut out, d, i, block);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block(out: &mut String, d: &Document, i: usize, b: &Block) {
    match b {
        Block::Chapter(t) => out.push_str(&format!("<h1 class=\"bab\" id=\"b{i}\">{}</h1>\n", esc(t))),
        Block::Heading(t) => out.push_str(&format!("<h2 id=\"b{i}\">{}</h2>\n", esc(t))),
        Block::Subheading(t) => out.push_str(&format!("<h3 id=\"b{i}\">{}</h3>\n", esc(t))),
        Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>\n", esc(p))),
        Block::List(items) => list(out, items.iter().map(|x| esc(x))),
        Block::Table(s) => table(out, i, s),
        Block::Figure(f) => figure(out, i, f),
        Block::Placeholder(t) => out.push_str(&format!("<p class=\"kosong\">[belum diisi: {}]</p>\n", esc(t))),
        Block::Signatures(s) => signatures(out, s),
        Block::Contents(kind, title) => contents(out, d, *kind, title),
        Block::PageBreak => out.push_str("<div class=\"halaman\"></div>\n"),
    }
}

fn list(out: &mut String, items: impl Iterator<Item = String>) {
    out.push_str("<ul>\n");
    for i in items {
        out.push_str(&format!("<li>{i}</li>\n"));
    }
    out.push_str("</ul>\n");
}

fn cover(out: &mut String, c: &Cover) {
    out.push_str("<section class=\"sampul\">\n");
    for l in &c.lines {
        out.push_str(&format!("<p>{}</p>\n", esc(l)));
    }
    out.push_str("</section>\n");
}

fn table(out: &mut String, i: usize, b: &Section) {
    out.push_str(&format!("<table id=\"b{i}\">\n<caption>{}</caption>\n<thead><tr>", esc(&b.title)));
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

/// A chart, its SVG inline (it is generated, never a user's markup).
fn figure(out: &mut String, i: usize, f: &Figure) {
    out.push_str(&format!("<figure id=\"b{i}\" role=\"img\" aria-label=\"{}\">\n", esc(&f.alt)));
    out.push_str(f.svg.trim());
    out.push_str(&format!("\n<figcaption>{}</figcaption>\n</figure>\n", esc(&f.title)));
}

fn signatures(out: &mut String, all: &[Signature]) {
    out.push_str("<div class=\"ttd\">\n");
    for s in all {
        out.push_str("<div>");
        if let Some(p) = &s.place_date {
            out.push_str(&format!("<div>{}</div>", esc(p)));
        }
        out.push_str(&format!("<div>{}</div><div class=\"nama\">{}</div>", esc(&s.role), esc(&s.name)));
        for line in [&s.pangkat, &s.nip].into_iter().flatten() {
            out.push_str(&format!("<div>{}</div>", esc(line)));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

/// A list of links to the document's chapters and headings, tables or
/// charts (a page has no page numbers).
fn contents(out: &mut String, d: &Document, kind: Contents, title: &str) {
    out.push_str(&format!("<h2>{}</h2>\n", esc(title)));
    let items = d.blocks.iter().enumerate().filter_map(|(i, b)| {
        let t = match (kind, b) {
            (Contents::Chapters, Block::Chapter(t) | Block::Heading(t)) => t,
            (Contents::Tables, Block::Table(s)) => &s.title,
            (Contents::Figures, Block::Figure(f)) => &f.title,
            _ => return None,
        };
        Some(format!("<a href=\"#b{i}\">{}</a>", esc(t)))
    });
    list(out, items);
}
