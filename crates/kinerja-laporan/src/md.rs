//! Markdown rendering.

use crate::{Block, Document};

fn esc(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The document as Markdown.
pub fn render(d: &Document) -> String {
    let mut out = format!("# {}\n\n", d.title);
    for s in &d.sub {
        out.push_str(&format!("{s}\n\n"));
    }
    if let Some(m) = &d.mark {
        out.push_str(&format!("**{m}**\n\n"));
    }
    for block in &d.blocks {
        match block {
            Block::Chapter(h) => out.push_str(&format!("# {}\n\n", esc(h))),
            Block::Heading(h) => out.push_str(&format!("## {}\n\n", esc(h))),
            Block::Subheading(h) => out.push_str(&format!("### {}\n\n", esc(h))),
            Block::Placeholder(t) => out.push_str(&format!("**[belum diisi: {t}]**\n\n")),
            Block::Figure(f) => out.push_str(&format!("**{}**\n\n{}\n\n", f.title, f.alt)),
            Block::Signatures(all) => {
                for s in all {
                    let lines = [
                        s.place_date.clone(),
                        Some(s.role.clone()),
                        Some(s.name.clone()),
                        s.pangkat.clone(),
                        s.nip.clone(),
                    ];
                    out.push_str(&lines.into_iter().flatten().collect::<Vec<_>>().join("  \n"));
                    out.push_str("\n\n");
                }
            }
            Block::Contents(..) | Block::PageBreak => {}
            Block::Paragraph(p) => out.push_str(&format!("{p}\n\n")),
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
            Block::Table(b) => {
                out.push_str(&format!("## {}\n\n", b.title));
                out.push_str(&format!("| {} |\n", b.columns.iter().map(|k| esc(k)).collect::<Vec<_>>().join(" | ")));
                out.push_str(&format!("|{}\n", "---|".repeat(b.columns.len())));
                for row in &b.rows {
                    let cells: Vec<String> = row.iter().map(|c| esc(&c.text())).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                out.push('\n');
                for c in &b.notes {
                    out.push_str(&format!("{c}\n\n"));
                }
            }
        }
    }
    out
}
