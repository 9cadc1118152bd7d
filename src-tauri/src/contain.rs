//! Keeping the window the app's own: navigation is allowed only to the app's origin, links
//! in the live preview go to the system browser (http, https and mailto only, after a click),
//! and the preview HTML is cut down to the tags and attributes the notice templates emit
//! before the webview sees it, so nothing in owner text (a `<meta http-equiv=refresh>`, an
//! `<iframe>`, an event handler) could ever act — even if the core's escaping failed.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use tauri::Url;

/// Is `url` the app's own page? `tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows. Everything else is refused by the navigation guard.
pub fn is_app_origin(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The schemes a preview link may open in the system's own program.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// A link the user clicked, if it may go to the system browser or mail program: an absolute
/// http, https or mailto URL (its normalised form), nothing else.
pub fn external_link(href: &str) -> Option<String> {
    let url = Url::parse(href.trim()).ok()?;
    if !LINK_SCHEMES.contains(&url.scheme()) {
        return None;
    }
    if url.scheme() != "mailto" && url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    Some(url.to_string())
}

/// The tags the notice templates emit (templates/macros.html and fragment.html) and the
/// attributes each may carry. A test below renders every starting point and checks the
/// templates use nothing else, so this list cannot silently fall behind them.
const TAGS: &[&str] = &[
    "section", "div", "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "strong", "ul", "li", "dl",
    "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a",
];
const GENERIC_ATTRIBUTES: &[&str] = &["class", "lang", "id"];

/// A link within the notice (`#seloste-purposes`) is kept; any other relative URL is removed.
fn same_notice_anchor(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    (url.starts_with("#seloste-") && seloste::document::is_safe_href(url))
        .then_some(std::borrow::Cow::Borrowed(url))
}

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags(TAGS.iter().copied())
            .add_generic_attributes(GENERIC_ATTRIBUTES.iter().copied())
            .tag_attributes(HashMap::from([
                ("a", HashSet::from(["href"])),
                ("th", HashSet::from(["scope"])),
                ("td", HashSet::from(["data-label"])),
            ]))
            .url_schemes(LINK_SCHEMES.iter().copied().collect())
            // Relative links are dropped, except a link to a section of the notice itself
            // (the first layer's labels), which the page scrolls to.
            .url_relative(ammonia::UrlRelative::Custom(Box::new(same_notice_anchor)))
            // Links never navigate here (a click goes to `open_link`): no `rel` needed.
            .link_rel(None)
            .id_prefix(None)
            .strip_comments(true)
            .clean_content_tags(HashSet::from([
                "script",
                "style",
                "template",
                "noscript",
                "title",
                "textarea",
                "xmp",
                "iframe",
                "noembed",
                "noframes",
                "plaintext",
                "object",
                "embed",
                "svg",
                "math",
            ]));
        b
    })
}

/// The preview HTML with only the allowed tags, attributes and link schemes left; the text of
/// anything else is kept as text, and `script`/`style` are dropped with their content.
pub fn sanitise_preview(html: &str) -> String {
    sanitiser().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use seloste::Lang;

    #[test]
    fn only_the_apps_own_origin_may_be_navigated_to() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
            "https://tauri.localhost/x",
        ] {
            assert!(is_app_origin(&Url::parse(ok).unwrap()), "{ok}");
        }
        for no in [
            "https://example.fi/",
            "http://localhost:8080/",
            "tauri://evil/",
            "file:///etc/passwd",
            "about:blank",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://tauri.localhost.example.fi/",
        ] {
            assert!(!is_app_origin(&Url::parse(no).unwrap()), "{no}");
        }
    }

    #[test]
    fn links_open_outside_only_for_http_https_and_mailto() {
        assert_eq!(
            external_link("https://tietosuoja.fi/").as_deref(),
            Some("https://tietosuoja.fi/")
        );
        assert!(external_link(" http://esimerkki.fi/a?b=c ").is_some());
        assert!(external_link("mailto:tietosuoja@esimerkki.fi").is_some());
        for no in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "tauri://localhost/",
            "data:text/html,x",
            "ftp://esimerkki.fi/",
            "/relative",
            "https://",
            "",
        ] {
            assert_eq!(external_link(no), None, "{no}");
        }
    }

    #[test]
    fn hostile_markup_does_not_survive_the_preview() {
        let h = sanitise_preview(
            "<section class=\"seloste-notice\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\
             <p onclick=\"x()\" style=\"color:red\">Teksti<iframe src=\"https://evil.example\"></iframe></p>\
             <a href=\"javascript:alert(1)\">a</a><a href=\"https://ok.fi/\" target=\"_top\">b</a>\
             <script>alert(1)</script><style>body{}</style><img src=x onerror=alert(1)><form action=x><input></form></section>",
        );
        for gone in [
            "<meta",
            "refresh",
            "onclick",
            "style",
            "<iframe",
            "javascript:",
            "<script",
            "alert",
            "<img",
            "onerror",
            "<form",
            "<input",
            "target=",
        ] {
            assert!(!h.contains(gone), "{gone} survived: {h}");
        }
        assert!(h.contains("Teksti"));
        assert!(h.contains("href=\"https://ok.fi/\""), "{h}");
    }

    /// Every tag and attribute the templates emit is allowed: sanitising a rendered notice
    /// changes no element (same tags, same attributes, in order).
    #[test]
    fn the_templates_output_passes_unchanged() {
        fn elements(h: &str) -> Vec<String> {
            let mut v = Vec::new();
            let mut rest = h;
            while let Some(i) = rest.find('<') {
                let end = rest[i..].find('>').map_or(rest.len(), |j| i + j);
                let tag = &rest[i + 1..end];
                if !tag.starts_with('/') {
                    let name = tag.split_whitespace().next().unwrap_or("").to_string();
                    let mut attrs: Vec<&str> = tag
                        .split_whitespace()
                        .skip(1)
                        .filter_map(|a| a.split('=').next())
                        .collect();
                    attrs.sort();
                    v.push(format!("{name} {attrs:?}"));
                }
                rest = &rest[end..];
            }
            v
        }
        for p in seloste::catalogue::presets() {
            for lang in Lang::ALL {
                let h = seloste::render::fragment(&p.notice, lang).unwrap();
                assert_eq!(
                    elements(&sanitise_preview(&h)),
                    elements(&h),
                    "{} {lang}",
                    p.key
                );
            }
        }
    }
}
