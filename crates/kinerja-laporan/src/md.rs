//! Markdown rendering.

use crate::Document;

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The document as Markdown.
pub fn render(d: &Document) -> String {
    let mut out = format!("# {}\n\n", d.title);
    for s in &d.sub {
        out.push_str(&format!("{s}\n\n"));
    }
    for b in &d.sections {
        out.push_str(&format!("## {}\n\n", b.title));
        out.push_str(&format!("| {} |\n", b.columns.iter().map(|k| esc(k)).collect::<Vec<_>>().join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(b.columns.len())));
        for row in &b.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(&c.text())).collect::<Vec<_>>().join(" | ")));
        }
        out.push('\n');
        for c in &b.notes {
            out.push_str(&format!("{c}\n\n"));
        }
    }
    out
}
