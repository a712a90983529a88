//! `build`: the print-shop PDF and the sheet PDF in output/.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::commands::{Outcome, UsageError};
use crate::diagnostic::{plural, print_report, print_summary};
use crate::layout::{LayoutData, Layouts};
use crate::model::{Card, Deck, SheetSettings, cards_in_print_order};
use crate::output::atomic::StagedFiles;
use crate::output::impose::impose;
use crate::output::{pdf, sheets};
use crate::project::Project;
use crate::validate::{deck_warnings, load_project};
use typst::layout::Abs;

pub fn run(project: &Project, args: &BuildArgs) -> Result<Outcome> {
    let started = Instant::now();
    let mut loaded = load_project(project);
    let deck = match loaded.deck.as_mut() {
        Some(deck) if !loaded.diagnostics.has_errors() => deck,
        _ => {
            print_report(&loaded.diagnostics, &loaded.files);
            print_summary(&loaded.diagnostics, "Bygningen");
            return Ok(Outcome::Failed);
        }
    };
    apply_overrides(&mut deck.sheet, args)?;
    let deck = &*deck;
    loaded
        .diagnostics
        .extend(deck_warnings(deck, &loaded.cases));

    let cards = cards_in_print_order(deck, &loaded.cases);
    let layouts = Layouts::load(project)?;

    eprintln!("sætter {} kort …", cards.len());
    let faces = layouts.compile_faces(deck, &cards)?;
    let text_errors = layouts.text_errors(&faces.fit_problems, deck.field_origins(&loaded.cases));
    if text_errors.has_errors() {
        loaded.diagnostics.extend(text_errors);
        print_report(&loaded.diagnostics, &loaded.files);
        print_summary(&loaded.diagnostics, "Bygningen");
        return Ok(Outcome::Failed);
    }
    let print_document = faces.document;

    let Some(grid) = sheets::grid(deck.sheet.paper, &deck.card, deck.sheet.unprintable_mm) else {
        loaded.diagnostics.push(sheets::too_big_for_paper(deck));
        print_report(&loaded.diagnostics, &loaded.files);
        print_summary(&loaded.diagnostics, "Bygningen");
        return Ok(Outcome::Failed);
    };
    let plan = sheets::plan(grid, cards.len(), &deck.sheet);
    eprintln!("lægger kortene på {} ark …", plan.pages.len());
    let data = LayoutData {
        deck,
        cards: &[],
        sheets: Some(&plan),
        proof: None,
    };
    let marks = layouts.compile("sheets.typ", &data)?;
    let sheet_document = impose(&print_document, &marks, &plan, Abs::mm(deck.card.bleed_mm));

    eprintln!("skriver PDF-filerne …");
    let print_pdf = pdf::add_bleed_boxes(&pdf::export(&print_document, "dilemmaspil-trykkeri")?)?;
    let sheet_pdf = pdf::export(&sheet_document, "dilemmaspil-ark")?;

    let output = project.output_dir();
    let print_path = output.join("kort-trykkeri.pdf");
    let sheet_path = output.join(format!("kort-ark-{}.pdf", deck.sheet.paper.name()));
    let mut staged = StagedFiles::default();
    staged.stage(&print_path, &print_pdf)?;
    staged.stage(&sheet_path, &sheet_pdf)?;
    staged.commit()?;

    print_report(&loaded.diagnostics, &loaded.files);
    print_cards_per_category(deck, &cards);
    let written = [
        (print_path, print_document.pages().len(), print_pdf.len()),
        (sheet_path, sheet_document.pages().len(), sheet_pdf.len()),
    ];
    print_written(project, &written);
    eprintln!("tid: {:.1} s", started.elapsed().as_secs_f64());
    print_summary(&loaded.diagnostics, "Bygningen");
    Ok(Outcome::Success)
}

fn apply_overrides(sheet: &mut SheetSettings, args: &BuildArgs) -> Result<()> {
    if let Some(paper) = args.paper {
        sheet.paper = paper;
    }
    if let Some(mirror) = args.mirror {
        sheet.mirror = mirror;
    }
    for (value, target, flag) in [
        (
            args.back_offset_x,
            &mut sheet.back_offset_x_mm,
            "--back-offset-x",
        ),
        (
            args.back_offset_y,
            &mut sheet.back_offset_y_mm,
            "--back-offset-y",
        ),
    ] {
        let Some(value) = value else { continue };
        if !(-20.0..=20.0).contains(&value) {
            return Err(UsageError(format!(
                "{flag} {value} er uden for det tilladte område fra -20 til 20 mm"
            ))
            .into());
        }
        *target = value;
    }
    if args.calibration {
        sheet.calibration_page = true;
    }
    Ok(())
}

fn print_cards_per_category(deck: &Deck, cards: &[Card]) {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for card in cards {
        let Some(key) = card.category_key() else {
            continue;
        };
        let entry = counts.entry(key).or_default();
        match card.kind {
            crate::model::CardKind::Dilemma { .. } => entry.0 += 1,
            _ => entry.1 += 1,
        }
    }
    eprintln!(
        "\nkort i alt: {} (titelkort, regelkort, dilemmaer og cases)",
        cards.len()
    );
    for category in &deck.categories {
        let (dilemmas, cases) = counts
            .get(category.key.as_str())
            .copied()
            .unwrap_or_default();
        eprintln!(
            "  {:<14} {:>12} {:>10}",
            category.name,
            plural(dilemmas, "dilemma", "dilemmaer"),
            plural(cases, "case", "cases")
        );
    }
}

fn print_written(project: &Project, written: &[(PathBuf, usize, usize)]) {
    eprintln!("\nskrevet:");
    for (path, pages, bytes) in written {
        eprintln!(
            "  {}  {pages} sider, {}",
            project.display(path),
            human_size(*bytes)
        );
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}
