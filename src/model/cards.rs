//! The cards of a deck in print order, as the layouts receive them.

use std::collections::BTreeMap;

use serde::Serialize;

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
    /// Width in em of the widest word of each text field, an upper bound
    /// from the fonts' advance widths, filled in by the layout step. The
    /// layouts skip measuring single words when none can be wider than the
    /// box.
    pub widest_words: BTreeMap<&'static str, f64>,
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
        Some(Card {
            id: case.id.clone(),
            widest_words: BTreeMap::new(),
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
            widest_words: BTreeMap::new(),
            kind: CardKind::Dilemma {
                dilemma: dilemma.clone(),
                category: category.clone(),
            },
        })
    }

    pub fn title() -> Card {
        Card {
            id: TITLE_ID.to_owned(),
            kind: CardKind::Title,
            widest_words: BTreeMap::new(),
        }
    }

    pub fn rules() -> Card {
        Card {
            id: RULES_ID.to_owned(),
            kind: CardKind::Rules,
            widest_words: BTreeMap::new(),
        }
    }

    /// Returns each text field of the card with its text as printed, under
    /// the field names the layouts use.
    pub fn texts(&self, deck: &Deck) -> Vec<(&'static str, String)> {
        match &self.kind {
            CardKind::Title => vec![
                ("title", deck.title.clone()),
                ("subtitle", deck.subtitle.clone()),
                ("intro", deck.intro.clone()),
            ],
            CardKind::Rules => vec![
                ("front", deck.rules.front.join(" ")),
                ("back", deck.rules.back.join(" ")),
            ],
            CardKind::Dilemma { dilemma, .. } => vec![("question", dilemma.question.clone())],
            CardKind::Case { case, .. } => {
                let contact = &case.contact;
                vec![
                    ("title", case.title.clone().unwrap_or_default()),
                    ("challenge", case.challenge.clone()),
                    ("solution", case.solution.clone()),
                    ("submitted_by", format!("Indsendt af {}", case.submitted_by)),
                    ("contact.name", contact.name.clone()),
                    ("contact.organisation", contact.organisation.clone()),
                    ("contact.email", contact.email.clone()),
                    ("contact.phone", contact.phone.clone()),
                ]
            }
        }
    }
}

/// Returns every card in a stable order: title, rules, the dilemmas by
/// number, then the cases by dilemma number and id.
pub fn cards_in_print_order(deck: &Deck, cases: &[Case]) -> Vec<Card> {
    let mut cards = vec![Card::title(), Card::rules()];
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
