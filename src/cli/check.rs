//! `seloste check NOTICE.json [--lang fi|sv|en] [--json]`: list what is wrong with a notice.
//! Exit 0 when there are no errors (warnings and tips allowed), 1 when there are errors,
//! 2 when the input cannot be used.

use seloste::wizard::ui;
use seloste::Lang;
use seloste::check::{self, Finding, Options, Severity};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The notice file (seloste/2 JSON; seloste/1 is read too).
    #[arg(required_unless_present = "draft")]
    pub notice: Option<PathBuf>,
    /// Also set the notice against a scan of its website: the JSON `seloste scan --json`
    /// printed (services on the site missing from the notice, and the other way round).
    #[arg(long, value_name = "SCAN.json")]
    pub scan: Option<PathBuf>,
    /// Check a draft of the local database instead of a file, with its last website scan
    /// (`seloste scan URL --draft ID` stores one).
    #[arg(long, value_name = "ID", conflicts_with = "notice")]
    pub draft: Option<seloste::store::DraftId>,
    /// The database file, with --draft [default: $SELOSTE_DB, else seloste/seloste.db in the data folder].
    #[arg(long, value_name = "PATH", requires = "draft")]
    pub db: Option<PathBuf>,
    /// The language the notice will be published in; messages come in it too. Without it,
    /// messages are in the notice's main language and translations are not checked.
    #[arg(long, value_name = "fi|sv|en")]
    pub lang: Option<String>,
    /// Print the findings as a JSON array of {rule, severity, message, fix, law, path}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> seloste::Result<ExitCode> {
    let output: Option<Lang> = args.lang.as_deref().map(str::parse).transpose()?;
    let (notice, stored) = match (&args.notice, args.draft) {
        (Some(path), _) => (seloste::notice_io::read(path)?, None),
        (None, Some(id)) => {
            let store = super::drafts::open_store(args.db.as_deref())?;
            (store.get(id)?.notice, store.last_scan(id)?)
        }
        (None, None) => return Err(seloste::Error::Other("Give a notice file or --draft ID.".into())),
    };
    let scan = match &args.scan {
        Some(path) => Some(read_scan(path)?),
        None => stored,
    };
    let opts = match output {
        Some(l) => Options {
            lang: l,
            output: Some(l),
        },
        None => Options {
            lang: check::main_language(&notice),
            output: None,
        },
    };
    let mut findings = check::check_with(&notice, opts);
    if let Some(scan) = &scan {
        findings.extend(check::check_with_scan(&notice, scan, opts.lang));
    }
    let text = if args.json {
        let mut s = serde_json::to_string_pretty(&findings)
            .map_err(|e| seloste::Error::Other(format!("Could not print the findings: {e}.")))?;
        s.push('\n');
        s
    } else {
        human(&findings, opts.lang)
    };
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(if check::has_errors(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A scan saved by `seloste scan --json` (size-checked before it is read).
fn read_scan(path: &std::path::Path) -> seloste::Result<seloste::scan::Scan> {
    const MAX: u64 = 50_000_000;
    let read = |source| seloste::Error::Read { path: path.to_path_buf(), source };
    if std::fs::metadata(path).map_err(read)?.len() > MAX {
        return Err(seloste::Error::Other(format!("The scan {} is larger than 50 MB.", path.display())));
    }
    let text = std::fs::read_to_string(path).map_err(read)?;
    seloste::scan::from_json(&text).map_err(|e| {
        seloste::Error::Other(format!(
            "The file {} is not a scan saved with `seloste scan --json` ({}).",
            path.display(),
            e.to_string().trim_end_matches('.')
        ))
    })
}

/// How many missing translations the human output lists before it only counts them.
const LANG_SHOWN: usize = 3;

fn more(n: usize, lang: Lang) -> String {
    ui("cli.more_untranslated", lang).replace("{n}", &n.to_string())
}

/// The severity's heading, the same words the app's check step uses.
fn heading(s: Severity, lang: Lang) -> &'static str {
    ui(
        match s {
            Severity::Error => "check.error",
            Severity::Warning => "check.warning",
            Severity::Tip => "check.tip",
        },
        lang,
    )
}

/// Findings grouped by severity: path and rule, the message, how to fix it, the law.
fn human(findings: &[Finding], lang: Lang) -> String {
    let (fix, clean) = (ui("check.fix_label", lang), ui("cli.clean", lang));
    if findings.is_empty() {
        return format!("{clean}\n");
    }
    let mut s = String::new();
    let mut counts = Vec::new();
    for sev in Severity::ALL {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        counts.push(format!("{}: {}", heading(sev, lang), group.len()));
        if group.is_empty() {
            continue;
        }
        s.push_str(&format!("{} ({})\n", heading(sev, lang), group.len()));
        // A notice not yet translated gives one lang.missing per text: show a few, count the rest.
        let untranslated = group.iter().filter(|f| f.rule == "lang.missing").count();
        let mut shown_untranslated = 0;
        for f in group {
            if f.rule == "lang.missing" && untranslated > LANG_SHOWN + 1 {
                shown_untranslated += 1;
                if shown_untranslated > LANG_SHOWN {
                    continue;
                }
            }
            s.push_str(&format!("  {}  [{}]\n", f.path, f.rule));
            s.push_str(&format!("    {}\n", f.message));
            s.push_str(&format!("    {fix} {}\n", f.fix));
            s.push_str(&format!("    ({})\n", f.law));
        }
        if untranslated > LANG_SHOWN + 1 {
            s.push_str(&format!("  … {}\n", more(untranslated - LANG_SHOWN, lang)));
        }
        s.push('\n');
    }
    s.push_str(&counts.join(", "));
    s.push('\n');
    s
}
