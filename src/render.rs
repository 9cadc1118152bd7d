//! HTML export: a standalone HTML5 document and a fragment to paste into a web page, both
//! printed by Tera templates from the format-neutral [`Document`](crate::document::Document).
//!
//! Safety: autoescaping is on for every template (names end in `.html`); no template uses
//! `safe` on anything; link targets are only ever `http:`, `https:` or `mailto:` (checked in
//! `document`), so user text such as `<script>` or `javascript:` comes out inert.

use crate::document::{self, Document};
use crate::model::Notice;
use crate::text::Lang;
use crate::{Error, Result};
use std::sync::OnceLock;
use tera::{Context, Tera};

/// The class on the fragment's root element; every fragment CSS selector starts with it.
pub const SCOPE_CLASS: &str = "seloste-notice";

const TEMPLATES: [(&str, &str); 5] = [
    ("macros.html", include_str!("../templates/macros.html")),
    (
        "style.css.html",
        include_str!("../templates/style.css.html"),
    ),
    ("notice.html", include_str!("../templates/notice.html")),
    ("fragment.html", include_str!("../templates/fragment.html")),
    (
        "first_layer.html",
        include_str!("../templates/first_layer.html"),
    ),
];

fn tera() -> Result<&'static Tera> {
    static T: OnceLock<std::result::Result<Tera, String>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tera::default();
        t.autoescape_on(vec![".html"]);
        t.add_raw_templates(TEMPLATES).map_err(|e| describe(&e))?;
        Ok(t)
    })
    .as_ref()
    .map_err(|e| Error::Render(format!("the built-in templates are broken: {e}")))
}

/// Tera's error with its causes, on one line.
fn describe(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(c) = src {
        s.push_str(": ");
        s.push_str(&c.to_string());
        src = c.source();
    }
    s
}

fn render_doc(template: &str, doc: &Document) -> Result<String> {
    let mut ctx = Context::new();
    ctx.insert("doc", doc);
    ctx.insert("lang", doc.lang.code());
    ctx.insert("scope", SCOPE_CLASS);
    let html = tera()?
        .render(template, &ctx)
        .map_err(|e| Error::Render(describe(&e)))?;
    Ok(without_forbidden(html))
}

/// The output with every control character (but tab and newlines) and noncharacter removed:
/// HTML forbids them and they are invisible. Validation already refuses them in a notice
/// (`validate::text`); this keeps a draft not yet validated (the live preview, an import)
/// from carrying them into a page either.
fn without_forbidden(html: String) -> String {
    if html
        .chars()
        .all(|c| crate::validate::forbidden_char(c).is_none())
    {
        html
    } else {
        html.chars()
            .filter(|&c| crate::validate::forbidden_char(c).is_none())
            .collect()
    }
}

/// A standalone HTML5 document in `lang`.
pub fn html(notice: &Notice, lang: Lang) -> Result<String> {
    render_doc("notice.html", &document::build(notice, lang))
}

/// An HTML fragment to paste into a website's page: one `<section class="seloste-notice">`
/// and nothing else — no `<style>` (HTML allows it only in `<head>`, and CMS sanitisers strip
/// it), no ids outside `seloste-`, no `<h1>`. It is valid HTML inside any `<body>` and takes the
/// site's own look; [`fragment_css`] gives the optional scoped stylesheet for the site's CSS.
pub fn fragment(notice: &Notice, lang: Lang) -> Result<String> {
    render_doc("fragment.html", &document::build(notice, lang))
}

/// The stylesheet for the fragment, for a site's stylesheet or its "additional CSS" box:
/// every selector starts with `.seloste-notice`, so it styles the notice and nothing else.
pub fn fragment_css() -> Result<String> {
    let css = tera()?
        .render("style.css.html", &Context::new())
        .map_err(|e| Error::Render(describe(&e)))?;
    Ok(css.trim_start().to_string())
}

/// Render an already-built document (the PDF export and previews reuse one build).
pub fn html_from(doc: &Document) -> Result<String> {
    render_doc("notice.html", doc)
}

pub fn fragment_from(doc: &Document) -> Result<String> {
    render_doc("fragment.html", doc)
}

/// The short first layer alone, as an HTML fragment with no styles of its own (it takes the
/// host page's), to place beside a booking form or a newsletter sign-up. Its labels link into
/// the full notice published at `notice_url`, and it ends with a link to the whole notice. An
/// address that is not http(s) is left out rather than printed as a link.
/// An empty `notice_url` takes the address saved with the notice (`meta.url`); a bare domain
/// (`www.yritys.fi/tietosuoja`) is read as https.
pub fn first_layer(notice: &Notice, lang: Lang, notice_url: &str) -> Result<String> {
    let url = published_url(notice, notice_url);
    let url = url.as_str();
    let section = document::first_layer(notice, lang, url)
        .ok_or_else(|| Error::Other(document::out("sum_empty", lang).to_string()))?;
    let mut ctx = Context::new();
    ctx.insert("section", &section);
    ctx.insert("lang", lang.code());
    ctx.insert("url", url);
    ctx.insert("read_more", document::out("sum_read_more", lang));
    tera()?
        .render("first_layer.html", &ctx)
        .map_err(|e| Error::Render(describe(&e)))
}

/// The address of the published notice for the first layer's links: the one given, else the
/// notice's own `meta.url`; `https://` added to a bare domain; anything that is not a safe
/// http(s) address gives "" (the first layer is then printed without links).
pub fn published_url(notice: &Notice, given: &str) -> String {
    let raw = match given.trim() {
        "" => notice.meta.url.trim(),
        g => g,
    };
    if raw.is_empty() || crate::validate::website(raw).is_err() {
        return String::new();
    }
    let lower = raw.to_ascii_lowercase();
    let url = if lower.starts_with("https://") || lower.starts_with("http://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    if document::is_safe_href(&url) {
        url
    } else {
        String::new()
    }
}
