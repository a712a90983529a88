//! Small reference images of a few faces, so a layout change is seen.
//!
//! Run with `UPDATE_REFERENCES=1 cargo test --release --test print reference`
//! to write new images after a deliberate change, and look at them before
//! committing.

use std::path::PathBuf;

use crate::support::Project;

const DPI: &str = "40";
/// Largest mean difference per channel still taken as the same picture.
const TOLERANCE: f64 = 1.5;

fn reference_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference")
        .join(format!("{name}.png"))
}

fn check(card: &str) {
    let project = Project::shipped();
    let run = project.run(&["proof", card, "--dpi", DPI, "--no-guides"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rendered_path = project.path(&format!("output/proof/{card}.png"));
    let reference = reference_path(card);

    if std::env::var_os("UPDATE_REFERENCES").is_some() {
        std::fs::create_dir_all(reference.parent().unwrap()).unwrap();
        std::fs::copy(&rendered_path, &reference).unwrap();
        return;
    }
    let rendered = image::open(&rendered_path).unwrap().to_rgb8();
    let expected = image::open(&reference)
        .unwrap_or_else(|error| {
            panic!(
                "{} missing ({error}); see the module docs",
                reference.display()
            )
        })
        .to_rgb8();
    assert_eq!(
        rendered.dimensions(),
        expected.dimensions(),
        "{card}: size changed"
    );
    let total: u64 = rendered
        .as_raw()
        .iter()
        .zip(expected.as_raw())
        .map(|(a, b)| u64::from(a.abs_diff(*b)))
        .sum();
    let mean = total as f64 / rendered.as_raw().len() as f64;
    assert!(
        mean <= TOLERANCE,
        "{card}: differs from its reference by {mean:.2} per channel"
    );
}

#[test]
fn reference_title_card() {
    check("titelkort");
}

#[test]
fn reference_dilemma_card() {
    check("dilemma-7");
}

#[test]
fn reference_case_card() {
    check("soendeaa-aeldredata");
}
