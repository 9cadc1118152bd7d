//! The checker's rules that use the last scan of the website: services and cookies the site
//! uses that the notice does not declare, services the notice names that the scan did not see,
//! and hosts nobody knows. Texts: the `scan_rules` block of `src/data/rules.json`.

use super::{Scan, compare};
use crate::check::{Finding, Rule};
use crate::model::Notice;
use crate::text::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct File {
    scan_rules: Vec<Rule>,
}

/// The scan rules, in the order of `rules.json`.
pub fn rules() -> &'static [Rule] {
    static R: OnceLock<Vec<Rule>> = OnceLock::new();
    R.get_or_init(|| {
        let f: File = crate::data::embedded!("rules");
        f.scan_rules
    })
}

/// "Website check of 30 November 2026: " — the start of every scan finding, so the owner
/// knows how old the evidence is. Empty for a scan without a date.
fn dated(scan: &Scan, lang: Lang) -> String {
    let date = if scan.date.is_empty() { scan.scanned_at.get(..10).unwrap_or("") } else { scan.date.as_str() };
    if date.is_empty() {
        return String::new();
    }
    super::texts()
        .findings
        .get("dated")
        .and_then(|t| t.get(lang))
        .map(|t| format!("{} ", t.replace("{date}", &crate::document::format_date(date, lang))))
        .unwrap_or_default()
}

fn finding(id: &str, lang: Lang, path: &str, vars: &[(&str, &str)]) -> Finding {
    let r = rules().iter().find(|r| r.id == id).unwrap_or_else(|| panic!("scan rule {id} missing"));
    let fill = |t: &crate::text::Text| {
        let mut s = t.resolve(lang).map(|(s, _)| s.to_string()).unwrap_or_default();
        for (k, v) in vars {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    };
    Finding {
        rule: r.id.clone(),
        severity: r.severity,
        message: fill(&r.message),
        fix: fill(&r.fix),
        law: fill(&r.law),
        path: path.to_string(),
    }
}

/// Findings about `notice` from the last `scan` of its website, messages in `lang`.
pub fn check_with_scan(notice: &Notice, scan: &Scan, lang: Lang) -> Vec<Finding> {
    let c = compare(scan, notice);
    let mut out = Vec::new();
    let date = dated(scan, lang);
    for m in &c.missing {
        out.push(finding("scan.not_in_notice", lang, "/recipients", &[("service", &m.recipient.name)]));
    }
    for n in &c.not_found {
        out.push(finding("scan.not_found", lang, &n.path, &[("service", &n.name)]));
    }
    let declared: Vec<&str> = notice.cookies.items.iter().map(|k| k.name.as_str()).collect();
    let declared_match = |name: &str| {
        declared.iter().any(|d| match (d.find('<'), d.rfind('>')) {
            (Some(a), Some(b)) if a < b => name.starts_with(&d[..a]) && name.ends_with(&d[b + 1..]),
            _ => *d == name,
        })
    };
    for k in scan.cookies.iter().filter(|k| !declared_match(&k.name)) {
        out.push(finding("scan.cookie_not_declared", lang, "/cookies", &[("cookie", &k.name)]));
    }
    for h in &c.unknown_hosts {
        out.push(finding("scan.unknown_host", lang, "/recipients", &[("host", &h.host)]));
    }
    for f in &mut out {
        f.message.insert_str(0, &date);
    }
    out
}
