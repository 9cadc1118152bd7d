//! Plain text from the format-neutral `Document`, for e-mail and anywhere markup is not
//! wanted: the title and headings underlined, lists with bullets and hanging indents, tables
//! as one block per row, notes indented ("Column: value"), links as "text <address>", lines wrapped at
//! [`WIDTH`] characters where the words allow.

use crate::document::{Block, Document, Inline};

/// The longest line, in characters, where words allow (a long address stays whole).
pub const WIDTH: usize = 76;

fn inlines(xs: &[Inline]) -> String {
    let mut out = String::new();
    for i in xs {
        match i {
            Inline::Text { text, note, .. } => {
                out.push_str(text);
                if let Some(n) = note {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    out.push_str(n);
                }
            }
            // A link to a section of the same notice (the first layer's labels): just the label.
            Inline::Link { text, href } if href.starts_with('#') => out.push_str(text),
            Inline::Link { text, href } => {
                let target = href.strip_prefix("mailto:").unwrap_or(href);
                if target == text {
                    out.push_str(text);
                } else {
                    out.push_str(&format!("{text} <{target}>"));
                }
            }
        }
    }
    out
}

/// Wrap `text` into lines of at most `WIDTH` characters: the first line starts with `first`,
/// the others with `rest` (a hanging indent).
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && len > WIDTH {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        lines.push(line);
    }
    lines.join("\n")
}

fn underline(s: &str, c: char) -> String {
    format!(
        "{s}\n{}",
        c.to_string().repeat(s.chars().count().min(WIDTH))
    )
}

/// The document as plain text.
pub fn render(doc: &Document) -> String {
    let mut parts = vec![underline(&doc.title, '=')];
    if let Some(n) = &doc.register_name {
        parts.push(wrap(&inlines(n), "", ""));
    }
    if let Some(d) = &doc.date_line {
        parts.push(wrap(d, "", ""));
    }
    if let Some(n) = &doc.language_note {
        parts.push(wrap(n, "", ""));
    }
    for s in &doc.sections {
        let body: Vec<String> = s.blocks.iter().filter_map(block).collect();
        if body.is_empty() {
            continue;
        }
        let heading = match &s.heading_note {
            Some(n) => format!("{} {n}", s.heading),
            None => s.heading.clone(),
        };
        parts.push(format!("\n{}", underline(&heading, '-')));
        parts.extend(body);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(b: &Block) -> Option<String> {
    let s = match b {
        Block::Paragraph { content } => wrap(&inlines(content), "", ""),
        Block::Subheading { content } => wrap(&inlines(content), "", ""),
        Block::List { items } => items
            .iter()
            .map(|i| wrap(&inlines(i), "  • ", "    "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Fields { rows } => rows
            .iter()
            .map(|r| wrap(&format!("{}: {}", r.label, inlines(&r.value)), "", "    "))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Note { content } => wrap(&inlines(content), "    ", "    "),
        Block::Table { header, rows } => rows
            .iter()
            .map(|r| {
                header
                    .iter()
                    .zip(r)
                    .map(|(h, c)| wrap(&format!("{h}: {}", inlines(c)), "  ", "      "))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n\n"),
    };
    (!s.trim().is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_with_a_hanging_indent_and_keeps_long_words_whole() {
        let long = "sana ".repeat(40);
        let w = wrap(&long, "  • ", "    ");
        for l in w.lines() {
            assert!(l.chars().count() <= WIDTH, "{l:?}");
        }
        assert!(w.starts_with("  • sana"));
        assert!(w.lines().skip(1).all(|l| l.starts_with("    sana")));
        let url = format!("https://example.fi/{}", "x".repeat(100));
        assert_eq!(wrap(&url, "", ""), url);
    }

    #[test]
    fn links_show_their_address_once() {
        let x = inlines(&[
            Inline::Link {
                text: "a@b.fi".into(),
                href: "mailto:a@b.fi".into(),
            },
            Inline::plain(" "),
            Inline::Link {
                text: "sivut".into(),
                href: "https://b.fi".into(),
            },
        ]);
        assert_eq!(x, "a@b.fi sivut <https://b.fi>");
    }
}
