//! `new`: writes a case file to fill in, with Danish comments on each field.

use std::io::Write;

use anyhow::{Context, Result, bail};

use crate::cli::NewArgs;
use crate::commands::{Outcome, UsageError};
use crate::diagnostic::{print_report, print_summary};
use crate::model::Deck;
use crate::project::Project;
use crate::source::SourceFiles;
use crate::validate::{id_problem, load_deck};

pub fn run(project: &Project, args: &NewArgs) -> Result<Outcome> {
    let mut files = SourceFiles::default();
    let mut diagnostics = crate::diagnostic::Diagnostics::default();
    let Some(deck) = load_deck(project, &mut files, &mut diagnostics) else {
        print_report(&diagnostics, &files);
        print_summary(&diagnostics, "Indlæsningen af deck/");
        return Ok(Outcome::Failed);
    };
    let Some(dilemma) = deck.dilemma(args.dilemma) else {
        let last = deck.dilemmas.last().map_or(0, |d| d.number);
        return Err(UsageError(format!(
            "dilemma {} findes ikke\nhjælp: vælg et nummer fra 1 til {last}; se dem med `dilemmaspil list`",
            args.dilemma
        ))
        .into());
    };

    let cases_dir = project.cases_dir();
    let name = match &args.name {
        Some(name) => name.strip_suffix(".toml").unwrap_or(name).to_owned(),
        None => next_free_name(&cases_dir, args.dilemma),
    };
    if let Some(problem) = id_problem(&name) {
        return Err(UsageError(format!("navnet «{name}» kan ikke bruges: {problem}")).into());
    }

    if let Some(existing) = same_id_ignoring_case(&cases_dir, &name) {
        return Err(UsageError(format!(
            "navnet «{name}» ligner den eksisterende case «{existing}» og kan ikke bruges\nhjælp: vælg et andet navn; på Windows og macOS ville filerne overskrive hinanden"
        ))
        .into());
    }

    std::fs::create_dir_all(&cases_dir)
        .with_context(|| format!("kunne ikke oprette mappen {}", project.display(&cases_dir)))?;
    let path = cases_dir.join(format!("{name}.toml"));
    let display = project.display(&path);
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!(
                "{display} findes allerede og bliver ikke overskrevet\nhjælp: vælg et andet navn, eller ret den eksisterende fil"
            )
        }
        Err(error) => return Err(error).with_context(|| format!("kunne ikke oprette {display}")),
    };
    file.write_all(template(&deck, dilemma.number, &dilemma.question).as_bytes())
        .with_context(|| format!("kunne ikke skrive {display}"))?;

    println!("oprettede {display} til dilemma {}", dilemma.number);
    println!(
        "udfyld felterne, og kontrollér filen med `{}`",
        check_command(project, &path)
    );
    Ok(Outcome::Success)
}

/// Returns a `check` command for `path` that works from the current folder.
fn check_command(project: &Project, path: &std::path::Path) -> String {
    let current = std::env::current_dir().unwrap_or_default();
    let file = path.strip_prefix(&current).unwrap_or(path);
    let root = std::path::absolute(&project.root).unwrap_or_else(|_| project.root.clone());
    if root == current {
        format!("dilemmaspil check {}", file.display())
    } else {
        format!(
            "dilemmaspil --project {} check {}",
            project.root.display(),
            file.display()
        )
    }
}

/// Returns an existing case id that equals `name` except for upper and
/// lower case.
fn same_id_ignoring_case(cases_dir: &std::path::Path, name: &str) -> Option<String> {
    let entries = std::fs::read_dir(cases_dir).ok()?;
    entries
        .filter_map(|entry| {
            entry
                .ok()?
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .find(|stem| stem != name && stem.to_lowercase() == name.to_lowercase())
}

fn next_free_name(cases_dir: &std::path::Path, dilemma: u32) -> String {
    (1..)
        .map(|index| format!("case-{dilemma}-{index}"))
        .find(|name| !cases_dir.join(format!("{name}.toml")).exists())
        .unwrap_or_default()
}

fn template(deck: &Deck, dilemma: u32, question: &str) -> String {
    let limit = deck.text.max_graphemes;
    format!(
        r#"# Ny case til dilemmaspillet. Filnavnet er casens id.
# Tekster skrives i anførselstegn. Brug """ … """ til tekst over flere linjer;
# linjeskift og ekstra mellemrum bliver til ét mellemrum på kortet.

# Dilemmaet, casen svarer på:
# {question}
dilemma = {dilemma}

# Valgfri kort titel på casen (højst 80 tegn). Lad den stå tom, hvis der ikke er nogen.
title = ""

# Den konkrete udfordring hos kunden. Står på kortets forside.
# Højst {limit} tegn inklusive mellemrum.
challenge = """
"""

# Den konkrete løsning på udfordringen. Står på kortets bagside.
# Højst {limit} tegn inklusive mellemrum.
solution = """
"""

# Virksomheden, der har indsendt casen.
submitted_by = ""

# Kontaktperson hos kunden, hvis man vil høre eller lære mere.
[contact]
name = ""
organisation = ""
# E-mailadresse, fx navn@kommune.dk
email = ""
# Telefonnummer: 8 cifre, eller +landekode og nummer, fx +45 12 34 56 78
phone = ""
"#
    )
}
