//! Text rules: NFC, collapsed whitespace, no control characters, and a length
//! limit counted in extended grapheme clusters.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{Field, FileId};

/// Returns the text as it will print: NFC, trimmed, and every run of
/// whitespace (newlines too) turned into one space, since the card reflows it.
pub fn normalize(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Returns the length of a text as a reader counts it: one per extended
/// grapheme cluster, so "å" typed as a + combining ring counts once.
pub fn grapheme_count(text: &str) -> usize {
    text.graphemes(true).count()
}

/// Returns the byte offset in `raw` of the grapheme that [`normalize`] puts at
/// position `index` (0-based), counting a whitespace run as one grapheme and
/// leading whitespace as none.
fn offset_of_grapheme(raw: &str, index: usize) -> Option<usize> {
    let mut count = 0;
    let mut started = false;
    let mut space_start = None;
    for (offset, grapheme) in raw.grapheme_indices(true) {
        if grapheme.chars().all(char::is_whitespace) {
            if started && space_start.is_none() {
                space_start = Some(offset);
            }
            continue;
        }
        if let Some(space) = space_start.take() {
            if count == index {
                return Some(space);
            }
            count += 1;
        }
        if count == index {
            return Some(offset);
        }
        count += 1;
        started = true;
    }
    None
}

/// The text of a TOML string literal as written, when it equals the parsed
/// value: no escapes, so byte offsets in the value are offsets in the file.
pub struct Literal {
    /// Byte offset in the file where the value starts.
    pub start: usize,
}

impl Literal {
    /// Finds the literal behind a string field, or `None` when the source
    /// uses escapes and offsets inside the value cannot be mapped.
    pub fn find(source: &str, field: &Field<String>) -> Option<Self> {
        let written = source.get(field.span.clone())?;
        let delimiter = ["\"\"\"", "'''", "\"", "'"]
            .into_iter()
            .find(|d| written.starts_with(d))?;
        let mut start = field.span.start + delimiter.len();
        if delimiter.len() == 3 && source[start..].starts_with('\n') {
            start += 1;
        }
        let end = field.span.end.checked_sub(delimiter.len())?;
        let inner = source.get(start..end)?;
        (inner == field.value).then_some(Self { start })
    }

    /// Returns the file span from a value offset to the end of the value.
    pub fn span_from(&self, value_offset: usize, value: &str) -> Range<usize> {
        self.start + value_offset..self.start + value.len()
    }
}

/// Rules for one text field.
pub struct TextRule<'a> {
    /// Dotted key, as shown in messages.
    pub name: &'a str,
    /// Maximum length in graphemes, if any.
    pub limit: Option<usize>,
    /// Description of the expected content, for the hint when it is empty.
    pub purpose: &'a str,
}

/// Checks a text field and returns its normalised value, or `None` after
/// reporting why it cannot be used.
pub fn check_text(
    file: FileId,
    source: &str,
    field: &Field<String>,
    rule: &TextRule<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let literal = Literal::find(source, field);
    let span_at = |offset: usize, len: usize| match &literal {
        Some(literal) => literal.start + offset..literal.start + offset + len,
        None => field.span.clone(),
    };

    if let Some((offset, control)) = field
        .value
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        diagnostics.push(
            Diagnostic::error(format!(
                "feltet `{}` indeholder et kontroltegn (U+{:04X})",
                rule.name, control as u32
            ))
            .at(file, span_at(offset, control.len_utf8()))
            .label("usynligt kontroltegn her")
            .hint("slet tegnet; det kommer ofte med, når tekst kopieres fra et andet program"),
        );
        return None;
    }

    let text = normalize(&field.value);
    if text.is_empty() {
        diagnostics.push(
            Diagnostic::error(format!("feltet `{}` er tomt", rule.name))
                .at(file, field.span.clone())
                .label("tom tekst")
                .hint(format!("skriv {}", rule.purpose)),
        );
        return None;
    }

    if let Some(limit) = rule.limit {
        let count = grapheme_count(&text);
        if count > limit {
            diagnostics.push(too_long(
                file, field, &literal, rule.name, &text, count, limit,
            ));
            return None;
        }
    }
    Some(text)
}

fn too_long(
    file: FileId,
    field: &Field<String>,
    literal: &Option<Literal>,
    name: &str,
    text: &str,
    count: usize,
    limit: usize,
) -> Diagnostic {
    let excess = count - limit;
    let overflow: String = text.graphemes(true).skip(limit).collect();
    let span = literal
        .as_ref()
        .and_then(|literal| {
            let offset = offset_of_grapheme(&field.value, limit)?;
            Some(literal.span_from(offset, &field.value))
        })
        .unwrap_or_else(|| field.span.clone());

    Diagnostic::error(format!(
        "feltet `{name}` er for langt: {count} tegn, men højst {limit} er tilladt ({excess} for mange)"
    ))
    .at(file, span)
    .label(format!("alt herfra er over grænsen på {limit} tegn"))
    .hint(format!("forkort teksten med mindst {excess} tegn (mellemrum tæller med)"))
    .hint(format!("teksten efter grænsen er: «{overflow}»"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_collapses_whitespace_and_trims() {
        assert_eq!(
            normalize("  Kommunen\n  ville\t\tdele  "),
            "Kommunen ville dele"
        );
    }

    #[test]
    fn normalize_composes_to_nfc() {
        assert_eq!(normalize("a\u{030A}"), "\u{00E5}");
    }

    #[test]
    fn grapheme_count_combining_ring_counts_once() {
        assert_eq!(grapheme_count("a\u{030A}"), 1);
        assert_eq!(grapheme_count("\u{00E5}"), 1);
    }

    #[test]
    fn grapheme_count_emoji_zwj_counts_once() {
        // Woman, ZWJ, laptop: one emoji made of three code points.
        assert_eq!(grapheme_count("\u{1F469}\u{200D}\u{1F4BB}"), 1);
    }

    #[test]
    fn offset_of_grapheme_skips_whitespace_runs() {
        let raw = "  ab \n  cd";
        assert_eq!(offset_of_grapheme(raw, 0), Some(2));
        assert_eq!(offset_of_grapheme(raw, 2), Some(4));
        assert_eq!(offset_of_grapheme(raw, 3), Some(8));
        assert_eq!(offset_of_grapheme(raw, 5), None);
    }

    fn field(value: &str) -> (String, Field<String>) {
        let source = format!("challenge = \"{value}\"\n");
        let span = 12..source.len() - 1;
        (
            source,
            Field {
                value: value.to_owned(),
                span,
            },
        )
    }

    fn run(value: &str, limit: usize) -> (Option<String>, Diagnostics) {
        let (source, field) = field(value);
        let mut diagnostics = Diagnostics::default();
        let rule = TextRule {
            name: "challenge",
            limit: Some(limit),
            purpose: "udfordringen",
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, &source).unwrap();
        let mut files = crate::source::SourceFiles::default();
        let file = files.read(&path, "a.toml".into()).unwrap();
        let result = check_text(file, &source, &field, &rule, &mut diagnostics);
        (result, diagnostics)
    }

    #[test]
    fn check_text_accepts_exactly_limit() {
        let value = "å".repeat(250);
        let (result, diagnostics) = run(&value, 250);
        assert_eq!(result.as_deref(), Some(value.as_str()));
        assert_eq!(diagnostics.error_count(), 0);
    }

    #[test]
    fn check_text_rejects_one_over_limit() {
        let value = "æ".repeat(251);
        let (result, diagnostics) = run(&value, 250);
        assert!(result.is_none());
        let diagnostic = diagnostics.iter().next().unwrap();
        assert!(
            diagnostic.message.contains("251 tegn"),
            "{}",
            diagnostic.message
        );
        assert!(
            diagnostic.message.contains("(1 for mange)"),
            "{}",
            diagnostic.message
        );
        let span = diagnostic.location.as_ref().unwrap().span.clone();
        assert_eq!(span.start, 13 + 250 * "æ".len());
    }

    #[test]
    fn check_text_counts_combining_marks_once() {
        let value = "a\u{030A}".repeat(250);
        let (result, _) = run(&value, 250);
        assert_eq!(result.map(|text| grapheme_count(&text)), Some(250));
    }

    #[test]
    fn check_text_counts_emoji_sequence_once() {
        let value = format!("{}\u{1F469}\u{200D}\u{1F4BB}", "x".repeat(249));
        let (result, diagnostics) = run(&value, 250);
        assert!(result.is_some());
        assert_eq!(diagnostics.error_count(), 0);
    }

    #[test]
    fn check_text_rejects_whitespace_only() {
        let (result, diagnostics) = run(" \t\n  ", 250);
        assert!(result.is_none());
        assert_eq!(
            diagnostics.iter().next().unwrap().message,
            "feltet `challenge` er tomt"
        );
    }

    #[test]
    fn check_text_rejects_control_character() {
        let (result, diagnostics) = run("Data\u{0007}deling", 250);
        assert!(result.is_none());
        let diagnostic = diagnostics.iter().next().unwrap();
        assert!(
            diagnostic.message.contains("U+0007"),
            "{}",
            diagnostic.message
        );
        assert_eq!(diagnostic.location.as_ref().unwrap().span, 17..18);
    }
}
