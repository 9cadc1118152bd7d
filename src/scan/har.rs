//! Browser recordings: a HAR file (any browser's developer tools, "Save all as HAR") or the
//! JSON output of the EDPS Website Evidence Collector. Every request host and every cookie is
//! mapped like a scan's; this catches what scripts load after consent.

use super::{Collector, Element, Evidence, Scan, ScanError, cookie_name, same_site, site_of};
use super::recognise::host_of;
use serde_json::Value;

/// The largest recording read.
pub const MAX_BYTES: usize = 100_000_000;

/// Read a HAR or Website Evidence Collector file.
pub fn import(bytes: &[u8]) -> Result<Scan, ScanError> {
    import_limited(bytes, MAX_BYTES)
}

/// `import` with another size limit.
pub fn import_limited(bytes: &[u8], max: usize) -> Result<Scan, ScanError> {
    if bytes.len() > max {
        return Err(ScanError::HarTooLarge { limit_mb: (max / 1_000_000) as u64 });
    }
    let v: Value = serde_json::from_slice(bytes).map_err(|e| ScanError::BadHar { detail: e.to_string() })?;
    if v.get("log").is_some() {
        har(&v)
    } else if v.get("uri_ins").is_some() || v.get("beacons").is_some() {
        wec(&v)
    } else {
        Err(ScanError::BadHar { detail: "it has neither a HAR \"log\" nor the collector's \"uri_ins\"".into() })
    }
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn har(v: &Value) -> Result<Scan, ScanError> {
    let log = &v["log"];
    let entries = log.get("entries").and_then(Value::as_array).ok_or_else(|| ScanError::BadHar {
        detail: "the \"log\" has no \"entries\" list".into(),
    })?;
    // The site: the first page's address, else the first request's.
    let first_page = arr(log, "pages").first().map(|p| s(p, "title").to_string());
    let first = first_page
        .filter(|t| host_of(t).is_some())
        .or_else(|| entries.first().map(|e| s(&e["request"], "url").to_string()))
        .unwrap_or_default();
    let Some(host) = host_of(&first) else {
        return Err(ScanError::BadHar { detail: "no request has a web address".into() });
    };
    let site = site_of(&host);
    let mut c = Collector::new(&site);
    for e in entries {
        let url = s(&e["request"], "url");
        let Some(h) = host_of(url) else { continue };
        let page = first.clone();
        c.load(&page, Element::Request, url);
        let third = !same_site(&h, &site);
        // Cookies the browser sent to the site (set by its scripts) and cookies set in answers.
        for k in arr(&e["request"], "cookies") {
            let ev = Evidence { page: url.into(), element: Element::Cookie, detail: s(k, "name").into(), id: None };
            c.cookie(s(k, "name"), ev, third);
        }
        let resp = &e["response"];
        for k in arr(resp, "cookies") {
            let ev = Evidence { page: url.into(), element: Element::Cookie, detail: s(k, "name").into(), id: None };
            c.cookie(s(k, "name"), ev, third);
        }
        for hd in arr(resp, "headers") {
            if s(hd, "name").eq_ignore_ascii_case("set-cookie") {
                // Some browsers join several cookies with newlines.
                for line in s(hd, "value").lines() {
                    let ev = Evidence { page: url.into(), element: Element::SetCookie, detail: line.chars().take(120).collect(), id: None };
                    c.cookie(cookie_name(line), ev, third);
                }
            }
        }
        let content = &resp["content"];
        if !third && s(content, "mimeType").starts_with("text/html") {
            let text = s(content, "text");
            if !text.is_empty() && s(content, "encoding").is_empty() {
                c.page(url, text);
            }
        }
    }
    Ok(c.finish())
}

fn wec(v: &Value) -> Result<Scan, ScanError> {
    let start = s(v, "uri_ins");
    let start = if start.is_empty() { s(v, "uri_refs") } else { start };
    let host = host_of(start)
        .or_else(|| arr(v, "beacons").iter().find_map(|b| host_of(s(b, "url"))))
        .ok_or_else(|| ScanError::BadHar { detail: "it names no inspected address (uri_ins)".into() })?;
    let site = site_of(&host);
    let mut c = Collector::new(&site);
    for b in arr(v, "beacons") {
        c.load(start, Element::Request, s(b, "url"));
    }
    if let Some(hosts) = v.pointer("/hosts/requests/thirdParty").and_then(Value::as_array) {
        for h in hosts.iter().filter_map(Value::as_str) {
            c.load(start, Element::Request, &format!("https://{h}/"));
        }
    }
    for k in arr(v, "cookies") {
        let domain = s(k, "domain").trim_start_matches('.');
        let third = !domain.is_empty() && !same_site(domain, &site);
        let ev = Evidence { page: start.into(), element: Element::Cookie, detail: format!("{} ({domain})", s(k, "name")), id: None };
        c.cookie(s(k, "name"), ev, third);
    }
    let mut scan = c.finish();
    if !start.is_empty() {
        scan.pages.push(start.to_string());
    }
    Ok(scan)
}
