//! A scan set against the notice: what the site uses that the notice does not name (with what
//! adding it brings from the catalogue), what the notice names that the site did not show (a
//! question: it may load only after consent, or on a page not read), and third-party hosts
//! the catalogue does not know.

use super::{Evidence, Scan, UnknownHost};
use crate::catalogue::{self, Service};
use crate::model::{Cookie, Notice, Recipient};
use crate::text::Text;
use serde::Serialize;
use std::collections::HashSet;

/// A service found on the site that the notice does not name.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    pub service: String,
    pub name: String,
    pub evidence: Vec<Evidence>,
    /// What adding it puts in the notice: the recipient (role, country, transfer basis) …
    pub recipient: Recipient,
    /// … and its cookies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<Cookie>,
    /// The provider is itself a controller of some data (payment institutions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_controller: Option<Text>,
    /// Where the data is processed, when the country alone would mislead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processing: Option<Text>,
}

/// A service the notice names that the scan did not see.
#[derive(Debug, Clone, Serialize)]
pub struct NotFound {
    pub service: String,
    pub name: String,
    /// Where the notice names it (JSON Pointer).
    pub path: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Comparison {
    pub missing: Vec<Missing>,
    pub not_found: Vec<NotFound>,
    pub unknown_hosts: Vec<UnknownHost>,
}

/// Can a scan see this service at all (does it show on a website)?
fn visible(s: &Service) -> bool {
    !s.domains.is_empty() || !s.script_patterns.is_empty() || !s.cookies.is_empty()
}

/// The catalogue services a notice names: recipients and cookies by key, and recipients
/// known only by name recognised in the name. With the JSON Pointer of the first mention.
pub fn named_in(notice: &Notice) -> Vec<(&'static Service, String)> {
    let mut out: Vec<(&'static Service, String)> = Vec::new();
    let mut push = |s: &'static Service, path: String| {
        if !out.iter().any(|(x, _)| x.key == s.key) {
            out.push((s, path));
        }
    };
    for (i, r) in notice.recipients.items.iter().enumerate() {
        let path = format!("/recipients/items/{i}");
        match catalogue::service(&r.key) {
            Some(s) => push(s, path),
            None => {
                for s in catalogue::find_services(&r.name) {
                    push(s, path.clone());
                }
            }
        }
    }
    for (i, c) in notice.cookies.items.iter().enumerate() {
        if let Some(s) = catalogue::service(&c.key) {
            push(s, format!("/cookies/items/{i}"));
        }
    }
    out
}

/// Compare a scan with the notice.
pub fn compare(scan: &Scan, notice: &Notice) -> Comparison {
    let named = named_in(notice);
    let named_keys: HashSet<&str> = named.iter().map(|(s, _)| s.key.as_str()).collect();
    let found: HashSet<&str> = scan.services.iter().map(|f| f.service.as_str()).collect();
    let missing = scan
        .services
        .iter()
        .filter(|f| !named_keys.contains(f.service.as_str()))
        .filter_map(|f| catalogue::service(&f.service).map(|s| (f, s)))
        .map(|(f, s)| Missing {
            service: s.key.clone(),
            name: s.name.clone(),
            evidence: f.evidence.clone(),
            recipient: s.to_recipient(),
            cookies: s.to_cookies(),
            own_controller: s.own_controller.clone(),
            processing: s.processing.clone(),
        })
        .collect();
    let not_found = named
        .iter()
        .filter(|(s, _)| visible(s) && !found.contains(s.key.as_str()))
        .map(|(s, path)| NotFound { service: s.key.clone(), name: s.name.clone(), path: path.clone() })
        .collect();
    Comparison { missing, not_found, unknown_hosts: scan.unknown_hosts.clone() }
}

/// Add a service the scan found to the notice, in one step: its recipient (role, country,
/// transfer basis, from the catalogue) and, if it sets any, its cookies — the same clauses the
/// wizard's pickers add. A service already named stays as it is.
pub fn add_service(notice: &Notice, key: &str) -> crate::Result<Notice> {
    let s = catalogue::service(key)
        .ok_or_else(|| crate::Error::Other(format!("The catalogue has no service \"{}\".", crate::text::clip(key))))?;
    let mut n = crate::wizard::toggle_pick(notice, "recipients", &s.key, true)?;
    if !s.cookies.is_empty() {
        n = crate::wizard::toggle_pick(&n, "cookies", &s.key, true)?;
    }
    Ok(n)
}
