//! `deck/deck.toml`: title, card format, text and sheet settings.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::model::cards::TITLE_ID;
use crate::model::{CardFormat, FieldOrigin, Mirror, Paper, SheetSettings, TextSettings};
use crate::source::{Field, TableReader};

pub(super) struct Settings {
    pub(super) title: String,
    pub(super) subtitle: String,
    pub(super) publisher: String,
    pub(super) intro: String,
    pub(super) card: CardFormat,
    pub(super) text: TextSettings,
    pub(super) sheet: SheetSettings,
}

pub(super) fn read_settings(
    ctx: &mut Context<'_>,
    reader: &mut TableReader<'_, '_>,
    origins: &mut Vec<FieldOrigin>,
) -> Option<Settings> {
    let title = ctx.card_text(
        reader.string("title"),
        (TITLE_ID, "title"),
        "spillets titel",
        origins,
    );
    let subtitle = ctx.card_text(
        reader.string("subtitle"),
        (TITLE_ID, "subtitle"),
        "en undertitel",
        origins,
    );
    let publisher = ctx.card_text(
        reader.string("publisher"),
        (TITLE_ID, "publisher"),
        "udgiverens navn",
        origins,
    );
    let intro = ctx.card_text(
        reader.string("intro"),
        (TITLE_ID, "intro"),
        "teksten på titelkortets bagside",
        origins,
    );

    let card_fields = ["width_mm", "height_mm", "bleed_mm", "safe_margin_mm"];
    let card = reader.table("card", &card_fields).and_then(|mut table| {
        let card = read_card_format(ctx, &mut table);
        reader.diagnostics.extend(table.finish());
        card
    });
    let text_fields = ["max_graphemes", "font_size_pt", "min_font_size_pt"];
    let text = reader.table("text", &text_fields).and_then(|mut table| {
        let text = read_text_settings(ctx, &mut table);
        reader.diagnostics.extend(table.finish());
        text
    });
    let sheet_fields = [
        "paper",
        "mirror",
        "back_offset_x_mm",
        "back_offset_y_mm",
        "unprintable_mm",
    ];
    let sheet = reader.table("sheet", &sheet_fields).and_then(|mut table| {
        let sheet = read_sheet_settings(ctx, &mut table);
        reader.diagnostics.extend(table.finish());
        sheet
    });
    Some(Settings {
        title: title?,
        subtitle: subtitle?,
        publisher: publisher?,
        intro: intro?,
        card: card?,
        text: text?,
        sheet: sheet?,
    })
}

fn read_card_format(ctx: &mut Context<'_>, table: &mut TableReader<'_, '_>) -> Option<CardFormat> {
    let width_mm = ctx.number_in(table, "width_mm", 30.0..=300.0, "mm");
    let height_mm = ctx.number_in(table, "height_mm", 30.0..=300.0, "mm");
    let bleed_mm = ctx.number_in(table, "bleed_mm", 1.0..=10.0, "mm");
    let safe_margin_mm = ctx.number_in(table, "safe_margin_mm", 0.0..=20.0, "mm");
    Some(CardFormat {
        width_mm: width_mm?,
        height_mm: height_mm?,
        bleed_mm: bleed_mm?,
        safe_margin_mm: safe_margin_mm?,
    })
}

fn read_text_settings(
    ctx: &mut Context<'_>,
    table: &mut TableReader<'_, '_>,
) -> Option<TextSettings> {
    let limit = table.integer("max_graphemes").map(|field| Field {
        value: field.value as f64,
        span: field.span,
    });
    let max_graphemes = ctx.in_range(limit, "text.max_graphemes", 1.0..=2000.0, "tegn");
    let font_size_pt = ctx.number_in(table, "font_size_pt", 5.0..=24.0, "pt");
    let min_font_size_pt = ctx.number_in(table, "min_font_size_pt", 4.0..=24.0, "pt");
    let (font_size_pt, min_font_size_pt) = (font_size_pt?, min_font_size_pt?);
    if min_font_size_pt > font_size_pt {
        let span = table
            .number("min_font_size_pt")
            .map(|field| field.span)
            .unwrap_or(0..0);
        ctx.diagnostics.push(
            Diagnostic::error(format!(
                "`text.min_font_size_pt` ({min_font_size_pt} pt) er større end `text.font_size_pt` ({font_size_pt} pt)"
            ))
            .at(ctx.file, span)
            .label("større end den normale størrelse")
            .hint("mindstestørrelsen skal være mindre end eller lig med den normale størrelse"),
        );
        return None;
    }
    Some(TextSettings {
        max_graphemes: max_graphemes? as usize,
        font_size_pt,
        min_font_size_pt,
    })
}

fn read_sheet_settings(
    ctx: &mut Context<'_>,
    table: &mut TableReader<'_, '_>,
) -> Option<SheetSettings> {
    let paper = table.string("paper").and_then(|field| {
        let paper = match field.value.to_uppercase().as_str() {
            "A4" => Some(Paper::A4),
            "A3" => Some(Paper::A3),
            "SRA3" => Some(Paper::Sra3),
            _ => None,
        };
        if paper.is_none() {
            ctx.diagnostics.push(
                Diagnostic::error(format!(
                    "ukendt papirformat «{}» i `sheet.paper`",
                    field.value
                ))
                .at(ctx.file, field.span)
                .hint("vælg \"A4\", \"A3\" eller \"SRA3\""),
            );
        }
        paper
    });
    let mirror = table.string("mirror").and_then(|field| {
        let mirror = match field.value.as_str() {
            "left-right" => Some(Mirror::LeftRight),
            "top-bottom" => Some(Mirror::TopBottom),
            _ => None,
        };
        if mirror.is_none() {
            ctx.diagnostics.push(
                Diagnostic::error(format!("ukendt spejling «{}» i `sheet.mirror`", field.value))
                    .at(ctx.file, field.span)
                    .hint("vælg \"left-right\" (arket vendes om en lodret kant, som en bog) eller \"top-bottom\" (om en vandret kant, som en kalender)"),
            );
        }
        mirror
    });
    let back_offset_x_mm = ctx.number_in(table, "back_offset_x_mm", -20.0..=20.0, "mm");
    let back_offset_y_mm = ctx.number_in(table, "back_offset_y_mm", -20.0..=20.0, "mm");
    let calibration_page = table
        .optional_bool("calibration_page")
        .is_some_and(|field| field.value);
    let unprintable_mm = ctx.number_in(table, "unprintable_mm", 0.0..=25.0, "mm");
    Some(SheetSettings {
        paper: paper?,
        mirror: mirror?,
        back_offset_x_mm: back_offset_x_mm?,
        back_offset_y_mm: back_offset_y_mm?,
        calibration_page,
        unprintable_mm: unprintable_mm?,
    })
}
