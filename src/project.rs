//! The folders of a deck project.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// A deck project: `deck/`, `cases/`, `layouts/`, `fonts/` and `output/`
/// under one root folder.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
}

impl Project {
    /// Opens the project in `dir`, or in the current folder.
    pub fn open(dir: Option<&Path>) -> Result<Self> {
        let root = match dir {
            Some(dir) => dir.to_owned(),
            None => std::env::current_dir()?,
        };
        if !root.is_dir() {
            bail!(
                "projektmappen {} findes ikke\n\
                 hjælp: angiv en eksisterende mappe med --project MAPPE",
                root.display()
            );
        }
        if !root.join("deck").is_dir() {
            bail!(
                "{} er ikke et dilemmaspil-projekt, fordi mappen deck/ mangler\n\
                 hjælp: kør kommandoen i projektmappen, eller angiv den med --project MAPPE",
                root.display()
            );
        }
        Ok(Self { root })
    }

    pub fn deck_dir(&self) -> PathBuf {
        self.root.join("deck")
    }

    pub fn cases_dir(&self) -> PathBuf {
        self.root.join("cases")
    }

    pub fn layouts_dir(&self) -> PathBuf {
        self.root.join("layouts")
    }

    pub fn fonts_dir(&self) -> PathBuf {
        self.root.join("fonts")
    }

    pub fn output_dir(&self) -> PathBuf {
        self.root.join("output")
    }

    /// Returns a path as shown to the user: relative to the project root
    /// when it lies inside, with forward slashes.
    pub fn display(&self, path: &Path) -> String {
        let shown = path.strip_prefix(&self.root).unwrap_or(path);
        shown.to_string_lossy().replace('\\', "/")
    }
}
