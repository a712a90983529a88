//! One module per subcommand.

mod build;
mod check;
mod list;
mod new;
mod proof;

use std::fmt;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::project::Project;

/// Result of a command that did not fail with an error.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Validation or the build failed; the diagnostics are already printed.
    Failed,
}

impl Outcome {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Failed => ExitCode::from(1),
        }
    }
}

/// An error in how the command was called, which exits with code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Runs the subcommand chosen on the command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let project =
        Project::open(cli.project.as_deref()).map_err(|error| UsageError(error.to_string()))?;
    match cli.command {
        Command::Check(args) => check::run(&project, &args),
        Command::List => list::run(&project),
        Command::New(args) => new::run(&project, &args),
        Command::Build(args) => build::run(&project, &args),
        Command::Proof(args) => proof::run(&project, &args),
    }
}
