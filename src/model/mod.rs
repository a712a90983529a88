//! The validated deck: what the layouts print. Everything here has passed
//! the rules in `validate`, so downstream code can trust it.

pub mod cards;

use std::ops::Range;

use serde::Serialize;

pub use cards::{Card, CardKind, cards_in_print_order};

use crate::source::FileId;

/// Card format in millimetres.
#[derive(Debug, Clone, Serialize)]
pub struct CardFormat {
    pub width_mm: f64,
    pub height_mm: f64,
    pub bleed_mm: f64,
    pub safe_margin_mm: f64,
}

/// Text settings for every card.
#[derive(Debug, Clone, Serialize)]
pub struct TextSettings {
    /// Maximum length of a case text, in graphemes.
    pub max_graphemes: usize,
    /// Size of body text before shrinking, in points.
    pub font_size_pt: f64,
    /// Smallest size a text may shrink to before the build fails, in points.
    pub min_font_size_pt: f64,
}

/// Paper sizes for the sheet PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "UPPERCASE")]
pub enum Paper {
    #[value(name = "A4")]
    A4,
    #[value(name = "A3")]
    A3,
    #[value(name = "SRA3")]
    Sra3,
}

impl Paper {
    /// Returns width and height in portrait, in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::Sra3 => (320.0, 450.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Sra3 => "SRA3",
        }
    }
}

/// Mirroring of a back sheet relative to its front, for duplex printing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Mirror {
    /// Columns swap sides: the sheet turns over its long edge in landscape
    /// or its short edge in portrait, as most duplex printers do.
    LeftRight,
    /// Rows swap places: the sheet turns over its top edge.
    TopBottom,
}

/// Settings for the sheet PDF.
#[derive(Debug, Clone, Serialize)]
pub struct SheetSettings {
    pub paper: Paper,
    pub mirror: Mirror,
    /// Shift of every back sheet, in millimetres, to correct a printer that
    /// does not register front and back.
    pub back_offset_x_mm: f64,
    pub back_offset_y_mm: f64,
    /// Whether a duplex calibration page comes first.
    pub calibration_page: bool,
    /// Edge of the paper the printer cannot print on, in millimetres.
    pub unprintable_mm: f64,
}

/// Shapes that mark a category, so colour is never the only cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbol {
    Circle,
    Square,
    Triangle,
    Diamond,
}

impl Symbol {
    pub const NAMES: [&'static str; 4] = ["circle", "square", "triangle", "diamond"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "circle" => Some(Symbol::Circle),
            "square" => Some(Symbol::Square),
            "triangle" => Some(Symbol::Triangle),
            "diamond" => Some(Symbol::Diamond),
            _ => None,
        }
    }
}

/// A category of dilemmas.
#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub key: String,
    pub name: String,
    pub symbol: Symbol,
    /// Print colour as C, M, Y, K percentages.
    pub print_color: [f64; 4],
    /// Screen colour as `#rrggbb`.
    pub screen_color: String,
    /// Whether text on the category colour is white rather than black.
    pub light_text: bool,
}

/// One of the dilemma questions.
#[derive(Debug, Clone, Serialize)]
pub struct Dilemma {
    pub number: u32,
    pub category: String,
    pub question: String,
}

/// The rules card: a heading and paragraphs for each side.
#[derive(Debug, Clone, Serialize)]
pub struct Rules {
    pub title: String,
    pub front: Vec<String>,
    pub back: Vec<String>,
}

/// Everything in `deck/`.
#[derive(Debug, Clone, Serialize)]
pub struct Deck {
    pub title: String,
    pub subtitle: String,
    pub publisher: String,
    /// Text on the back of the title card.
    pub intro: String,
    pub card: CardFormat,
    pub text: TextSettings,
    pub sheet: SheetSettings,
    pub categories: Vec<Category>,
    pub dilemmas: Vec<Dilemma>,
    pub rules: Rules,
    /// Source positions of the printed texts, for errors found later by layout.
    #[serde(skip)]
    pub origins: Vec<FieldOrigin>,
}

impl Deck {
    pub fn dilemma(&self, number: u32) -> Option<&Dilemma> {
        self.dilemmas
            .iter()
            .find(|dilemma| dilemma.number == number)
    }

    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|category| category.key == key)
    }

    /// Returns where every printed text of the deck and of `cases` came from.
    pub fn field_origins<'a>(
        &'a self,
        cases: &'a [Case],
    ) -> impl Iterator<Item = &'a FieldOrigin> + Clone {
        self.origins
            .iter()
            .chain(cases.iter().flat_map(|case| &case.origins))
    }
}

/// Contact person at the customer.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub name: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
}

/// A case: how one organisation solved one dilemma.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    /// File stem of the case file.
    pub id: String,
    pub dilemma: u32,
    pub title: Option<String>,
    pub challenge: String,
    pub solution: String,
    pub submitted_by: String,
    pub contact: Contact,
    pub example: bool,
    #[serde(skip)]
    pub origins: Vec<FieldOrigin>,
}

/// The place in a source file of one field of a card, such as `challenge`.
#[derive(Debug, Clone)]
pub struct FieldOrigin {
    /// Card id and field name, as the layouts report them.
    pub card_id: String,
    pub field: String,
    pub file: FileId,
    pub span: Range<usize>,
    /// The text as printed, after normalisation.
    pub text: String,
}
