//! Warnings about a valid deck that should still not go to print as it is.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Case, Deck};

/// Warns about example cases and about dilemmas that no case answers.
pub fn deck_warnings(deck: &Deck, cases: &[Case]) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    let examples: Vec<String> = cases
        .iter()
        .filter(|case| case.example)
        .map(|case| format!("cases/{}.toml", case.id))
        .collect();
    if !examples.is_empty() {
        diagnostics.push(
            Diagnostic::warning(format!(
                "{} eksempel-cases (example = true) er med og bliver mærket EKSEMPEL: {}",
                examples.len(),
                examples.join(", ")
            ))
            .hint("slet dem eller erstat dem med rigtige cases, før spillet sendes til tryk"),
        );
    }
    let missing: Vec<String> = deck
        .dilemmas
        .iter()
        .filter(|dilemma| !cases.iter().any(|case| case.dilemma == dilemma.number))
        .map(|dilemma| dilemma.number.to_string())
        .collect();
    if !missing.is_empty() {
        let message = match missing.as_slice() {
            [number] => format!("dilemma {number} har ingen case"),
            _ => format!(
                "{} dilemmaer har ingen case: {}",
                missing.len(),
                missing.join(", ")
            ),
        };
        diagnostics.push(Diagnostic::warning(message).hint("se oversigten med `dilemmaspil list`"));
    }
    diagnostics
}
