//! Turning source files into the validated model, with every problem
//! reported as a diagnostic.

mod case;
mod contact;
mod deck;
mod ids;
mod text;
mod warnings;

pub use case::load_case;
pub use deck::load_deck;
pub use ids::{check_case_ids, id_problem};
pub use warnings::deck_warnings;

use crate::diagnostic::Diagnostics;
use crate::model::{Case, Deck};
use crate::project::Project;
use crate::source::SourceFiles;

/// A deck project read from disk.
pub struct Loaded {
    /// `None` when `deck/` has errors.
    pub deck: Option<Deck>,
    pub cases: Vec<Case>,
    pub files: SourceFiles,
    pub diagnostics: Diagnostics,
}

/// Reads and validates `deck/` and every case in `cases/`, reading all files
/// before reporting, so one run lists every problem.
pub fn load_project(project: &Project) -> Loaded {
    let mut files = SourceFiles::default();
    let mut diagnostics = Diagnostics::default();
    let deck = load_deck(project, &mut files, &mut diagnostics);

    let mut cases = Vec::new();
    let paths = case_paths(project, &mut diagnostics);
    check_case_ids(&paths, &mut diagnostics);
    for path in paths {
        let display = project.display(&path);
        if let Some(case) = load_case(&path, display, deck.as_ref(), &mut files, &mut diagnostics) {
            cases.push(case);
        }
    }
    Loaded {
        deck,
        cases,
        files,
        diagnostics,
    }
}

/// Returns the `.toml` files in `cases/`, sorted by name.
pub fn case_paths(project: &Project, diagnostics: &mut Diagnostics) -> Vec<std::path::PathBuf> {
    let dir = project.cases_dir();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(error) => {
            diagnostics.push(crate::diagnostic::Diagnostic::error(format!(
                "kunne ikke læse mappen {}: {}",
                project.display(&dir),
                crate::io_error::describe(&error)
            )));
            return Vec::new();
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .collect();
    paths.sort();
    paths
}
