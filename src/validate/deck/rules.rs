//! `deck/rules.toml`: the rules card.

use super::Context;
use crate::model::cards::RULES_ID;
use crate::model::{FieldOrigin, Rules};
use crate::source::TableReader;

pub(super) fn read_rules(
    ctx: &mut Context<'_>,
    reader: &mut TableReader<'_, '_>,
    origins: &mut Vec<FieldOrigin>,
) -> Option<Rules> {
    let title = ctx.card_text(
        reader.string("title"),
        (RULES_ID, "title"),
        "regelkortets overskrift",
        origins,
    );
    let mut side = |key: &'static str, reader: &mut TableReader<'_, '_>| -> Option<Vec<String>> {
        let items = reader.string_list(key)?;
        let mut paragraphs = Vec::new();
        for item in items {
            paragraphs.push(ctx.card_text(
                Some(item),
                (RULES_ID, key),
                "et afsnit af reglerne",
                origins,
            )?);
        }
        Some(paragraphs)
    };
    let front = side("front", reader);
    let back = side("back", reader);
    Some(Rules {
        title: title?,
        front: front?,
        back: back?,
    })
}
