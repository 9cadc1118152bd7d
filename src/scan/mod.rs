//! "See what the website really does": find the services and cookies on the owner's own site.
//!
//! - `scan_site` crawls the start page and same-site links (`fetch`, `page`) and recognises
//!   catalogue services from what the pages load, link to and contain, and from the cookies the
//!   server sets (`recognise`). Scripts are parsed as text and never run; nothing is sent
//!   anywhere but to the site itself.
//! - `har::import` reads a browser recording (HAR) or the EDPS Website Evidence Collector's
//!   JSON and maps every request host and cookie the same way.
//! - `compare` sets a scan against a notice; `declaration` writes the cookie table and the
//!   banner wording.
//!
//! Bad input never stops the scan: each page's problem becomes a `Problem` (one sentence in
//! fi/sv/en, `ScanError::message`) and what was found so far is kept.

pub mod compare;
pub mod declaration;
mod fetch;
pub mod har;
pub mod page;
pub mod recognise;
pub mod rule;

pub use compare::{Comparison, add_service, compare};
pub use fetch::USER_AGENT;
pub use page::Element;

use crate::catalogue::{self, catalogue};
use crate::text::{Lang, Text};
use recognise::{host_of, recogniser};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Why a page (or a recording) could not be read. Messages are whole sentences; the
/// three-language versions come from `src/data/scan.json` (`message`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ScanError {
    #[error("Could not connect to {url} ({detail}).")]
    Unreachable { url: String, detail: String },
    #[error("The server of {url} was not found.")]
    Dns { url: String },
    #[error("The HTTPS certificate of {url} could not be verified.")]
    Tls { url: String },
    #[error("The page {url} did not answer in time.")]
    Timeout { url: String },
    #[error("The page {url} answered with error {status}.")]
    Status { url: String, status: u16 },
    #[error("The page {url} redirects in a loop.")]
    RedirectLoop { url: String },
    #[error("The page {url} redirects to another site ({to}).")]
    OffSite { url: String, to: String },
    #[error("The address {url} is not a web page ({content_type}).")]
    NotHtml { url: String, content_type: String },
    #[error("The page {url} is larger than {limit_mb} MB.")]
    TooLarge { url: String, limit_mb: u64 },
    #[error("\"{url}\" is not a web address.")]
    BadUrl { url: String },
    #[error("The file is not a readable HAR or Website Evidence Collector output: {detail}.")]
    BadHar { detail: String },
    #[error("The recording is larger than {limit_mb} MB.")]
    HarTooLarge { limit_mb: u64 },
    #[error("The check was cancelled.")]
    Cancelled,
    #[error("The check stopped after reading {limit_mb} MB of pages.")]
    ByteCap { limit_mb: u64 },
}

#[derive(Deserialize)]
struct ScanTexts {
    /// How the checker's scan findings name the scan they come from.
    findings: HashMap<String, Text>,
    messages: HashMap<String, Text>,
    declaration: HashMap<String, Text>,
    banner: declaration::BannerTexts,
}

fn texts() -> &'static ScanTexts {
    static T: OnceLock<ScanTexts> = OnceLock::new();
    T.get_or_init(|| {
        crate::data::embedded!("scan")
    })
}

impl ScanError {
    /// A stable identifier, e.g. `redirect_loop`.
    pub fn code(&self) -> &'static str {
        match self {
            ScanError::Unreachable { .. } => "unreachable",
            ScanError::Dns { .. } => "dns",
            ScanError::Tls { .. } => "tls",
            ScanError::Timeout { .. } => "timeout",
            ScanError::Status { .. } => "status",
            ScanError::RedirectLoop { .. } => "redirect_loop",
            ScanError::OffSite { .. } => "off_site",
            ScanError::NotHtml { .. } => "not_html",
            ScanError::TooLarge { .. } => "too_large",
            ScanError::BadUrl { .. } => "bad_url",
            ScanError::BadHar { .. } => "bad_har",
            ScanError::HarTooLarge { .. } => "har_too_large",
            ScanError::Cancelled => "cancelled",
            ScanError::ByteCap { .. } => "byte_cap",
        }
    }

    /// The problem as one sentence in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = texts()
            .messages
            .get(self.code())
            .and_then(|t| t.get(lang))
            .map(str::to_string)
            .unwrap_or_else(|| self.to_string());
        let (url, detail, status, to, ct, mb) = match self {
            ScanError::Unreachable { url, detail } => (url.as_str(), detail.as_str(), 0, "", "", 0),
            ScanError::Dns { url } | ScanError::Tls { url } | ScanError::Timeout { url } => (url.as_str(), "", 0, "", "", 0),
            ScanError::RedirectLoop { url } | ScanError::BadUrl { url } => (url.as_str(), "", 0, "", "", 0),
            ScanError::Status { url, status } => (url.as_str(), "", *status, "", "", 0),
            ScanError::OffSite { url, to } => (url.as_str(), "", 0, to.as_str(), "", 0),
            ScanError::NotHtml { url, content_type } => (url.as_str(), "", 0, "", content_type.as_str(), 0),
            ScanError::TooLarge { url, limit_mb } => (url.as_str(), "", 0, "", "", *limit_mb),
            ScanError::BadHar { detail } => ("", detail.as_str(), 0, "", "", 0),
            ScanError::HarTooLarge { limit_mb } | ScanError::ByteCap { limit_mb } => ("", "", 0, "", "", *limit_mb),
            ScanError::Cancelled => ("", "", 0, "", "", 0),
        };
        t.replace("{url}", url)
            .replace("{detail}", detail)
            .replace("{status}", &status.to_string())
            .replace("{to}", to)
            .replace("{content_type}", ct)
            .replace("{limit_mb}", &mb.to_string())
    }
}

/// Where a finding was seen: the page (or recording), the element or header, and what it
/// said (a URL, a piece of code, a cookie name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub page: String,
    pub element: Element,
    pub detail: String,
    /// An account, container or measurement ID the evidence carries (e.g. `GTM-AB12CD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A catalogue service found on the site.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Found {
    pub service: String,
    pub name: String,
    pub evidence: Vec<Evidence>,
}

/// A cookie the site (or a recording) set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeenCookie {
    pub name: String,
    /// The catalogue service it belongs to; `None`: the site's own or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// A service whose cookie has this (common) name, not otherwise seen on the site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maybe: Option<String>,
    pub evidence: Evidence,
}

/// A third-party host the site loads from that the catalogue does not know.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnknownHost {
    pub host: String,
    pub evidence: Evidence,
}

/// The result of a scan or an imported recording. Stored as JSON with its draft
/// (`Store::save_scan`), so the checker can use the last one (`check::check_with_scan`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Scan {
    /// The site's host, without `www.`.
    pub site: String,
    /// When the scan ran (or the recording was read): UTC, RFC 3339 with milliseconds.
    #[serde(default)]
    pub scanned_at: String,
    /// The local calendar date of the scan, `YYYY-MM-DD`: the date findings quote.
    #[serde(default)]
    pub date: String,
    /// The pages read.
    #[serde(default)]
    pub pages: Vec<String>,
    #[serde(default)]
    pub services: Vec<Found>,
    #[serde(default)]
    pub cookies: Vec<SeenCookie>,
    #[serde(default)]
    pub unknown_hosts: Vec<UnknownHost>,
    #[serde(default)]
    pub problems: Vec<ScanError>,
    #[serde(default)]
    pub cancelled: bool,
}

impl Scan {
    /// Stamp the scan with the present moment (`scanned_at`, `date`).
    pub(crate) fn stamped(mut self) -> Scan {
        self.scanned_at = crate::store::now();
        self.date = crate::store::today();
        self
    }
}

/// A scan as the app shows it: the scan, its comparison with the notice, and its problems as
/// sentences in the UI language.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scan: Scan,
    pub comparison: Comparison,
    pub messages: Vec<String>,
}

/// Set `scan` against `notice`, messages in `lang`.
pub fn report(scan: Scan, notice: &crate::model::Notice, lang: Lang) -> Report {
    let comparison = compare(&scan, notice);
    let messages = scan.problems.iter().map(|p| p.message(lang)).collect();
    Report { scan, comparison, messages }
}

/// A scan saved as JSON: a `Scan`, or the output of `seloste scan --json` (`{"scan": …}`).
pub fn from_json(text: &str) -> Result<Scan, serde_json::Error> {
    let v: serde_json::Value = serde_json::from_str(text)?;
    match v.get("scan") {
        Some(inner) if v.get("site").is_none() => serde_json::from_value(inner.clone()),
        _ => serde_json::from_value(v),
    }
}

/// Limits of a scan.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_pages: usize,
    /// Bytes read from all pages together.
    pub max_total_bytes: u64,
    /// Bytes read from one page.
    pub max_page_bytes: u64,
    /// Time limit of each request.
    pub timeout: Duration,
    /// Set to stop the scan between requests.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_pages: 25,
            max_total_bytes: 30_000_000,
            max_page_bytes: 5_000_000,
            timeout: Duration::from_secs(10),
            cancel: None,
        }
    }
}

/// How many pieces of evidence a finding keeps (the first ones seen).
const EVIDENCE_KEPT: usize = 5;

/// Collects findings page by page.
#[derive(Default)]
pub(crate) struct Collector {
    scan: Scan,
    /// service index → position in scan.services
    found: HashMap<usize, usize>,
    hosts: HashSet<String>,
    cookies: HashSet<String>,
    /// Cookie names waiting for the end: (name, evidence, third party?)
    raw_cookies: Vec<(String, Evidence, bool)>,
}

/// The site a host belongs to: the host without a leading `www.`.
pub fn site_of(host: &str) -> String {
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// Is `host` on the site `site` (the site itself, `www.` or another subdomain)?
pub fn same_site(host: &str, site: &str) -> bool {
    recognise::under(host, site)
}

impl Collector {
    pub(crate) fn new(site: &str) -> Collector {
        Collector { scan: Scan { site: site.to_string(), ..Scan::default() }, ..Collector::default() }
    }

    fn add(&mut self, service: usize, ev: Evidence) {
        let s = &catalogue().services[service];
        let pos = *self.found.entry(service).or_insert_with(|| {
            self.scan.services.push(Found { service: s.key.clone(), name: s.name.clone(), evidence: Vec::new() });
            self.scan.services.len() - 1
        });
        let f = &mut self.scan.services[pos];
        if f.evidence.len() < EVIDENCE_KEPT && !f.evidence.contains(&ev) {
            f.evidence.push(ev);
        }
    }

    /// A resource loaded by `page`.
    pub(crate) fn load(&mut self, page: &str, element: Element, url: &str) {
        let Some(host) = host_of(url) else { return };
        let r = recogniser();
        if same_site(&host, &self.scan.site) {
            // Self-hosted software shows in its paths (e.g. /wp-content/, matomo.js).
            for h in r.patterns(url) {
                self.add(h.service, Evidence { page: page.into(), element, detail: url.into(), id: h.id });
            }
            return;
        }
        match r.resource(url) {
            Some(h) => self.add(h.service, Evidence { page: page.into(), element, detail: url.into(), id: h.id }),
            None => {
                if self.hosts.insert(host.clone()) {
                    self.scan.unknown_hosts.push(UnknownHost {
                        host,
                        evidence: Evidence { page: page.into(), element, detail: url.into(), id: None },
                    });
                }
            }
        }
    }

    /// Code inside a page.
    pub(crate) fn inline(&mut self, page: &str, code: &str) {
        for h in recogniser().patterns(code) {
            let detail = h.id.clone().unwrap_or_else(|| snippet(code, &catalogue().services[h.service].key));
            self.add(h.service, Evidence { page: page.into(), element: Element::InlineScript, detail, id: h.id });
        }
    }

    /// A plain link: only a social account is recognised; a link loads nothing.
    pub(crate) fn anchor(&mut self, page: &str, url: &str) {
        let Some(host) = host_of(url) else { return };
        if same_site(&host, &self.scan.site) {
            return;
        }
        if let Some(s) = recogniser().link(url) {
            self.add(s, Evidence { page: page.into(), element: Element::Anchor, detail: url.into(), id: None });
        }
    }

    /// A cookie set by the site's own server (`third_party` false) or by another host.
    pub(crate) fn cookie(&mut self, name: &str, ev: Evidence, third_party: bool) {
        if !name.is_empty() && self.cookies.insert(name.to_string()) {
            self.raw_cookies.push((name.to_string(), ev, third_party));
        }
    }

    /// Everything in one HTML page.
    pub(crate) fn page(&mut self, url: &str, html: &str) -> Vec<String> {
        let parts = page::parse(url, html);
        for (el, u) in &parts.loads {
            self.load(url, *el, u);
        }
        for code in &parts.inline {
            self.inline(url, code);
        }
        for a in &parts.anchors {
            self.anchor(url, a);
        }
        self.scan.pages.push(url.to_string());
        parts.anchors
    }

    /// Attribute cookies and drop superseded services.
    pub(crate) fn finish(mut self) -> Scan {
        let r = recogniser();
        let services = &catalogue().services;
        for (name, ev, third_party) in std::mem::take(&mut self.raw_cookies) {
            let hit = r.cookie(&name).map(|(s, _)| s);
            // A name alone tells whose cookie it is only when it is distinctive (the `_ga`,
            // `_fbp` style) or set by another host, or the service shows elsewhere on the site;
            // a common name ("cart", "uid") set by the site's own server may be its own.
            let sure = hit.filter(|s| third_party || name.starts_with('_') || self.found.contains_key(s));
            if let Some(s) = sure {
                self.add(s, ev.clone());
            }
            self.scan.cookies.push(SeenCookie {
                name,
                service: sure.map(|s| services[s].key.clone()),
                maybe: if sure.is_none() { hit.map(|s| services[s].key.clone()) } else { None },
                evidence: ev,
            });
        }
        let superseded: HashSet<String> = self
            .scan
            .services
            .iter()
            .filter_map(|f| catalogue::service(&f.service))
            .flat_map(|s| s.supersedes.iter().cloned())
            .collect();
        self.scan.services.retain(|f| !superseded.contains(&f.service));
        self.scan.stamped()
    }
}

/// A short piece of code around the first mention of a service, for evidence.
fn snippet(code: &str, _key: &str) -> String {
    let t: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = t.chars().take(100).collect();
    if t.chars().count() > 100 {
        s.push('…');
    }
    s
}

/// The name of a `Set-Cookie` header's cookie.
pub fn cookie_name(set_cookie: &str) -> &str {
    set_cookie.split(';').next().and_then(|kv| kv.split('=').next()).unwrap_or("").trim()
}

/// Links worth following: same site, a page rather than a file, without the fragment.
fn follow(url: &str, site: &str) -> Option<String> {
    let host = host_of(url)?;
    if !same_site(&host, site) {
        return None;
    }
    let url = url.split('#').next()?;
    let path = url.split('?').next()?.to_ascii_lowercase();
    const FILES: &[&str] = &[
        ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".zip", ".doc", ".docx", ".xls",
        ".xlsx", ".ppt", ".pptx", ".mp3", ".mp4", ".mov", ".avi", ".css", ".js", ".xml", ".json",
        ".ics", ".txt", ".rtf", ".odt",
    ];
    if FILES.iter().any(|e| path.ends_with(e)) || path.contains("/wp-json/") || path.contains("/feed") {
        return None;
    }
    Some(url.to_string())
}

/// Normalise what the owner typed into a start URL.
fn start_url(input: &str) -> Result<(String, String), ScanError> {
    let t = input.trim();
    let url = if t.contains("://") { t.to_string() } else { format!("https://{t}") };
    let lower = url.to_ascii_lowercase();
    let host = host_of(&url).filter(|h| h.contains('.') || h == "localhost");
    match host {
        Some(h) if lower.starts_with("http://") || lower.starts_with("https://") => {
            let url = if url[url.find("://").unwrap() + 3..].contains('/') { url } else { format!("{url}/") };
            Ok((url, site_of(&h)))
        }
        _ => Err(ScanError::BadUrl { url: input.to_string() }),
    }
}

/// Scan a site: the start page and same-site links, within `opts`' limits.
pub fn scan_site(start: &str, opts: &Options) -> Scan {
    let (start, site) = match start_url(start) {
        Ok(x) => x,
        Err(e) => return Scan { problems: vec![e], ..Scan::default() }.stamped(),
    };
    let client = fetch::Client::new(opts.timeout);
    let mut c = Collector::new(&site);
    let mut queue: VecDeque<String> = VecDeque::from([start.clone()]);
    let mut seen: HashSet<String> = HashSet::from([start]);
    let mut total: u64 = 0;
    let cancelled = || opts.cancel.as_ref().is_some_and(|f| f.load(Ordering::Relaxed));
    let mut first = true;
    while let Some(url) = queue.pop_front() {
        if c.scan.pages.len() >= opts.max_pages {
            break;
        }
        if cancelled() {
            c.scan.cancelled = true;
            c.scan.problems.push(ScanError::Cancelled);
            break;
        }
        if total >= opts.max_total_bytes {
            c.scan.problems.push(ScanError::ByteCap { limit_mb: opts.max_total_bytes / 1_000_000 });
            break;
        }
        let limit = opts.max_page_bytes.min(opts.max_total_bytes - total);
        match fetch_page(&client, &url, &site, limit, &mut c, first) {
            Ok(Some((final_url, body))) => {
                total += body.len() as u64;
                let html = String::from_utf8_lossy(&body);
                for a in c.page(&final_url, &html) {
                    if let Some(next) = follow(&a, &site) {
                        if seen.insert(next.clone()) {
                            queue.push_back(next);
                        }
                    }
                }
            }
            Ok(None) => {}
            Err(e) => c.scan.problems.push(e),
        }
        first = false;
    }
    c.finish()
}

/// Fetch one page, following redirects within the site. `Ok(None)`: not a page worth reading
/// (a file behind a link).
fn fetch_page(
    client: &fetch::Client,
    url: &str,
    site: &str,
    limit: u64,
    c: &mut Collector,
    start: bool,
) -> Result<Option<(String, Vec<u8>)>, ScanError> {
    const MAX_REDIRECTS: usize = 10;
    let mut chain: Vec<String> = vec![url.to_string()];
    let mut cur = url.to_string();
    loop {
        let resp = client.get(&cur, limit)?;
        for h in &resp.set_cookies {
            let name = cookie_name(h);
            let ev = Evidence { page: cur.clone(), element: Element::SetCookie, detail: h.chars().take(120).collect(), id: None };
            c.cookie(name, ev, false);
        }
        if (300..400).contains(&resp.status) {
            let Some(next) = resp.location.as_deref().and_then(|l| page::resolve(&cur, l)) else {
                return Err(ScanError::Status { url: cur, status: resp.status });
            };
            let host = host_of(&next).unwrap_or_default();
            if !same_site(&host, site) {
                return Err(ScanError::OffSite { url: url.to_string(), to: next });
            }
            if chain.contains(&next) || chain.len() > MAX_REDIRECTS {
                return Err(ScanError::RedirectLoop { url: url.to_string() });
            }
            chain.push(next.clone());
            cur = next;
            continue;
        }
        if resp.status >= 400 {
            return Err(ScanError::Status { url: cur, status: resp.status });
        }
        if !fetch::is_html(&resp.content_type) {
            return if start {
                Err(ScanError::NotHtml { url: cur, content_type: resp.content_type })
            } else {
                Ok(None)
            };
        }
        return Ok(Some((cur, resp.body)));
    }
}

/// Read pages already in memory (`(url, html)`), as a scan would: for recordings, tests and
/// measuring the scan's own work apart from the network.
pub fn analyse_pages(site: &str, pages: &[(String, String)]) -> Scan {
    let mut c = Collector::new(&site_of(site));
    for (url, html) in pages {
        c.page(url, html);
    }
    c.finish()
}

impl Scan {
    /// The keys of the services found.
    pub fn service_keys(&self) -> Vec<&str> {
        self.services.iter().map(|f| f.service.as_str()).collect()
    }
}
