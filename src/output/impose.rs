//! Imposition of laid-out faces onto sheet pages.
//!
//! Each face is laid out once, for the print-shop PDF. The sheet pages reuse
//! those frames: every face is clipped to its bleed box and placed at its
//! slot on a sheet page that the sheet layout drew with crop marks only.

use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst::model::Document;
use typst::visualize::Curve;
use typst_layout::PagedDocument;

use super::sheets::{SheetPlan, SheetSide};

/// Places the faces of `faces` (front and back of each card on consecutive
/// pages) on the pages of `sheets`, which must have one page per page of the
/// plan. `bleed` is the bleed of each face.
pub fn impose(
    faces: &PagedDocument,
    sheets: &PagedDocument,
    plan: &SheetPlan,
    bleed: Abs,
) -> PagedDocument {
    let mut pages = sheets.pages().to_vec();
    for (page, sheet) in pages.iter_mut().zip(&plan.pages) {
        let side = match sheet.side {
            SheetSide::Front => 0,
            SheetSide::Back => 1,
            SheetSide::CalibrationFront | SheetSide::CalibrationBack => continue,
        };
        for slot in &sheet.slots {
            let face = &faces.pages()[2 * slot.card + side];
            let x = Abs::mm(slot.x_mm + sheet.offset_x_mm) - bleed;
            let y = Abs::mm(slot.y_mm + sheet.offset_y_mm) - bleed;
            page.frame
                .prepend_frame(Point::new(x, y), clipped_face(&face.frame, bleed));
        }
    }
    PagedDocument::new(pages.into_iter().collect(), sheets.info().clone())
}

/// Returns the face with its bleed, clipped to the bleed box so that nothing
/// reaches a neighbour. Introspection tags are removed, because each
/// document keeps its own and the face's belong to the print-shop PDF.
fn clipped_face(face: &Frame, bleed: Abs) -> Frame {
    let mut content = face.clone();
    remove_tags(&mut content);
    let size = Size::new(face.width() + 2.0 * bleed, face.height() + 2.0 * bleed);
    let mut frame = Frame::hard(size);
    frame.push_frame(Point::new(bleed, bleed), content);
    frame.clip(Curve::rect(size));
    frame
}

fn remove_tags(frame: &mut Frame) {
    frame.retain(|item| match item {
        FrameItem::Tag(_) => false,
        FrameItem::Group(group) => {
            remove_tags(&mut group.frame);
            true
        }
        _ => true,
    });
}
