//! Reading and validating `deck/`: settings, categories, dilemmas and rules.

use std::ops::RangeInclusive;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::cards::{RULES_ID, TITLE_ID};
use crate::model::{
    CardFormat, Category, Deck, Dilemma, FieldOrigin, Mirror, Paper, Rules, SheetSettings, Symbol,
    TextSettings,
};
use crate::project::Project;
use crate::source::{Field, FileId, SourceFiles, TableReader, parse_toml};

use super::text::{TextRule, check_text};

/// Reads `deck/deck.toml`, `deck/dilemmas.toml` and `deck/rules.toml`.
/// Returns the deck only when all three are valid.
pub fn load_deck(
    project: &Project,
    files: &mut SourceFiles,
    diagnostics: &mut Diagnostics,
) -> Option<Deck> {
    let errors_before = diagnostics.error_count();
    let mut origins = Vec::new();
    let settings = read_file(project, "deck.toml", files, diagnostics, |ctx, reader| {
        read_settings(ctx, reader, &mut origins)
    });
    let dilemmas = read_file(
        project,
        "dilemmas.toml",
        files,
        diagnostics,
        |ctx, reader| read_dilemmas(ctx, reader, &mut origins),
    );
    let rules = read_file(project, "rules.toml", files, diagnostics, |ctx, reader| {
        read_rules(ctx, reader, &mut origins)
    });
    if diagnostics.error_count() > errors_before {
        return None;
    }

    let (settings, (categories, dilemmas), rules) = (settings?, dilemmas?, rules?);
    Some(Deck {
        title: settings.title,
        subtitle: settings.subtitle,
        publisher: settings.publisher,
        intro: settings.intro,
        card: settings.card,
        text: settings.text,
        sheet: settings.sheet,
        categories,
        dilemmas,
        rules,
        origins,
    })
}

/// State shared by the readers of one deck file.
struct Context<'a> {
    file: FileId,
    source: &'a str,
    diagnostics: Diagnostics,
}

impl Context<'_> {
    fn text(&mut self, field: Option<Field<String>>, name: &str, purpose: &str) -> Option<String> {
        let rule = TextRule {
            name,
            limit: None,
            purpose,
        };
        check_text(
            self.file,
            self.source,
            &field?,
            &rule,
            &mut self.diagnostics,
        )
    }

    /// Reads the number `key` of `table` and checks that it lies in `range`.
    fn number_in(
        &mut self,
        table: &mut TableReader<'_, '_>,
        key: &'static str,
        range: RangeInclusive<f64>,
        unit: &str,
    ) -> Option<f64> {
        let name = table.key_name(key);
        self.in_range(table.number(key), &name, range, unit)
    }

    /// Checks that a number lies in `range`, reporting it otherwise.
    fn in_range(
        &mut self,
        field: Option<Field<f64>>,
        name: &str,
        range: RangeInclusive<f64>,
        unit: &str,
    ) -> Option<f64> {
        let field = field?;
        if range.contains(&field.value) {
            return Some(field.value);
        }
        self.diagnostics.push(
            Diagnostic::error(format!(
                "`{name}` er {} {unit}, men skal ligge mellem {} og {} {unit}",
                field.value,
                range.start(),
                range.end()
            ))
            .at(self.file, field.span)
            .label("uden for det tilladte område")
            .hint(format!("ret `{name}` i deck/deck.toml")),
        );
        None
    }

    /// Checks a text that a card prints, remembering where it came from so
    /// that layout errors can point at it. `place` is the card id and field.
    fn card_text(
        &mut self,
        field: Option<Field<String>>,
        place: (&str, &str),
        purpose: &str,
        origins: &mut Vec<FieldOrigin>,
    ) -> Option<String> {
        let field = field?;
        let (card_id, name) = place;
        let span = field.span.clone();
        let text = self.text(Some(field), name, purpose)?;
        origins.push(FieldOrigin {
            card_id: card_id.to_owned(),
            field: name.to_owned(),
            file: self.file,
            span,
            text: text.clone(),
        });
        Some(text)
    }
}

fn read_file<T>(
    project: &Project,
    name: &str,
    files: &mut SourceFiles,
    diagnostics: &mut Diagnostics,
    read: impl FnOnce(&mut Context<'_>, &mut TableReader<'_, '_>) -> Option<T>,
) -> Option<T> {
    let path = project.deck_dir().join(name);
    let display = project.display(&path);
    let file = match files.read(&path, display.clone()) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let source = files.get(file).text.as_str();
    let table = match parse_toml(file, source, &display) {
        Ok(table) => table,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let mut context = Context {
        file,
        source,
        diagnostics: Diagnostics::default(),
    };
    let mut reader = TableReader::new(file, table.get_ref(), 0..0, String::new());
    let value = read(&mut context, &mut reader);
    diagnostics.extend(reader.finish());
    diagnostics.extend(context.diagnostics);
    value
}

struct Settings {
    title: String,
    subtitle: String,
    publisher: String,
    intro: String,
    card: CardFormat,
    text: TextSettings,
    sheet: SheetSettings,
}

fn read_settings(
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

fn read_dilemmas(
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

fn read_rules(
    ctx: &mut Context<'_>,
    reader: &mut TableReader<'_, '_>,
    origins: &mut Vec<FieldOrigin>,
) -> Option<Rules> {
    let title = ctx.card_text(
        reader.string("title"),
        (RULES_ID, "title"),
        "regelkortets overskrift",
        origins,
    );
    let mut side = |key: &'static str, reader: &mut TableReader<'_, '_>| -> Option<Vec<String>> {
        let items = reader.string_list(key)?;
        let mut paragraphs = Vec::new();
        for item in items {
            paragraphs.push(ctx.card_text(
                Some(item),
                (RULES_ID, key),
                "et afsnit af reglerne",
                origins,
            )?);
        }
        Some(paragraphs)
    };
    let front = side("front", reader);
    let back = side("back", reader);
    Some(Rules {
        title: title?,
        front: front?,
        back: back?,
    })
}
