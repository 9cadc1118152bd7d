//! Mapping what a page loads, contains or sets to catalogue services, from the catalogue's
//! `domains`, `script_patterns` and cookie names — no service list of its own.

use crate::catalogue::{Service, ServiceCategory, catalogue};
use regex::Regex;
use std::sync::OnceLock;

/// The compiled recognition data of the catalogue.
pub struct Recogniser {
    /// (service index, pattern)
    patterns: Vec<(usize, Regex)>,
    /// (domain, service index), longest domain first; social accounts apart.
    loads: Vec<(String, usize)>,
    social: Vec<(String, usize)>,
    /// (service index, cookie index, matcher)
    cookies: Vec<(usize, usize, CookieName)>,
}

enum CookieName {
    Exact(String),
    /// `_ga_<container-id>`: a fixed start and end around a varying part.
    Around(String, String),
}

impl CookieName {
    fn new(name: &str) -> CookieName {
        match (name.find('<'), name.rfind('>')) {
            (Some(a), Some(b)) if a < b => CookieName::Around(name[..a].into(), name[b + 1..].into()),
            _ => CookieName::Exact(name.into()),
        }
    }
    fn matches(&self, name: &str) -> bool {
        match self {
            CookieName::Exact(n) => n == name,
            CookieName::Around(a, b) => {
                name.len() > a.len() + b.len() && name.starts_with(a.as_str()) && name.ends_with(b.as_str())
            }
        }
    }
}

/// What recognised a service: the pattern's capture (an account or container ID), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub service: usize,
    pub id: Option<String>,
}

pub fn recogniser() -> &'static Recogniser {
    static R: OnceLock<Recogniser> = OnceLock::new();
    R.get_or_init(|| Recogniser::new(&catalogue().services))
}

/// The host of an absolute http(s) URL, lower case, without port or credentials.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let auth = &rest[..end];
    let hostport = auth.rsplit('@').next().unwrap_or(auth);
    let host = if hostport.starts_with('[') {
        hostport.split(']').next().map(|h| format!("{h}]"))?
    } else {
        hostport.split(':').next()?.to_string()
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// Is `host` the domain `d` or a subdomain of it?
pub fn under(host: &str, d: &str) -> bool {
    host == d || (host.len() > d.len() && host.ends_with(d) && host.as_bytes()[host.len() - d.len() - 1] == b'.')
}

impl Recogniser {
    fn new(services: &[Service]) -> Recogniser {
        let mut patterns = Vec::new();
        let mut loads = Vec::new();
        let mut social = Vec::new();
        let mut cookies = Vec::new();
        for (i, s) in services.iter().enumerate() {
            for p in &s.script_patterns {
                // The catalogue test keeps every pattern valid; a bad one is skipped, not fatal.
                if let Ok(re) = Regex::new(p) {
                    patterns.push((i, re));
                }
            }
            let to = if s.category == ServiceCategory::Social { &mut social } else { &mut loads };
            to.extend(s.domains.iter().map(|d| (d.clone(), i)));
            for (c, k) in s.cookies.iter().enumerate() {
                cookies.push((i, c, CookieName::new(&k.name)));
            }
        }
        loads.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        social.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        Recogniser { patterns, loads, social, cookies }
    }

    /// Services whose patterns occur in `text` (inline code, or a URL).
    pub fn patterns(&self, text: &str) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        for (i, re) in &self.patterns {
            if let Some(c) = re.captures(text) {
                let id = c.get(1).map(|m| m.as_str().to_string());
                if !out.iter().any(|h| h.service == *i && h.id == id) {
                    out.push(Hit { service: *i, id });
                }
            }
        }
        // A hit that names an ID is the better evidence: drop the same service's bare hits.
        let with_id: Vec<usize> = out.iter().filter(|h| h.id.is_some()).map(|h| h.service).collect();
        out.retain(|h| h.id.is_some() || !with_id.contains(&h.service));
        out
    }

    /// The service a loaded resource (script, iframe, image, style, form target, request)
    /// belongs to: a pattern on the URL first, then the most specific domain.
    pub fn resource(&self, url: &str) -> Option<Hit> {
        if let Some(h) = self.patterns(url).into_iter().next() {
            return Some(h);
        }
        let host = host_of(url)?;
        self.loads
            .iter()
            .find(|(d, _)| under(&host, d))
            .map(|&(_, i)| Hit { service: i, id: None })
    }

    /// The social account a plain link points to (a link loads nothing and tracks no one).
    pub fn link(&self, url: &str) -> Option<usize> {
        let host = host_of(url)?;
        self.social.iter().find(|(d, _)| under(&host, d)).map(|&(_, i)| i)
    }

    /// The service and catalogue cookie a cookie name belongs to; exact names before patterns.
    pub fn cookie(&self, name: &str) -> Option<(usize, usize)> {
        let exact = self
            .cookies
            .iter()
            .find(|(_, _, m)| matches!(m, CookieName::Exact(n) if n == name));
        exact
            .or_else(|| self.cookies.iter().find(|(_, _, m)| m.matches(name)))
            .map(|&(s, c, _)| (s, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_domains() {
        assert_eq!(host_of("https://www.Example.fi:8443/a?b").as_deref(), Some("www.example.fi"));
        assert_eq!(host_of("//cdn.x.com/y.js").as_deref(), Some("cdn.x.com"));
        assert_eq!(host_of("http://u:p@127.0.0.1:80/").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_of("/relative"), None);
        assert!(under("www.googletagmanager.com", "googletagmanager.com"));
        assert!(!under("notgoogletagmanager.com", "googletagmanager.com"));
    }

    #[test]
    fn cookie_names_with_a_varying_part() {
        let r = recogniser();
        let key = |n: &str| r.cookie(n).map(|(s, _)| catalogue().services[s].key.as_str());
        assert_eq!(key("_ga"), Some("google_analytics"));
        assert_eq!(key("_ga_ABC123"), Some("google_analytics"));
        assert_eq!(key("_fbp"), Some("meta_pixel"));
        assert_eq!(key("PHPSESSID_nothing"), None);
    }
}
