//! A typed reader over a parsed TOML table that keeps spans.
//!
//! Serde's `deny_unknown_fields` stops at the first problem and words it in
//! English. This reader checks each key against its expected type, reports
//! every missing, mistyped and unknown key of a file in Danish, and suggests
//! the nearest known key for a typo.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, Diagnostics, nearest};
use crate::source::FileId;

/// A value read from a source file, with the byte range it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// A reader of the keys of one table. Call [`TableReader::finish`] to report
/// the unknown keys.
pub struct TableReader<'t, 'i> {
    file: FileId,
    table: &'t DeTable<'i>,
    /// Span that "missing key" errors point at: the table header, or the file start.
    anchor: Range<usize>,
    /// Dotted path of this table, empty for the top level.
    prefix: String,
    known: Vec<&'static str>,
    pub diagnostics: Diagnostics,
}

impl<'t, 'i> TableReader<'t, 'i> {
    pub fn new(file: FileId, table: &'t DeTable<'i>, anchor: Range<usize>, prefix: String) -> Self {
        Self {
            file,
            table,
            anchor,
            prefix,
            known: Vec::new(),
            diagnostics: Diagnostics::default(),
        }
    }

    /// Returns the full dotted name of a key, as shown in messages.
    pub fn key_name(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    fn lookup(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.known.push(key);
        self.table.get(key)
    }

    fn missing(&mut self, key: &'static str, kind: &str) {
        let name = self.key_name(key);
        self.diagnostics.push(
            Diagnostic::error(format!("feltet `{name}` mangler"))
                .at(self.file, self.anchor.clone())
                .label(format!("`{name}` skal stå i denne tabel"))
                .hint(format!("tilføj `{key} = …` med {kind}")),
        );
    }

    fn wrong_type(&mut self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) {
        let name = self.key_name(key);
        let found = type_name(value.get_ref());
        self.diagnostics.push(
            Diagnostic::error(format!(
                "feltet `{name}` skal være {expected}, men er {found}"
            ))
            .at(self.file, value.span())
            .label(format!("forventede {expected}"))
            .hint(type_hint(expected, value.get_ref())),
        );
    }

    fn too_large(&mut self, key: &str, value: &Spanned<DeValue<'_>>) {
        let name = self.key_name(key);
        self.diagnostics.push(
            Diagnostic::error(format!("tallet i feltet `{name}` er for stort"))
                .at(self.file, value.span())
                .label("for stort tal")
                .hint("skriv et mindre heltal, fx 7"),
        );
    }

    /// Reads a required string.
    pub fn string(&mut self, key: &'static str) -> Option<Field<String>> {
        let field = self.optional_string(key);
        if field.is_none() && !self.table.contains_key(key) {
            self.missing(key, "en tekst i anførselstegn");
        }
        field
    }

    /// Reads a string that may be left out.
    pub fn optional_string(&mut self, key: &'static str) -> Option<Field<String>> {
        let value = self.lookup(key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(Field {
                value: text.to_string(),
                span: value.span(),
            }),
            _ => {
                self.wrong_type(key, value, "en tekst");
                None
            }
        }
    }

    /// Reads a required integer.
    pub fn integer(&mut self, key: &'static str) -> Option<Field<i64>> {
        let Some(value) = self.lookup(key) else {
            self.missing(key, "et heltal");
            return None;
        };
        match value.get_ref() {
            DeValue::Integer(number) => {
                match i64::from_str_radix(number.as_str(), number.radix()) {
                    Ok(parsed) => Some(Field {
                        value: parsed,
                        span: value.span(),
                    }),
                    Err(_) => {
                        self.too_large(key, value);
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(key, value, "et heltal");
                None
            }
        }
    }

    /// Reads a required number, integer or decimal.
    pub fn number(&mut self, key: &'static str) -> Option<Field<f64>> {
        let Some(value) = self.lookup(key) else {
            self.missing(key, "et tal");
            return None;
        };
        let parsed = match value.get_ref() {
            DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(number) => number.as_str().parse::<f64>().ok(),
            _ => None,
        };
        match parsed {
            Some(parsed) if parsed.is_finite() => Some(Field {
                value: parsed,
                span: value.span(),
            }),
            _ => {
                self.wrong_type(key, value, "et tal");
                None
            }
        }
    }

    /// Reads a boolean that may be left out.
    pub fn optional_bool(&mut self, key: &'static str) -> Option<Field<bool>> {
        let value = self.lookup(key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(Field {
                value: *flag,
                span: value.span(),
            }),
            _ => {
                self.wrong_type(key, value, "true eller false");
                None
            }
        }
    }

    /// Reads a required list of strings.
    pub fn string_list(&mut self, key: &'static str) -> Option<Vec<Field<String>>> {
        let Some(value) = self.lookup(key) else {
            self.missing(key, "en liste af tekster");
            return None;
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "en liste af tekster");
            return None;
        };
        let mut items = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) => items.push(Field {
                    value: text.to_string(),
                    span: item.span(),
                }),
                _ => self.wrong_type(key, item, "en tekst"),
            }
        }
        Some(items)
    }

    /// Reads a required list of numbers.
    pub fn number_list(&mut self, key: &'static str) -> Option<Field<Vec<f64>>> {
        let Some(value) = self.lookup(key) else {
            self.missing(key, "en liste af tal");
            return None;
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "en liste af tal");
            return None;
        };
        let mut numbers = Vec::new();
        for item in array.iter() {
            let parsed = match item.get_ref() {
                DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix())
                    .ok()
                    .map(|n| n as f64),
                DeValue::Float(number) => number.as_str().parse::<f64>().ok(),
                _ => None,
            };
            match parsed {
                Some(number) => numbers.push(number),
                None => {
                    self.wrong_type(key, item, "et tal");
                    return None;
                }
            }
        }
        Some(Field {
            value: numbers,
            span: value.span(),
        })
    }

    /// Opens a required sub-table; `fields` are named in the hint when the
    /// table is missing.
    pub fn table(&mut self, key: &'static str, fields: &[&str]) -> Option<TableReader<'t, 'i>> {
        let Some(value) = self.lookup(key) else {
            let name = self.key_name(key);
            self.diagnostics.push(
                Diagnostic::error(format!("tabellen [{name}] mangler"))
                    .at(self.file, self.anchor.clone())
                    .label(format!("[{name}] skal stå i denne fil"))
                    .hint(format!(
                        "tilføj en linje med [{name}] og under den felterne {}",
                        quoted_list(fields)
                    )),
            );
            return None;
        };
        match value.get_ref() {
            DeValue::Table(table) => {
                let anchor = self.key_span(key).unwrap_or_else(|| value.span());
                Some(TableReader::new(
                    self.file,
                    table,
                    anchor,
                    self.key_name(key),
                ))
            }
            _ => {
                self.wrong_type(key, value, "en tabel");
                None
            }
        }
    }

    /// Opens every table of a required array of tables, written `[[key]]`.
    pub fn table_list(&mut self, key: &'static str) -> Vec<TableReader<'t, 'i>> {
        let Some(value) = self.lookup(key) else {
            self.missing(key, "en eller flere tabeller skrevet som [[overskrift]]");
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.wrong_type(key, value, "en liste af tabeller");
            return Vec::new();
        };
        let mut readers = Vec::new();
        for (index, item) in array.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => {
                    let prefix = format!("{}[{}]", self.key_name(key), index + 1);
                    readers.push(TableReader::new(self.file, table, item.span(), prefix));
                }
                _ => self.wrong_type(key, item, "en tabel"),
            }
        }
        readers
    }

    fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .keys()
            .find(|candidate| candidate.get_ref() == key)
            .map(|k| k.span())
    }

    /// Reports every key that no read asked for, with the nearest known key.
    pub fn finish(mut self) -> Diagnostics {
        let mut unknown: Vec<&Spanned<_>> = self
            .table
            .keys()
            .filter(|key| !self.known.contains(&key.get_ref().as_ref()))
            .collect();
        unknown.sort_by_key(|key| key.span().start);

        for key in unknown {
            let name = key.get_ref().as_ref();
            let mut diagnostic =
                Diagnostic::error(format!("ukendt felt `{}`", self.key_name(name)))
                    .at(self.file, key.span())
                    .label("dette felt kendes ikke");
            diagnostic = match nearest(name, &self.known, 1).first() {
                Some(suggestion) => diagnostic.hint(format!("mente du `{suggestion}`?")),
                None => diagnostic.hint(format!("kendte felter her: {}", quoted_list(&self.known))),
            };
            self.diagnostics.push(diagnostic);
        }
        self.diagnostics
    }
}

fn quoted_list(keys: &[&str]) -> String {
    keys.iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Returns the Danish name of a TOML value's type, with its article.
fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "en tekst",
        DeValue::Integer(_) => "et heltal",
        DeValue::Float(_) => "et decimaltal",
        DeValue::Boolean(_) => "en sandhedsværdi",
        DeValue::Datetime(_) => "en dato",
        DeValue::Array(_) => "en liste",
        DeValue::Table(_) => "en tabel",
    }
}

fn type_hint(expected: &str, found: &DeValue<'_>) -> String {
    match (expected, found) {
        ("en tekst", DeValue::String(_) | DeValue::Table(_) | DeValue::Array(_)) => {
            "skriv teksten i anførselstegn".into()
        }
        ("en tekst", _) => "sæt anførselstegn om værdien, så den bliver en tekst".into(),
        ("et heltal", DeValue::Float(_)) => "skriv et helt tal uden decimaler, fx 7".into(),
        ("et heltal", _) => "skriv tallet uden anførselstegn, fx 7".into(),
        ("true eller false", _) => "skriv true eller false uden anførselstegn".into(),
        _ => format!("ret værdien, så den er {expected}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFiles;

    fn read(text: &str, check: impl FnOnce(&mut TableReader<'_, '_>)) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, text).unwrap();
        let mut files = SourceFiles::default();
        let id = files.read(&path, "a.toml".into()).unwrap();
        let table = DeTable::parse(&files.get(id).text).unwrap();
        let mut reader = TableReader::new(id, table.get_ref(), 0..0, String::new());
        check(&mut reader);
        reader.finish().iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "chalenge = \"x\"\n").unwrap();
        let mut files = SourceFiles::default();
        let id = files.read(&path, "a.toml".into()).unwrap();
        let table = DeTable::parse(&files.get(id).text).unwrap();
        let mut reader = TableReader::new(id, table.get_ref(), 0..0, String::new());
        reader.optional_string("challenge");
        let diagnostics = reader.finish();
        let diagnostic = diagnostics.iter().next().unwrap();
        assert_eq!(diagnostic.message, "ukendt felt `chalenge`");
        assert_eq!(diagnostic.hints, vec!["mente du `challenge`?".to_owned()]);
    }

    #[test]
    fn wrong_type_names_both_types() {
        let messages = read("dilemma = \"7\"\n", |reader| {
            reader.integer("dilemma");
        });
        assert_eq!(
            messages,
            vec!["feltet `dilemma` skal være et heltal, men er en tekst"]
        );
    }

    #[test]
    fn missing_key_reported() {
        let messages = read("", |reader| {
            reader.string("challenge");
        });
        assert_eq!(messages, vec!["feltet `challenge` mangler"]);
    }

    #[test]
    fn sub_table_keys_get_dotted_names() {
        let messages = read("[contact]\nmail = \"a@example.com\"\n", |reader| {
            let mut contact = reader.table("contact", &["email"]).unwrap();
            contact.optional_string("email");
            let nested = contact.finish();
            reader.diagnostics.extend(nested);
        });
        assert_eq!(messages, vec!["ukendt felt `contact.mail`"]);
    }
}
