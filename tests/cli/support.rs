//! Fixture projects in temporary folders, and a runner for the real binary.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use tempfile::TempDir;

/// A valid case for dilemma 7. Tests change one line at a time with
/// [`with_line`], so the line numbers below stay fixed:
/// `challenge` is line 3, `[contact]` line 7, `email` line 10, `phone` line 11.
pub const VALID_CASE: &str = r#"dilemma = 7
title = "Fælles overblik"
challenge = "Tre afdelinger havde hver deres system, og ingen kunne se det samlede billede."
solution = "Regionen byggede et fælles datalag med en fast styregruppe og klare regler."
submitted_by = "Datafabrikken ApS"

[contact]
name = "Jens Ærøe"
organisation = "Region Vestmark"
email = "jens.aeroe@vestmark.example.org"
phone = "22 33 44 55"
"#;

/// Returns `case` with the line that sets `key` replaced by `line`.
#[track_caller]
pub fn with_line(case: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key} =");
    assert!(
        case.lines().any(|existing| existing.starts_with(&prefix)),
        "the case has no line `{prefix} …`:\n{case}"
    );
    let lines: Vec<&str> = case
        .lines()
        .map(|existing| {
            if existing.starts_with(&prefix) {
                line
            } else {
                existing
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

/// Returns `case` without the line that sets `key`.
#[track_caller]
pub fn without_line(case: &str, key: &str) -> String {
    let prefix = format!("{key} =");
    assert!(
        case.lines().any(|existing| existing.starts_with(&prefix)),
        "the case has no line `{prefix} …`:\n{case}"
    );
    let lines: Vec<&str> = case
        .lines()
        .filter(|existing| !existing.starts_with(&prefix))
        .collect();
    lines.join("\n") + "\n"
}

/// The exit code and output of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Returns the diagnostic block on stderr that starts with `heading`
    /// (for example `fejl: ukendt felt`), and fails the test if there is none.
    #[track_caller]
    pub fn diagnostic(&self, heading: &str) -> &str {
        let block = self
            .stderr
            .split("\n\n")
            .find(|block| block.starts_with(heading));
        assert!(
            block.is_some(),
            "no diagnostic starts with «{heading}»; stderr:\n{}",
            self.stderr
        );
        block.unwrap_or_default()
    }

    /// Fails the test unless the diagnostic starting with `heading` points at
    /// `position` (`path:line:column`), and returns the diagnostic.
    #[track_caller]
    pub fn diagnostic_at(&self, heading: &str, position: &str) -> &str {
        let block = self.diagnostic(heading);
        assert!(
            block.contains(&format!("--> {position}\n")),
            "the diagnostic «{heading}» does not point at {position}; stderr:\n{}",
            self.stderr
        );
        block
    }
}

/// A project in a temporary folder, with copies of the shipped sources.
pub struct Project {
    dir: TempDir,
}

impl Project {
    /// Creates a project with the shipped `deck/`, `layouts/` and `fonts/`
    /// and an empty `cases/`. `check` lays out the cards to find texts that
    /// do not fit, so it needs the layouts and fonts.
    pub fn with_deck() -> Self {
        let dir = tempfile::tempdir().expect("create a temporary folder");
        for folder in ["deck", "layouts", "fonts"] {
            copy_dir(&shipped(folder), &dir.path().join(folder));
        }
        std::fs::create_dir(dir.path().join("cases")).expect("create cases/");
        Self { dir }
    }

    /// Creates a project with the shipped `deck/` and `cases/`.
    pub fn shipped() -> Self {
        let project = Self::with_deck();
        copy_dir(&shipped("cases"), &project.path().join("cases"));
        project
    }

    /// Creates a project with the shipped `deck/` and the given case files,
    /// each a file name in `cases/` and its contents.
    pub fn with_cases(cases: &[(&str, &str)]) -> Self {
        let project = Self::with_deck();
        for (name, contents) in cases {
            project.write_case(name, contents);
        }
        project
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file at a path relative to the project root.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent folder");
        }
        std::fs::write(&path, contents).unwrap_or_else(|error| panic!("write {relative}: {error}"));
    }

    /// Writes a file in `cases/`.
    pub fn write_case(&self, name: &str, contents: impl AsRef<[u8]>) {
        self.write(&format!("cases/{name}"), contents);
    }

    /// Replaces the first `from` in a file with `to`, and returns the line
    /// number where `from` started.
    #[track_caller]
    pub fn edit(&self, relative: &str, from: &str, to: &str) -> usize {
        let text = self.read(relative);
        let start = text.find(from);
        assert!(
            start.is_some(),
            "{relative} does not contain «{from}»:\n{text}"
        );
        let line = text[..start.unwrap_or_default()].matches('\n').count() + 1;
        self.write(relative, text.replacen(from, to, 1));
        line
    }

    /// Reads a file at a path relative to the project root.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path().join(relative))
            .unwrap_or_else(|error| panic!("read {relative}: {error}"))
    }

    /// Runs the binary with `--project <this folder>` before `args`.
    pub fn run(&self, args: &[&str]) -> Run {
        let project = self.path().to_str().expect("temporary path is UTF-8");
        let mut full = vec!["--project", project];
        full.extend_from_slice(args);
        run_in(self.path(), &full)
    }

    /// Returns every file in the project with its contents and modification
    /// time, to compare before and after a run.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
        let mut files = BTreeMap::new();
        collect_files(self.path(), self.path(), &mut files);
        files
    }
}

/// Runs the binary in `dir` with exactly `args`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_dilemmaspil"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("start dilemmaspil");
    Run {
        code: output
            .status
            .code()
            .expect("dilemmaspil was killed by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Returns the path of a folder in the shipped project.
pub fn shipped(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(folder)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read shipped folder") {
        let entry = entry.expect("read folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("read file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy shipped file");
        }
    }
}

fn collect_files(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
    for entry in std::fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("read folder entry").path();
        if path.is_dir() {
            collect_files(root, &path, files);
            continue;
        }
        let contents = std::fs::read(&path).expect("read file");
        let modified = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("read modification time");
        let relative = path
            .strip_prefix(root)
            .expect("file inside root")
            .to_owned();
        files.insert(relative, (contents, modified));
    }
}
