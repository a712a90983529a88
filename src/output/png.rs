//! Rendering a laid-out page to PNG.

use anyhow::{Result, anyhow};
use typst_layout::PagedDocument;
use typst_render::RenderOptions;

/// Renders the first page of `document` at `dpi` and encodes it as PNG.
/// Returns the bytes and the size in pixels.
pub fn render_first_page(document: &PagedDocument, dpi: u32) -> Result<(Vec<u8>, u32, u32)> {
    let page = document
        .pages()
        .first()
        .ok_or_else(|| anyhow!("layoutet gav ingen side at vise"))?;
    let options = RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(dpi) / 72.0),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    let bytes = pixmap
        .encode_png()
        .map_err(|error| anyhow!("PNG-billedet kunne ikke skrives: {error}"))?;
    Ok((bytes, pixmap.width(), pixmap.height()))
}
