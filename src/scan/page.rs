//! What one HTML page loads, links to and contains, read with a real HTML parser (html5ever
//! through `scraper`). Scripts are read as text, never run.

use scraper::{Html, Selector};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The element that showed something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Element {
    Script,
    Iframe,
    Img,
    Link,
    Form,
    Embed,
    Media,
    Object,
    /// Code inside a `<script>` (or `<noscript>`) element.
    InlineScript,
    /// A plain link (`<a href>`): loads nothing.
    Anchor,
    /// A `Set-Cookie` header of the site's response.
    SetCookie,
    /// A request in a browser recording (HAR) or an evidence collector's output.
    Request,
    /// A cookie in a browser recording or an evidence collector's output.
    Cookie,
}

/// A page's parts that matter to the scan.
#[derive(Debug, Default)]
pub struct Parts {
    /// Resources the page loads: (element, absolute URL).
    pub loads: Vec<(Element, String)>,
    /// Plain links: absolute URLs.
    pub anchors: Vec<String>,
    /// Inline code of script and noscript elements.
    pub inline: Vec<String>,
}

struct Sel {
    base: Selector,
    loads: Vec<(Element, Selector, &'static str)>,
    anchor: Selector,
    inline: Selector,
}

fn sel() -> &'static Sel {
    static S: OnceLock<Sel> = OnceLock::new();
    S.get_or_init(|| {
        let s = |q: &str| Selector::parse(q).expect("static selector");
        Sel {
            base: s("base[href]"),
            loads: vec![
                (Element::Script, s("script[src]"), "src"),
                (Element::Iframe, s("iframe[src]"), "src"),
                (Element::Img, s("img[src]"), "src"),
                (Element::Link, s("link[href]"), "href"),
                (Element::Form, s("form[action]"), "action"),
                (Element::Embed, s("embed[src]"), "src"),
                (Element::Media, s("video[src], audio[src], source[src], track[src]"), "src"),
                (Element::Object, s("object[data]"), "data"),
            ],
            anchor: s("a[href], area[href]"),
            inline: s("script:not([src]), noscript"),
        }
    })
}

/// Resolve `href` against `base` (an absolute http(s) URL). Only http(s) results are kept.
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_string());
    }
    if lower.contains(':') && !lower.starts_with('/') && lower.find(':') < lower.find(['/', '?', '#']).or(Some(usize::MAX)) {
        return None; // mailto:, tel:, javascript:, data: …
    }
    let scheme_end = base.find("://")? + 3;
    let scheme = &base[..scheme_end - 3];
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let path_start = base[scheme_end..].find('/').map(|i| i + scheme_end).unwrap_or(base.len());
    let origin = &base[..path_start];
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let base_path = &base[path_start..];
    let base_path = base_path.split(['?', '#']).next().unwrap_or("");
    let dir = match base_path.rfind('/') {
        Some(i) => &base_path[..=i],
        None => "/",
    };
    if href.starts_with('?') {
        return Some(format!("{origin}{base_path}{href}"));
    }
    // Normalise ./ and ../ segments.
    let mut segs: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (path, tail) = match href.find(['?', '#']) {
        Some(i) => (&href[..i], &href[i..]),
        None => (href, ""),
    };
    let parts: Vec<&str> = path.split('/').collect();
    for (n, p) in parts.iter().enumerate() {
        match *p {
            "." => {}
            ".." => {
                segs.pop();
            }
            "" if n + 1 < parts.len() => {}
            p => segs.push(p),
        }
    }
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    let mut out = format!("{origin}/{}", segs.join("/"));
    if trailing && !out.ends_with('/') {
        out.push('/');
    }
    out.push_str(tail);
    Some(out)
}

/// Read a page: its loads, links and inline code, URLs made absolute against `url` (or the
/// page's `<base href>`).
pub fn parse(url: &str, html: &str) -> Parts {
    let doc = Html::parse_document(html);
    let s = sel();
    let base = doc
        .select(&s.base)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| resolve(url, h))
        .unwrap_or_else(|| url.to_string());
    let mut parts = Parts::default();
    for (el, q, attr) in &s.loads {
        for e in doc.select(q) {
            if let Some(u) = e.value().attr(attr).and_then(|h| resolve(&base, h)) {
                parts.loads.push((*el, u));
            }
        }
    }
    for e in doc.select(&s.anchor) {
        if let Some(u) = e.value().attr("href").and_then(|h| resolve(&base, h)) {
            parts.anchors.push(u);
        }
    }
    for e in doc.select(&s.inline) {
        let t: String = e.text().collect();
        if !t.trim().is_empty() {
            parts.inline.push(t);
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_resolve() {
        let b = "https://ex.fi/a/b.html?x=1";
        assert_eq!(resolve(b, "c.html").unwrap(), "https://ex.fi/a/c.html");
        assert_eq!(resolve(b, "../d").unwrap(), "https://ex.fi/d");
        assert_eq!(resolve(b, "/e?f#g").unwrap(), "https://ex.fi/e?f#g");
        assert_eq!(resolve(b, "//cdn.x/y.js").unwrap(), "https://cdn.x/y.js");
        assert_eq!(resolve("https://ex.fi", "p").unwrap(), "https://ex.fi/p");
        assert_eq!(resolve(b, "./").unwrap(), "https://ex.fi/a/");
        assert_eq!(resolve(b, "mailto:a@b.fi"), None);
        assert_eq!(resolve(b, "javascript:void(0)"), None);
        assert_eq!(resolve(b, "#top"), None);
    }

    #[test]
    fn parts_of_a_page() {
        let p = parse(
            "https://ex.fi/",
            r#"<html><head><script src="https://www.googletagmanager.com/gtm.js?id=GTM-AB12"></script>
            <script>fbq('init', '123456789');</script></head><body>
            <noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-AB12"></iframe></noscript>
            <iframe src="https://www.youtube.com/embed/abcdefgh"></iframe>
            <a href="https://instagram.com/yritys">Instagram</a><a href="/yhteystiedot">Yhteys</a></body></html>"#,
        );
        assert_eq!(p.loads.len(), 2, "{:?}", p.loads);
        assert_eq!(p.anchors, ["https://instagram.com/yritys", "https://ex.fi/yhteystiedot"]);
        assert_eq!(p.inline.len(), 2);
        assert!(p.inline[1].contains("ns.html?id=GTM-AB12"));
    }
}
