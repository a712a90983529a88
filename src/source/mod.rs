//! Source files of a deck project: reading them and walking their TOML.

mod file;
mod reader;

pub use file::{FileId, SourceFiles, line_column};
pub use reader::{Field, TableReader};

use toml::Spanned;
use toml::de::DeTable;

use crate::diagnostic::Diagnostic;

/// Parses a file's text as TOML, turning a syntax error into a diagnostic.
/// The parser words its messages in English, so the diagnostic gives a
/// Danish hint chosen from the message and the line instead.
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
        let line = line_at(text, span.start);
        Diagnostic::error(format!("{display_path} er ikke gyldig TOML"))
            .at(file, span)
            .label("syntaksfejl her")
            .hint(syntax_hint(&detail, line))
    })
}

/// Returns the line of `text` that contains byte `offset`.
fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |index| index + 1);
    let end = text[offset..]
        .find('\n')
        .map_or(text.len(), |index| offset + index);
    &text[start..end]
}

fn syntax_hint(detail: &str, line: &str) -> String {
    if let Some(control) = line.chars().find(|c| c.is_control() && *c != '\t') {
        return format!(
            "linjen indeholder et usynligt kontroltegn (U+{:04X}); slet det, det kommer ofte med, når tekst kopieres",
            control as u32
        );
    }
    if line.contains(['“', '”', '„', '«', '»']) {
        return "brug lige anførselstegn (\") om tekster, ikke typografiske (“ ” „); skriv \\\" for et anførselstegn inde i teksten".into();
    }
    let hint = if detail.contains("duplicate key") {
        "et felt må kun stå én gang; slet den ene af de to linjer"
    } else if detail.contains("invalid basic string") || detail.contains("unclosed") {
        "en tekst skal slutte med det samme anførselstegn, som den begynder med; brug \"\"\" … \"\"\" til tekst over flere linjer"
    } else if detail.contains("expected `=`") || detail.contains("key with no value") {
        "skriv hvert felt som navn = værdi"
    } else {
        "kontrollér anførselstegn, lighedstegn og [overskrifter] omkring dette sted"
    };
    hint.to_owned()
}
