//! Typst layouts: loading `layouts/` and `fonts/`, and compiling a layout
//! with the deck as data.

mod fit;
mod glyphs;
mod words;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst::ecow::EcoVec;
use typst::foundations::{Dict, IntoValue};
use typst::model::Document;
use typst::text::Font;
use typst::{World, WorldExt};
use typst_as_lib::{TypstAsLibError, TypstEngine};
use typst_layout::PagedDocument;

/// Cards laid out in one Typst compilation by [`Layouts::compile_faces`].
/// The batch size bounds memory and leaves the output bytes unchanged.
const CARDS_PER_BATCH: usize = 200;

pub use fit::{FitProblem, fit_problems};
use words::WordWidths;

use crate::diagnostic::Diagnostics;
use crate::model::{Card, Deck, FieldOrigin};
use crate::project::Project;

/// The laid-out faces of a deck, and the texts that did not fit.
pub struct FacePages {
    pub document: PagedDocument,
    pub fit_problems: Vec<FitProblem>,
}

/// The layouts and fonts of a project, ready to compile.
pub struct Layouts {
    engine: TypstEngine,
    fonts: Vec<Font>,
    dir: PathBuf,
}

impl Layouts {
    /// Loads the fonts in `fonts/` and makes `layouts/` the Typst root.
    /// System fonts are never searched, so output is the same everywhere.
    pub fn load(project: &Project) -> Result<Self> {
        let dir = project.layouts_dir();
        if !dir.is_dir() {
            bail!(
                "mappen layouts/ med kortenes layout mangler i {}\nhjælp: kopiér layouts/ fra dilemmaspils kildekode ind i projektet",
                project.root.display()
            );
        }
        let fonts = load_fonts(&project.fonts_dir())?;
        let engine = TypstEngine::builder()
            .fonts(fonts.clone())
            .with_file_system_resolver(project.layouts_dir())
            .build();
        Ok(Self { engine, fonts, dir })
    }

    /// Lays out the print-shop pages of `cards`, front and back of each in
    /// order, and returns them with the texts that did not fit. The cards
    /// are laid out in fixed-size batches, so that Typst's cache of layout
    /// results, cleared after each batch, never contains the whole deck.
    pub fn compile_faces(&self, deck: &Deck, cards: &[Card]) -> Result<FacePages> {
        let mut pages = EcoVec::new();
        let mut problems = Vec::new();
        let mut info = None;
        for batch in cards.chunks(CARDS_PER_BATCH) {
            let batch = self.prepare(deck, batch);
            let data = LayoutData {
                deck,
                cards: &batch,
                sheets: None,
                proof: None,
            };
            let document = self.compile("print.typ", &data)?;
            problems.extend(fit_problems(&document));
            pages.extend(document.pages().iter().cloned());
            info.get_or_insert_with(|| document.info().clone());
        }
        let document = PagedDocument::new(pages, info.unwrap_or_default());
        Ok(FacePages {
            document,
            fit_problems: problems,
        })
    }

    /// Returns `cards` ready for a layout: with the widest word of each text
    /// measured from the fonts.
    pub fn prepare(&self, deck: &Deck, cards: &[Card]) -> Vec<Card> {
        let widths = WordWidths::new(&self.fonts);
        cards.iter().map(|card| widths.fill(deck, card)).collect()
    }

    /// Returns an error for every text that did not fit its box, and for
    /// every text with a character that no font in `fonts/` has.
    pub fn text_errors<'a>(
        &self,
        problems: &[FitProblem],
        origins: impl IntoIterator<Item = &'a FieldOrigin> + Clone,
    ) -> Diagnostics {
        let mut diagnostics = fit::fit_errors_from(problems, origins.clone());
        diagnostics.extend(glyphs::missing_glyph_errors(&self.fonts, origins));
        diagnostics
    }

    /// Compiles `layouts/{main}` with `data` as JSON in `sys.inputs.data`.
    /// Card texts reach Typst only as data, never as source, so a case text
    /// cannot run Typst code.
    pub fn compile(&self, main: &str, data: &impl Serialize) -> Result<PagedDocument> {
        if !self.dir.join(main).is_file() {
            bail!(
                "layoutfilen layouts/{main} mangler\nhjælp: kopiér den fra dilemmaspils kildekode ind i layouts/"
            );
        }
        let json = serde_json::to_string(data)?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), json.into_value());
        let warned = self.engine.compile_with_input(main, inputs);
        warned
            .output
            .map_err(|error| describe(&self.engine, main, error))
    }
}

fn load_fonts(dir: &Path) -> Result<Vec<Font>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("kunne ikke læse skrifttypemappen {}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_lowercase);
            matches!(extension.as_deref(), Some("otf" | "ttf" | "ttc" | "otc"))
        })
        .collect();
    paths.sort();

    let mut fonts = Vec::new();
    for path in paths {
        let bytes =
            std::fs::read(&path).with_context(|| format!("kunne ikke læse {}", path.display()))?;
        let before = fonts.len();
        fonts.extend(Font::iter(typst::foundations::Bytes::new(bytes)));
        if fonts.len() == before {
            bail!(
                "{} er ikke en skrifttype, Typst kan læse\nhjælp: brug OpenType- eller TrueType-filer (.otf, .ttf)",
                path.display()
            );
        }
    }
    if fonts.is_empty() {
        bail!(
            "der er ingen skrifttyper i {}\nhjælp: læg skrifttypefilerne (.otf eller .ttf) i mappen fonts/",
            dir.display()
        );
    }
    Ok(fonts)
}

/// Turns a Typst error into a Danish message with the layout file and line.
fn describe(engine: &TypstEngine, main: &str, error: TypstAsLibError) -> anyhow::Error {
    let TypstAsLibError::TypstSource(diagnostics) = error else {
        return anyhow::anyhow!("layoutet layouts/{main} kunne ikke indlæses: {error}");
    };
    let lines: Vec<String> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .map(|diagnostic| describe_diagnostic(engine, main, diagnostic))
        .collect();
    anyhow::anyhow!(
        "layoutet layouts/{main} kunne ikke sættes:\n{}\nhjælp: ret fejlen i layoutfilen; kortenes tekster kan ikke give denne fejl",
        lines.join("\n")
    )
}

fn describe_diagnostic(engine: &TypstEngine, main: &str, diagnostic: &SourceDiagnostic) -> String {
    let position = diagnostic.span.id().and_then(|id| {
        engine
            .with_world(main, |world| {
                let source = world.source(id).ok()?;
                let range = world.range(diagnostic.span)?;
                let (line, column) = crate::source::line_column(source.text(), range.start);
                let path = id.vpath().get_without_slash().to_owned();
                Some(format!("layouts/{path}:{line}:{column}"))
            })
            .ok()
            .flatten()
    });
    match position {
        Some(position) => format!("  {position}: {}", diagnostic.message),
        None => format!("  {}", diagnostic.message),
    }
}

/// Everything a layout receives in `sys.inputs.data`.
#[derive(Debug, Serialize)]
pub struct LayoutData<'a> {
    pub deck: &'a crate::model::Deck,
    pub cards: &'a [crate::model::Card],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheets: Option<&'a crate::output::sheets::SheetPlan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<serde_json::Value>,
}
