//! Markdown (CommonMark with GFM tables) from the format-neutral `Document`, for site builders
//! that take Markdown. The owner's text is escaped so that it prints as written and never
//! becomes markup; only `http:`, `https:` and `mailto:` targets become links (the Document
//! holds no other), and none becomes raw HTML.

use crate::document::{Block, Document, Inline};

/// Escape text so that Markdown prints it literally: the inline markup characters everywhere,
/// and what would start a block (a heading, a list item, a quote) at the start of a line.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or an ordered item ("- x", "+ x", "1. x") is a block
    // in Markdown: escape its marker.
    let trimmed = out.trim_start();
    let lead = out.len() - trimmed.len();
    if trimmed.starts_with("- ") || trimmed.starts_with("+ ") || trimmed == "-" || trimmed == "+" {
        out.insert(lead, '\\');
    } else {
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && matches!(trimmed[digits..].chars().next(), Some('.' | ')')) {
            out.insert(lead + digits, '\\');
        }
    }
    out
}

/// Undo [`escape`]: the text a Markdown reader shows (for tests and plain consumers).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(chars.next().unwrap_or('\\'));
        } else {
            out.push(c);
        }
    }
    out
}

fn inlines(xs: &[Inline]) -> String {
    let mut out = String::new();
    for i in xs {
        match i {
            Inline::Text {
                text, strong, note, ..
            } => {
                let t = text.trim();
                if !t.is_empty() {
                    // Keep the spaces around a run outside its emphasis markers.
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    out.push_str(lead);
                    if *strong {
                        out.push_str(&format!("**{}**", escape(t)));
                    } else {
                        out.push_str(&escape(t));
                    }
                    out.push_str(trail);
                } else {
                    out.push_str(text);
                }
                if let Some(n) = note {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    out.push_str(&format!("*{}*", escape(n)));
                }
            }
            // A link to a section of the same notice (the first layer's labels): bold, since
            // site builders name heading anchors their own way.
            Inline::Link { text, href } if href.starts_with('#') => {
                out.push_str(&format!("**{}**", escape(text)));
            }
            Inline::Link { text, href } => {
                // The target is already known safe (document::is_safe_href); angle brackets
                // keep parentheses in it from ending the link.
                out.push_str(&format!("[{}](<{}>)", escape(text), href));
            }
        }
    }
    // Line breaks in a run would end the paragraph or the list item.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document as Markdown: the title as `#`, sections as `##`, sub-headings as `###`, lists
/// as `-` items, label–value lines as a list with bold labels, notes as quotes, tables as GFM
/// tables.
pub fn render(doc: &Document) -> String {
    let mut parts: Vec<String> = vec![format!("# {}", escape(&doc.title))];
    if let Some(n) = &doc.register_name {
        parts.push(format!("**{}**", inlines(n)));
    }
    if let Some(d) = &doc.date_line {
        parts.push(escape(d));
    }
    if let Some(n) = &doc.language_note {
        parts.push(format!("*{}*", escape(n)));
    }
    for s in &doc.sections {
        let body: Vec<String> = s.blocks.iter().filter_map(block).collect();
        if body.is_empty() {
            continue;
        }
        let mut h = format!("## {}", escape(&s.heading));
        if let Some(n) = &s.heading_note {
            h.push_str(&format!(" *{}*", escape(n)));
        }
        parts.push(h);
        parts.extend(body);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(b: &Block) -> Option<String> {
    let s = match b {
        Block::Paragraph { content } => inlines(content),
        Block::Subheading { content } => {
            let t = inlines(content);
            if t.is_empty() {
                return None;
            }
            format!("### {t}")
        }
        Block::List { items } => items
            .iter()
            .map(|i| inlines(i))
            .filter(|i| !i.is_empty())
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Fields { rows } => rows
            .iter()
            .map(|r| format!("- **{}:** {}", escape(&r.label), inlines(&r.value)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Note { content } => {
            let t = inlines(content);
            if t.is_empty() {
                return None;
            }
            format!("> {t}")
        }
        Block::Table { header, rows } => {
            let mut lines = vec![
                format!(
                    "| {} |",
                    header
                        .iter()
                        .map(|h| escape(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
                format!("|{}", " --- |".repeat(header.len())),
            ];
            for r in rows {
                lines.push(format!(
                    "| {} |",
                    r.iter().map(|c| inlines(c)).collect::<Vec<_>>().join(" | ")
                ));
            }
            lines.join("\n")
        }
    };
    (!s.trim().is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocSection, Field};
    use crate::text::Lang;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            lang: Lang::Fi,
            title: "Otsikko".into(),
            register_name: None,
            date_line: None,
            language_note: None,
            sections: vec![DocSection {
                id: "x".into(),
                heading: "Osio".into(),
                heading_lang: None,
                heading_note: None,
                blocks,
            }],
        }
    }

    #[test]
    fn the_owners_text_never_becomes_markup() {
        for raw in [
            "<script>alert(1)</script>",
            "# not a heading",
            "- not a list",
            "1. not ordered",
            "*not emphasis* and _this_ `code` [link](javascript:x) | pipe",
            "back\\slash",
        ] {
            let e = escape(raw);
            assert_eq!(unescape(&e), raw);
            // A Markdown reader sees one paragraph holding exactly the text: no HTML, no
            // heading, list, emphasis, code or link.
            use pulldown_cmark::{Event, Parser, Tag};
            let events: Vec<Event> = Parser::new(&e).collect();
            let mut text = String::new();
            for ev in &events {
                match ev {
                    Event::Start(Tag::Paragraph) | Event::End(_) => {}
                    Event::Text(t) => text.push_str(t),
                    other => panic!("{raw:?} became {other:?}"),
                }
            }
            assert_eq!(text, raw);
        }
    }

    #[test]
    fn blocks_become_markdown_blocks() {
        let md = render(&doc(vec![
            Block::Subheading {
                content: vec![Inline::strong("Yritys Oy")],
            },
            Block::Fields {
                rows: vec![Field {
                    label: "Sähköposti".into(),
                    value: vec![Inline::Link {
                        text: "a@b.fi".into(),
                        href: "mailto:a@b.fi".into(),
                    }],
                }],
            },
            Block::List {
                items: vec![vec![Inline::plain("yksi")], vec![Inline::plain("kaksi")]],
            },
            Block::Note {
                content: vec![Inline::plain("huomio")],
            },
            Block::Table {
                header: vec!["A".into(), "B".into()],
                rows: vec![vec![vec![Inline::plain("1")], vec![Inline::plain("a|b")]]],
            },
        ]));
        assert!(
            md.starts_with("# Otsikko\n\n## Osio\n\n### **Yritys Oy**\n"),
            "{md}"
        );
        assert!(
            md.contains("- **Sähköposti:** [a@b.fi](<mailto:a@b.fi>)"),
            "{md}"
        );
        assert!(md.contains("- yksi\n- kaksi"), "{md}");
        assert!(md.contains("> huomio"), "{md}");
        assert!(
            md.contains("| A | B |\n| --- | --- |\n| 1 | a\\|b |"),
            "{md}"
        );
    }

    #[test]
    fn a_section_with_nothing_to_print_has_no_heading() {
        let md = render(&doc(vec![Block::List { items: vec![] }]));
        assert!(!md.contains("Osio"), "{md}");
    }
}
