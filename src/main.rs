//! The `seloste` command-line tool: a thin layer over the library.
//! Exit status: 0 success, 1 the checker found errors, 2 unusable input (one sentence on stderr).

use clap::{Parser, Subcommand};
use std::process::ExitCode;

mod cli;

#[derive(Parser)]
#[command(
    name = "seloste",
    version,
    about = "Write a correct Finnish GDPR privacy notice (tietosuojaseloste)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the JSON Schema of the notice file format (seloste/1).
    Schema,
    /// Check a notice: what is missing, contradictory, outdated or left over from a template.
    /// Exit 0: no errors; 1: errors found; 2: the file cannot be used.
    Check(cli::check::Args),
    /// Turn an existing notice (.txt, .html, .docx) into a draft notice; the report goes to stderr.
    Import(cli::import::ImportArgs),
    /// Drafts in the local database: list, new, show, rename, duplicate, delete, restore,
    /// import, export, publish, history, diff.
    Drafts(cli::drafts::Args),
    /// Seloste's legal and service data: `changes` (what changed, when, why, source) and
    /// `versions` (each data file's version).
    Data(cli::data::Args),
    /// Export a notice as HTML (a standalone document or a fragment for a web page), PDF, Word,
    /// Markdown or plain text, or its record of processing activities as HTML, PDF or CSV.
    Render(cli::render::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Schema => cli::schema::run(),
        Command::Check(args) => cli::check::run(args),
        Command::Import(args) => cli::import::run(args),
        Command::Drafts(args) => cli::drafts::run(args),
        Command::Render(args) => cli::render::run(args),
        Command::Data(args) => cli::data::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("seloste: {e}");
            ExitCode::from(2)
        }
    }
}
