//! `dilemmaspil new`: writing a case file to fill in.

use crate::support::Project;

/// Fills in every empty field of the template that `new` writes, and fails
/// the test if the template no longer has one of them.
fn fill_in(project: &Project, relative: &str) {
    let fields = [
        ("title = \"\"", "title = \"Fælles overblik\""),
        (
            "challenge = \"\"\"\n\"\"\"",
            "challenge = \"\"\"\nTre afdelinger havde hver deres system,\nog ingen kunne se det samlede billede.\n\"\"\"",
        ),
        (
            "solution = \"\"\"\n\"\"\"",
            "solution = \"\"\"\nRegionen byggede et fælles datalag\nmed en fast styregruppe.\n\"\"\"",
        ),
        (
            "submitted_by = \"\"",
            "submitted_by = \"Datafabrikken ApS\"",
        ),
        ("\nname = \"\"", "\nname = \"Jens Ærøe\""),
        ("organisation = \"\"", "organisation = \"Region Vestmark\""),
        (
            "email = \"\"",
            "email = \"jens.aeroe@vestmark.example.org\"",
        ),
        ("phone = \"\"", "phone = \"+45 22 33 44 55\""),
    ];
    for (empty, filled) in fields {
        project.edit(relative, empty, filled);
    }
}

#[test]
fn new_writes_template() {
    let project = Project::with_deck();

    let run = project.run(&["new", "--dilemma", "7", "mycase"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stdout
            .contains("oprettede cases/mycase.toml til dilemma 7"),
        "stdout:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("`dilemmaspil check cases/mycase.toml`"),
        "stdout:\n{}",
        run.stdout
    );
    let template = project.read("cases/mycase.toml");
    assert!(
        template.contains("\ndilemma = 7\n"),
        "template:\n{template}"
    );
    assert!(
        template.contains("# Vi vil gerne dele data, men systemerne er i høj grad opdelt"),
        "template:\n{template}"
    );
    assert!(
        template.contains("Højst 250 tegn inklusive mellemrum."),
        "template:\n{template}"
    );
}

#[test]
fn new_template_fails_check_until_filled() {
    let project = Project::with_deck();
    let created = project.run(&["new", "--dilemma", "7", "mycase"]);
    assert_eq!(created.code, 0, "stderr:\n{}", created.stderr);

    let empty = project.run(&["check", "cases/mycase.toml"]);

    assert_eq!(empty.code, 1, "stderr:\n{}", empty.stderr);
    // The title is optional, so the template's empty title is no error.
    assert!(
        !empty.stderr.contains("feltet `title`"),
        "stderr:\n{}",
        empty.stderr
    );
    for field in [
        "challenge",
        "solution",
        "submitted_by",
        "contact.name",
        "contact.organisation",
        "contact.email",
        "contact.phone",
    ] {
        let heading = format!("fejl: feltet `{field}` er tomt");
        let block = empty.diagnostic(&heading);
        assert!(
            block.contains("--> cases/mycase.toml:"),
            "{field}; stderr:\n{}",
            empty.stderr
        );
    }
    assert!(
        empty
            .stderr
            .contains("Kontrollen mislykkedes: 7 fejl og 0 advarsler"),
        "stderr:\n{}",
        empty.stderr
    );

    fill_in(&project, "cases/mycase.toml");
    let filled = project.run(&["check", "cases/mycase.toml"]);
    let whole = project.run(&["check"]);

    assert_eq!(filled.code, 0, "stderr:\n{}", filled.stderr);
    assert!(
        filled.stderr.contains("cases/mycase.toml er i orden"),
        "stderr:\n{}",
        filled.stderr
    );
    assert_eq!(whole.code, 0, "stderr:\n{}", whole.stderr);
    assert!(
        whole.stderr.contains("18 dilemmaer og 1 case kontrolleret"),
        "stderr:\n{}",
        whole.stderr
    );
}

#[test]
fn new_strips_toml_extension() {
    let project = Project::with_deck();

    let run = project.run(&["new", "--dilemma", "3", "mycase.toml"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        project.path().join("cases/mycase.toml").is_file(),
        "stdout:\n{}",
        run.stdout
    );
    assert!(
        !project.path().join("cases/mycase.toml.toml").exists(),
        "stdout:\n{}",
        run.stdout
    );
}

#[test]
fn new_numbers_unnamed_cases() {
    let project = Project::with_deck();

    let first = project.run(&["new", "--dilemma", "12"]);
    let second = project.run(&["new", "--dilemma", "12"]);

    assert_eq!(first.code, 0, "stderr:\n{}", first.stderr);
    assert_eq!(second.code, 0, "stderr:\n{}", second.stderr);
    assert!(
        first.stdout.contains("oprettede cases/case-12-1.toml"),
        "stdout:\n{}",
        first.stdout
    );
    assert!(
        second.stdout.contains("oprettede cases/case-12-2.toml"),
        "stdout:\n{}",
        second.stdout
    );
}

#[test]
fn new_rejects_existing_file() {
    let existing = "# Kirstens udkast\ndilemma = 7\n";
    let project = Project::with_cases(&[("mycase.toml", existing)]);

    let run = project.run(&["new", "--dilemma", "7", "mycase"]);

    assert_ne!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr
            .contains("fejl: cases/mycase.toml findes allerede og bliver ikke overskrevet"),
        "stderr:\n{}",
        run.stderr
    );
    assert_eq!(
        project.read("cases/mycase.toml"),
        existing,
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn new_rejects_unknown_dilemma() {
    let project = Project::with_deck();

    let run = project.run(&["new", "--dilemma", "99", "mycase"]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: dilemma 99 findes ikke\n"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("vælg et nummer fra 1 til 18"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        !project.path().join("cases/mycase.toml").exists(),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn new_rejects_invalid_name() {
    let project = Project::with_deck();

    for name in ["min case", "titelkort", "dilemma-3"] {
        let run = project.run(&["new", "--dilemma", "7", name]);

        assert_eq!(run.code, 2, "{name}; stderr:\n{}", run.stderr);
        assert!(
            run.stderr
                .starts_with(&format!("fejl: navnet «{name}» kan ikke bruges")),
            "{name}; stderr:\n{}",
            run.stderr
        );
    }
    let written = std::fs::read_dir(project.path().join("cases"))
        .expect("read cases/")
        .count();
    assert_eq!(written, 0, "new wrote a file for an invalid name");
}
