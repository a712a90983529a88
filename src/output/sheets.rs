//! Imposition: where each card goes on the sheets for an office printer.
//!
//! Cards sit in a centred grid with a gutter of twice the bleed, so the
//! bleeds of neighbours meet but never overlap. Crop marks extend every cut
//! line into the margin, starting 1 mm outside the bleed. After each front
//! sheet comes its back sheet, mirrored so that each back lands behind its
//! front when the printer turns the sheet.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::model::{CardFormat, Deck, Mirror, Paper, SheetSettings};

/// Distance between the outer bleed edge and the start of a crop mark, in mm.
const MARK_GAP_MM: f64 = 1.0;
/// Preferred crop mark length, in mm.
const MARK_LENGTH_MM: f64 = 5.0;
/// Shortest crop mark still worth drawing, in mm.
const MIN_MARK_LENGTH_MM: f64 = 3.0;

/// Kind of sheet page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetSide {
    Front,
    Back,
    CalibrationFront,
    CalibrationBack,
}

/// A card placed on a sheet: index into the card list and the top-left corner
/// of its trim, in mm from the sheet's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slot {
    pub card: usize,
    pub x_mm: f64,
    pub y_mm: f64,
}

/// A crop mark from (x1, y1) to (x2, y2), in mm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SheetPage {
    pub side: SheetSide,
    pub slots: Vec<Slot>,
    pub marks: Vec<Mark>,
    /// Shift of this page's content, in mm; non-zero only on back pages.
    pub offset_x_mm: f64,
    pub offset_y_mm: f64,
}

/// The grid of card positions on one sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    pub columns: usize,
    pub rows: usize,
    pub landscape: bool,
    pub sheet_width_mm: f64,
    pub sheet_height_mm: f64,
    origin_x: f64,
    origin_y: f64,
    pitch_x: f64,
    pitch_y: f64,
    card_width: f64,
    card_height: f64,
    bleed: f64,
    /// Lengths of the marks in the left/right and top/bottom margins.
    mark_length_x: f64,
    mark_length_y: f64,
}

/// The whole sheet PDF, as the sheet layout receives it.
#[derive(Debug, Clone, Serialize)]
pub struct SheetPlan {
    pub grid: Grid,
    pub pages: Vec<SheetPage>,
}

/// Returns how many cards of `card` size fit along a sheet side of `sheet`
/// mm, and the mark length that is left in the margin.
fn fit_along(sheet: f64, card: f64, bleed: f64, unprintable: f64) -> (usize, f64) {
    let gutter = 2.0 * bleed;
    let reserved = 2.0 * (bleed + MARK_GAP_MM + MIN_MARK_LENGTH_MM + unprintable);
    let count = ((sheet - reserved + gutter) / (card + gutter))
        .floor()
        .max(0.0) as usize;
    let block = count as f64 * card + count.saturating_sub(1) as f64 * gutter;
    let margin = (sheet - block) / 2.0;
    let mark = (margin - bleed - MARK_GAP_MM - unprintable).min(MARK_LENGTH_MM);
    (count, mark)
}

/// Chooses the orientation that fits more cards, portrait on a tie.
pub fn grid(paper: Paper, card: &CardFormat, unprintable: f64) -> Option<Grid> {
    let (short, long) = paper.size_mm();
    let candidates = [(short, long, false), (long, short, true)];
    let mut best: Option<Grid> = None;

    for (width, height, landscape) in candidates {
        let (columns, mark_length_x) = fit_along(width, card.width_mm, card.bleed_mm, unprintable);
        let (rows, mark_length_y) = fit_along(height, card.height_mm, card.bleed_mm, unprintable);
        if columns == 0 || rows == 0 {
            continue;
        }
        let pitch_x = card.width_mm + 2.0 * card.bleed_mm;
        let pitch_y = card.height_mm + 2.0 * card.bleed_mm;
        let block_width = columns as f64 * pitch_x - 2.0 * card.bleed_mm;
        let block_height = rows as f64 * pitch_y - 2.0 * card.bleed_mm;
        let candidate = Grid {
            columns,
            rows,
            landscape,
            sheet_width_mm: width,
            sheet_height_mm: height,
            origin_x: (width - block_width) / 2.0,
            origin_y: (height - block_height) / 2.0,
            pitch_x,
            pitch_y,
            card_width: card.width_mm,
            card_height: card.height_mm,
            bleed: card.bleed_mm,
            mark_length_x,
            mark_length_y,
        };
        if best
            .as_ref()
            .is_none_or(|b| candidate.capacity() > b.capacity())
        {
            best = Some(candidate);
        }
    }
    best
}

/// Returns the error for a card that fits no sheet of the chosen paper.
pub fn too_big_for_paper(deck: &Deck) -> Diagnostic {
    let card = &deck.card;
    Diagnostic::error(format!(
        "kortet ({} x {} mm med {} mm beskæring) kan ikke være på et {}-ark",
        card.width_mm,
        card.height_mm,
        card.bleed_mm,
        deck.sheet.paper.name()
    ))
    .hint("vælg et større papir med sheet.paper i deck/deck.toml eller --paper A3 eller SRA3, eller gør kortet mindre")
}

impl Grid {
    pub fn capacity(&self) -> usize {
        self.columns * self.rows
    }

    fn slot(&self, card: usize, column: usize, row: usize) -> Slot {
        Slot {
            card,
            x_mm: self.origin_x + column as f64 * self.pitch_x,
            y_mm: self.origin_y + row as f64 * self.pitch_y,
        }
    }

    /// Returns the crop marks: every cut line extended into the margins.
    pub fn marks(&self) -> Vec<Mark> {
        let mut marks = Vec::new();
        let block_right = self.origin_x + self.columns as f64 * self.pitch_x - 2.0 * self.bleed;
        let block_bottom = self.origin_y + self.rows as f64 * self.pitch_y - 2.0 * self.bleed;
        let top_end = self.origin_y - self.bleed - MARK_GAP_MM;
        let bottom_start = block_bottom + self.bleed + MARK_GAP_MM;
        let left_end = self.origin_x - self.bleed - MARK_GAP_MM;
        let right_start = block_right + self.bleed + MARK_GAP_MM;

        for column in 0..self.columns {
            let left = self.origin_x + column as f64 * self.pitch_x;
            for x in [left, left + self.card_width] {
                marks.push(Mark {
                    x1: x,
                    y1: top_end - self.mark_length_y,
                    x2: x,
                    y2: top_end,
                });
                marks.push(Mark {
                    x1: x,
                    y1: bottom_start,
                    x2: x,
                    y2: bottom_start + self.mark_length_y,
                });
            }
        }
        for row in 0..self.rows {
            let top = self.origin_y + row as f64 * self.pitch_y;
            for y in [top, top + self.card_height] {
                marks.push(Mark {
                    x1: left_end - self.mark_length_x,
                    y1: y,
                    x2: left_end,
                    y2: y,
                });
                marks.push(Mark {
                    x1: right_start,
                    y1: y,
                    x2: right_start + self.mark_length_x,
                    y2: y,
                });
            }
        }
        marks
    }
}

/// Plans the sheets for `card_count` cards: a front sheet and its mirrored
/// back sheet for every `capacity` cards, with an optional calibration pair
/// first. Every card appears exactly once on a front and once on a back.
pub fn plan(grid: Grid, card_count: usize, settings: &SheetSettings) -> SheetPlan {
    let marks = grid.marks();
    let mut pages = Vec::new();
    let back_page = |side, slots| SheetPage {
        side,
        slots,
        marks: marks.clone(),
        offset_x_mm: settings.back_offset_x_mm,
        offset_y_mm: settings.back_offset_y_mm,
    };
    let front_page = |side, slots| SheetPage {
        side,
        slots,
        marks: marks.clone(),
        offset_x_mm: 0.0,
        offset_y_mm: 0.0,
    };

    if settings.calibration_page {
        pages.push(front_page(SheetSide::CalibrationFront, Vec::new()));
        pages.push(back_page(SheetSide::CalibrationBack, Vec::new()));
    }

    let capacity = grid.capacity();
    for first in (0..card_count).step_by(capacity) {
        let cards = first..(first + capacity).min(card_count);
        let mut fronts = Vec::new();
        let mut backs = Vec::new();
        for (position, card) in cards.enumerate() {
            let column = position % grid.columns;
            let row = position / grid.columns;
            fronts.push(grid.slot(card, column, row));
            let (back_column, back_row) = match settings.mirror {
                Mirror::LeftRight => (grid.columns - 1 - column, row),
                Mirror::TopBottom => (column, grid.rows - 1 - row),
            };
            backs.push(grid.slot(card, back_column, back_row));
        }
        pages.push(front_page(SheetSide::Front, fronts));
        pages.push(back_page(SheetSide::Back, backs));
    }
    SheetPlan { grid, pages }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> CardFormat {
        CardFormat {
            width_mm: 63.0,
            height_mm: 88.0,
            bleed_mm: 3.0,
            safe_margin_mm: 4.0,
        }
    }

    fn settings(mirror: Mirror) -> SheetSettings {
        SheetSettings {
            paper: Paper::A4,
            mirror,
            back_offset_x_mm: 0.0,
            back_offset_y_mm: 0.0,
            calibration_page: false,
            unprintable_mm: 5.0,
        }
    }

    #[test]
    fn grid_a4_holds_eight_in_landscape() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        assert!(grid.landscape);
        assert_eq!((grid.columns, grid.rows), (4, 2));
    }

    #[test]
    fn grid_larger_papers_hold_more() {
        let a3 = grid(Paper::A3, &card(), 5.0).unwrap();
        let sra3 = grid(Paper::Sra3, &card(), 5.0).unwrap();
        assert!(a3.capacity() > 8, "A3 holds {}", a3.capacity());
        assert!(
            sra3.capacity() >= a3.capacity(),
            "SRA3 holds {}",
            sra3.capacity()
        );
    }

    #[test]
    fn grid_keeps_marks_outside_bleed_and_unprintable_edge() {
        for paper in [Paper::A4, Paper::A3, Paper::Sra3] {
            let grid = grid(paper, &card(), 5.0).unwrap();
            for mark in grid.marks() {
                for (x, y) in [(mark.x1, mark.y1), (mark.x2, mark.y2)] {
                    assert!(
                        x >= 5.0 - 1e-9 && x <= grid.sheet_width_mm - 5.0 + 1e-9,
                        "{paper:?} x {x}"
                    );
                    assert!(
                        y >= 5.0 - 1e-9 && y <= grid.sheet_height_mm - 5.0 + 1e-9,
                        "{paper:?} y {y}"
                    );
                }
                let length = (mark.x2 - mark.x1).abs() + (mark.y2 - mark.y1).abs();
                assert!(
                    (MIN_MARK_LENGTH_MM..=MARK_LENGTH_MM).contains(&length),
                    "{paper:?} length {length}"
                );
            }
        }
    }

    #[test]
    fn grid_marks_every_cut_line() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        // Two cut lines per column and per row, each marked at both ends.
        assert_eq!(grid.marks().len(), 2 * 2 * (grid.columns + grid.rows));
    }

    #[test]
    fn grid_gutter_is_twice_bleed() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        let plan = plan(grid, 2, &settings(Mirror::LeftRight));
        let gap = plan.pages[0].slots[1].x_mm - (plan.pages[0].slots[0].x_mm + 63.0);
        assert!((gap - 6.0).abs() < 1e-9, "gap {gap}");
    }

    #[test]
    fn plan_places_every_card_once_per_side() {
        for count in [1, 8, 9, 10, 17] {
            let grid = grid(Paper::A4, &card(), 5.0).unwrap();
            let plan = plan(grid, count, &settings(Mirror::LeftRight));
            assert_eq!(plan.pages.len(), 2 * count.div_ceil(8), "{count} cards");
            for side in [SheetSide::Front, SheetSide::Back] {
                let mut seen: Vec<usize> = plan
                    .pages
                    .iter()
                    .filter(|page| page.side == side)
                    .flat_map(|page| page.slots.iter().map(|slot| slot.card))
                    .collect();
                seen.sort();
                assert_eq!(
                    seen,
                    (0..count).collect::<Vec<_>>(),
                    "{count} cards, {side:?}"
                );
            }
        }
    }

    #[test]
    fn plan_mirrors_backs_left_right() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        let width = grid.sheet_width_mm;
        let plan = plan(grid, 9, &settings(Mirror::LeftRight));
        for pair in plan.pages.chunks(2) {
            for front in &pair[0].slots {
                let back = pair[1]
                    .slots
                    .iter()
                    .find(|slot| slot.card == front.card)
                    .unwrap();
                assert!((back.x_mm - (width - front.x_mm - 63.0)).abs() < 1e-9);
                assert!((back.y_mm - front.y_mm).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn plan_mirrors_backs_top_bottom() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        let height = grid.sheet_height_mm;
        let plan = plan(grid, 3, &settings(Mirror::TopBottom));
        for front in &plan.pages[0].slots {
            let back = plan.pages[1]
                .slots
                .iter()
                .find(|slot| slot.card == front.card)
                .unwrap();
            assert!((back.y_mm - (height - front.y_mm - 88.0)).abs() < 1e-9);
            assert!((back.x_mm - front.x_mm).abs() < 1e-9);
        }
    }

    #[test]
    fn plan_calibration_pair_comes_first() {
        let grid = grid(Paper::A4, &card(), 5.0).unwrap();
        let mut settings = settings(Mirror::LeftRight);
        settings.calibration_page = true;
        settings.back_offset_x_mm = 0.5;
        let plan = plan(grid, 1, &settings);
        assert_eq!(plan.pages[0].side, SheetSide::CalibrationFront);
        assert_eq!(plan.pages[1].side, SheetSide::CalibrationBack);
        assert_eq!(plan.pages[1].offset_x_mm, 0.5);
        assert_eq!(plan.pages[2].offset_x_mm, 0.0);
    }
}
