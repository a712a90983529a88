//! Finding the card a proof is asked for: a case id, a dilemma number, the
//! title or rules card, or a case file that is not in `cases/` yet.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::commands::UsageError;
use crate::diagnostic::{Diagnostics, nearest};
use crate::model::cards::{DILEMMA_PREFIX, RULES_ID, TITLE_ID};
use crate::model::{Card, Deck, FieldOrigin};
use crate::project::Project;
use crate::source::SourceFiles;
use crate::validate::load_case;

/// The card found for a proof, or `None` with the reasons in diagnostics.
pub struct Resolved {
    pub card: Option<Card>,
    /// Case file the card comes from, if any.
    pub source: Option<PathBuf>,
    pub origins: Vec<FieldOrigin>,
}

impl Resolved {
    fn card(card: Card) -> Self {
        Self {
            card: Some(card),
            source: None,
            origins: Vec::new(),
        }
    }
}

/// Resolves `target`. Only the one case file is read, so the time does not
/// grow with the number of cases in the deck. An unknown id is a usage error
/// that lists the nearest known ids.
pub fn resolve(
    project: &Project,
    deck: &Deck,
    target: &str,
    files: &mut SourceFiles,
    diagnostics: &mut Diagnostics,
) -> Result<Resolved> {
    let as_path = Path::new(target);
    if target.ends_with(".toml") || target.contains(['/', '\\']) {
        if !as_path.is_file() {
            return Err(UsageError(format!("filen {target} findes ikke")).into());
        }
        return Ok(case_card(project, deck, as_path, files, diagnostics));
    }

    let number = target
        .strip_prefix(DILEMMA_PREFIX)
        .unwrap_or(target)
        .parse::<u32>()
        .ok();
    if let Some(number) = number {
        return match deck
            .dilemma(number)
            .and_then(|dilemma| Card::for_dilemma(deck, dilemma))
        {
            Some(card) => Ok(Resolved::card(card)),
            None => Err(UsageError(format!(
                "dilemma {number} findes ikke\nhjælp: vælg et nummer fra 1 til {}",
                deck.dilemmas.last().map_or(0, |d| d.number)
            ))
            .into()),
        };
    }
    match target {
        TITLE_ID => return Ok(Resolved::card(Card::title())),
        RULES_ID => return Ok(Resolved::card(Card::rules())),
        _ => {}
    }

    let path = project.cases_dir().join(format!("{target}.toml"));
    if path.is_file() {
        return Ok(case_card(project, deck, &path, files, diagnostics));
    }
    Err(unknown_id(project, deck, target).into())
}

fn case_card(
    project: &Project,
    deck: &Deck,
    path: &Path,
    files: &mut SourceFiles,
    diagnostics: &mut Diagnostics,
) -> Resolved {
    let display = std::path::absolute(path)
        .map(|p| project.display(&p))
        .unwrap_or_else(|_| path.display().to_string());
    let case = load_case(path, display, Some(deck), files, diagnostics);
    let card = case.as_ref().and_then(|case| Card::for_case(deck, case));
    let origins = case.map(|case| case.origins).unwrap_or_default();
    Resolved {
        card,
        source: Some(path.to_owned()),
        origins,
    }
}

fn unknown_id(project: &Project, deck: &Deck, target: &str) -> UsageError {
    let mut known: Vec<String> = vec![TITLE_ID.to_owned(), RULES_ID.to_owned()];
    known.extend(
        deck.dilemmas
            .iter()
            .map(|dilemma| Card::dilemma_id(dilemma.number)),
    );
    if let Ok(entries) = std::fs::read_dir(project.cases_dir()) {
        let mut ids: Vec<String> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .filter_map(|path| {
                path.file_stem()
                    .map(|stem| stem.to_string_lossy().into_owned())
            })
            .collect();
        ids.sort();
        known.extend(ids);
    }
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    let suggestions = nearest(target, &candidates, 3);
    let hint = if suggestions.is_empty() {
        "brug et case-id (filnavnet i cases/ uden .toml), et dilemmanummer, titelkort eller regelkort".to_owned()
    } else {
        format!("nærmeste kort: {}", suggestions.join(", "))
    };
    UsageError(format!("kortet «{target}» findes ikke\nhjælp: {hint}"))
}
