//! `seloste import FILE [-o NOTICE.json] [--report] [--lang fi|sv|en]`
//!
//! Turns an existing notice (.txt, .html, .docx) into a draft. Without `-o` the draft's JSON goes
//! to stdout; with `-o` it is written to that file. The import report goes to stderr, so it never
//! mixes with the JSON: in full with `--report`, else as a one-line summary. `--report-json`
//! prints the report as JSON on stdout instead of the draft (for tools). Exit status 0 on
//! success, 2 with one sentence on stderr when the file is unreadable, empty, binary or of a
//! format we do not read.

use clap::Args;
use seloste::Lang;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ImportArgs {
    /// The existing notice: a .txt, .html/.htm or .docx file.
    pub file: PathBuf,
    /// Write the draft notice here instead of printing it.
    #[arg(short, long, value_name = "NOTICE.json")]
    pub output: Option<PathBuf>,
    /// Print the full import report (to stderr).
    #[arg(long)]
    pub report: bool,
    /// Print the import report as JSON on stdout instead of the draft.
    #[arg(long, conflicts_with = "report")]
    pub report_json: bool,
    /// Language of the report: fi, sv or en.
    #[arg(long, default_value = "en")]
    pub lang: String,
}

pub fn run(args: ImportArgs) -> seloste::Result<ExitCode> {
    let lang: Lang = args.lang.parse()?;
    let imported = seloste::import::import_file(&args.file)?;
    let json = seloste::notice_io::to_json(&imported.notice);
    if let Some(out) = &args.output {
        std::fs::write(out, &json).map_err(|source| seloste::Error::Write {
            path: out.clone(),
            source,
        })?;
    }
    let mut stdout = std::io::stdout().lock();
    if args.report_json {
        let mut r = serde_json::to_string_pretty(&imported.report).expect("the report serialises");
        r.push('\n');
        let _ = stdout.write_all(r.as_bytes());
    } else if args.output.is_none() {
        // A closed pipe (e.g. `| head`) is not an error worth a message.
        let _ = stdout.write_all(json.as_bytes());
    }
    let mut stderr = std::io::stderr().lock();
    if args.report {
        let _ = stderr.write_all(imported.report.render(lang).as_bytes());
    } else if !args.report_json {
        let r = &imported.report;
        let _ = writeln!(
            stderr,
            "seloste: imported {} section(s): {} field(s) recognised, {} kept as free text, {} line(s) left out (--report for details).",
            r.sections.len(),
            r.recognised.len(),
            r.kept_as_text.len(),
            r.dropped.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
