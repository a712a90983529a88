//! The cards of a deck in print order, as the layouts receive them.

use std::collections::BTreeMap;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::{Case, Category, Deck, Dilemma};

/// Id of the title card.
pub const TITLE_ID: &str = "titelkort";
/// Id of the rules card.
pub const RULES_ID: &str = "regelkort";
/// Prefix of the ids of dilemma cards, followed by the number.
pub const DILEMMA_PREFIX: &str = "dilemma-";

/// Kind of card, by which the layouts choose its faces.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CardKind {
    Title,
    Rules,
    Dilemma {
        dilemma: Dilemma,
        category: Category,
    },
    Case {
        case: Box<Case>,
        dilemma: Dilemma,
        category: Category,
    },
}

/// One card, front and back.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub id: String,
    #[serde(flatten)]
    pub kind: CardKind,
    /// Graphemes in the longest word of each text field. The layouts skip
    /// measuring single words when even this one cannot be wider than its box.
    pub longest_words: BTreeMap<&'static str, usize>,
}

impl Card {
    /// Returns the card id of dilemma `number`.
    pub fn dilemma_id(number: u32) -> String {
        format!("{DILEMMA_PREFIX}{number}")
    }

    /// Returns the category key, for cards that have one.
    pub fn category_key(&self) -> Option<&str> {
        match &self.kind {
            CardKind::Dilemma { category, .. } | CardKind::Case { category, .. } => {
                Some(&category.key)
            }
            CardKind::Title | CardKind::Rules => None,
        }
    }

    /// Builds the card of one case; `None` if its dilemma is unknown.
    pub fn for_case(deck: &Deck, case: &Case) -> Option<Card> {
        let dilemma = deck.dilemma(case.dilemma)?;
        let category = deck.category(&dilemma.category)?;
        let contact = &case.contact;
        let texts = [
            ("title", case.title.as_deref().unwrap_or_default()),
            ("challenge", &case.challenge),
            ("solution", &case.solution),
            ("submitted_by", &case.submitted_by),
            ("contact.name", &contact.name),
            ("contact.organisation", &contact.organisation),
            ("contact.email", &contact.email),
            ("contact.phone", &contact.phone),
        ];
        Some(Card {
            id: case.id.clone(),
            longest_words: longest_words(&texts),
            kind: CardKind::Case {
                case: Box::new(case.clone()),
                dilemma: dilemma.clone(),
                category: category.clone(),
            },
        })
    }

    /// Builds the card of one dilemma.
    pub fn for_dilemma(deck: &Deck, dilemma: &Dilemma) -> Option<Card> {
        let category = deck.category(&dilemma.category)?;
        Some(Card {
            id: Self::dilemma_id(dilemma.number),
            longest_words: longest_words(&[("question", &dilemma.question)]),
            kind: CardKind::Dilemma {
                dilemma: dilemma.clone(),
                category: category.clone(),
            },
        })
    }

    pub fn title(deck: &Deck) -> Card {
        let texts = [
            ("title", deck.title.as_str()),
            ("subtitle", &deck.subtitle),
            ("intro", &deck.intro),
        ];
        Card {
            id: TITLE_ID.to_owned(),
            kind: CardKind::Title,
            longest_words: longest_words(&texts),
        }
    }

    pub fn rules(deck: &Deck) -> Card {
        let front = deck.rules.front.join(" ");
        let back = deck.rules.back.join(" ");
        let texts = [("front", front.as_str()), ("back", &back)];
        Card {
            id: RULES_ID.to_owned(),
            kind: CardKind::Rules,
            longest_words: longest_words(&texts),
        }
    }
}

/// Returns every card in a stable order: title, rules, the dilemmas by
/// number, then the cases by dilemma number and id.
pub fn cards_in_print_order(deck: &Deck, cases: &[Case]) -> Vec<Card> {
    let mut cards = vec![Card::title(deck), Card::rules(deck)];
    cards.extend(
        deck.dilemmas
            .iter()
            .filter_map(|dilemma| Card::for_dilemma(deck, dilemma)),
    );

    let mut sorted: Vec<&Case> = cases.iter().collect();
    sorted.sort_by(|a, b| a.dilemma.cmp(&b.dilemma).then_with(|| a.id.cmp(&b.id)));
    cards.extend(
        sorted
            .into_iter()
            .filter_map(|case| Card::for_case(deck, case)),
    );
    cards
}

/// Returns the number of graphemes in the longest word of each text.
fn longest_words(texts: &[(&'static str, &str)]) -> BTreeMap<&'static str, usize> {
    texts
        .iter()
        .map(|(field, text)| {
            let longest = text
                .split_whitespace()
                .map(|word| word.graphemes(true).count())
                .max();
            (*field, longest.unwrap_or(0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_words_counts_graphemes() {
        let longest = longest_words(&[("challenge", "Kort og a\u{030A}benhedsværdier her")]);
        assert_eq!(longest["challenge"], 15);
    }
}
