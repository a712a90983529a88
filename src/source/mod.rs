//! Source files of a deck project: reading them and walking their TOML.

mod file;
mod reader;

pub use file::{FileId, SourceFiles, line_column};
pub use reader::{Field, TableReader};

use toml::Spanned;
use toml::de::DeTable;

use crate::diagnostic::Diagnostic;

/// Parses a file's text as TOML, turning a syntax error into a diagnostic.
pub fn parse_toml<'t>(
    file: FileId,
    text: &'t str,
    display_path: &str,
) -> Result<Spanned<DeTable<'t>>, Diagnostic> {
    DeTable::parse(text).map_err(|error| {
        let detail = error
            .message()
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let span = error.span().unwrap_or(0..0);
        let mut diagnostic = Diagnostic::error(format!("{display_path} er ikke gyldig TOML"))
            .at(file, span)
            .label("syntaksfejl her");
        diagnostic = match syntax_hint(&detail) {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic
                .hint("kontrollér anførselstegn, lighedstegn og [overskrifter] omkring dette sted"),
        };
        diagnostic.hint(format!("TOML-læserens besked: {detail}"))
    })
}

fn syntax_hint(detail: &str) -> Option<&'static str> {
    if detail.contains("duplicate key") {
        Some("et felt må kun stå én gang; slet den ene af de to linjer")
    } else if detail.contains("invalid basic string") || detail.contains("unclosed") {
        Some(
            "en tekst skal slutte med det samme anførselstegn, som den begynder med; brug \"\"\" … \"\"\" til tekst over flere linjer",
        )
    } else if detail.contains("expected `=`") || detail.contains("key with no value") {
        Some("skriv hvert felt som navn = værdi")
    } else {
        None
    }
}
