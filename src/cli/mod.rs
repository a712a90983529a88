//! Command-line arguments. Each doc comment is the Danish `--help` text.

mod usage_error;

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

pub use usage_error::print_usage_error;

use crate::model::{Mirror, Paper};

const HELP_TEMPLATE: &str = "\
{about-with-newline}
Brug: {usage}

{all-args}{after-help}";

/// Laver et trykklart dilemmaspil ud fra kortenes kilder.
#[derive(Debug, Parser)]
#[command(
    name = "dilemmaspil",
    version,
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Kommandoer",
    next_help_heading = "Tilvalg",
    override_usage = "dilemmaspil [TILVALG] <KOMMANDO>",
    after_help = "Skriv `dilemmaspil KOMMANDO --help` for at se en kommandos tilvalg."
)]
pub struct Cli {
    /// Projektmappen med deck/, cases/, layouts/ og fonts/ (standard: den aktuelle mappe).
    #[arg(long, global = true, value_name = "MAPPE")]
    pub project: Option<PathBuf>,

    /// Vis denne hjælp.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    pub help: Option<bool>,

    /// Vis versionsnummeret.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    pub version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kontrollér hele spillet, eller én case-fil.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tilvalg", override_usage = "dilemmaspil check [FIL]")]
    Check(CheckArgs),

    /// Vis de 18 dilemmaer med kategori og antal cases.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tilvalg", override_usage = "dilemmaspil list")]
    List,

    /// Opret en ny case-fil med forklaringer til hvert felt.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tilvalg",
        override_usage = "dilemmaspil new --dilemma <NUMMER> [NAVN]"
    )]
    New(NewArgs),

    /// Byg PDF'erne til trykkeriet og til kontorprinteren i output/.
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "Tilvalg", override_usage = "dilemmaspil build [TILVALG]")]
    Build(BuildArgs),

    /// Lav et prøvetryk (PNG) af ét kort, eller et kontaktark med alle kort.
    ///
    /// Prøvetrykket viser for- og bagside side om side med beskæring, 4 mm imellem og en
    /// stribe på 8 mm øverst med kortets id. Det gemmes i output/proof/KORT.png.
    #[command(
        help_template = HELP_TEMPLATE,
        next_help_heading = "Tilvalg",
        override_usage = "dilemmaspil proof [TILVALG] <KORT>\n       dilemmaspil proof --all"
    )]
    Proof(ProofArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// En case-fil at kontrollere, også uden for cases/ (standard: hele spillet).
    #[arg(value_name = "FIL", help_heading = "Argumenter")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Nummeret på det dilemma, casen svarer på.
    #[arg(long, value_name = "NUMMER")]
    pub dilemma: u32,

    /// Navnet på den nye case; bliver filnavnet cases/NAVN.toml (standard: case-NUMMER-LØBENUMMER).
    #[arg(value_name = "NAVN", help_heading = "Argumenter")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Papirformat til arkene: A4, A3 eller SRA3 (standard: sheet.paper i deck/deck.toml).
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        ignore_case = true,
        hide_possible_values = true
    )]
    pub paper: Option<Paper>,

    /// Hvordan bagsidearket spejles ved dobbeltsidet tryk: left-right (arket vendes om en lodret
    /// kant, som en bog) eller top-bottom (arket vendes om en vandret kant, som en kalender).
    /// Vælg det, der passer med printerens indstilling, og prøv med --calibration
    /// (standard: sheet.mirror i deck/deck.toml).
    #[arg(long, value_enum, value_name = "RETNING", hide_possible_values = true)]
    pub mirror: Option<Mirror>,

    /// Forskydning af bagsiderne vandret i mm, positiv mod højre, til at rette en printers skævhed.
    #[arg(long, value_name = "MM", allow_negative_numbers = true)]
    pub back_offset_x: Option<f64>,

    /// Forskydning af bagsiderne lodret i mm, positiv nedad.
    #[arg(long, value_name = "MM", allow_negative_numbers = true)]
    pub back_offset_y: Option<f64>,

    /// Tilføj en kalibreringsside, der viser om for- og bagside passer sammen.
    #[arg(long)]
    pub calibration: bool,
}

#[derive(Debug, Args)]
pub struct ProofArgs {
    /// Et case-id, et dilemmanummer, `titelkort`, `regelkort` eller stien til en case-fil.
    #[arg(
        value_name = "KORT",
        help_heading = "Argumenter",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub card: Option<String>,

    /// Opløsning af PNG-billedet i punkter pr. tomme, fra 20 til 1200 (standard: 300).
    #[arg(long, default_value_t = 300, hide_default_value = true, value_name = "DPI", value_parser = clap::value_parser!(u32).range(20..=1200))]
    pub dpi: u32,

    /// Udelad hjælpelinjerne (skærelinje, sikkerhedszone og beskæring), fx til et billede der skal mailes.
    #[arg(long)]
    pub no_guides: bool,

    /// Lav prøvetrykket igen, hver gang case-filen, deck/ eller layouts/ ændres.
    #[arg(long, conflicts_with = "all")]
    pub watch: bool,

    /// Lav et kontaktark (PDF) med alle kort, for- og bagside, til redaktionens gennemsyn.
    #[arg(long)]
    pub all: bool,
}
