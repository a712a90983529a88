//! Characters that no font in `fonts/` can print.

use typst::text::Font;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::FieldOrigin;

/// Returns an error for every text with a character that none of `fonts`
/// has a glyph for, since it would print as an empty box.
pub fn missing_glyph_errors<'a>(
    fonts: &[Font],
    origins: impl IntoIterator<Item = &'a FieldOrigin>,
) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for origin in origins {
        let mut missing: Vec<char> = origin
            .text
            .chars()
            .filter(|c| !c.is_whitespace() && !is_invisible(*c))
            .filter(|c| {
                !fonts
                    .iter()
                    .any(|font| font.info().coverage.contains(*c as u32))
            })
            .collect();
        missing.dedup();
        if missing.is_empty() {
            continue;
        }
        let listed: Vec<String> = missing
            .iter()
            .map(|c| format!("«{c}» (U+{:04X})", *c as u32))
            .collect();
        diagnostics.push(
            Diagnostic::error(format!(
                "`{}` på kortet «{}» har tegn, som skrifttypen ikke har: {}",
                origin.field,
                origin.card_id,
                listed.join(", ")
            ))
            .at(origin.file, origin.span.clone())
            .label("ville blive trykt som tomme firkanter")
            .hint("erstat tegnene med almindelige bogstaver eller tegn; emojis og symboler kopieret fra e-mail eller Word kan ikke trykkes"),
        );
    }
    diagnostics
}

/// Returns whether a character is a format character that prints nothing, such as
/// a zero-width joiner inside an emoji sequence or a soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FE0F}' | '\u{FEFF}'
    )
}
