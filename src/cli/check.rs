//! `seloste check NOTICE.json [--lang fi|sv|en] [--json]`: list what is wrong with a notice.
//! Exit 0 when there are no errors (warnings and tips allowed), 1 when there are errors,
//! 2 when the input cannot be used.

use seloste::Lang;
use seloste::check::{self, Finding, Options, Severity};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The notice file (seloste/1 JSON).
    pub notice: PathBuf,
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
    let notice = seloste::notice_io::read(&args.notice)?;
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
    let findings = check::check_with(&notice, opts);
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

/// How many missing translations the human output lists before it only counts them.
const LANG_SHOWN: usize = 3;

fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Fi => format!("ja {n} muuta kääntämätöntä tekstiä (kaikki: --json)"),
        Lang::Sv => format!("och {n} andra oöversatta texter (alla: --json)"),
        Lang::En => format!("and {n} more untranslated texts (all of them: --json)"),
    }
}

fn heading(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Fi) => "Virheet",
        (Severity::Error, Lang::Sv) => "Fel",
        (Severity::Error, Lang::En) => "Errors",
        (Severity::Warning, Lang::Fi) => "Varoitukset",
        (Severity::Warning, Lang::Sv) => "Varningar",
        (Severity::Warning, Lang::En) => "Warnings",
        (Severity::Tip, Lang::Fi) => "Vinkit",
        (Severity::Tip, Lang::Sv) => "Tips",
        (Severity::Tip, Lang::En) => "Tips",
    }
}

/// Findings grouped by severity: path and rule, the message, how to fix it, the law.
fn human(findings: &[Finding], lang: Lang) -> String {
    let (fix, clean) = match lang {
        Lang::Fi => ("Korjaus", "Ei huomautettavaa."),
        Lang::Sv => ("Åtgärd", "Inga anmärkningar."),
        Lang::En => ("Fix", "No problems found."),
    };
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
            s.push_str(&format!("    {fix}: {}\n", f.fix));
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
