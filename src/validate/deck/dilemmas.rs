//! `deck/dilemmas.toml`: the categories and the dilemma questions.

use super::Context;
use crate::diagnostic::Diagnostic;
use crate::model::{Category, Dilemma, FieldOrigin, Symbol};
use crate::source::{Field, TableReader};

pub(super) fn read_dilemmas(
    ctx: &mut Context<'_>,
    reader: &mut TableReader<'_, '_>,
    origins: &mut Vec<FieldOrigin>,
) -> Option<(Vec<Category>, Vec<Dilemma>)> {
    let mut categories = Vec::new();
    // Keys of every category written, valid or not, so that one broken
    // category does not also make its dilemmas report an unknown category.
    let mut declared = Vec::new();
    for mut table in reader.table_list("category") {
        let (key, category) = read_category(ctx, &mut table, &categories);
        declared.extend(key);
        if let Some(category) = category {
            categories.push(category);
        }
        ctx.diagnostics.extend(table.finish());
    }

    let mut dilemmas: Vec<Dilemma> = Vec::new();
    for mut table in reader.table_list("dilemma") {
        if let Some(dilemma) =
            read_dilemma(ctx, &mut table, &categories, &declared, &dilemmas, origins)
        {
            dilemmas.push(dilemma);
        }
        ctx.diagnostics.extend(table.finish());
    }
    dilemmas.sort_by_key(|dilemma| dilemma.number);
    Some((categories, dilemmas))
}

fn read_category(
    ctx: &mut Context<'_>,
    table: &mut TableReader<'_, '_>,
    earlier: &[Category],
) -> (Option<String>, Option<Category>) {
    let key = table.string("key");
    let declared = key.as_ref().map(|field| field.value.clone());
    (declared, category_from(ctx, table, earlier, key))
}

fn category_from(
    ctx: &mut Context<'_>,
    table: &mut TableReader<'_, '_>,
    earlier: &[Category],
    key: Option<Field<String>>,
) -> Option<Category> {
    let name = ctx.text(table.string("name"), "name", "kategoriens navn");
    let symbol = table.string("symbol").and_then(|field| {
        let symbol = Symbol::parse(&field.value);
        if symbol.is_none() {
            ctx.diagnostics.push(
                Diagnostic::error(format!("ukendt symbol «{}»", field.value))
                    .at(ctx.file, field.span)
                    .hint(format!("vælg et af: {}", Symbol::NAMES.join(", "))),
            );
        }
        symbol
    });
    let print_color = table
        .number_list("print_color")
        .and_then(|field| cmyk(ctx, field));
    let screen_color = table
        .string("screen_color")
        .and_then(|field| hex_color(ctx, field));

    let key = key?;
    if earlier.iter().any(|category| category.key == key.value) {
        ctx.diagnostics.push(
            Diagnostic::error(format!("kategorien «{}» står to gange", key.value))
                .at(ctx.file, key.span)
                .hint("giv hver kategori sin egen `key`"),
        );
        return None;
    }
    let (screen_color, luminance) = screen_color?;
    Some(Category {
        key: key.value,
        name: name?,
        symbol: symbol?,
        print_color: print_color?,
        screen_color,
        // White text contrasts more than black below this luminance (WCAG 2).
        light_text: luminance < 0.179,
    })
}

fn cmyk(ctx: &mut Context<'_>, field: Field<Vec<f64>>) -> Option<[f64; 4]> {
    let values: Option<[f64; 4]> = field.value.as_slice().try_into().ok();
    match values {
        Some(values) if values.iter().all(|v| (0.0..=100.0).contains(v)) => Some(values),
        _ => {
            ctx.diagnostics.push(
                Diagnostic::error(
                    "`print_color` skal være fire procenttal: cyan, magenta, gul og sort",
                )
                .at(ctx.file, field.span)
                .label("forventede fx [100, 70, 0, 30]")
                .hint("hvert tal skal ligge mellem 0 og 100"),
            );
            None
        }
    }
}

/// Parses `#rrggbb`, returning the colour and its relative luminance.
fn hex_color(ctx: &mut Context<'_>, field: Field<String>) -> Option<(String, f64)> {
    let digits = field.value.strip_prefix('#').filter(|d| d.len() == 6);
    let channels: Option<Vec<u8>> = digits.and_then(|digits| {
        (0..3)
            .map(|i| u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).ok())
            .collect()
    });
    let Some(channels) = channels else {
        ctx.diagnostics.push(
            Diagnostic::error(format!("ugyldig skærmfarve «{}»", field.value))
                .at(ctx.file, field.span)
                .hint("skriv farven som #rrggbb, fx \"#1d3f7a\""),
        );
        return None;
    };
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        0.2126 * linear(channels[0]) + 0.7152 * linear(channels[1]) + 0.0722 * linear(channels[2]);
    Some((field.value.to_lowercase(), luminance))
}

fn read_dilemma(
    ctx: &mut Context<'_>,
    table: &mut TableReader<'_, '_>,
    categories: &[Category],
    declared: &[String],
    earlier: &[Dilemma],
    origins: &mut Vec<FieldOrigin>,
) -> Option<Dilemma> {
    let number = table.integer("number")?;
    let Ok(value) = u32::try_from(number.value) else {
        ctx.diagnostics.push(
            Diagnostic::error(format!(
                "dilemmanummeret {} er ikke et positivt tal",
                number.value
            ))
            .at(ctx.file, number.span),
        );
        return None;
    };
    if earlier.iter().any(|dilemma| dilemma.number == value) {
        ctx.diagnostics.push(
            Diagnostic::error(format!("dilemma {value} står to gange"))
                .at(ctx.file, number.span)
                .hint("giv hvert dilemma sit eget nummer"),
        );
        return None;
    }
    let category = table.string("category").and_then(|field| {
        if categories
            .iter()
            .any(|category| category.key == field.value)
        {
            return Some(field.value);
        }
        if declared.contains(&field.value) {
            // The category is reported on its own; skip this dilemma quietly.
            return None;
        }
        let keys: Vec<&str> = declared.iter().map(String::as_str).collect();
        ctx.diagnostics.push(
            Diagnostic::error(format!(
                "ukendt kategori «{}» i dilemma {value}",
                field.value
            ))
            .at(ctx.file, field.span)
            .hint(format!("brug en af: {}", keys.join(", "))),
        );
        None
    });
    let card_id = crate::model::Card::dilemma_id(value);
    let question = ctx.card_text(
        table.string("question"),
        (&card_id, "question"),
        "dilemmaspørgsmålet",
        origins,
    );
    Some(Dilemma {
        number: value,
        category: category?,
        question: question?,
    })
}
