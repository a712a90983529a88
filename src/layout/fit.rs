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
}

/// Returns the texts that the layouts marked with an `<overflow>` metadata
/// element, each once, in document order.
pub fn fit_problems(document: &PagedDocument) -> Vec<FitProblem> {
    let label = Label::new(PicoStr::intern("overflow")).expect("label name is not empty");
    let mut problems: Vec<FitProblem> = Vec::new();
    for element in document.introspector().query(&Selector::Label(label)) {
        let Ok(value @ Value::Dict(_)) = element.get_by_name("value") else { continue };
        let Ok(problem) = serde_json::to_value(&value).and_then(serde_json::from_value::<FitProblem>) else {
            continue;
        };
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    problems
}

/// Turns fit problems into errors that point at the field in its source file.
pub fn fit_diagnostics(problems: &[FitProblem], origins: &[&FieldOrigin]) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    for problem in problems {
        let origin = origins.iter().find(|o| o.card_id == problem.card && o.field == problem.field);
        let mut diagnostic = Diagnostic::error(format!(
            "teksten i `{}` på kortet «{}» kan ikke være i sin boks, heller ikke i {} pt",
            problem.field, problem.card, problem.min
        ))
        .label("for lang til kortet")
        .hint("forkort teksten, eller del et meget langt ord, en adresse eller et link, der ikke kan brydes");
        if let Some(origin) = origin {
            diagnostic = diagnostic.at(origin.file, origin.span.clone());
        }
        diagnostics.push(diagnostic);
    }
    diagnostics
}
