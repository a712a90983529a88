//! `proof --watch`: a new proof whenever the case file, deck/ or layouts/
//! change, with one status line per render.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use super::make_proof;
use crate::cli::ProofArgs;
use crate::commands::Outcome;
use crate::project::Project;

/// How long to wait for more events after the first, so that an editor's
/// save (often several writes) gives one render.
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(project: &Project, args: &ProofArgs, target: &str) -> Result<Outcome> {
    let (sender, receiver) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(sender).context("kunne ikke overvåge filerne")?;

    let mut proof = render(project, args, target)?;
    for path in &proof.watched {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("kunne ikke overvåge {}", project.display(path)))?;
    }
    eprintln!("overvåger {} – stop med Ctrl+C", describe(project, &proof.watched));

    while receiver.recv().is_ok() {
        while receiver.recv_timeout(SETTLE).is_ok() {}
        proof = render(project, args, target)?;
    }
    Ok(proof.outcome)
}

fn render(project: &Project, args: &ProofArgs, target: &str) -> Result<super::Proof> {
    let started = Instant::now();
    let proof = match make_proof(project, args, target) {
        Ok(proof) => proof,
        Err(error) => {
            eprintln!("fejl: {error:#}");
            eprintln!("[prøvetryk] fejlede – venter på næste ændring");
            return Ok(super::Proof { outcome: Outcome::Failed, watched: vec![project.deck_dir(), project.layouts_dir()], written: None });
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    match (&proof.outcome, &proof.written) {
        (Outcome::Success, Some(path)) => {
            eprintln!("[prøvetryk] opdateret {} på {seconds:.2} s", project.display(path))
        }
        _ => eprintln!("[prøvetryk] fejl i kilderne – venter på næste ændring"),
    }
    Ok(proof)
}

fn describe(project: &Project, paths: &[std::path::PathBuf]) -> String {
    paths.iter().map(|path| project.display(path)).collect::<Vec<_>>().join(", ")
}
