//! Usage errors: exit code 2 and a Danish `fejl:` line.

use crate::support::{Project, run_in};

#[test]
fn cli_rejects_unknown_subcommand() {
    let project = Project::with_deck();

    let run = project.run(&["frobnicate"]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("fejl: ukendt kommando «frobnicate»\n"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("dilemmaspil --help"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn cli_rejects_unknown_flag() {
    let project = Project::with_deck();

    let run = project.run(&["check", "--frob"]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: ukendt tilvalg «--frob»\n"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn cli_rejects_non_numeric_dilemma() {
    let project = Project::with_deck();

    let run = project.run(&["new", "--dilemma", "syv"]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("fejl: ugyldig værdi «syv» til --dilemma"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn cli_rejects_missing_dilemma() {
    let project = Project::with_deck();

    let run = project.run(&["new"]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    let first_line = run.stderr.lines().next().unwrap_or_default();
    assert!(first_line.starts_with("fejl: "), "stderr:\n{}", run.stderr);
    assert!(first_line.contains("--dilemma"), "stderr:\n{}", run.stderr);
    assert!(first_line.contains("mangler"), "stderr:\n{}", run.stderr);
}

#[test]
fn cli_rejects_project_without_deck() {
    let empty = tempfile::tempdir().expect("create a temporary folder");
    let path = empty.path().to_str().expect("temporary path is UTF-8");

    for command in ["check", "list"] {
        let run = run_in(empty.path(), &["--project", path, command]);

        assert_eq!(run.code, 2, "{command}; stderr:\n{}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!(
                "fejl: {path} er ikke et dilemmaspil-projekt, fordi mappen deck/ mangler\n"
            )),
            "{command}; stderr:\n{}",
            run.stderr
        );
    }
}

#[test]
fn cli_rejects_missing_command() {
    let project = Project::with_deck();

    let run = project.run(&[]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: mangler en kommando\n"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn cli_without_arguments_prints_usage() {
    let project = Project::with_deck();

    let run = run_in(project.path(), &[]);

    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("Brug: dilemmaspil"),
        "stderr:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Kommandoer:"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn cli_help_is_danish() {
    let project = Project::with_deck();

    let run = project.run(&["--help"]);

    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(
        run.stdout.contains("Kommandoer:"),
        "stdout:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Kontrollér hele spillet"),
        "stdout:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Vis denne hjælp"),
        "stdout:\n{}",
        run.stdout
    );
}
