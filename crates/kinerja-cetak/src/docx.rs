//! DOCX by docx-rs: the document as Word paragraphs in Word's own heading
//! styles (so Word's table of contents and navigation pane work), real
//! Word tables whose header row repeats on every page, charts as PNG. It
//! is the draft a kecamatan edits before signing, laid out as the PDF:
//! A4, the same margins and type sizes, page numbers in the footer.

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrText, InstrToC, LineSpacing, PageMargin,
    PageNum, Paragraph, Pic, Run, RunFonts, Shading, SpecialIndentType, Style, StyleType, Table, TableCell,
    TableLayoutType, TableRow, WidthType,
};
use kinerja_laporan::doc::{Contents, Figure, Signature};
use kinerja_laporan::{Block, Cell, Document, Section};

use crate::{Error, Result, gambar};

/// The font Word documents name: on a machine without it (Linux),
/// LibreOffice shows the metric-compatible Liberation Serif.
const FONT: &str = "Times New Roman";
/// The text width of an A4 page with the margins below, in twips.
const TEXT_WIDTH: usize = 11906 - 1701 - 1417;
/// EMU per twip and per CSS pixel (Office's image units).
const EMU_PER_TWIP: u64 = 635;
const EMU_PER_PX: u64 = 9525;

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT)
}

fn heading_style(level: usize, half_points: usize) -> Style {
    let s = Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(level - 1)
        .bold()
        .size(half_points)
        .fonts(fonts())
        .line_spacing(LineSpacing::new().before(240).after(120));
    if level == 1 { s.align(AlignmentType::Center) } else { s }
}

/// The document as a DOCX file.
///
/// # Errors
/// [`Error::Chart`] when a chart cannot be drawn, [`Error::Docx`] when the
/// package cannot be written.
pub fn docx(d: &Document) -> Result<Vec<u8>> {
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin::new().top(1417).bottom(1417).left(1701).right(1417).header(709).footer(709))
        .default_fonts(fonts())
        .default_size(22)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal").q_format(true).fonts(fonts()).size(22))
        .add_style(heading_style(1, 26))
        .add_style(heading_style(2, 24))
        .add_style(heading_style(3, 22))
        .footer(
            Footer::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new())),
        );
    if let Some(m) = &d.mark {
        let p = Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(m).bold().size(16));
        doc = doc.header(Header::new().add_paragraph(p));
    }
    doc = front(doc, d);
    for b in &d.blocks {
        doc = block(doc, d, b)?;
    }
    pack(doc)
}

/// Writes the package, marking header rows to repeat on every page: docx-rs
/// has no setting for `w:tblHeader`, so the rows it marks `cantSplit` (only
/// header rows are) get it in the document part.
fn pack(doc: Docx) -> Result<Vec<u8>> {
    let mut xml = doc.build();
    let text = String::from_utf8(std::mem::take(&mut xml.document)).map_err(|e| Error::Docx(e.to_string()))?;
    xml.document = text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />").into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

fn text(t: &str) -> Run {
    Run::new().add_text(t)
}

fn para(t: &str) -> Paragraph {
    Paragraph::new().align(AlignmentType::Both).add_run(text(t))
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// The cover page, or the title and the lines under it.
fn front(mut doc: Docx, d: &Document) -> Docx {
    match &d.cover {
        Some(c) => {
            for _ in 0..8 {
                doc = doc.add_paragraph(Paragraph::new());
            }
            for (i, l) in c.lines.iter().enumerate() {
                let size = if i < 2 { 36 } else { 30 };
                let run = text(l).bold().size(size);
                doc = doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run));
            }
            doc.add_paragraph(page_break())
        }
        None => {
            let title = Paragraph::new().align(AlignmentType::Center).add_run(text(&d.title).bold().size(28));
            d.sub.iter().fold(doc.add_paragraph(title), |doc, s| {
                doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(text(s).size(20)))
            })
        }
    }
}

fn block(doc: Docx, d: &Document, b: &Block) -> Result<Docx> {
    Ok(match b {
        Block::Chapter(t) => {
            doc.add_paragraph(Paragraph::new().style("Heading1").page_break_before(true).add_run(text(t)))
        }
        Block::Heading(t) => doc.add_paragraph(Paragraph::new().style("Heading2").add_run(text(t))),
        Block::Subheading(t) => doc.add_paragraph(Paragraph::new().style("Heading3").add_run(text(t))),
        Block::Paragraph(t) => doc.add_paragraph(para(t)),
        Block::List(items) => items.iter().fold(doc, |doc, i| {
            let p = Paragraph::new().indent(Some(567), Some(SpecialIndentType::Hanging(283)), None, None);
            doc.add_paragraph(p.add_run(text(&format!("•\t{i}"))))
        }),
        Block::Table(s) => table(doc, s),
        Block::Figure(f) => figure(doc, f)?,
        Block::Placeholder(t) => {
            let run = text(&format!("[belum diisi: {t}]")).italic();
            doc.add_paragraph(Paragraph::new().add_run(run))
        }
        Block::Signatures(all) => doc.add_table(signatures(all)),
        Block::Contents(kind, title) => contents(doc, d, *kind, title),
        Block::PageBreak => doc.add_paragraph(page_break()),
    })
}

fn caption(t: &str) -> Paragraph {
    Paragraph::new().keep_next(true).add_run(text(t).bold())
}

fn cell(c: &Cell, width: usize, header: bool) -> TableCell {
    let numeric = !matches!(c, Cell::Text(_) | Cell::Empty);
    let run = if header { text(&c.text()).bold() } else { text(&c.text()) };
    let p =
        Paragraph::new().align(if numeric { AlignmentType::Right } else { AlignmentType::Left }).add_run(run.size(20));
    let cell = TableCell::new().width(width, WidthType::Dxa).add_paragraph(p);
    if header { cell.shading(Shading::new().fill("D9D9D9")) } else { cell }
}

/// Column widths: the text width shared by the columns' longest texts.
fn widths(s: &Section) -> Vec<usize> {
    let longest = |i: usize| {
        let body = s.rows.iter().filter_map(|r| r.get(i)).map(|c| c.text().chars().count()).max().unwrap_or(0);
        body.max(s.columns.get(i).map_or(0, |c| c.chars().count())).clamp(4, 40)
    };
    let wanted: Vec<usize> = (0..s.columns.len()).map(longest).collect();
    let total: usize = wanted.iter().sum::<usize>().max(1);
    wanted.iter().map(|w| TEXT_WIDTH * w / total).collect()
}

fn table(doc: Docx, s: &Section) -> Docx {
    let w = widths(s);
    let header = TableRow::new(s.columns.iter().zip(&w).map(|(c, w)| cell(&Cell::Text(c.clone()), *w, true)).collect())
        .cant_split();
    let rows = s.rows.iter().map(|r| TableRow::new(r.iter().zip(&w).map(|(c, w)| cell(c, *w, false)).collect()));
    let t = Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(w.clone())
        .layout(TableLayoutType::Fixed)
        .width(w.iter().sum(), WidthType::Dxa);
    let doc = doc.add_paragraph(caption(&s.title)).add_table(t);
    s.notes.iter().fold(doc, |doc, n| doc.add_paragraph(Paragraph::new().add_run(text(n).size(18))))
}

/// A chart as a PNG at most the text width wide, its title under it.
fn figure(doc: Docx, f: &Figure) -> Result<Docx> {
    let (png, w, h) = gambar::png(&f.title, &f.svg)?;
    let max = TEXT_WIDTH as u64 * EMU_PER_TWIP;
    let (ew, eh) = (u64::from(w) * EMU_PER_PX, u64::from(h) * EMU_PER_PX);
    let (ew, eh) = if ew > max { (max, eh * max / ew) } else { (ew, eh) };
    let size = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    let pic = Pic::new_with_dimensions(png, w.saturating_mul(gambar::SCALE_PX), h.saturating_mul(gambar::SCALE_PX))
        .size(size(ew), size(eh));
    let image = Paragraph::new().align(AlignmentType::Center).keep_next(true).add_run(Run::new().add_image(pic));
    let title = Paragraph::new().align(AlignmentType::Center).add_run(text(&f.title).bold());
    Ok(doc.add_paragraph(image).add_paragraph(title))
}

/// Signature blocks side by side in a borderless table.
fn signatures(all: &[Signature]) -> Table {
    let width = TEXT_WIDTH / all.len().max(1);
    let cells = all
        .iter()
        .map(|s| {
            let line = |t: &str| Paragraph::new().align(AlignmentType::Center).add_run(text(t));
            let mut c = TableCell::new().width(width, WidthType::Dxa);
            if let Some(p) = &s.place_date {
                c = c.add_paragraph(line(p));
            }
            c = c.add_paragraph(line(&s.role));
            for _ in 0..4 {
                c = c.add_paragraph(Paragraph::new());
            }
            let name = Run::new().add_text(&s.name).bold().underline("single");
            c = c.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(name));
            [&s.pangkat, &s.nip].into_iter().flatten().fold(c, |c, l| c.add_paragraph(line(l)))
        })
        .collect();
    Table::without_borders(vec![TableRow::new(cells)]).set_grid(vec![width; all.len().max(1)])
}

/// Word's own table of contents for the chapters and headings, its entries
/// already filled in (the field is marked dirty, so Word sets the page
/// numbers when it opens the file; LibreOffice shows the entries as they
/// are); the tables and charts listed by title.
fn contents(doc: Docx, d: &Document, kind: Contents, title: &str) -> Docx {
    let heading = Paragraph::new().line_spacing(LineSpacing::new().before(240).after(120));
    let doc = doc.add_paragraph(heading.add_run(text(title).bold().size(24)));
    match kind {
        Contents::Chapters => toc(doc, d),
        Contents::Tables => d.tables().fold(doc, |doc, s| doc.add_paragraph(Paragraph::new().add_run(text(&s.title)))),
        Contents::Figures => {
            d.figures().fold(doc, |doc, f| doc.add_paragraph(Paragraph::new().add_run(text(&f.title))))
        }
    }
}

/// A `TOC` field over Heading 1–2 whose result is the headings' text, one
/// paragraph each (docx-rs's own table of contents leaves the result empty,
/// which LibreOffice shows as the field's code).
fn toc(doc: Docx, d: &Document) -> Docx {
    let entries: Vec<(usize, &String)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chapter(t) => Some((1, t)),
            Block::Heading(t) => Some((2, t)),
            _ => None,
        })
        .collect();
    let last = entries.len().saturating_sub(1);
    let instr = InstrText::TOC(InstrToC::new().heading_styles_range(1, 2).hyperlink());
    let begin = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(instr)
        .add_field_char(FieldCharType::Separate, false);
    let end = Run::new().add_field_char(FieldCharType::End, false);
    if entries.is_empty() {
        return doc.add_paragraph(Paragraph::new().add_run(begin).add_run(end));
    }
    entries.into_iter().enumerate().fold(doc, |doc, (i, (level, t))| {
        let mut p = Paragraph::new();
        if i == 0 {
            p = p.add_run(begin.clone());
        }
        p = p.add_run(text(t));
        if level > 1 {
            p = p.indent(Some(360), None, None, None);
        }
        if i == last {
            p = p.add_run(end.clone());
        }
        doc.add_paragraph(p)
    })
}
