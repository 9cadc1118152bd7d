//! `seloste scan https://example.fi [--pages N] [--json] [--notice NOTICE.json] [--lang fi|sv|en]`:
//! see what the site loads (services, cookies, unknown hosts). `--har FILE` reads a browser
//! recording (HAR) or the EDPS Website Evidence Collector's JSON instead of fetching.
//! With `--notice`, compares with the notice; `--declaration` prints the cookie table and
//! banner for the notice. Exit 0: scanned (problems with single pages are listed); 2: nothing
//! could be read.

use seloste::wizard::ui;
use seloste::Lang;
use seloste::scan::{self, Comparison, Options, Scan, declaration};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args)]
pub struct Args {
    /// The site's address, e.g. https://example.fi (not needed with --har).
    pub url: Option<String>,
    /// Read a browser recording (HAR) or Website Evidence Collector JSON instead of fetching.
    #[arg(long, value_name = "FILE")]
    pub har: Option<PathBuf>,
    /// At most this many pages of the site.
    #[arg(long, default_value_t = 25)]
    pub pages: usize,
    /// Seconds to wait for each page.
    #[arg(long, default_value_t = 10)]
    pub timeout: u64,
    /// Compare with this notice (seloste JSON).
    #[arg(long, value_name = "NOTICE.json")]
    pub notice: Option<PathBuf>,
    /// Print the notice's cookie declaration table and banner wording (HTML fragments).
    #[arg(long, requires = "notice")]
    pub declaration: bool,
    /// Language of messages and of the declaration.
    #[arg(long, value_name = "fi|sv|en", default_value = "fi")]
    pub lang: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
    /// Keep the result as this draft's last scan in the local database (the checker uses it:
    /// `seloste check --draft ID`), and compare with the draft unless --notice is given.
    #[arg(long, value_name = "ID")]
    pub draft: Option<seloste::store::DraftId>,
    /// The database file, with --draft [default: $SELOSTE_DB, else seloste/seloste.db in the data folder].
    #[arg(long, value_name = "PATH", requires = "draft")]
    pub db: Option<PathBuf>,
}

#[derive(serde::Serialize)]
struct Out<'a> {
    scan: &'a Scan,
    messages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<&'a Comparison>,
}

pub fn run(args: Args) -> seloste::Result<ExitCode> {
    let lang: Lang = args.lang.parse()?;
    let notice = args.notice.as_deref().map(seloste::notice_io::read).transpose()?;
    if args.declaration {
        if let Some(n) = &notice {
            let s = declaration::declaration(n, lang).file;
            let _ = std::io::stdout().lock().write_all(s.as_bytes());
        }
        if args.url.is_none() && args.har.is_none() {
            return Ok(ExitCode::SUCCESS);
        }
    }
    let scan = match (&args.har, &args.url) {
        (Some(path), _) => {
            let bytes = std::fs::read(path).map_err(|source| seloste::Error::Read { path: path.clone(), source })?;
            scan::har::import(&bytes).map_err(|e| seloste::Error::Other(e.message(lang)))?
        }
        (None, Some(url)) => {
            let opts = Options { max_pages: args.pages.max(1), timeout: Duration::from_secs(args.timeout.max(1)), ..Options::default() };
            scan::scan_site(url, &opts)
        }
        (None, None) => {
            return Err(seloste::Error::Other("Give the site's address (seloste scan https://example.fi) or a recording (--har FILE).".into()));
        }
    };
    let mut notice = notice;
    if let Some(id) = args.draft {
        let store = super::drafts::open_store(args.db.as_deref())?;
        store.save_scan(id, &scan)?;
        if notice.is_none() {
            notice = Some(store.get(id)?.notice);
        }
    }
    let comparison = notice.as_ref().map(|n| scan::compare(&scan, n));
    let messages: Vec<String> = scan.problems.iter().map(|p| p.message(lang)).collect();
    let text = if args.json {
        let out = Out { scan: &scan, messages, comparison: comparison.as_ref() };
        let mut s = serde_json::to_string_pretty(&out).map_err(|e| seloste::Error::Other(format!("Could not print the scan: {e}.")))?;
        s.push('\n');
        s
    } else {
        human(&scan, &messages, comparison.as_ref(), lang)
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(if scan.pages.is_empty() && !scan.problems.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS })
}


fn human(scan: &Scan, messages: &[String], cmp: Option<&Comparison>, lang: Lang) -> String {
    let mut o = String::new();
    o.push_str(&format!("{} {} ({} {})\n", ui("cli.scan_site", lang), scan.site, scan.pages.len(), ui("cli.scan_pages", lang)));
    o.push_str(&format!("\n{}:\n", ui("cli.scan_services", lang)));
    for f in &scan.services {
        let ev = &f.evidence[0];
        o.push_str(&format!("  {} [{}] — {:?}: {} ({})\n", f.name, f.service, ev.element, ev.id.as_deref().unwrap_or(&ev.detail), ev.page));
    }
    if !scan.cookies.is_empty() {
        o.push_str(&format!("\n{}:\n", ui("cli.scan_cookies", lang)));
        for c in &scan.cookies {
            o.push_str(&format!("  {} — {}\n", c.name, c.service.as_deref().unwrap_or(ui("cli.scan_own_cookie", lang))));
        }
    }
    if !scan.unknown_hosts.is_empty() {
        o.push_str(&format!("\n{}:\n", ui("cli.scan_unknown_hosts", lang)));
        for h in &scan.unknown_hosts {
            o.push_str(&format!("  {} ({})\n", h.host, h.evidence.page));
        }
    }
    if let Some(c) = cmp {
        o.push_str(&format!("\n{}:\n", ui("cli.scan_missing", lang)));
        for m in &c.missing {
            o.push_str(&format!("  {} — {}\n", m.name, m.recipient.name));
        }
        o.push_str(&format!("\n{}:\n", ui("cli.scan_not_found", lang)));
        for n in &c.not_found {
            o.push_str(&format!("  {} ({})\n", n.name, n.path));
        }
    }
    for m in messages {
        o.push_str(&format!("\n! {m}"));
    }
    if !messages.is_empty() {
        o.push('\n');
    }
    o
}
