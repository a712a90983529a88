//! `check`: validates the whole deck, or one case file against the deck,
//! including whether each text fits its box on the card.

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::commands::{Outcome, UsageError};
use crate::diagnostic::{Diagnostics, plural, print_report, print_summary};
use crate::layout::Layouts;
use crate::model::{Card, Deck, FieldOrigin, cards_in_print_order};
use crate::output::sheets::{self, too_big_for_paper};
use crate::project::Project;
use crate::source::SourceFiles;
use crate::validate::{deck_warnings, load_case, load_deck, load_project};

pub fn run(project: &Project, args: &CheckArgs) -> Result<Outcome> {
    match &args.file {
        Some(path) => check_file(project, path),
        None => check_deck(project),
    }
}

fn check_deck(project: &Project) -> Result<Outcome> {
    let mut loaded = load_project(project);
    if let Some(deck) = &loaded.deck {
        if !loaded.diagnostics.has_errors() {
            let cards = cards_in_print_order(deck, &loaded.cases);
            loaded.diagnostics.extend(fit_check(
                project,
                deck,
                &cards,
                deck.field_origins(&loaded.cases),
            )?);
        }
        loaded
            .diagnostics
            .extend(deck_warnings(deck, &loaded.cases));
    }
    print_report(&loaded.diagnostics, &loaded.files);

    if let Some(deck) = &loaded.deck
        && !loaded.diagnostics.has_errors()
    {
        eprintln!(
            "{} og {} kontrolleret",
            plural(deck.dilemmas.len(), "dilemma", "dilemmaer"),
            plural(loaded.cases.len(), "case", "cases")
        );
    }
    Ok(finish(&loaded.diagnostics))
}

fn check_file(project: &Project, path: &std::path::Path) -> Result<Outcome> {
    let absolute = std::path::absolute(path)?;
    let deck_dir = std::path::absolute(project.deck_dir())?;
    if absolute.starts_with(&deck_dir) {
        return Err(UsageError(format!(
            "{} er en af spillets egne filer, ikke en case-fil\nhjælp: kør `dilemmaspil check` uden fil for at kontrollere deck/ og alle cases",
            path.display()
        ))
        .into());
    }
    let mut files = SourceFiles::default();
    let mut diagnostics = Diagnostics::default();
    let deck = load_deck(project, &mut files, &mut diagnostics);
    let display = project.display(&std::path::absolute(path)?);
    let display = if display.starts_with('/') {
        path.display().to_string()
    } else {
        display
    };
    let case = load_case(
        path,
        display.clone(),
        deck.as_ref(),
        &mut files,
        &mut diagnostics,
    );
    if let (Some(deck), Some(case)) = (&deck, &case)
        && !diagnostics.has_errors()
    {
        let cards: Vec<Card> = Card::for_case(deck, case).into_iter().collect();
        diagnostics.extend(fit_check(
            project,
            deck,
            &cards,
            deck.origins.iter().chain(&case.origins),
        )?);
    }
    print_report(&diagnostics, &files);

    if case.is_some() && !diagnostics.has_errors() {
        eprintln!("{display} er i orden");
    }
    Ok(finish(&diagnostics))
}

/// Lays out `cards` as the build does and reports every text that does not
/// fit its box, which counting characters cannot find.
fn fit_check<'a>(
    project: &Project,
    deck: &Deck,
    cards: &[Card],
    origins: impl IntoIterator<Item = &'a FieldOrigin> + Clone,
) -> Result<Diagnostics> {
    let layouts = Layouts::load(project)?;
    let faces = layouts.compile_faces(deck, cards)?;
    let mut diagnostics = layouts.text_errors(&faces.fit_problems, origins);
    if sheets::grid(deck.sheet.paper, &deck.card, deck.sheet.unprintable_mm).is_none() {
        diagnostics.push(too_big_for_paper(deck));
    }
    Ok(diagnostics)
}

fn finish(diagnostics: &Diagnostics) -> Outcome {
    print_summary(diagnostics, "Kontrollen");
    if diagnostics.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Success
    }
}
