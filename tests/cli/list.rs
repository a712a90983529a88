//! `dilemmaspil list`: the dilemmas with their category and case count.

use crate::support::{Project, VALID_CASE, with_line};

/// Returns the table rows of `list`, keyed by dilemma number.
fn rows(stdout: &str) -> Vec<(u32, String)> {
    stdout
        .lines()
        .filter_map(|line| {
            let (number, rest) = line.trim_start().split_once("  ")?;
            Some((number.parse().ok()?, rest.to_owned()))
        })
        .collect()
}

/// Returns the category and case count in a row of `list`.
fn category_and_count(row: &str) -> (String, usize) {
    let mut columns = row.split_whitespace();
    let category = columns.next().unwrap_or_default().to_owned();
    let count = columns
        .next()
        .and_then(|count| count.parse().ok())
        .unwrap_or(usize::MAX);
    (category, count)
}

#[test]
fn list_shows_18_dilemmas_with_counts() {
    let second = with_line(VALID_CASE, "title", "title = \"Endnu en case\"");
    let quality = with_line(VALID_CASE, "dilemma", "dilemma = 13");
    let project = Project::with_cases(&[
        ("first.toml", VALID_CASE),
        ("second.toml", &second),
        ("quality.toml", &quality),
    ]);

    let run = project.run(&["list"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stdout.starts_with(" nr  kategori"),
        "stdout:\n{}",
        run.stdout
    );
    let rows = rows(&run.stdout);
    let numbers: Vec<u32> = rows.iter().map(|(number, _)| *number).collect();
    assert_eq!(
        numbers,
        (1..=18).collect::<Vec<_>>(),
        "stdout:\n{}",
        run.stdout
    );
    for (number, row) in &rows {
        let (category, count) = category_and_count(row);
        let expected_category = match number {
            1..=5 => "Jura",
            6..=10 => "Organisation",
            11..=14 => "Teknologi",
            _ => "Etik",
        };
        let expected_count = match number {
            7 => 2,
            13 => 1,
            _ => 0,
        };
        assert_eq!(
            category, expected_category,
            "dilemma {number}; stdout:\n{}",
            run.stdout
        );
        assert_eq!(
            count, expected_count,
            "dilemma {number}; stdout:\n{}",
            run.stdout
        );
        assert_eq!(
            row.ends_with("← mangler cases"),
            expected_count == 0,
            "dilemma {number}; stdout:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("\n3 cases i alt\n"),
        "stdout:\n{}",
        run.stdout
    );
}

#[test]
fn list_shortens_long_questions() {
    let project = Project::with_deck();

    let run = project.run(&["list"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let first = run.stdout.lines().nth(1).unwrap_or_default();
    assert!(
        first.contains("Der er klare fordele ved at drifte"),
        "stdout:\n{}",
        run.stdout
    );
    assert!(first.contains('…'), "stdout:\n{}", run.stdout);
}

#[test]
fn list_warns_about_invalid_cases() {
    let bad = with_line(VALID_CASE, "email", "email = \"anna@kommune\"");
    let project = Project::with_cases(&[("good.toml", VALID_CASE), ("bad.toml", &bad)]);

    let run = project.run(&["list"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stdout.contains("\n1 case i alt\n"),
        "stdout:\n{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("advarsel: 1 fejl i cases/ betyder, at nogle cases ikke er talt med"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn list_fails_on_deck_error() {
    let project = Project::with_deck();
    let line = project.edit(
        "deck/dilemmas.toml",
        "symbol = \"square\"",
        "symbol = \"star\"",
    );

    let run = project.run(&["list"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    assert!(run.stdout.is_empty(), "stdout:\n{}", run.stdout);
    run.diagnostic_at(
        "fejl: ukendt symbol «star»",
        &format!("deck/dilemmas.toml:{line}:10"),
    );
    assert!(
        run.stderr.contains("Indlæsningen mislykkedes: "),
        "stderr:\n{}",
        run.stderr
    );
}
