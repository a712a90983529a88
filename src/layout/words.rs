//! Upper bounds on the width of the widest word in each text, from the
//! advance widths in the font files.

use std::collections::BTreeMap;

use ttf_parser::Face;
use typst::text::Font;

use crate::model::{Card, Deck};

/// Kerning may widen a word slightly; this margin covers it.
const KERNING_MARGIN: f64 = 1.05;

/// The parsed fonts, for looking up advance widths.
pub struct WordWidths<'a> {
    faces: Vec<Face<'a>>,
}

impl<'a> WordWidths<'a> {
    pub fn new(fonts: &'a [Font]) -> Self {
        let faces = fonts
            .iter()
            .filter_map(|font| Face::parse(font.data().as_slice(), font.index()).ok())
            .collect();
        Self { faces }
    }

    /// Returns the width in em of `character` in the widest font that has
    /// it, or 1 em for a character no font has (reported elsewhere).
    fn advance(&self, character: char) -> f64 {
        self.faces
            .iter()
            .filter_map(|face| {
                let glyph = face.glyph_index(character)?;
                let advance = face.glyph_hor_advance(glyph)?;
                Some(f64::from(advance) / f64::from(face.units_per_em()))
            })
            .fold(None, |widest: Option<f64>, width| {
                Some(widest.map_or(width, |w| w.max(width)))
            })
            .unwrap_or(1.0)
    }

    /// Returns an upper bound in em on the width of the widest word.
    pub fn widest_word(&self, text: &str) -> f64 {
        text.split_whitespace()
            .map(|word| word.chars().map(|c| self.advance(c)).sum::<f64>() * KERNING_MARGIN)
            .fold(0.0, f64::max)
    }

    /// Returns `card` with the widest word of each of its texts filled in.
    pub fn fill(&self, deck: &Deck, card: &Card) -> Card {
        let widest: BTreeMap<&'static str, f64> = card
            .texts(deck)
            .iter()
            .map(|(field, text)| (*field, self.widest_word(text)))
            .collect();
        Card {
            widest_words: widest,
            ..card.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped_fonts() -> Vec<Font> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let mut fonts = Vec::new();
        for name in ["Inter-Regular.otf", "Inter-SemiBold.otf", "Inter-Bold.otf"] {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            fonts.extend(Font::iter(typst::foundations::Bytes::new(bytes)));
        }
        fonts
    }

    #[test]
    fn widest_word_uses_widest_font() {
        let fonts = shipped_fonts();
        let widths = WordWidths::new(&fonts);
        // W is wider than 1 em in Inter Bold (1.036 em at 4.0 beta 7).
        let w = widths.widest_word("W");
        assert!(w > 1.03 * KERNING_MARGIN, "W is {w} em");
    }

    #[test]
    fn widest_word_picks_widest_word() {
        let fonts = shipped_fonts();
        let widths = WordWidths::new(&fonts);
        let single = widths.widest_word("datadeling");
        assert_eq!(widths.widest_word("i datadeling og"), single);
        assert!(single > widths.widest_word("og"));
    }
}
