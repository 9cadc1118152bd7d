//! The live preview's HTML: the notice's fragment cut down to the tags and attributes the
//! notice templates emit, so nothing in owner text (a `<meta http-equiv=refresh>`, an
//! `<iframe>`, an event handler) could ever act in the app's window — even if the templates'
//! escaping failed. The desktop shell shows this and nothing else; links in it never navigate
//! the window (the shell's `contain` opens http, https and mailto in the system's programs).

use crate::model::Notice;
use crate::text::Lang;
use crate::Result;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The schemes a preview link may have; the shell opens them outside the app.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

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
    (url.starts_with("#seloste-") && crate::document::is_safe_href(url))
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
pub fn sanitise(html: &str) -> String {
    sanitiser().clean(html).to_string()
}

/// The notice in `lang` as the app's live preview shows it.
pub fn html(notice: &Notice, lang: Lang) -> Result<String> {
    crate::render::fragment(notice, lang).map(|h| sanitise(&h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn hostile_markup_does_not_survive_the_preview() {
        let h = sanitise(
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
        for p in crate::catalogue::presets() {
            for lang in Lang::ALL {
                let h = crate::render::fragment(&p.notice, lang).unwrap();
                assert_eq!(
                    elements(&sanitise(&h)),
                    elements(&h),
                    "{} {lang}",
                    p.key
                );
            }
        }
    }
}
