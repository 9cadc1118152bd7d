//! A cookie declaration (a table to paste next to the notice) and cookie banner wording, both
//! from the notice's cookies, in fi/sv/en. The banner follows Traficom's rule: refusing is as
//! easy as accepting, on the banner's first layer; nothing but strictly necessary cookies
//! before the choice.

use super::texts;
use crate::model::{CookieCategory, Notice};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Deserialize)]
pub(crate) struct BannerTexts {
    title: Text,
    text: Text,
    text_necessary_only: Text,
    accept: Text,
    reject: Text,
    settings: Text,
    ok: Text,
    rule: Text,
    categories: HashMap<String, Text>,
}

fn t(x: &Text, lang: Lang) -> String {
    x.resolve(lang).map(|(s, _)| s.to_string()).unwrap_or_default()
}

fn label(key: &str, lang: Lang) -> String {
    texts().declaration.get(key).map(|x| t(x, lang)).unwrap_or_default()
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The cookie table as text: its caption, the column headings and one row per cookie (name,
/// provider, purpose, lifetime, needs consent), in `lang`. `None`: the notice has no cookies
/// (the table is then one sentence, `empty`).
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Said instead of a table when the notice names no cookies.
    pub empty: Option<String>,
}

pub fn table(notice: &Notice, lang: Lang) -> Table {
    let items = &notice.cookies.items;
    let rows = items
        .iter()
        .map(|c| {
            let provider = if c.provider.trim().is_empty() { label("own_site", lang) } else { c.provider.clone() };
            let consent = c.consent || c.category != CookieCategory::Necessary;
            vec![c.name.clone(), provider, t(&c.purpose, lang), t(&c.duration, lang), label(if consent { "yes" } else { "no" }, lang)]
        })
        .collect();
    Table {
        caption: label("caption", lang),
        headers: ["name", "provider", "purpose", "duration", "consent"].iter().map(|k| label(k, lang)).collect(),
        rows,
        empty: items.is_empty().then(|| label("empty", lang)),
    }
}

/// The cookie declaration as an HTML fragment: one table (name, provider, purpose, lifetime,
/// needs consent). Everything is escaped; no scripts, no styles from outside.
pub fn cookie_table(notice: &Notice, lang: Lang) -> String {
    let tb = table(notice, lang);
    let mut h = String::from("<section class=\"seloste-cookies\">\n");
    if let Some(empty) = &tb.empty {
        h.push_str(&format!("  <p>{}</p>\n</section>\n", esc(empty)));
        return h;
    }
    h.push_str(&format!("  <table>\n    <caption>{}</caption>\n    <thead><tr>", esc(&tb.caption)));
    for x in &tb.headers {
        h.push_str(&format!("<th scope=\"col\">{}</th>", esc(x)));
    }
    h.push_str("</tr></thead>\n    <tbody>\n");
    for r in &tb.rows {
        h.push_str(&format!(
            "      <tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&r[0]),
            esc(&r[1]),
            esc(&r[2]),
            esc(&r[3]),
            esc(&r[4]),
        ));
    }
    h.push_str("    </tbody>\n  </table>\n</section>\n");
    h
}

/// Cookie banner wording for a notice.
#[derive(Debug, Clone, Serialize)]
pub struct Banner {
    pub title: String,
    pub text: String,
    /// The buttons of the first layer, in order. With consent cookies: accept and refuse side
    /// by side (equal weight), then a settings link; with only necessary ones: one "OK".
    pub buttons: Vec<String>,
    pub settings: Option<String>,
    /// The rule the site must follow when it shows the banner.
    pub rule: String,
}

/// The banner for the notice's cookies in `lang`.
pub fn banner(notice: &Notice, lang: Lang) -> Banner {
    let b = &texts().banner;
    let mut cats: Vec<&str> = Vec::new();
    for c in &notice.cookies.items {
        let k = match c.category {
            CookieCategory::Necessary if !c.consent => continue,
            CookieCategory::Necessary | CookieCategory::Preferences => "preferences",
            CookieCategory::Analytics => "analytics",
            CookieCategory::Marketing => "marketing",
        };
        if !cats.contains(&k) {
            cats.push(k);
        }
    }
    let order = ["preferences", "analytics", "marketing"];
    cats.sort_by_key(|k| order.iter().position(|o| o == k));
    if cats.is_empty() {
        return Banner {
            title: t(&b.title, lang),
            text: t(&b.text_necessary_only, lang),
            buttons: vec![t(&b.ok, lang)],
            settings: None,
            rule: t(&b.rule, lang),
        };
    }
    let names: Vec<String> = cats.iter().filter_map(|k| b.categories.get(*k)).map(|x| t(x, lang)).collect();
    Banner {
        title: t(&b.title, lang),
        text: t(&b.text, lang).replace("{categories}", &names.join(", ")),
        buttons: vec![t(&b.accept, lang), t(&b.reject, lang)],
        settings: Some(t(&b.settings, lang)),
        rule: t(&b.rule, lang),
    }
}

/// The banner as an HTML fragment (markup only; the site's consent tool supplies the logic).
pub fn banner_html(notice: &Notice, lang: Lang) -> String {
    let b = banner(notice, lang);
    let mut h = format!(
        "<div class=\"seloste-cookie-banner\" role=\"dialog\" aria-labelledby=\"seloste-cookie-banner-title\">\n  <h2 id=\"seloste-cookie-banner-title\">{}</h2>\n  <p>{}</p>\n  <div class=\"seloste-cookie-banner-buttons\">",
        esc(&b.title),
        esc(&b.text)
    );
    for (i, x) in b.buttons.iter().enumerate() {
        let v = if b.buttons.len() == 1 { "ok" } else if i == 0 { "accept" } else { "reject" };
        h.push_str(&format!("<button type=\"button\" data-choice=\"{v}\">{}</button>", esc(x)));
    }
    h.push_str("</div>\n");
    if let Some(s) = &b.settings {
        h.push_str(&format!("  <button type=\"button\" data-choice=\"settings\" class=\"seloste-cookie-banner-settings\">{}</button>\n", esc(s)));
    }
    h.push_str("</div>\n");
    h
}

/// The banner as plain text, to paste into a consent tool's fields: title, text, the
/// first-layer buttons, the settings link, and the rule the site must follow.
pub fn banner_text(notice: &Notice, lang: Lang) -> String {
    let b = banner(notice, lang);
    let mut s = format!("{}\n\n{}\n\n", b.title, b.text);
    s.push_str(&b.buttons.iter().map(|x| format!("[{x}]")).collect::<Vec<_>>().join(" "));
    s.push('\n');
    if let Some(x) = &b.settings {
        s.push_str(&format!("{x}\n"));
    }
    s.push_str(&format!("\n{}\n", b.rule));
    s
}

/// Everything the owner takes to the website about cookies, in one language: the cookie
/// table and the banner (HTML fragments and plain text), for the app to show, copy and save.
#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    pub lang: Lang,
    /// The cookie table as HTML (`cookie_table`) …
    pub table: String,
    /// … and as text, for the app to show (`table`).
    pub rows: Table,
    pub banner: Banner,
    /// The banner as markup (`banner_html`) and as plain text (`banner_text`).
    pub banner_html: String,
    pub banner_text: String,
    /// The file the owner saves: the table and the banner, with the banner's rule as a comment.
    pub file: String,
}

/// The notice's cookie declaration and banner in `lang`.
pub fn declaration(notice: &Notice, lang: Lang) -> Declaration {
    let rows = table(notice, lang);
    let table = cookie_table(notice, lang);
    let banner_html = banner_html(notice, lang);
    let b = banner(notice, lang);
    let file = format!("{table}\n{banner_html}<!-- {} -->\n", b.rule.replace("--", "–"));
    Declaration { lang, table, rows, banner_text: banner_text(notice, lang), banner: b, banner_html, file }
}
