//! `list`: the dilemmas with their category and the number of cases for each.

use anyhow::Result;

use crate::commands::Outcome;
use crate::diagnostic::{plural, print_report, print_summary};
use crate::project::Project;
use crate::validate::load_project;

pub fn run(project: &Project) -> Result<Outcome> {
    let loaded = load_project(project);
    let Some(deck) = &loaded.deck else {
        print_report(&loaded.diagnostics, &loaded.files);
        print_summary(&loaded.diagnostics, "Indlæsningen");
        return Ok(Outcome::Failed);
    };

    let name_width = deck
        .categories
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    println!(
        "{:>3}  {:<name_width$}  {:>5}  spørgsmål",
        "nr", "kategori", "cases"
    );
    for dilemma in &deck.dilemmas {
        let category = deck
            .category(&dilemma.category)
            .map_or("", |c| c.name.as_str());
        let count = loaded
            .cases
            .iter()
            .filter(|case| case.dilemma == dilemma.number)
            .count();
        let marker = if count == 0 {
            "  ← mangler cases"
        } else {
            ""
        };
        println!(
            "{:>3}  {:<name_width$}  {:>5}  {}{marker}",
            dilemma.number,
            category,
            count,
            shorten(&dilemma.question, 60)
        );
    }

    let invalid = loaded.diagnostics.error_count();
    println!("\n{} i alt", plural(loaded.cases.len(), "case", "cases"));
    if invalid > 0 {
        eprintln!(
            "advarsel: {invalid} fejl i cases/ betyder, at nogle cases ikke er talt med; kør `dilemmaspil check`"
        );
    }
    Ok(Outcome::Success)
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{}…", cut.trim_end())
}
