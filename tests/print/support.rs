//! A copy of the shipped project in a temporary folder, the real binary, and
//! the PDF readers a print shop would use.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// Millimetres to PDF points.
pub fn mm(value: f64) -> f64 {
    value * 72.0 / 25.4
}

/// A deck project copied from the repository.
pub struct Project {
    pub dir: TempDir,
}

/// The exit code and output of one run of the binary.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stderr: String,
}

impl Project {
    /// Copies deck/, cases/, layouts/ and fonts/ of the shipped project.
    pub fn shipped() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in ["deck", "cases", "layouts", "fonts"] {
            copy_dir(&root.join(folder), &dir.path().join(folder));
        }
        Self { dir }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs `dilemmaspil --project DIR ARGS` with a fixed SOURCE_DATE_EPOCH.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_dilemmaspil"))
            .arg("--project")
            .arg(self.dir.path())
            .args(args)
            .env("SOURCE_DATE_EPOCH", "1764800000")
            .output()
            .expect("binary runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs `build` and fails the test unless it succeeds.
    #[track_caller]
    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    pub fn print_pdf(&self) -> PathBuf {
        self.path("output/kort-trykkeri.pdf")
    }

    pub fn sheet_pdf(&self) -> PathBuf {
        self.path("output/kort-ark-A4.pdf")
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs an external tool and returns its standard output.
#[track_caller]
pub fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("{program} did not run ({error}); install it as .ci/run does")
        });
    assert!(
        output.status.success(),
        "{program} {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Returns text with all whitespace and hyphens removed, so that text
/// extracted from a hyphenated card compares equal to its source.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{00AD}')
        .collect()
}

/// A word with its bounding box, from `pdftotext -bbox`.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub text: String,
    pub x_min: f64,
    pub y_min: f64,
}

/// Returns every word of a PDF with its page and position in points.
pub fn words(pdf: &Path) -> Vec<Word> {
    let html = tool("pdftotext", &["-bbox", path_str(pdf), "-"]);
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let attribute = |name: &str| -> f64 {
                let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                let end = rest[start..].find('"').unwrap() + start;
                rest[start..end].parse().unwrap()
            };
            let text_start = rest.find('>').unwrap() + 1;
            let text_end = rest.rfind("</word>").unwrap();
            words.push(Word {
                page,
                text: rest[text_start..text_end]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'"),
                x_min: attribute("xMin"),
                y_min: attribute("yMin"),
            });
        }
    }
    words
}
