//! `proof`: one card as PNG, with and without guides, and the contact sheet.

use image::{Rgba, RgbaImage};

use crate::support::{Project, path_str, tool};

/// Layout of a proof, as `proof` documents it: front and back side by side,
/// 4 mm apart, under an 8 mm strip with the card id.
const GAP_MM: f64 = 4.0;
const LABEL_MM: f64 = 8.0;
const FACE_WIDTH_MM: f64 = 63.0 + 6.0;
const FACE_HEIGHT_MM: f64 = 88.0 + 6.0;

fn px(mm: f64, dpi: u32) -> u32 {
    (mm / 25.4 * f64::from(dpi)).round() as u32
}

fn proof(project: &Project, args: &[&str], file: &str) -> RgbaImage {
    let mut all = vec!["proof"];
    all.extend_from_slice(args);
    let run = project.run(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    image::open(project.path(&format!("output/proof/{file}.png")))
        .unwrap()
        .to_rgba8()
}

fn close(a: Rgba<u8>, b: Rgba<u8>, tolerance: i32) -> bool {
    a.0.iter()
        .zip(b.0.iter())
        .all(|(x, y)| (i32::from(*x) - i32::from(*y)).abs() <= tolerance)
}

#[test]
fn proof_size_matches_trim_plus_bleed() {
    let project = Project::shipped();
    for dpi in [300, 96] {
        let image = proof(&project, &["1", "--dpi", &dpi.to_string()], "dilemma-1");
        let width = px(2.0 * FACE_WIDTH_MM + GAP_MM, dpi);
        let height = px(FACE_HEIGHT_MM + LABEL_MM, dpi);
        assert!(
            image.width().abs_diff(width) <= 1,
            "{dpi} dpi: width {} not {width}",
            image.width()
        );
        assert!(
            image.height().abs_diff(height) <= 1,
            "{dpi} dpi: height {} not {height}",
            image.height()
        );
    }
}

#[test]
fn proof_bleed_carries_category_colour() {
    let project = Project::shipped();
    let dpi = 150;
    let image = proof(&project, &["1", "--dpi", "150", "--no-guides"], "dilemma-1");
    let top = px(LABEL_MM, dpi);
    // Inside the top-left bleed of the front, and just inside its trim.
    let in_bleed = *image.get_pixel(px(1.5, dpi), top + px(1.5, dpi));
    let in_trim = *image.get_pixel(px(5.0, dpi), top + px(5.0, dpi));
    // Jura is CMYK 100/75/0/35: a dark blue however a renderer converts it.
    let is_jura = |Rgba([r, g, b, _]): Rgba<u8>| b > 90 && b > r + 60 && b > g + 40 && r < 40;
    assert!(
        is_jura(in_bleed),
        "bleed pixel {in_bleed:?} is not Jura blue"
    );
    assert!(
        close(in_bleed, in_trim, 2),
        "bleed {in_bleed:?} differs from trim {in_trim:?}"
    );
    // The back of a dilemma card is the category colour to the bleed edge.
    let back_left = px(FACE_WIDTH_MM + GAP_MM, dpi);
    let back_bleed = *image.get_pixel(back_left + px(1.0, dpi), top + px(90.0, dpi));
    let back_centre = *image.get_pixel(back_left + px(10.0, dpi), top + px(80.0, dpi));
    assert!(
        close(back_bleed, in_bleed, 2),
        "back bleed pixel {back_bleed:?}"
    );
    assert!(
        close(back_centre, in_bleed, 2),
        "back inside pixel {back_centre:?}"
    );
}

/// Returns whether pixel (x, y) lies within `reach` pixels of a guide line.
fn near_guide(x: u32, y: u32, dpi: u32, reach: f64) -> bool {
    let (x, y) = (f64::from(x), f64::from(y));
    let to_px = |mm: f64| mm / 25.4 * f64::from(dpi);
    let top = to_px(LABEL_MM);
    for face in 0..2 {
        let left = to_px(face as f64 * (FACE_WIDTH_MM + GAP_MM));
        // Bleed edge, trim and safe zone rectangles, inset 0, 3 and 7 mm.
        for inset in [0.0, 3.0, 7.0] {
            let x0 = left + to_px(inset);
            let x1 = left + to_px(FACE_WIDTH_MM - inset);
            let y0 = top + to_px(inset);
            let y1 = top + to_px(FACE_HEIGHT_MM - inset);
            let inside_x = x >= x0 - reach && x <= x1 + reach;
            let inside_y = y >= y0 - reach && y <= y1 + reach;
            let on_vertical = inside_y && ((x - x0).abs() <= reach || (x - x1).abs() <= reach);
            let on_horizontal = inside_x && ((y - y0).abs() <= reach || (y - y1).abs() <= reach);
            if on_vertical || on_horizontal {
                return true;
            }
        }
    }
    false
}

#[test]
fn proof_guides_change_only_guide_pixels() {
    let project = Project::shipped();
    let dpi = 100;
    let with = proof(
        &project,
        &["soendeaa-aeldredata", "--dpi", "100"],
        "soendeaa-aeldredata",
    );
    let without = proof(
        &project,
        &["soendeaa-aeldredata", "--dpi", "100", "--no-guides"],
        "soendeaa-aeldredata",
    );
    assert_eq!(with.dimensions(), without.dimensions());
    let mut changed = 0;
    for (x, y, pixel) in with.enumerate_pixels() {
        if close(*pixel, *without.get_pixel(x, y), 8) {
            continue;
        }
        changed += 1;
        assert!(
            near_guide(x, y, dpi, 2.5),
            "pixel ({x}, {y}) changed away from the guides"
        );
    }
    assert!(changed > 1000, "guides drew only {changed} pixels");
}

#[test]
fn proof_matches_print_pdf_page() {
    let project = Project::shipped();
    project.build();
    let dpi = 72;
    let image = proof(&project, &["1", "--dpi", "72", "--no-guides"], "dilemma-1");

    // Dilemma 1 is the third card: pages 5 and 6 of the print-shop PDF.
    let prefix = project.path("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "72",
            "-f",
            "5",
            "-l",
            "5",
            "-png",
            "-singlefile",
            path_str(&project.print_pdf()),
            path_str(&prefix),
        ],
    );
    let page = image::open(project.path("page.png")).unwrap().to_rgba8();

    let top = px(LABEL_MM, dpi);
    let width = page.width().min(px(FACE_WIDTH_MM, dpi));
    let height = page.height().min(px(FACE_HEIGHT_MM, dpi));
    let mut total = 0u64;
    for y in 0..height {
        for x in 0..width {
            let a = page.get_pixel(x, y);
            let b = image.get_pixel(x, top + y);
            total +=
                a.0.iter()
                    .zip(b.0.iter())
                    .take(3)
                    .map(|(p, q)| u64::from(p.abs_diff(*q)))
                    .sum::<u64>();
        }
    }
    let mean = total as f64 / f64::from(width * height * 3);

    // Poppler and Typst anti-alias edges differently: the right page
    // differs by about 6 per channel. Measured at 72 dpi, the next dilemma
    // of the same category differs by 13, and the right page shifted by
    // 2 px by 13 too.
    assert!(
        mean < 9.0,
        "proof differs from the print-shop page by {mean:.1} per channel"
    );
}

#[test]
fn proof_unknown_id_lists_nearest() {
    let project = Project::shipped();
    let run = project.run(&["proof", "norreby-sky"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("fejl: kortet «norreby-sky» findes ikke"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("nærmeste kort: norreby-skyhosting"),
        "{}",
        run.stderr
    );
}

#[test]
fn proof_file_outside_cases_is_validated() {
    let project = Project::shipped();
    let outside = project.path("indsendt.toml");
    let case = std::fs::read_to_string(project.path("cases/norreby-skyhosting.toml")).unwrap();
    std::fs::write(&outside, &case).unwrap();
    let image = proof(&project, &[path_str(&outside), "--dpi", "50"], "indsendt");
    assert!(image.width() > 100);

    std::fs::write(&outside, case.replace("dilemma = 1", "dilemma = 40")).unwrap();
    let run = project.run(&["proof", path_str(&outside)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fejl: dilemma 40 findes ikke"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("indsendt.toml:"), "{}", run.stderr);
}

#[test]
fn proof_all_writes_contact_sheet() {
    let project = Project::shipped();
    let run = project.run(&["proof", "--all"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = project.path("output/proof/kontaktark.pdf");
    let info = tool("pdfinfo", &[path_str(&pdf)]);
    assert!(info.contains("595.276 x 841.89"), "A4 pages:\n{info}");
    let text = tool("pdftotext", &[path_str(&pdf), "-"]);
    for id in [
        "titelkort",
        "regelkort",
        "dilemma-1",
        "dilemma-18",
        "norreby-skyhosting",
    ] {
        assert!(text.contains(id), "{id} missing from the contact sheet");
    }
}

#[test]
fn proof_watch_renders_after_each_change() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let project = Project::shipped();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dilemmaspil"))
        .arg("--project")
        .arg(project.dir.path())
        .args(["proof", "norreby-skyhosting", "--dpi", "30", "--watch"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut wait_for = |needle: &str| {
        // Generous, because the machine may be busy; a working watch
        // reacts in well under a second.
        while let Ok(line) = receiver.recv_timeout(Duration::from_secs(30)) {
            seen.push(line.clone());
            if line.contains(needle) {
                return true;
            }
        }
        false
    };

    let armed = wait_for("overvåger");
    let case = project.path("cases/norreby-skyhosting.toml");
    let valid = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, valid.replace("dilemma = 1", "dilemma = 99")).unwrap();
    let failed = wait_for("[prøvetryk] fejl i kilderne");
    std::fs::write(&case, &valid).unwrap();
    let updated = wait_for("[prøvetryk] opdateret");
    child.kill().unwrap();
    child.wait().unwrap();

    assert!(armed, "watch never started:\n{}", seen.join("\n"));
    assert!(
        failed,
        "no status line for the invalid case:\n{}",
        seen.join("\n")
    );
    assert!(updated, "no new proof after the fix:\n{}", seen.join("\n"));
    assert!(
        seen.iter()
            .any(|line| line.contains("dilemma 99 findes ikke")),
        "{}",
        seen.join("\n")
    );
}
