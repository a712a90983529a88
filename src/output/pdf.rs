//! PDF export and the finishing step that Typst leaves to us.

use anyhow::{Context, Result, anyhow};
use lopdf::{Document, Object};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

/// Exports a laid-out document as PDF bytes. The document date comes from
/// `SOURCE_DATE_EPOCH` when set and is left out otherwise, so two builds of
/// the same sources give the same bytes.
pub fn export(document: &PagedDocument, ident: &str) -> Result<Vec<u8>> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("dilemmaspil {}", env!("CARGO_PKG_VERSION")))),
        timestamp: source_date()?,
        tagged: false,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        let messages: Vec<String> = errors
            .iter()
            .map(|error| error.message.to_string())
            .collect();
        anyhow!("PDF-filen kunne ikke skrives: {}", messages.join("; "))
    })
}

fn source_date() -> Result<Option<Timestamp>> {
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let seconds: i64 = value.trim().parse().map_err(|_| {
        anyhow!("SOURCE_DATE_EPOCH skal være et antal sekunder siden 1970, men er «{value}»")
    })?;
    let time = chrono::DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| anyhow!("SOURCE_DATE_EPOCH={value} er uden for det mulige tidsrum"))?;
    use chrono::{Datelike, Timelike};
    let datetime = Datetime::from_ymd_hms(
        time.year(),
        time.month() as u8,
        time.day() as u8,
        time.hour() as u8,
        time.minute() as u8,
        time.second() as u8,
    )
    .ok_or_else(|| anyhow!("SOURCE_DATE_EPOCH={value} kan ikke bruges som dato"))?;
    Ok(Some(Timestamp::new_utc(datetime)))
}

/// Adds a BleedBox equal to the MediaBox to every page that has a TrimBox.
/// Typst writes the TrimBox for pages with bleed but no BleedBox, and print
/// shops read the BleedBox to know how far the background runs.
pub fn add_bleed_boxes(pdf: &[u8]) -> Result<Vec<u8>> {
    let mut document = Document::load_mem(pdf).context("den færdige PDF kunne ikke læses igen")?;
    let page_ids: Vec<_> = document.get_pages().into_values().collect();
    for id in page_ids {
        let page = document.get_object_mut(id).and_then(Object::as_dict_mut)?;
        if !page.has(b"TrimBox") {
            continue;
        }
        let media_box = page.get(b"MediaBox")?.clone();
        page.set("BleedBox", media_box);
    }
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .context("den færdige PDF kunne ikke gemmes")?;
    Ok(bytes)
}
