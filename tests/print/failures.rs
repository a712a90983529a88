//! Builds that must fail, and what they must leave alone.

use crate::support::{Project, path_str, squeeze, tool};

const CASE: &str = r#"dilemma = 3
challenge = "Kommunen ville bruge en ny teknologi."
solution = "Kommunen fik en dispensation og afprøvede løsningen i et år."
submitted_by = "Eksempel A/S"

[contact]
name = "Ole Hansen"
organisation = "Eksempel Kommune"
email = "ole@kommune.example.dk"
phone = "12 34 56 78"
"#;

#[test]
fn build_rejects_text_that_does_not_fit() {
    let project = Project::shipped();
    project.build();
    let before = std::fs::read(project.print_pdf()).unwrap();

    // Digits give no break and no hyphenation, so the number cannot wrap.
    let number = format!("Sagsnummer {}", "0123456789".repeat(8));
    let case = CASE.replace("Kommunen ville bruge en ny teknologi.", &number);
    project.write("cases/for-lang.toml", &case);
    let run = project.run(&["build"]);

    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = format!(
        "fejl: ordet «{}» i `challenge` på kortet «for-lang» er for bredt",
        "0123456789".repeat(8)
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert!(
        run.stderr.contains("cases/for-lang.toml:2:13"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(project.print_pdf()).unwrap(),
        before,
        "previous PDF kept"
    );
}

#[test]
fn build_rejects_invalid_case_without_writing() {
    let project = Project::shipped();
    project.write(
        "cases/ugyldig.toml",
        &CASE.replace("dilemma = 3", "dilemma = 30"),
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fejl: dilemma 30 findes ikke"),
        "{}",
        run.stderr
    );
    assert!(!project.path("output").exists(), "nothing written");
}

#[test]
fn build_prints_typst_syntax_literally() {
    let project = Project::shipped();
    let text =
        r"Tegn som #let x = 1, $a$, *fed*, _kursiv_, <tag>, @ref, \n, [klammer] og // kommentar";
    project.write(
        "cases/tegn.toml",
        &CASE.replace(
            "Kommunen ville bruge en ny teknologi.",
            &text.replace('\\', "\\\\"),
        ),
    );
    project.build();
    let pdf_text = squeeze(&tool("pdftotext", &[path_str(&project.print_pdf()), "-"]));
    assert!(
        pdf_text.contains(&squeeze(text)),
        "text printed as written:\n{pdf_text}"
    );
}

#[test]
fn build_reports_unwritable_output() {
    let project = Project::shipped();
    std::fs::write(project.path("output"), b"not a folder").unwrap();
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("output er en fil, men skal være en mappe"),
        "{}",
        run.stderr
    );
}

#[test]
fn build_leaves_sources_unchanged() {
    let project = Project::shipped();
    let read_all = || -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for folder in ["deck", "cases", "layouts"] {
            for entry in std::fs::read_dir(project.path(folder)).unwrap() {
                let path = entry.unwrap().path();
                files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
        files.sort();
        files
    };
    let before = read_all();
    project.build();
    assert!(before == read_all(), "sources changed by build");
}

#[test]
fn build_rejects_question_too_long_for_card() {
    let project = Project::shipped();
    let dilemmas = std::fs::read_to_string(project.path("deck/dilemmas.toml")).unwrap();
    let long = "Vi vil gerne dele data på tværs, men er i tvivl om rammerne. ".repeat(12);
    let changed = dilemmas.replacen(
        "question = \"Der er klare fordele",
        &format!("question = \"{long}Der er klare fordele"),
        1,
    );
    assert_ne!(changed, dilemmas, "question 1 not found");
    project.write("deck/dilemmas.toml", &changed);

    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("fejl: teksten i `question` på kortet «dilemma-1» fylder for meget"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("deck/dilemmas.toml:"), "{}", run.stderr);
}

#[test]
fn build_rejects_word_of_wide_glyphs() {
    let project = Project::shipped();
    // Ǳ is 1.34 to 1.39 em wide in Inter, so 17 of them at the 7 pt
    // minimum are wider than the 55 mm text box, though 17 em are not.
    let word = "Ǳ".repeat(17);
    let case = CASE.replace("dilemma = 3", &format!("dilemma = 3\ntitle = \"{word}\""));
    project.write("cases/bred.toml", &case);

    let run = project.run(&["build"]);

    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = format!("fejl: ordet «{word}» i `title` på kortet «bred» er for bredt");
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
}
