//! Texts that did not fit their box, as reported by the layouts.

use serde::Deserialize;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::Introspector;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::FieldOrigin;

/// A text that did not fit even at the minimum size.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FitProblem {
    pub card: String,
    pub field: String,
    /// Minimum size tried, in points.
    pub min: f64,
    /// A word that cannot break and is wider than the box, if that is why.
    pub word: Option<String>,
}

/// Returns an error for every problem in `problems`, pointing at the field
/// in its source file.
pub fn fit_errors_from<'a>(
    problems: &[FitProblem],
    origins: impl IntoIterator<Item = &'a FieldOrigin>,
) -> Diagnostics {
    let origins: Vec<&FieldOrigin> = origins.into_iter().collect();
    fit_diagnostics(problems, &origins)
}

/// Returns the texts that the layouts marked with an `<overflow>` metadata
/// element, each once, in document order.
pub fn fit_problems(document: &PagedDocument) -> Vec<FitProblem> {
    let label = Label::new(PicoStr::intern("overflow")).expect("label name is not empty");
    let mut problems: Vec<FitProblem> = Vec::new();
    for element in document.introspector().query(&Selector::Label(label)) {
        let Ok(value @ Value::Dict(_)) = element.get_by_name("value") else {
            continue;
        };
        let Ok(problem) =
            serde_json::to_value(&value).and_then(serde_json::from_value::<FitProblem>)
        else {
            continue;
        };
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    problems
}

fn fit_diagnostics(problems: &[FitProblem], origins: &[&FieldOrigin]) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for problem in problems {
        let origin = origins
            .iter()
            .find(|o| o.card_id == problem.card && o.field == problem.field);
        let mut diagnostic = match &problem.word {
            Some(word) => Diagnostic::error(format!(
                "ordet «{word}» i `{}` på kortet «{}» er for bredt til kortet og kan ikke deles",
                problem.field, problem.card
            ))
            .label("indeholder et ord, der ikke kan brydes")
            .hint("del ordet med mellemrum eller bindestreg, eller forkort det; et link deles kun efter https:// eller www., og en e-mailadresse kun ved @"),
            None => Diagnostic::error(format!(
                "teksten i `{}` på kortet «{}» fylder for meget, også i mindstestørrelsen {} pt",
                problem.field, problem.card, problem.min
            ))
            .label("kan ikke være i sin boks på kortet")
            .hint("forkort teksten; mindstestørrelsen sættes med text.min_font_size_pt i deck/deck.toml"),
        };
        if let Some(origin) = origin {
            diagnostic = diagnostic.at(origin.file, origin.span.clone());
        }
        diagnostics.push(diagnostic);
    }
    diagnostics
}
