//! The sheet PDF: every card once, backs mirrored behind their fronts.

use crate::support::{Project, mm, path_str, squeeze, tool, words};

/// A4 landscape, as the shipped deck's eight cards per sheet need.
const SHEET_WIDTH_MM: f64 = 297.0;
const CARD_WIDTH_MM: f64 = 63.0;
const SAFE_MM: f64 = 4.0;

/// Returns the first word of a case field, which starts at the left safe
/// margin of its face.
fn first_word(project: &Project, id: &str, field: &str) -> String {
    let case: toml::Table = std::fs::read_to_string(project.path(&format!("cases/{id}.toml")))
        .unwrap()
        .parse()
        .unwrap();
    case[field]
        .as_str()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

fn case_ids(project: &Project) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(project.path("cases"))
        .unwrap()
        .map(|entry| {
            entry
                .unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn sheet_backs_mirror_fronts_left_right() {
    let project = Project::shipped();
    project.build();
    let words = words(&project.sheet_pdf());
    let sheet_width = mm(SHEET_WIDTH_MM);

    for id in case_ids(&project) {
        let challenge = first_word(&project, &id, "challenge");
        let solution = first_word(&project, &id, "solution");
        // The first word of a text is the leftmost word with that text on
        // the line, found by the nearest match on a front (odd) page.
        let fronts: Vec<_> = words
            .iter()
            .filter(|w| w.text == challenge && w.page % 2 == 1)
            .collect();
        let backs: Vec<_> = words
            .iter()
            .filter(|w| w.text == solution && w.page % 2 == 0)
            .collect();
        assert!(
            !fronts.is_empty(),
            "{id}: challenge word «{challenge}» not on a front sheet"
        );
        assert!(
            !backs.is_empty(),
            "{id}: solution word «{solution}» not on a back sheet"
        );

        let mirrored = fronts.iter().any(|front| {
            let front_left = front.x_min - mm(SAFE_MM);
            backs.iter().any(|back| {
                let back_left = back.x_min - mm(SAFE_MM);
                back.page == front.page + 1
                    && (back_left - (sheet_width - front_left - mm(CARD_WIDTH_MM))).abs() < 1.0
                    && (back.y_min - front.y_min).abs() < mm(40.0)
            })
        });
        assert!(
            mirrored,
            "{id}: no back at the mirrored position of its front"
        );
    }
}

#[test]
fn sheet_shows_each_case_once_per_side() {
    let project = Project::shipped();
    project.build();
    let text = squeeze(&tool("pdftotext", &[path_str(&project.sheet_pdf()), "-"]));
    for id in case_ids(&project) {
        let case: toml::Table = std::fs::read_to_string(project.path(&format!("cases/{id}.toml")))
            .unwrap()
            .parse()
            .unwrap();
        for field in ["challenge", "solution"] {
            let value = squeeze(case[field].as_str().unwrap());
            assert_eq!(
                text.matches(&value).count(),
                1,
                "{id}: `{field}` appears once"
            );
        }
    }
}

#[test]
fn sheet_crop_marks_are_registration_hairlines() {
    let project = Project::shipped();
    project.build();
    let trace = tool("mutool", &["trace", path_str(&project.sheet_pdf()), "1"]);
    let marks: Vec<&str> = trace
        .split("<stroke_path")
        .skip(1)
        .filter(|path| path.contains("Separation(DeviceCMYK,All)"))
        .collect();
    // Four columns and two rows on A4: two cut lines each, marked at both ends.
    assert_eq!(
        marks.len(),
        2 * 2 * (4 + 2),
        "crop marks on the first sheet"
    );
    for mark in marks {
        assert!(
            mark.contains("linewidth=\".25\""),
            "mark is not 0.25 pt: {mark}"
        );
    }
}

#[test]
fn sheet_paper_flag_selects_a3() {
    let project = Project::shipped();
    let run = project.run(&[
        "build",
        "--paper",
        "a3",
        "--mirror",
        "top-bottom",
        "--calibration",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let info = tool(
        "pdfinfo",
        &[path_str(&project.path("output/kort-ark-A3.pdf"))],
    );
    let size = info
        .lines()
        .find(|line| line.starts_with("Page size:"))
        .unwrap();
    assert!(
        size.contains("841.89 x 1190.55") || size.contains("1190.55 x 841.89"),
        "{size}"
    );
}

#[test]
fn sheet_rejects_offset_out_of_range() {
    let project = Project::shipped();
    let run = project.run(&["build", "--back-offset-x", "25"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("fejl: --back-offset-x 25"),
        "{}",
        run.stderr
    );
}
