//! Charts as PNG for formats whose readers do not all show SVG (DOCX):
//! rasterised by resvg with the embedded fonts, at print resolution.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::huruf::{FACES, FAMILY};
use crate::{Error, Result};

/// Pixels per CSS pixel: 2 × 96 dpi = 192 dpi at the chart's own size, and
/// about 200 dpi as printed across the text width (16 cm for 1,200 pixels):
/// lines and labels print sharp, and the document stays quick to write.
const SCALE: f32 = 2.0;
/// [`SCALE`] in whole pixels.
pub(crate) const SCALE_PX: u32 = 2;

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in FACES {
            db.load_font_data(face.to_vec());
        }
        db.set_serif_family(FAMILY);
        db.set_sans_serif_family(FAMILY);
        usvg::Options { font_family: FAMILY.into(), fontdb: Arc::new(db), ..usvg::Options::default() }
    })
}

/// A PNG of the chart and its size in CSS pixels (width, height).
///
/// # Errors
/// [`Error::Chart`] when the SVG does not parse or has no size.
pub(crate) fn png(title: &str, svg: &str) -> Result<(Vec<u8>, u32, u32)> {
    let fail = |why: String| Error::Chart { title: title.to_string(), why };
    let tree = usvg::Tree::from_data(svg.as_bytes(), options()).map_err(|e| fail(e.to_string()))?;
    let size = tree.size().to_int_size();
    let (w, h) = (size.width(), size.height());
    let (pw, ph) = (w.saturating_mul(SCALE_PX), h.saturating_mul(SCALE_PX));
    let mut pixmap = tiny_skia::Pixmap::new(pw, ph).ok_or_else(|| fail("the chart has no size".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    let png = pixmap.encode_png().map_err(|e| fail(e.to_string()))?;
    Ok((png, w, h))
}
