//! Danish wording for clap's parse errors, which clap only words in English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints a parse error in Danish, or the help or version text that clap
/// returned as an "error". Returns whether it was a real usage error.
pub fn print_usage_error(error: &clap::Error) -> bool {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print!("{}", error.render());
            return false;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", error.render());
            return true;
        }
        _ => {}
    }

    let argument = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "ukendt kommando «{}»",
                context(error, ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument if argument.starts_with('-') => {
            format!("ukendt tilvalg «{argument}»")
        }
        ErrorKind::UnknownArgument => format!("uventet argument «{argument}»"),
        ErrorKind::InvalidValue => {
            let valid = context(error, ContextKind::ValidValue);
            if valid.is_empty() {
                format!("ugyldig værdi «{value}» til {argument}")
            } else {
                format!("ugyldig værdi «{value}» til {argument}; gyldige værdier: {valid}")
            }
        }
        ErrorKind::ValueValidation => format!("ugyldig værdi «{value}» til {argument}"),
        ErrorKind::MissingRequiredArgument => format!("argumentet {argument} mangler"),
        ErrorKind::MissingSubcommand => "mangler en kommando".to_owned(),
        ErrorKind::ArgumentConflict => {
            let other = context(error, ContextKind::PriorArg);
            format!("{argument} kan ikke bruges sammen med {other}")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("for mange værdier til {argument}")
        }
        _ => format!("ugyldige argumenter til dilemmaspil: {argument}"),
    };
    eprintln!("fejl: {message}");
    match subcommand_in_args() {
        Some(command) => eprintln!(
            "hjælp: skriv `dilemmaspil {command} --help` for at se kommandoens tilvalg og deres værdier"
        ),
        None => eprintln!("hjælp: skriv `dilemmaspil --help` for at se kommandoer og tilvalg"),
    }
    true
}

/// Returns the subcommand named on the command line, if any, so the hint
/// can point at its own help.
fn subcommand_in_args() -> Option<String> {
    let names = ["check", "list", "new", "build", "proof"];
    std::env::args()
        .skip(1)
        .find(|arg| names.contains(&arg.as_str()))
}

fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join(", "),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(number)) => number.to_string(),
        Some(ContextValue::Bool(flag)) => flag.to_string(),
        Some(ContextValue::None) | None => String::new(),
        Some(_) => String::new(),
    }
}
