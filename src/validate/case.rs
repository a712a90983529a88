//! Reading and validating one case file.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Case, Contact, Deck, FieldOrigin};
use crate::source::{Field, FileId, SourceFiles, TableReader, parse_toml};

use super::contact::{email_problem, phone_problem};
use super::id_problem;
use super::text::{TextRule, check_text};

/// Reads one case file and validates it against the deck. Returns the case
/// only when the file has no errors; everything found goes to `diagnostics`.
///
/// `deck` is `None` when `deck/` itself has errors; the case is then checked
/// on its own, without the dilemma number and length limit.
pub fn load_case(
    path: &Path,
    display_path: String,
    deck: Option<&Deck>,
    files: &mut SourceFiles,
    diagnostics: &mut Diagnostics,
) -> Option<Case> {
    let file = match files.read(path, display_path.clone()) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let id = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = files.get(file).text.as_str();
    let errors_before = diagnostics.error_count();

    if let Some(problem) = id_problem(&id) {
        diagnostics.push(
            Diagnostic::error(format!(
                "filnavnet {display_path} kan ikke bruges som case-id: {problem}"
            ))
            .hint("omdøb filen, fx til kommune-emne.toml"),
        );
    }

    let table = match parse_toml(file, text, &display_path) {
        Ok(table) => table,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let mut reader = TableReader::new(file, table.get_ref(), 0..0, String::new());
    let case = CaseReader {
        file,
        source: text,
        deck,
        origins: Vec::new(),
        id: id.clone(),
    }
    .read(&mut reader, diagnostics);
    diagnostics.extend(reader.finish());

    if diagnostics.error_count() > errors_before {
        return None;
    }
    case
}

struct CaseReader<'a> {
    file: FileId,
    source: &'a str,
    deck: Option<&'a Deck>,
    id: String,
    origins: Vec<FieldOrigin>,
}

impl CaseReader<'_> {
    fn read(
        mut self,
        reader: &mut TableReader<'_, '_>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Case> {
        let limit = self.deck.map(|deck| deck.text.max_graphemes);
        let dilemma = reader
            .integer("dilemma")
            .and_then(|field| self.dilemma(field, diagnostics));
        // An empty title means no title, as in the template that `new` writes.
        let title = reader
            .optional_string("title")
            .filter(|field| !field.value.trim().is_empty())
            .and_then(|field| self.text(&field, "title", Some(80), "en kort titel", diagnostics));
        let challenge = reader.string("challenge").and_then(|field| {
            self.text(
                &field,
                "challenge",
                limit,
                "udfordringen hos kunden",
                diagnostics,
            )
        });
        let solution = reader.string("solution").and_then(|field| {
            self.text(
                &field,
                "solution",
                limit,
                "løsningen på udfordringen",
                diagnostics,
            )
        });
        let submitted_by = reader.string("submitted_by").and_then(|field| {
            self.text(
                &field,
                "submitted_by",
                Some(80),
                "navnet på virksomheden, der indsender casen",
                diagnostics,
            )
        });
        let example = reader
            .optional_bool("example")
            .is_some_and(|field| field.value);
        let fields = ["name", "organisation", "email", "phone"];
        let contact = reader.table("contact", &fields).and_then(|mut table| {
            let contact = self.contact(&mut table, diagnostics);
            reader.diagnostics.extend(table.finish());
            contact
        });

        Some(Case {
            id: self.id,
            dilemma: dilemma?,
            title,
            challenge: challenge?,
            solution: solution?,
            submitted_by: submitted_by?,
            contact: contact?,
            example,
            origins: self.origins,
        })
    }

    fn dilemma(&self, field: Field<i64>, diagnostics: &mut Diagnostics) -> Option<u32> {
        let deck = self.deck?;
        let exists = u32::try_from(field.value)
            .ok()
            .and_then(|number| deck.dilemma(number));
        if let Some(dilemma) = exists {
            return Some(dilemma.number);
        }
        let first = deck.dilemmas.first().map_or(1, |d| d.number);
        let last = deck.dilemmas.last().map_or(1, |d| d.number);
        diagnostics.push(
            Diagnostic::error(format!("dilemma {} findes ikke", field.value))
                .at(self.file, field.span)
                .label(format!("skal være et nummer fra {first} til {last}"))
                .hint("se dilemmaerne og deres numre med `dilemmaspil list`"),
        );
        None
    }

    fn text(
        &mut self,
        field: &Field<String>,
        name: &str,
        limit: Option<usize>,
        purpose: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<String> {
        let rule = TextRule {
            name,
            limit,
            purpose,
        };
        let text = check_text(self.file, self.source, field, &rule, diagnostics)?;
        self.origins.push(FieldOrigin {
            card_id: self.id.clone(),
            field: name.to_owned(),
            file: self.file,
            span: field.span.clone(),
            text: text.clone(),
        });
        Some(text)
    }

    fn contact(
        &mut self,
        table: &mut TableReader<'_, '_>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Contact> {
        let name = table.string("name").and_then(|field| {
            self.text(
                &field,
                "contact.name",
                Some(80),
                "kontaktpersonens navn",
                diagnostics,
            )
        });
        let organisation = table.string("organisation").and_then(|field| {
            self.text(
                &field,
                "contact.organisation",
                Some(80),
                "kundens organisation",
                diagnostics,
            )
        });
        let email = table.string("email").and_then(|field| {
            let email = self.text(
                &field,
                "contact.email",
                Some(80),
                "en e-mailadresse",
                diagnostics,
            )?;
            self.check_format(&field, "contact.email", email_problem(&email), diagnostics)?;
            Some(email)
        });
        let phone = table.string("phone").and_then(|field| {
            let phone = self.text(
                &field,
                "contact.phone",
                Some(30),
                "et telefonnummer",
                diagnostics,
            )?;
            self.check_format(&field, "contact.phone", phone_problem(&phone), diagnostics)?;
            Some(phone)
        });
        Some(Contact {
            name: name?,
            organisation: organisation?,
            email: email?,
            phone: phone?,
        })
    }

    fn check_format(
        &self,
        field: &Field<String>,
        name: &str,
        problem: Option<&str>,
        diagnostics: &mut Diagnostics,
    ) -> Option<()> {
        let Some(problem) = problem else {
            return Some(());
        };
        let (invalid, what) = if name.ends_with("email") {
            ("ugyldig e-mailadresse", "adressen")
        } else {
            ("ugyldigt telefonnummer", "nummeret")
        };
        diagnostics.push(
            Diagnostic::error(format!("{invalid} i `{name}`: «{}»", field.value.trim()))
                .at(self.file, field.span.clone())
                .label(problem.to_owned())
                .hint(format!(
                    "ret {what}, eller spørg kontaktpersonen om det rigtige"
                )),
        );
        None
    }
}
