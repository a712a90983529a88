//! `proof --watch`: a new proof whenever the case file, deck/ or layouts/
//! change, with one status line per render.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::{Proof, make_proof};
use crate::cli::ProofArgs;
use crate::commands::Outcome;
use crate::project::Project;

/// How long to wait for more events after the first, so that an editor's
/// save (often several writes) gives one render.
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(project: &Project, args: &ProofArgs, target: &str) -> Result<Outcome> {
    let (sender, receiver) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(sender).context("kunne ikke overvåge filerne")?;

    let mut proof = render(project, args, target);
    // A first render that failed early has no source; find the file by name.
    let case_file = proof.source.clone().or_else(|| {
        let by_id = project.cases_dir().join(format!("{target}.toml"));
        [PathBuf::from(target), by_id]
            .into_iter()
            .find(|path| path.is_file())
    });
    let watched = Watched::new(project, case_file.as_deref());
    for (path, mode) in watched.roots() {
        watcher
            .watch(&path, mode)
            .with_context(|| format!("kunne ikke overvåge {}", project.display(&path)))?;
    }
    eprintln!("overvåger {} – stop med Ctrl+C", watched.describe(project));

    while let Ok(event) = receiver.recv() {
        if !watched.is_relevant(&event) {
            continue;
        }
        while receiver.recv_timeout(SETTLE).is_ok() {}
        proof = render(project, args, target);
    }
    Ok(proof.outcome)
}

/// Renders once and prints one status line; errors are printed, not returned,
/// so watching goes on.
fn render(project: &Project, args: &ProofArgs, target: &str) -> Proof {
    let started = Instant::now();
    match make_proof(project, args, target) {
        Ok(proof) => {
            let seconds = started.elapsed().as_secs_f64();
            match (&proof.outcome, &proof.written) {
                (Outcome::Success, Some(written)) => {
                    eprintln!("[prøvetryk] opdateret {written} på {seconds:.2} s")
                }
                _ => eprintln!("[prøvetryk] fejl i kilderne – venter på næste ændring"),
            }
            proof
        }
        Err(error) => {
            eprintln!("fejl: {}", crate::io_error::chain(&error));
            eprintln!("[prøvetryk] fejlede – venter på næste ændring");
            Proof {
                outcome: Outcome::Failed,
                source: None,
                written: None,
            }
        }
    }
}

/// The folders and the case file that trigger a new proof.
struct Watched {
    folders: Vec<PathBuf>,
    case_file: Option<PathBuf>,
}

impl Watched {
    fn new(project: &Project, case_file: Option<&Path>) -> Self {
        let absolute = |path: &Path| std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        Self {
            folders: vec![
                absolute(&project.deck_dir()),
                absolute(&project.layouts_dir()),
            ],
            case_file: case_file.map(absolute),
        }
    }

    /// Returns what to hand the watcher. The case file's folder is watched
    /// rather than the file, because editors often save by replacing it.
    fn roots(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut roots: Vec<_> = self
            .folders
            .iter()
            .map(|f| (f.clone(), RecursiveMode::Recursive))
            .collect();
        if let Some(parent) = self.case_file.as_ref().and_then(|file| file.parent()) {
            roots.push((parent.to_owned(), RecursiveMode::NonRecursive));
        }
        roots
    }

    /// Returns whether an event changes a watched file. Reads are ignored,
    /// because the proof itself reads these files and would trigger itself.
    fn is_relevant(&self, event: &notify::Result<Event>) -> bool {
        let Ok(event) = event else { return false };
        if !matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) {
            return false;
        }
        event.paths.iter().any(|path| {
            self.folders.iter().any(|folder| path.starts_with(folder))
                || self.case_file.as_deref() == Some(path.as_path())
        })
    }

    fn describe(&self, project: &Project) -> String {
        let mut paths: Vec<String> = self
            .folders
            .iter()
            .map(|f| format!("{}/", project.display(f)))
            .collect();
        paths.extend(self.case_file.iter().map(|f| project.display(f)));
        paths.join(", ")
    }
}
