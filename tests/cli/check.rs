//! `dilemmaspil check`: every rule a case or the deck can break, with the
//! Danish message and the position it points at.

use crate::support::{Project, Run, VALID_CASE, run_in, with_line, without_line};

/// Runs `check` on a project with the shipped deck and the given cases.
fn check(cases: &[(&str, &str)]) -> Run {
    Project::with_cases(cases).run(&["check"])
}

/// Returns the valid case with `challenge` set to `text` on line 3.
fn case_with_challenge(text: &str) -> String {
    with_line(VALID_CASE, "challenge", &format!("challenge = \"{text}\""))
}

#[test]
fn check_accepts_shipped_deck() {
    let project = Project::shipped();
    let case_count = std::fs::read_dir(project.path().join("cases"))
        .expect("read cases/")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|e| e.path().extension() == Some("toml".as_ref()))
        })
        .count();

    let run = project.run(&["check"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains("fejl:"), "stderr:\n{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("18 dilemmaer og {case_count} cases kontrolleret")),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Kontrollen gennemført: 0 fejl og "),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_accepts_valid_case() {
    let run = check(&[("valid.toml", VALID_CASE)]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("18 dilemmaer og 1 case kontrolleret"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_unknown_key() {
    let case = VALID_CASE.replace("challenge =", "chalenge =");

    let run = check(&[("typo.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let unknown = run.diagnostic_at("fejl: ukendt felt `chalenge`", "cases/typo.toml:3:1");
    assert!(
        unknown.contains("= hjælp: mente du `challenge`?"),
        "stderr:\n{}",
        run.stderr
    );
    run.diagnostic_at("fejl: feltet `challenge` mangler", "cases/typo.toml:1:1");
    assert!(
        run.stderr.contains("Kontrollen mislykkedes: 2 fejl og "),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_unknown_contact_key() {
    let case = VALID_CASE.replace("email =", "mail =");

    let run = check(&[("typo.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let unknown = run.diagnostic_at("fejl: ukendt felt `contact.mail`", "cases/typo.toml:10:1");
    assert!(
        unknown.contains("= hjælp: mente du `email`?"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_wrong_type() {
    let case = with_line(VALID_CASE, "dilemma", "dilemma = \"7\"");

    let run = check(&[("type.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let wrong = run.diagnostic_at(
        "fejl: feltet `dilemma` skal være et heltal, men er en tekst",
        "cases/type.toml:1:11",
    );
    assert!(
        wrong.contains("= hjælp: skriv tallet uden anførselstegn"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_wrong_type_for_example() {
    let case = VALID_CASE.replace("submitted_by", "example = \"ja\"\nsubmitted_by");

    let run = check(&[("type.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: feltet `example` skal være true eller false, men er en tekst",
        "cases/type.toml:5:11",
    );
}

#[test]
fn check_rejects_missing_field() {
    let case = without_line(VALID_CASE, "solution");

    let run = check(&[("missing.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let missing = run.diagnostic_at("fejl: feltet `solution` mangler", "cases/missing.toml:1:1");
    assert!(
        missing.contains("= hjælp: tilføj `solution = …`"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_missing_contact_field() {
    let case = without_line(VALID_CASE, "phone");

    let run = check(&[("missing.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: feltet `contact.phone` mangler",
        "cases/missing.toml:7:2",
    );
}

#[test]
fn check_rejects_blank_challenge() {
    let case = with_line(VALID_CASE, "challenge", "challenge = \"  \\t \\n  \"");

    let run = check(&[("blank.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let blank = run.diagnostic_at("fejl: feltet `challenge` er tomt", "cases/blank.toml:3:13");
    assert!(
        blank.contains("= hjælp: skriv udfordringen hos kunden"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_blank_multiline_challenge() {
    let case = with_line(
        VALID_CASE,
        "challenge",
        "challenge = \"\"\"\n   \n\t\n\"\"\"",
    );

    let run = check(&[("blank.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at("fejl: feltet `challenge` er tomt", "cases/blank.toml:3:13");
}

/// Returns a text of `graphemes` graphemes, the word `data` repeated, that
/// fits its box on the card. `graphemes` must be a multiple of 5.
fn text_of_length(graphemes: usize) -> String {
    assert_eq!(graphemes % 5, 0, "text_of_length() takes a multiple of 5");
    format!("{}data.", "data ".repeat(graphemes / 5 - 1))
}

#[test]
fn check_accepts_250_graphemes() {
    let case = case_with_challenge(&text_of_length(250));

    let run = check(&[("limit.toml", &case)]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(!run.stderr.contains("for langt"), "stderr:\n{}", run.stderr);
}

#[test]
fn check_rejects_251_graphemes() {
    let case = case_with_challenge(&format!("{}!", text_of_length(250)));

    let run = check(&[("long.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    // `challenge = "` is 13 characters, so the 251st grapheme is column 264.
    let long = run.diagnostic_at(
        "fejl: feltet `challenge` er for langt: 251 tegn, men højst 250 er tilladt (1 for mange)",
        "cases/long.toml:3:264",
    );
    assert!(
        long.contains("forkort teksten med mindst 1 tegn"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        long.contains("teksten efter grænsen er: «!»"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_reports_excess_of_long_text() {
    let case = case_with_challenge(&format!("{} og mere", text_of_length(250)));

    let run = check(&[("long.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let long = run.diagnostic_at(
        "fejl: feltet `challenge` er for langt: 258 tegn, men højst 250 er tilladt (8 for mange)",
        "cases/long.toml:3:264",
    );
    assert!(
        long.contains("forkort teksten med mindst 8 tegn"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        long.contains("teksten efter grænsen er: « og mere»"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_counts_combining_ring_once() {
    // "på " with a decomposed å: 3 graphemes and 4 code points.
    let words = "pa\u{030A} ".repeat(83);
    let at_limit = case_with_challenge(&format!("{words}x"));
    let over_limit = case_with_challenge(&format!("{words}xy"));

    let passing = check(&[("ring.toml", &at_limit)]);
    let failing = check(&[("ring.toml", &over_limit)]);

    assert_eq!(passing.code, 0, "stderr:\n{}", passing.stderr);
    assert_eq!(failing.code, 1, "stderr:\n{}", failing.stderr);
    // Columns count code points: 13 + 83 * 4 + 1 characters come before the y.
    failing.diagnostic_at(
        "fejl: feltet `challenge` er for langt: 251 tegn, men højst 250 er tilladt (1 for mange)",
        "cases/ring.toml:3:347",
    );
}

#[test]
fn check_counts_grapheme_clusters_once() {
    // Neither cluster has a precomposed form, so NFC keeps several code
    // points: q with combining ring, and woman + ZWJ + laptop. Each text is
    // 250 graphemes but more than 250 code points.
    for cluster in ["q\u{030A}", "\u{1F469}\u{200D}\u{1F4BB}"] {
        let text = format!("{}data{cluster}", "data ".repeat(49));
        let at_limit = case_with_challenge(&text);
        let over_limit = case_with_challenge(&format!("{text}!"));

        let passing = check(&[("cluster.toml", &at_limit)]);
        let failing = check(&[("cluster.toml", &over_limit)]);

        // Inter has no emoji, so that text fails the glyph check, but not
        // the length check.
        assert!(
            !passing.stderr.contains("er for langt"),
            "{cluster}; stderr:\n{}",
            passing.stderr
        );
        assert_eq!(failing.code, 1, "{cluster}; stderr:\n{}", failing.stderr);
        failing.diagnostic(
            "fejl: feltet `challenge` er for langt: 251 tegn, men højst 250 er tilladt (1 for mange)",
        );
    }
}

#[test]
fn check_counts_after_collapsing_whitespace() {
    // 125 words of one letter with runs of blanks and line breaks between them
    // collapse to 125 letters and 124 spaces: 249 graphemes.
    let words = vec!["x"; 125].join(" \n\t  ");
    let case = with_line(
        VALID_CASE,
        "challenge",
        &format!("challenge = \"\"\"\n{words}\n\"\"\""),
    );

    let run = check(&[("spaces.toml", &case)]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
}

#[test]
fn check_rejects_unknown_dilemma() {
    for (number, underline) in [("19", "^^"), ("0", "^"), ("-1", "^^")] {
        let case = with_line(VALID_CASE, "dilemma", &format!("dilemma = {number}"));

        let run = check(&[("number.toml", &case)]);

        assert_eq!(run.code, 1, "dilemma {number}; stderr:\n{}", run.stderr);
        let unknown = run.diagnostic_at(
            &format!("fejl: dilemma {number} findes ikke"),
            "cases/number.toml:1:11",
        );
        assert!(
            unknown.contains(&format!("{underline} skal være et nummer fra 1 til 18")),
            "dilemma {number}; stderr:\n{}",
            run.stderr
        );
    }
}

#[test]
fn check_rejects_malformed_email() {
    let cases = [
        (
            "anna@kommune",
            "domænet efter @ skal være et navn med punktum",
        ),
        (
            "anna.kommune.dk",
            "adressen skal have formen navn@domæne.dk",
        ),
        ("anna @kommune.dk", "adressen indeholder mellemrum"),
    ];
    for (address, reason) in cases {
        let case = with_line(VALID_CASE, "email", &format!("email = \"{address}\""));

        let run = check(&[("email.toml", &case)]);

        assert_eq!(run.code, 1, "{address}; stderr:\n{}", run.stderr);
        let invalid = run.diagnostic_at(
            &format!("fejl: ugyldig e-mailadresse i `contact.email`: «{address}»"),
            "cases/email.toml:10:9",
        );
        assert!(
            invalid.contains(reason),
            "{address}; stderr:\n{}",
            run.stderr
        );
    }
}

#[test]
fn check_rejects_malformed_phone() {
    let cases = [
        ("1234", "et dansk nummer skal have 8 cifre"),
        ("12 34 56 7O", "nummeret må kun indeholde cifre"),
        ("12+34 56 78", "+ må kun stå forrest i nummeret"),
        (
            "+45 12",
            "et internationalt nummer skal have 8 til 15 cifre",
        ),
    ];
    for (number, reason) in cases {
        let case = with_line(VALID_CASE, "phone", &format!("phone = \"{number}\""));

        let run = check(&[("phone.toml", &case)]);

        assert_eq!(run.code, 1, "{number}; stderr:\n{}", run.stderr);
        let invalid = run.diagnostic_at(
            &format!("fejl: ugyldigt telefonnummer i `contact.phone`: «{number}»"),
            "cases/phone.toml:11:9",
        );
        assert!(
            invalid.contains(reason),
            "{number}; stderr:\n{}",
            run.stderr
        );
    }
}

#[test]
fn check_accepts_phone_formats() {
    for number in [
        "12345678",
        "+45 12 34 56 78",
        "0045 12345678",
        "+46 (0)8 123 456 78",
    ] {
        let case = with_line(VALID_CASE, "phone", &format!("phone = \"{number}\""));

        let run = check(&[("phone.toml", &case)]);

        assert_eq!(run.code, 0, "{number}; stderr:\n{}", run.stderr);
    }
}

#[test]
fn check_rejects_escaped_control_character() {
    let case = case_with_challenge("Data\\u0007deling");

    let run = check(&[("control.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    // The value has an escape, so the diagnostic points at the whole string.
    let control = run.diagnostic_at(
        "fejl: feltet `challenge` indeholder et kontroltegn (U+0007)",
        "cases/control.toml:3:13",
    );
    assert!(
        control.contains("usynligt kontroltegn her"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_raw_control_character() {
    // TOML allows a raw C1 control character such as U+0085 in a string.
    let case = case_with_challenge("Data\u{0085}deling");

    let run = check(&[("control.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: feltet `challenge` indeholder et kontroltegn (U+0085)",
        "cases/control.toml:3:18",
    );
}

#[test]
fn check_rejects_raw_bell_as_toml_error() {
    // TOML forbids raw C0 control characters other than tab in strings.
    let case = case_with_challenge("Data\u{0007}deling");

    let run = check(&[("control.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: cases/control.toml er ikke gyldig TOML",
        "cases/control.toml:3:18",
    );
}

#[test]
fn check_reports_invalid_utf8_offset() {
    let mut bytes = case_with_challenge("Kommunen X").into_bytes();
    let offset = bytes
        .iter()
        .position(|&byte| byte == b'X')
        .expect("marker in case");
    bytes[offset] = 0xFF;
    let project = Project::with_deck();
    project.write_case("latin1.toml", &bytes);

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let invalid = run.diagnostic_at(
        &format!(
            "fejl: cases/latin1.toml er ikke gyldig UTF-8: ugyldig byte ved byte-position {offset}"
        ),
        "cases/latin1.toml:3:23",
    );
    assert!(
        invalid.contains("gem filen igen med tegnkodningen UTF-8"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_accepts_bom_and_crlf() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(VALID_CASE.replace('\n', "\r\n").as_bytes());
    let project = Project::with_deck();
    project.write_case("windows.toml", &bytes);

    let run = project.run(&["check"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("18 dilemmaer og 1 case kontrolleret"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_positions_ignore_bom_and_crlf() {
    let case = with_line(VALID_CASE, "dilemma", "dilemma = 19");
    let case = with_line(&case, "phone", "phone = \"1234\"");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(case.replace('\n', "\r\n").as_bytes());
    let project = Project::with_deck();
    project.write_case("windows.toml", &bytes);

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    // The byte order mark must not count as a column on line 1.
    run.diagnostic_at("fejl: dilemma 19 findes ikke", "cases/windows.toml:1:11");
    run.diagnostic_at(
        "fejl: ugyldigt telefonnummer i `contact.phone`: «1234»",
        "cases/windows.toml:11:9",
    );
}

#[test]
fn check_rejects_toml_syntax_error() {
    let case = with_line(
        VALID_CASE,
        "solution",
        "solution = \"Regionen byggede et datalag.",
    );

    let run = check(&[("syntax.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let syntax = run.diagnostic_at(
        "fejl: cases/syntax.toml er ikke gyldig TOML",
        "cases/syntax.toml:4:41",
    );
    assert!(
        syntax.contains("syntaksfejl her"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        syntax.contains("= hjælp: en tekst skal slutte med det samme anførselstegn"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_typographic_quotes() {
    let case = with_line(VALID_CASE, "title", "title = “Fælles overblik”");

    let run = check(&[("quotes.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let syntax = run.diagnostic_at(
        "fejl: cases/quotes.toml er ikke gyldig TOML",
        "cases/quotes.toml:2:9",
    );
    assert!(
        syntax.contains("brug lige anførselstegn"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_glyph_missing_from_font() {
    let case = case_with_challenge("Løsningen virker ✔ og giver 中文 tekst.");

    let run = check(&[("glyph.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let glyphs = run.diagnostic_at(
        "fejl: `challenge` på kortet «glyph» har tegn, som skrifttypen ikke har: «✔» (U+2714), «中» (U+4E2D), «文» (U+6587)",
        "cases/glyph.toml:3:13",
    );
    assert!(
        glyphs.contains("tomme firkanter"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_card_too_big_for_paper() {
    let project = Project::with_deck();
    project.edit("deck/deck.toml", "width_mm = 63", "width_mm = 200");
    project.edit("deck/deck.toml", "height_mm = 88", "height_mm = 290");

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic("fejl: kortet (200 x 290 mm med 3 mm beskæring) kan ikke være på et A4-ark");
}

#[test]
fn check_rejects_duplicate_key() {
    let case = VALID_CASE.replace("submitted_by", "dilemma = 8\nsubmitted_by");

    let run = check(&[("twice.toml", &case)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let twice = run.diagnostic_at(
        "fejl: cases/twice.toml er ikke gyldig TOML",
        "cases/twice.toml:5:1",
    );
    assert!(
        twice.contains("et felt må kun stå én gang"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_ids_differing_in_case() {
    let project = Project::with_cases(&[("Data.toml", VALID_CASE), ("data.toml", VALID_CASE)]);
    let files = std::fs::read_dir(project.path().join("cases"))
        .expect("read cases/")
        .count();
    assert_eq!(files, 2, "this test needs a case-sensitive file system");

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let collision = run.diagnostic(
        "fejl: cases/Data.toml og cases/data.toml har samme id, når der ses bort fra store og små bogstaver",
    );
    assert!(
        collision.contains("= hjælp: omdøb den ene fil"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_rejects_invalid_file_name() {
    let run = check(&[("min case.toml", VALID_CASE)]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic("fejl: filnavnet cases/min case.toml kan ikke bruges som case-id");
}

#[test]
fn check_reports_every_bad_file() {
    let unknown_key = VALID_CASE.replace("challenge =", "chalenge =");
    let bad_email = with_line(VALID_CASE, "email", "email = \"anna@kommune\"");
    let bad_number = with_line(VALID_CASE, "dilemma", "dilemma = 19");
    let bad_syntax = with_line(VALID_CASE, "title", "title = \"Fælles");

    let run = check(&[
        ("a-key.toml", &unknown_key),
        ("b-email.toml", &bad_email),
        ("c-good.toml", VALID_CASE),
        ("d-number.toml", &bad_number),
        ("e-syntax.toml", &bad_syntax),
    ]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at("fejl: ukendt felt `chalenge`", "cases/a-key.toml:3:1");
    run.diagnostic_at("fejl: ugyldig e-mailadresse", "cases/b-email.toml:10:9");
    run.diagnostic_at("fejl: dilemma 19 findes ikke", "cases/d-number.toml:1:11");
    run.diagnostic_at(
        "fejl: cases/e-syntax.toml er ikke gyldig TOML",
        "cases/e-syntax.toml:2:16",
    );
    assert!(
        !run.stderr.contains("c-good.toml"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Kontrollen mislykkedes: 5 fejl og "),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_file_outside_cases() {
    let project = Project::with_deck();
    let outside = tempfile::tempdir().expect("create a temporary folder");
    let path = outside.path().join("indsendt.toml");
    let case = with_line(VALID_CASE, "dilemma", "dilemma = 19");
    std::fs::write(&path, case).expect("write case outside the project");
    let displayed_path = path.to_str().expect("temporary path is UTF-8");

    let run = project.run(&["check", displayed_path]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: dilemma 19 findes ikke",
        &format!("{displayed_path}:1:11"),
    );
    assert!(
        run.stderr
            .contains("Kontrollen mislykkedes: 1 fejl og 0 advarsler"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_file_ignores_other_cases() {
    let bad = with_line(VALID_CASE, "dilemma", "dilemma = 19");
    let project = Project::with_cases(&[("bad.toml", &bad), ("good.toml", VALID_CASE)]);
    let good = project.path().join("cases/good.toml");

    let run = project.run(&["check", good.to_str().expect("temporary path is UTF-8")]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("cases/good.toml er i orden"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("bad.toml"), "stderr:\n{}", run.stderr);
}

#[test]
fn check_file_relative_to_current_folder() {
    let project = Project::with_cases(&[("good.toml", VALID_CASE)]);

    let run = run_in(project.path(), &["check", "cases/good.toml"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("cases/good.toml er i orden"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_file_not_found() {
    let project = Project::with_deck();

    let run = project.run(&["check", "cases/findes-ikke.toml"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic("fejl: kunne ikke læse filen cases/findes-ikke.toml");
}

#[test]
fn check_leaves_sources_unchanged() {
    let bad = with_line(VALID_CASE, "challenge", "challenge = \"  \\t\\r\\n  \"");
    let mut windows = b"\xEF\xBB\xBF".to_vec();
    windows.extend_from_slice(VALID_CASE.replace('\n', "\r\n").as_bytes());
    let project = Project::with_cases(&[("bad.toml", &bad)]);
    project.write_case("windows.toml", &windows);
    let before = project.snapshot();

    let whole = project.run(&["check"]);
    let single = project.run(&["check", "cases/bad.toml"]);
    let after = project.snapshot();

    assert_eq!(whole.code, 1, "stderr:\n{}", whole.stderr);
    assert_eq!(single.code, 1, "stderr:\n{}", single.stderr);
    let changed: Vec<_> = before
        .keys()
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    assert!(changed.is_empty(), "check changed {changed:?}");
    let added: Vec<_> = after
        .keys()
        .filter(|path| !before.contains_key(*path))
        .collect();
    assert!(added.is_empty(), "check created {added:?}");
}

#[test]
fn check_reports_deck_error_position() {
    let project = Project::with_cases(&[("valid.toml", VALID_CASE)]);
    // The first dilemma in deck/dilemmas.toml is dilemma 1.
    let line = project.edit(
        "deck/dilemmas.toml",
        "category = \"jura\"",
        "category = \"juraa\"",
    );

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let unknown = run.diagnostic_at(
        "fejl: ukendt kategori «juraa» i dilemma 1",
        &format!("deck/dilemmas.toml:{line}:12"),
    );
    assert!(
        unknown.contains("= hjælp: brug en af: jura, organisation, teknologi, etik"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn check_reports_deck_setting_out_of_range() {
    let project = Project::with_deck();
    let line = project.edit("deck/deck.toml", "bleed_mm = 3\n", "bleed_mm = 30\n");

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: `card.bleed_mm` er 30 mm, men skal ligge mellem 1 og 10 mm",
        &format!("deck/deck.toml:{line}:12"),
    );
}

#[test]
fn check_counts_bom_in_byte_offset() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        case_with_challenge("Kommunen X")
            .replace('\n', "\r\n")
            .as_bytes(),
    );
    let offset = bytes
        .iter()
        .position(|&byte| byte == b'X')
        .expect("marker in case");
    bytes[offset] = 0xFF;
    let project = Project::with_deck();
    project.write_case("bom.toml", &bytes);

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    let invalid = run.diagnostic_at(
        &format!(
            "fejl: cases/bom.toml er ikke gyldig UTF-8: ugyldig byte ved byte-position {offset}"
        ),
        "cases/bom.toml:3:23",
    );
    assert!(!invalid.contains('\r'), "carriage return shown:\n{invalid}");
}

#[test]
fn check_reports_bad_category_once() {
    let project = Project::with_deck();
    let line = project.edit(
        "deck/dilemmas.toml",
        "symbol = \"square\"",
        "symbol = \"star\"",
    );

    let run = project.run(&["check"]);

    assert_eq!(run.code, 1, "stderr:\n{}", run.stderr);
    run.diagnostic_at(
        "fejl: ukendt symbol «star»",
        &format!("deck/dilemmas.toml:{line}:10"),
    );
    assert!(
        !run.stderr.contains("ukendt kategori"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Kontrollen mislykkedes: 1 fejl"),
        "stderr:\n{}",
        run.stderr
    );
}
