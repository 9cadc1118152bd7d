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
    /// Export a notice as HTML (a standalone document or a fragment for a web page) or as PDF.
    Render(cli::render::Args),
    /// See what a website really loads: services, cookies and unknown hosts, from the site
    /// itself (same-site pages, scripts never run) or a browser recording (--har).
    Scan(cli::scan::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Schema => cli::schema::run(),
        Command::Check(args) => cli::check::run(args),
        Command::Import(args) => cli::import::run(args),
        Command::Drafts(args) => cli::drafts::run(args),
        Command::Render(args) => cli::render::run(args),
        Command::Scan(args) => cli::scan::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("seloste: {e}");
            ExitCode::from(2)
        }
    }
}
