//! The `seloste` command-line tool: a thin layer over the library.
//! Exit status: 0 success, 1 the checker found errors, 2 unusable input (one sentence on stderr).

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

mod cli;

#[derive(Parser)]
#[command(
    name = "seloste",
    version,
    about = "Write a correct Finnish GDPR privacy notice (tietosuojaseloste).",
    after_long_help = FILES_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the data lives; shown by `--help` (the manual page has it as FILES, ENVIRONMENT and
/// EXIT STATUS, `cli/man.rs`).
const FILES_HELP: &str = "\
Drafts are kept in one SQLite database, shared with the Seloste app:
  Linux    ~/.local/share/seloste/seloste.db (or $XDG_DATA_HOME/seloste/seloste.db)
  macOS    ~/Library/Application Support/seloste/seloste.db
  Windows  %APPDATA%\\seloste\\seloste.db
SELOSTE_DB, or `--db PATH`, names another file. Backups are in `backups/` beside it.

Exit status: 0 success; 1 `check` found errors; 2 the input could not be used.";

#[derive(Subcommand)]
enum Command {
    /// Print the JSON Schema of the notice file format (seloste/2).
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
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(cli::completions::Args),
    /// Print the manual page (roff), or write every page into a folder with --dir.
    Man(cli::man::Args),
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
        Command::Completions(args) => cli::completions::run(args, Cli::command()),
        Command::Man(args) => cli::man::run(args, Cli::command()),
        Command::Data(args) => cli::data::run(args),
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
