//! `proof`: a PNG of one card with its guides, or a contact sheet of all.

mod resolve;
mod watch;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use serde_json::json;

use crate::cli::ProofArgs;
use crate::commands::Outcome;
use crate::diagnostic::{Diagnostics, print_report, print_summary};
use crate::layout::{LayoutData, Layouts, fit_problems};
use crate::model::cards_in_print_order;
use crate::output::atomic::StagedFiles;
use crate::output::{pdf, png};
use crate::project::Project;
use crate::source::SourceFiles;
use crate::validate::{deck_warnings, load_deck, load_project};

/// Space between front and back in a proof, in mm.
const GAP_MM: f64 = 4.0;
/// Height of the strip above the faces that carries the card id, in mm.
const LABEL_MM: f64 = 8.0;

pub fn run(project: &Project, args: &ProofArgs) -> Result<Outcome> {
    if args.all {
        return contact_sheet(project);
    }
    let target = args.card.as_deref().unwrap_or_default();
    if args.watch {
        return watch::run(project, args, target);
    }
    let proof = make_proof(project, args, target)?;
    if let Some(written) = &proof.written {
        eprintln!("skrev {written}");
    }
    Ok(proof.outcome)
}

/// Result of one proof run.
pub struct Proof {
    pub outcome: Outcome,
    /// Case file the card comes from, which `--watch` watches too.
    pub source: Option<PathBuf>,
    /// The PNG written, with its size, as shown to the user.
    pub written: Option<String>,
}

/// Validates the card, lays out only that card and writes its PNG to
/// `output/proof/ID.png`. Diagnostics are printed; a text that does not fit
/// still gives a proof, so the editor can see it, but the outcome is failed.
pub fn make_proof(project: &Project, args: &ProofArgs, target: &str) -> Result<Proof> {
    let mut files = SourceFiles::default();
    let mut diagnostics = Diagnostics::default();
    let Some(deck) = load_deck(project, &mut files, &mut diagnostics) else {
        print_report(&diagnostics, &files);
        print_summary(&diagnostics, "Prøvetrykket");
        return Ok(Proof {
            outcome: Outcome::Failed,
            source: None,
            written: None,
        });
    };
    let resolved = resolve::resolve(project, &deck, target, &mut files, &mut diagnostics)?;
    let source = resolved.source.clone();
    let Some(card) = resolved.card else {
        print_report(&diagnostics, &files);
        print_summary(&diagnostics, "Prøvetrykket");
        return Ok(Proof {
            outcome: Outcome::Failed,
            source,
            written: None,
        });
    };

    let layouts = Layouts::load(project)?;
    let proof = json!({ "guides": !args.no_guides, "gap_mm": GAP_MM, "label_mm": LABEL_MM });
    let cards = layouts.prepare(&deck, &[card]);
    let data = LayoutData {
        deck: &deck,
        cards: &cards,
        sheets: None,
        proof: Some(proof),
    };
    let document = layouts.compile("proof.typ", &data)?;
    diagnostics.extend(layouts.text_errors(
        &fit_problems(&document),
        deck.origins.iter().chain(&resolved.origins),
    ));

    let (bytes, width, height) = png::render_first_page(&document, args.dpi)?;
    let path = project
        .output_dir()
        .join("proof")
        .join(format!("{}.png", cards[0].id));
    let mut staged = StagedFiles::default();
    staged.stage(&path, &bytes)?;
    staged.commit()?;

    print_report(&diagnostics, &files);
    let outcome = if diagnostics.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Success
    };
    if outcome == Outcome::Failed {
        print_summary(&diagnostics, "Prøvetrykket");
    }
    let written = format!(
        "{} ({width} x {height} px, {} dpi)",
        project.display(&path),
        args.dpi
    );
    Ok(Proof {
        outcome,
        source,
        written: Some(written),
    })
}

fn contact_sheet(project: &Project) -> Result<Outcome> {
    let started = Instant::now();
    let mut loaded = load_project(project);
    let Some(deck) = loaded
        .deck
        .as_ref()
        .filter(|_| !loaded.diagnostics.has_errors())
    else {
        print_report(&loaded.diagnostics, &loaded.files);
        print_summary(&loaded.diagnostics, "Kontaktarket");
        return Ok(Outcome::Failed);
    };
    loaded
        .diagnostics
        .extend(deck_warnings(deck, &loaded.cases));
    let layouts = Layouts::load(project)?;
    let cards = layouts.prepare(deck, &cards_in_print_order(deck, &loaded.cases));
    let data = LayoutData {
        deck,
        cards: &cards,
        sheets: None,
        proof: None,
    };
    let document = layouts.compile("contact-sheet.typ", &data)?;
    loaded
        .diagnostics
        .extend(layouts.text_errors(&fit_problems(&document), deck.field_origins(&loaded.cases)));
    let bytes = pdf::export(&document, "dilemmaspil-kontaktark")?;

    let path = project.output_dir().join("proof").join("kontaktark.pdf");
    let mut staged = StagedFiles::default();
    staged.stage(&path, &bytes)?;
    staged.commit()?;

    print_report(&loaded.diagnostics, &loaded.files);
    eprintln!(
        "skrev {} ({} kort på {} sider, {:.1} s)",
        project.display(&path),
        cards.len(),
        document.pages().len(),
        started.elapsed().as_secs_f64()
    );
    print_summary(&loaded.diagnostics, "Kontaktarket");
    Ok(if loaded.diagnostics.has_errors() {
        Outcome::Failed
    } else {
        Outcome::Success
    })
}
