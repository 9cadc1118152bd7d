//! HTML to lines: a small, forgiving reader for saved web pages and for the HTML fragments that
//! table cells of exported notices carry (seed 003). Headings h1–h6 become headings, list items
//! bullets, other blocks paragraphs; script, style, nav and other page code is left out and
//! reported. Not a full HTML parser: it never fails, whatever the input.

use super::report::{DropReason, Dropped};
use super::sections::Line;
use super::vocab::vocab;

/// Elements whose whole content is page code or chrome, not notice text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "iframe", "button", "select",
    "object", "canvas", "title",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "hr",
    "body",
    "html",
    "form",
    "figure",
    "figcaption",
    "aside",
    "address",
    "pre",
    "tbody",
    "thead",
];

struct State {
    lines: Vec<Line>,
    buf: String,
    /// Inside h1–h6.
    heading: bool,
    /// Inside li.
    item: bool,
    /// Depth of ul/ol without an li open: text there is a dash list ("- a - b").
    list: usize,
    /// Inside a table row: the lines of each cell so far.
    row: Option<Vec<Vec<Line>>>,
}

impl State {
    /// Where lines go: the current table cell, or the document.
    fn out(&mut self) -> &mut Vec<Line> {
        match &mut self.row {
            Some(cells) if !cells.is_empty() => cells.last_mut().expect("not empty"),
            _ => &mut self.lines,
        }
    }

    fn flush(&mut self) {
        let text = collapse(&self.buf);
        self.buf.clear();
        if text.is_empty() {
            return;
        }
        let (heading, item, list) = (self.heading, self.item, self.list);
        let out = self.out();
        if heading {
            out.push(Line::Heading(text));
        } else if item {
            out.push(Line::Bullet(text));
        } else if list > 0 || text.starts_with("- ") {
            for b in split_dash_list(&text) {
                out.push(Line::Bullet(b));
            }
        } else {
            out.push(Line::Text(text));
        }
    }

    fn blank(&mut self) {
        self.flush();
        let out = self.out();
        if !matches!(out.last(), None | Some(Line::Blank)) {
            out.push(Line::Blank);
        }
    }

    /// End a table row: a two-cell row whose first cell is a known heading becomes a
    /// label/text row (like a TAB table); any other row its cells' lines.
    fn end_row(&mut self) {
        self.flush();
        let Some(cells) = self.row.take() else { return };
        let mut cells: Vec<Vec<Line>> = cells
            .into_iter()
            .map(|mut c| {
                while matches!(c.last(), Some(Line::Blank)) {
                    c.pop();
                }
                while matches!(c.first(), Some(Line::Blank)) {
                    c.remove(0);
                }
                c
            })
            .filter(|c| !c.is_empty())
            .collect();
        let label = match cells.first().map(Vec::as_slice) {
            Some([Line::Text(t)] | [Line::Heading(t)])
                if cells.len() == 2
                    && t.chars().count() <= 200
                    && !vocab().heading_targets(t).is_empty() =>
            {
                Some(t.clone())
            }
            _ => None,
        };
        if let Some(label) = label {
            let body = cells.pop().expect("two cells");
            self.lines.push(Line::Row(label, body));
            return;
        }
        for c in cells {
            self.lines.extend(c);
            self.lines.push(Line::Blank);
        }
    }
}

/// Convert HTML (a page or a fragment) to lines; left-out page code is added to `dropped`.
pub fn to_lines(html: &str, dropped: &mut Vec<Dropped>) -> Vec<Line> {
    let mut st = State {
        lines: Vec::new(),
        buf: String::new(),
        heading: false,
        item: false,
        list: 0,
        row: None,
    };
    let lower = html.to_ascii_lowercase();
    // Each element's extent, from one pass over the tags (never a scan per element).
    let pairs = pair_tags(&lower);
    // The next '>' at or after `i`, found once and reused: a text full of '<' without a later
    // '>' costs one scan, not one per '<'.
    let mut next_gt: Option<usize> = lower.find('>');
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if !rest.starts_with('<') {
            let next = rest.find('<').map_or(html.len(), |n| i + n);
            st.buf.push_str(&html[i..next]);
            i = next;
            continue;
        }
        if rest.starts_with("<!--") {
            i = lower[i..].find("-->").map_or(html.len(), |n| i + n + 3);
            continue;
        }
        if next_gt.is_some_and(|g| g < i) {
            next_gt = lower[i..].find('>').map(|g| i + g);
        }
        let Some(close) = next_gt.map(|g| g - i) else {
            // A lone '<' in text.
            st.buf.push('<');
            i += 1;
            continue;
        };
        let tag = &lower[i + 1..i + close];
        i += close + 1;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            // "<!doctype …>", "< 5" and the like: not an element.
            if tag.starts_with('?') {
                // Server code ("<?php include … ?>"): left out, and said so.
                dropped.push(Dropped {
                    text: html[i - close - 1..i].chars().take(200).collect(),
                    reason: DropReason::Markup,
                });
            } else if !tag.starts_with('!') {
                st.buf.push_str(&html[i - close - 1..i]);
            }
            continue;
        }
        if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
            let end_tag = format!("</{name}");
            let end = lower[i..].find(&end_tag).map_or(html.len(), |n| i + n);
            let inner = collapse(&strip_tags(&html[i..end]));
            let (preview, reason) = match name.as_str() {
                "script" | "style" | "svg" | "template" | "canvas" | "object" | "iframe" => {
                    (format!("<{name}>"), DropReason::Markup)
                }
                // The page's <title> is the document title; the notice gets its own.
                "title" => (inner.chars().take(120).collect(), DropReason::Title),
                _ => (inner.chars().take(120).collect(), DropReason::Markup),
            };
            if !preview.is_empty() {
                dropped.push(Dropped {
                    text: preview,
                    reason,
                });
            }
            i = lower[end..].find('>').map_or(html.len(), |n| end + n + 1);
            continue;
        }
        // A cookie banner or a menu marked by its class or id: page chrome, not the notice.
        // Only short stretches: a class on a page wrapper ("has-cookie-consent") must not take
        // the notice with it.
        if !closing
            && !tag.ends_with('/')
            && !VOID.contains(&name.as_str())
            && !matches!(name.as_str(), "html" | "body" | "main" | "article")
            && let Some(reason) = chrome(tag)
            && let (end, visible) = pairs
                .get(&(i - close - 1))
                .copied()
                .unwrap_or((lower.len(), usize::MAX))
            && visible <= 1500
        {
            // The whole text (at most 1,500 visible characters): the report shows what was
            // left out, not a preview of it.
            let inner = collapse(&strip_tags(&html[i..end]));
            if !inner.is_empty() {
                dropped.push(Dropped {
                    text: inner,
                    reason,
                });
            }
            i = lower[end..].find('>').map_or(html.len(), |n| end + n + 1);
            continue;
        }
        match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                st.blank();
                st.heading = !closing;
            }
            "li" => {
                st.flush();
                st.item = !closing;
            }
            "ul" | "ol" => {
                st.blank();
                st.list = if closing {
                    st.list.saturating_sub(1)
                } else {
                    st.list + 1
                };
            }
            "br" => st.flush(),
            "tr" if closing => st.end_row(),
            "tr" => {
                st.end_row();
                st.row = Some(Vec::new());
            }
            "td" | "th" if !closing && st.row.is_some() => {
                st.flush();
                if let Some(cells) = st.row.as_mut() {
                    cells.push(Vec::new());
                }
            }
            "table" if closing => {
                st.end_row();
                st.blank();
            }
            n if BLOCK.contains(&n) => st.blank(),
            _ => {}
        }
    }
    st.end_row();
    st.blank();
    if matches!(st.lines.last(), Some(Line::Blank)) {
        st.lines.pop();
    }
    st.lines
}

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
    "wbr",
];

/// The drop reason for an element whose class or id names page chrome.
fn chrome(tag: &str) -> Option<DropReason> {
    let attrs: String = ["class=", "id="]
        .iter()
        .filter_map(|a| tag.find(a).map(|p| &tag[p + a.len()..]))
        .map(|v| {
            let v = v.trim_start_matches(['"', '\'']);
            v.split(['"', '\'', '>']).next().unwrap_or("")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = attrs.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let has = |ks: &[&str]| words.iter().any(|w| ks.contains(w));
    if has(&[
        "cookie",
        "cookies",
        "consent",
        "cookiebanner",
        "cmplz",
        "gdpr",
    ]) {
        Some(DropReason::CookieBanner)
    } else if has(&[
        "menu",
        "navbar",
        "nav",
        "breadcrumb",
        "breadcrumbs",
        "sitemap",
        "skip",
    ]) {
        Some(DropReason::Navigation)
    } else if has(&["cart", "minicart", "basket"]) {
        Some(DropReason::Shop)
    } else {
        None
    }
}

/// Every element's extent from one pass with a stack per element name: for the `<` of an opening
/// tag, where its matching close tag starts (same-name elements nested inside are counted) and
/// how many visible non-space characters lie between. Elements never closed are absent.
fn pair_tags(lower: &str) -> std::collections::HashMap<usize, (usize, usize)> {
    let b = lower.as_bytes();
    let mut stacks: std::collections::HashMap<&str, Vec<(usize, usize)>> =
        std::collections::HashMap::new();
    let mut pairs = std::collections::HashMap::new();
    let mut visible = 0usize;
    let mut in_tag = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                in_tag = true;
                let closing = b.get(i + 1) == Some(&b'/');
                let start = i + 1 + usize::from(closing);
                let len = b[start..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let after = b.get(start + len);
                if len > 0
                    && after.is_none_or(|c| *c == b'>' || *c == b'/' || c.is_ascii_whitespace())
                {
                    let name = &lower[start..start + len];
                    if closing {
                        if let Some((open, vis)) = stacks.get_mut(name).and_then(Vec::pop) {
                            pairs.insert(open, (i, visible - vis));
                        }
                    } else {
                        stacks.entry(name).or_default().push((i, visible));
                    }
                }
            }
            b'>' => in_tag = false,
            c if !in_tag && !c.is_ascii_whitespace() && (c & 0xC0) != 0x80 => visible += 1,
            _ => {}
        }
        i += 1;
    }
    pairs
}

/// Does a line of plain text carry HTML markup worth reading as HTML?
pub fn has_markup(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<ul", "<ol", "<li", "<br", "<h1", "<h2", "<h3", "<h4", "<div",
        "<table", "<strong>", "<b>", "<em>",
    ]
    .iter()
    .any(|t| l.contains(t))
}

/// Does a whole document look like HTML?
pub fn is_document(text: &str) -> bool {
    let t = text.trim_start();
    let head: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && head.contains("<body"))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decode entities and collapse whitespace.
fn collapse(s: &str) -> String {
    let decoded = entities(s);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(e, _)| e);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(n).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "auml" => 'ä',
        "Auml" => 'Ä',
        "ouml" => 'ö',
        "Ouml" => 'Ö',
        "aring" => 'å',
        "Aring" => 'Å',
        "uuml" => 'ü',
        "eacute" => 'é',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "euro" => '€',
        "copy" => '©',
        "bull" => '•',
        "middot" => '·',
        "shy" => '\u{AD}',
        _ => return None,
    })
}

/// Split "- a - b- C" (a list written with dashes, seed 003) into its items. A dash starts an item
/// at the start, after a space, or glued to a word when an upper-case letter follows
/// ("sukunimi- Edustamansa"); "etu- ja" (a Finnish hyphen before "ja") stays.
pub fn split_dash_list(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' && chars.get(i + 1) == Some(&' ') {
            let prev = if i == 0 { None } else { Some(chars[i - 1]) };
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
            let starts_item = match prev {
                None => true,
                Some(p) if p.is_whitespace() => true,
                Some(p) => p.is_lowercase() && next.is_some_and(char::is_uppercase),
            };
            if starts_item {
                let t = cur.trim().to_string();
                if !t.is_empty() {
                    items.push(t);
                }
                cur.clear();
                i += 2;
                continue;
            }
        }
        cur.push(c);
        i += 1;
    }
    let t = cur.trim().to_string();
    if !t.is_empty() {
        items.push(t);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_lists() {
        assert_eq!(
            split_dash_list("- Henkilön etu- ja sukunimi- Edustamansa yhteisö- Sähköpostiosoite"),
            [
                "Henkilön etu- ja sukunimi",
                "Edustamansa yhteisö",
                "Sähköpostiosoite"
            ]
        );
        assert_eq!(
            split_dash_list("- vierailijan selain - muuta?"),
            ["vierailijan selain", "muuta?"]
        );
    }

    #[test]
    fn page_code_is_left_out() {
        let mut dropped = Vec::new();
        let lines = to_lines(
            "<html><head><title>x</title><script>var a = '<p>';</script></head><body><nav>Etusivu</nav>\
             <h2>Rekisterinpitäjä</h2><p>Firma&nbsp;Oy &amp; co</p><ul><li>yksi</li><li>kaksi</li></ul></body></html>",
            &mut dropped,
        );
        assert_eq!(
            lines,
            [
                Line::Heading("Rekisterinpitäjä".into()),
                Line::Blank,
                Line::Text("Firma Oy & co".into()),
                Line::Blank,
                Line::Bullet("yksi".into()),
                Line::Bullet("kaksi".into()),
            ]
        );
        assert!(dropped.iter().any(|d| d.text == "<script>"));
        assert!(dropped.iter().any(|d| d.text == "Etusivu"));
    }

    #[test]
    fn two_column_tables_become_rows() {
        let mut d = Vec::new();
        let lines = to_lines(
            "<table><tr><td>Rekisterin nimi</td><td><p>Asiakasrekisteri</p></td></tr>\
             <tr><td>Evästeet</td><td><p>Käytämme evästeitä.</p><ul><li>_ga</li></ul></td></tr>\
             <tr><td>a</td><td>b</td><td>c</td></tr></table>",
            &mut d,
        );
        assert_eq!(
            lines[0],
            Line::Row(
                "Rekisterin nimi".into(),
                vec![Line::Text("Asiakasrekisteri".into())]
            )
        );
        assert_eq!(
            lines[1],
            Line::Row(
                "Evästeet".into(),
                vec![
                    Line::Text("Käytämme evästeitä.".into()),
                    Line::Blank,
                    Line::Bullet("_ga".into())
                ]
            )
        );
        assert!(lines.contains(&Line::Text("c".into())));
    }

    #[test]
    fn cookie_banners_and_menus_marked_by_class_are_left_out() {
        let mut d = Vec::new();
        let lines = to_lines(
            "<div id=\"cookie-notice\"><div><p>Tämä sivusto käyttää evästeitä.</p></div><a>OK</a></div>\
             <ul class='main-menu'><li>Etusivu</li><li>Palvelut</li></ul>\
             <div class=\"content\"><h2>Rekisterinpitäjä</h2><p>Firma Oy</p></div>",
            &mut d,
        );
        assert_eq!(
            lines,
            [
                Line::Heading("Rekisterinpitäjä".into()),
                Line::Blank,
                Line::Text("Firma Oy".into())
            ]
        );
        let reasons: Vec<DropReason> = d.iter().map(|x| x.reason).collect();
        assert_eq!(reasons, [DropReason::CookieBanner, DropReason::Navigation]);
        // A wrapper whose class mentions cookies keeps its (long) content.
        let long = "Käsittelemme tietoja huolellisesti. ".repeat(60);
        let lines = to_lines(
            &format!("<div class=\"cookie-consent-given\"><p>{long}</p></div>"),
            &mut d,
        );
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn broken_markup_never_fails() {
        let mut d = Vec::new();
        for s in [
            "<",
            "<<p",
            "</",
            "<p",
            "a < b > c",
            "&#xFFFFFFFF;",
            "&",
            "<script>",
            "<h1>x",
        ] {
            let _ = to_lines(s, &mut d);
        }
    }
}
