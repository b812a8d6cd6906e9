//! Markdown rendering.

use super::Dokumen;

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The document as Markdown.
pub fn render(d: &Dokumen) -> String {
    let mut out = format!("# {}\n\n", d.judul);
    for s in &d.sub {
        out.push_str(&format!("{s}\n\n"));
    }
    for b in &d.bagian {
        out.push_str(&format!("## {}\n\n", b.judul));
        out.push_str(&format!("| {} |\n", b.kolom.iter().map(|k| esc(k)).collect::<Vec<_>>().join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(b.kolom.len())));
        for row in &b.baris {
            out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(&c.teks())).collect::<Vec<_>>().join(" | ")));
        }
        out.push('\n');
        for c in &b.catatan {
            out.push_str(&format!("{c}\n\n"));
        }
    }
    out
}
