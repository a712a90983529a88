//! Reading and validating `deck/`: settings, categories, dilemmas and rules.

use std::ops::RangeInclusive;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Deck, FieldOrigin};
use crate::project::Project;
use crate::source::{Field, FileId, SourceFiles, TableReader, parse_toml};

use super::text::{TextRule, check_text};

mod dilemmas;
mod rules;
mod settings;

use dilemmas::read_dilemmas;
use rules::read_rules;
use settings::read_settings;

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
