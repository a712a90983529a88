//! Writing output files so that a failed or interrupted build never leaves
//! a half-written file: each is written to a temporary file beside its
//! target and renamed into place only when every file is complete.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tempfile::NamedTempFile;

/// Files written but not yet in place.
#[derive(Default)]
pub struct StagedFiles {
    staged: Vec<(NamedTempFile, PathBuf)>,
}

impl StagedFiles {
    /// Writes `bytes` to a temporary file in the folder of `target`.
    pub fn stage(&mut self, target: &Path, bytes: &[u8]) -> Result<()> {
        let dir = target.parent().unwrap_or(Path::new("."));
        if dir.exists() && !dir.is_dir() {
            bail!(
                "{} er en fil, men skal være en mappe til de færdige filer\nhjælp: omdøb eller slet filen, og kør kommandoen igen",
                dir.display()
            );
        }
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "kunne ikke oprette mappen {}; kontrollér at du må skrive der",
                dir.display()
            )
        })?;
        // Temporary files are private (0600) by default; outputs are meant
        // to be shared like any other file the user writes.
        let mut builder = tempfile::Builder::new();
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let mut file = builder.tempfile_in(dir).with_context(|| {
            format!(
                "kunne ikke skrive i mappen {}; kontrollér at du må skrive der",
                dir.display()
            )
        })?;
        file.write_all(bytes)
            .and_then(|()| file.as_file().sync_all())
            .with_context(|| format!("kunne ikke skrive {}", target.display()))?;
        self.staged.push((file, target.to_owned()));
        Ok(())
    }

    /// Renames every staged file into place. Temporary files that were never
    /// renamed are deleted when `self` is dropped.
    pub fn commit(self) -> Result<()> {
        for (file, target) in self.staged {
            file.persist(&target)
                .with_context(|| format!("kunne ikke gemme {}", target.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_file_appears_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("deck.pdf");
        std::fs::write(&target, b"old").unwrap();
        let mut staged = StagedFiles::default();
        staged.stage(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        staged.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn staged_file_is_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("deck.pdf");
        let mut staged = StagedFiles::default();
        staged.stage(&target, b"new").unwrap();
        staged.commit().unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    }

    #[test]
    fn dropped_stage_leaves_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("deck.pdf");
        std::fs::write(&target, b"old").unwrap();
        let mut staged = StagedFiles::default();
        staged.stage(&target, b"new").unwrap();
        drop(staged);
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary file removed"
        );
    }
}
