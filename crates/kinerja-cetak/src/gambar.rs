//! Charts as PNG for formats whose readers do not all show SVG (DOCX):
//! rasterised by resvg with the embedded fonts, at print resolution.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::huruf::{FACES, FAMILY};
use crate::{Error, Result};

/// Pixels per CSS pixel: 3 × 96 dpi = 288 dpi, sharp in print.
const SCALE: f32 = 3.0;

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
    let (pw, ph) = (w.saturating_mul(3), h.saturating_mul(3));
    let mut pixmap = tiny_skia::Pixmap::new(pw, ph).ok_or_else(|| fail("the chart has no size".into()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    let png = pixmap.encode_png().map_err(|e| fail(e.to_string()))?;
    Ok((png, w, h))
}
