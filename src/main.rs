//! `dilemmaspil`: builds the print-ready deck of a dialogue card game.

mod cli;
mod commands;
mod diagnostic;
mod io_error;
mod layout;
mod model;
mod output;
mod project;
mod source;
mod validate;

use std::process::ExitCode;

use clap::Parser;

use crate::commands::UsageError;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let is_error = cli::print_usage_error(&error);
            return if is_error {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };

    match commands::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) => {
            eprintln!("fejl: {}", io_error::chain(&error));
            if error.is::<UsageError>() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
