//! `seloste data changes [--lang fi|sv|en] [--json]` — the changelog of Seloste's legal and
//! service data (what changed, when, why, source); `seloste data versions` — the version of
//! each data file this build carries.

use seloste::{Lang, Result, current};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// What changed in the data, when, why and from which source, newest first.
    Changes {
        /// Language: fi, sv or en.
        #[arg(long, default_value = "fi")]
        lang: String,
        /// Print the entries as JSON instead.
        #[arg(long)]
        json: bool,
    },
    /// The version of each data file this build of Seloste carries.
    Versions {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Changes { lang, json } => {
            let lang: Lang = lang.parse()?;
            let mut entries: Vec<_> = current::changelog().iter().collect();
            entries.sort_by(|a, b| b.date.cmp(&a.date));
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&entries).expect("entries serialise")
                );
                return Ok(ExitCode::SUCCESS);
            }
            for (i, c) in entries.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                let files: Vec<String> = c.files.iter().map(|(f, v)| format!("{f} {v}")).collect();
                println!(
                    "{}  [{}]",
                    seloste::document::format_date(&c.date, lang),
                    files.join(", ")
                );
                println!("  {}", c.what.resolve(lang).map_or("", |(s, _)| s));
                println!("  {}", c.why.resolve(lang).map_or("", |(s, _)| s));
                println!("  {}", c.source);
            }
        }
        Command::Versions { json } => {
            let v = current::data_versions();
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(v).expect("versions serialise")
                );
            } else {
                for (f, n) in v {
                    println!("{f}\t{n}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
