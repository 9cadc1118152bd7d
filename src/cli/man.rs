//! `seloste man [--dir DIR]`: the manual page, made from the same clap definition as the command
//! itself. Without `--dir` the page of `seloste` (roff) goes to stdout (`seloste man | man -l -`);
//! with it, `seloste.1` and one page per subcommand (`seloste-check.1`, `seloste-drafts-list.1`,
//! …) are written into DIR, as the Linux package installs them.

use seloste::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Write every page (seloste.1 and one per subcommand) into this folder instead.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// The sections of the main page that clap does not know: where the data is, the environment,
/// the exit status (roff; `\e` prints a backslash, `\-` a minus sign).
const MORE_SECTIONS: &str = r#".SH FILES
The drafts, their published versions and change logs are in one SQLite database, shared with
the Seloste app:
.TP
.I ~/.local/share/seloste/seloste.db
on Linux (or \fI$XDG_DATA_HOME/seloste/seloste.db\fR);
.TP
.I ~/Library/Application Support/seloste/seloste.db
on macOS;
.TP
.I %APPDATA%\eseloste\eseloste.db
on Windows.
.PP
Automatic backups (the newest ten) are in \fIbackups/\fR beside the database.
.SH ENVIRONMENT
.TP
.B SELOSTE_DB
The database file to use instead of the one above; \fB\-\-db\fR \fIPATH\fR overrides it.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
\fBseloste check\fR found errors in the notice.
.TP
.B 2
The input could not be used; one sentence on standard error says why.
"#;

pub fn run(args: Args, cmd: clap::Command) -> seloste::Result<ExitCode> {
    // `seloste help` is only a way to print --help; it gets no page.
    let cmd = cmd.disable_help_subcommand(true);
    match args.dir {
        None => {
            let page = main_page(cmd).map_err(|e| Error::Other(e.to_string()))?;
            // A closed pipe (e.g. `| head`) is not an error worth a message.
            let _ = std::io::stdout().lock().write_all(&page);
        }
        Some(dir) => write_pages(cmd, &dir).map_err(|source| Error::Write { path: dir, source })?,
    }
    Ok(ExitCode::SUCCESS)
}

fn write_pages(cmd: clap::Command, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(cmd.clone(), dir)?;
    std::fs::write(dir.join("seloste.1"), main_page(cmd)?)
}

/// The page of `seloste` itself: clap's sections, then `MORE_SECTIONS`, then the version.
fn main_page(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd).manual("Seloste");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    out.extend_from_slice(MORE_SECTIONS.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}
