//! The print-shop PDF as a print shop checks it.

use lopdf::{Document, Object};

use crate::support::{Project, mm, path_str, squeeze, tool};

/// Cards in the shipped deck: title, rules, 18 dilemmas and the example cases.
fn shipped_card_count() -> usize {
    let cases = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/cases"))
        .unwrap()
        .count();
    20 + cases
}

fn number_list(object: &Object) -> Vec<f64> {
    object
        .as_array()
        .unwrap()
        .iter()
        .map(|value| match value {
            Object::Integer(n) => *n as f64,
            Object::Real(r) => f64::from(*r),
            other => panic!("not a number: {other:?}"),
        })
        .collect()
}

#[test]
fn print_pdf_has_two_pages_per_card() {
    let project = Project::shipped();
    project.build();
    let info = tool("pdfinfo", &[path_str(&project.print_pdf())]);
    let pages = info
        .lines()
        .find(|line| line.starts_with("Pages:"))
        .unwrap();
    assert_eq!(
        pages.split_whitespace().nth(1).unwrap(),
        (2 * shipped_card_count()).to_string(),
        "{info}"
    );
}

#[test]
fn print_pdf_boxes_present_and_inset_by_bleed() {
    let project = Project::shipped();
    project.build();
    let document = Document::load(project.print_pdf()).unwrap();
    let bleed = mm(3.0);
    for (number, id) in document.get_pages() {
        let page = document.get_dictionary(id).unwrap();
        let media = number_list(page.get(b"MediaBox").unwrap());
        let trim = number_list(page.get(b"TrimBox").expect("TrimBox key on the page"));
        let bleed_box = number_list(page.get(b"BleedBox").expect("BleedBox key on the page"));
        assert_eq!(bleed_box, media, "page {number}: BleedBox equals MediaBox");
        for (index, (outer, inner)) in media.iter().zip(&trim).enumerate() {
            let inset = if index < 2 {
                inner - outer
            } else {
                outer - inner
            };
            assert!(
                (inset - bleed).abs() < 0.01,
                "page {number}: TrimBox side {index} inset {inset} pt"
            );
        }
        let width = trim[2] - trim[0];
        let height = trim[3] - trim[1];
        assert!(
            (width - mm(63.0)).abs() < 0.01,
            "page {number}: trim width {width}"
        );
        assert!(
            (height - mm(88.0)).abs() < 0.01,
            "page {number}: trim height {height}"
        );
    }
}

#[test]
fn print_pdf_fonts_embedded_no_type3() {
    let project = Project::shipped();
    project.build();
    for pdf in [project.print_pdf(), project.sheet_pdf()] {
        let fonts = tool("pdffonts", &[path_str(&pdf)]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
        for row in rows {
            assert!(!row.contains("Type 3"), "Type 3 font: {row}");
            let columns: Vec<&str> = row.split_whitespace().collect();
            let embedded = columns[columns.len() - 5];
            assert_eq!(embedded, "yes", "font not embedded: {row}");
            assert!(row.contains("Inter"), "unexpected font: {row}");
        }
    }
}

#[test]
fn pdfs_use_only_cmyk_and_registration() {
    let project = Project::shipped();
    project.build();
    for pdf in [project.print_pdf(), project.sheet_pdf()] {
        let trace = tool("mutool", &["trace", path_str(&pdf)]);
        let mut spaces: Vec<&str> = trace
            .split("colorspace=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        spaces.sort();
        spaces.dedup();
        assert!(spaces.contains(&"DeviceCMYK"), "{pdf:?}: {spaces:?}");
        for space in &spaces {
            assert!(
                *space == "DeviceCMYK" || *space == "Separation(DeviceCMYK,All)",
                "{pdf:?} uses colour space {space}"
            );
        }
        assert!(!trace.contains("<fill_image"), "{pdf:?} contains an image");
    }
}

#[test]
fn pdfs_pass_qpdf_check() {
    let project = Project::shipped();
    project.build();
    for pdf in [project.print_pdf(), project.sheet_pdf()] {
        let report = tool("qpdf", &["--check", path_str(&pdf)]);
        assert!(
            report.contains("No syntax or stream encoding errors"),
            "{report}"
        );
    }
}

#[test]
fn print_pdf_contains_every_text() {
    let project = Project::shipped();
    project.build();
    let text = squeeze(&tool("pdftotext", &[path_str(&project.print_pdf()), "-"]));

    let dilemmas: toml::Table = std::fs::read_to_string(project.path("deck/dilemmas.toml"))
        .unwrap()
        .parse()
        .unwrap();
    for dilemma in dilemmas["dilemma"].as_array().unwrap() {
        let question = dilemma["question"].as_str().unwrap();
        assert!(
            text.contains(&squeeze(question)),
            "question missing: {question}"
        );
    }
    for entry in std::fs::read_dir(project.path("cases")).unwrap() {
        let case: toml::Table = std::fs::read_to_string(entry.unwrap().path())
            .unwrap()
            .parse()
            .unwrap();
        let contact = case["contact"].as_table().unwrap();
        let fields = [
            &case["challenge"],
            &case["solution"],
            &case["submitted_by"],
            &contact["name"],
            &contact["email"],
            &contact["phone"],
        ];
        for field in fields {
            let value = field.as_str().unwrap();
            assert!(text.contains(&squeeze(value)), "case text missing: {value}");
        }
    }
}

#[test]
fn build_is_deterministic() {
    let project = Project::shipped();
    project.build();
    let first = (
        std::fs::read(project.print_pdf()).unwrap(),
        std::fs::read(project.sheet_pdf()).unwrap(),
    );
    project.build();
    let second = (
        std::fs::read(project.print_pdf()).unwrap(),
        std::fs::read(project.sheet_pdf()).unwrap(),
    );
    assert!(first.0 == second.0, "print-shop PDF differs between builds");
    assert!(first.1 == second.1, "sheet PDF differs between builds");
}

#[test]
fn build_date_comes_from_source_date_epoch() {
    let project = Project::shipped();
    project.build();
    let info = tool("pdfinfo", &["-isodates", path_str(&project.print_pdf())]);
    assert!(info.contains("2025-12-03T22:13:20"), "{info}");
}

#[test]
fn build_summary_lists_files_and_warnings() {
    let project = Project::shipped();
    let run = project.build();
    assert!(
        run.stderr.contains("output/kort-trykkeri.pdf"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("output/kort-ark-A4.pdf"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("eksempel-cases"), "{}", run.stderr);
    assert!(run.stderr.contains("har ingen case"), "{}", run.stderr);
    assert!(run.stderr.contains("Jura"), "{}", run.stderr);
}

#[test]
fn pdfs_separate_into_process_plates_only() {
    let project = Project::shipped();
    project.build();
    for pdf in [project.print_pdf(), project.sheet_pdf()] {
        let plates = tempfile::tempdir().unwrap();
        let target = plates.path().join("sep.tif");
        let output = format!("-sOutputFile={}", target.display());
        tool(
            "gs",
            &[
                "-q",
                "-dBATCH",
                "-dNOPAUSE",
                "-dSAFER",
                "-sDEVICE=tiffsep",
                "-r20",
                &output,
                path_str(&pdf),
            ],
        );
        let mut names: Vec<String> = std::fs::read_dir(plates.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in &names {
            let is_process = ["Cyan", "Magenta", "Yellow", "Black"]
                .iter()
                .any(|plate| name.contains(&format!("({plate})")));
            assert!(
                is_process || name == "sep.tif",
                "{pdf:?} has a plate besides CMYK: {name}"
            );
        }
        assert!(
            names.iter().any(|name| name.contains("(Black)")),
            "{pdf:?}: no black plate in {names:?}"
        );
    }
}
