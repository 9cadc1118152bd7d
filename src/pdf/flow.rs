//! From the format-neutral `document::Document` (the same one the HTML export prints) to the
//! PDF layout's flow of blocks, and the PDF's metadata from the notice.

use super::PdfMeta;
use super::fonts::Face;
use super::layout::{Block, Kind, Span, Table};
use crate::document::{self, Block as DocBlock, Document, Inline};
use crate::{Lang, Notice};
use time::OffsetDateTime;

/// Inline content as spans: strong text bold, links as links, and a missing-translation note
/// ("(vain suomeksi)") in italics after the text it qualifies.
fn spans(inlines: &[Inline], face: Face) -> Vec<Span> {
    let mut out = Vec::new();
    for i in inlines {
        match i {
            Inline::Text {
                text, strong, note, ..
            } => {
                let f = if *strong { Face::Bold } else { face };
                out.push(Span {
                    text: text.clone(),
                    face: f,
                    link: None,
                });
                if let Some(n) = note {
                    out.push(Span {
                        text: format!(" {n}"),
                        face: Face::Italic,
                        link: None,
                    });
                }
            }
            // A link to a section of the same notice (the first layer's labels) is plain text
            // in the PDF: the reader turns the page; only web and e-mail links are annotated.
            Inline::Link { text, href } if href.starts_with('#') => out.push(Span {
                text: text.clone(),
                face: Face::Bold,
                link: None,
            }),
            Inline::Link { text, href } => out.push(Span {
                text: text.clone(),
                face,
                link: Some(href.clone()),
            }),
        }
    }
    out
}

/// The document as a flow of layout blocks, in reading order.
pub fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = vec![Block::text(Kind::Title, doc.title.clone())];
    if let Some(name) = &doc.register_name {
        out.push(Block::new(Kind::Subtitle, spans(name, Face::Regular)));
    }
    if let Some(d) = &doc.date_line {
        out.push(Block::text(Kind::Dateline, d.clone()));
    }
    if let Some(n) = &doc.language_note {
        out.push(Block::new(Kind::Dateline, vec![Span::italic(n.clone())]));
    }
    out.push(Block::new(Kind::Rule, Vec::new()));
    for s in &doc.sections {
        let mut section = Vec::new();
        for b in &s.blocks {
            section_block(b, &mut section);
        }
        // A section with nothing printable gets no heading either.
        if section.iter().all(Block::is_blank) {
            continue;
        }
        let mut heading = vec![Span::bold(s.heading.clone())];
        if let Some(n) = &s.heading_note {
            heading.push(Span::italic(format!(" {n}")));
        }
        out.push(Block::new(Kind::Heading, heading));
        out.extend(section);
    }
    out
}

fn section_block(b: &DocBlock, out: &mut Vec<Block>) {
    match b {
        DocBlock::Paragraph { content } => {
            out.push(Block::new(Kind::Paragraph, spans(content, Face::Regular)))
        }
        DocBlock::Subheading { content } => {
            out.push(Block::new(Kind::Subheading, spans(content, Face::Bold)))
        }
        DocBlock::List { items } => out.extend(
            items
                .iter()
                .map(|i| Block::new(Kind::Bullet, spans(i, Face::Regular))),
        ),
        DocBlock::Fields { rows } => out.extend(rows.iter().map(|r| {
            let mut v = vec![Span::bold(format!("{}: ", r.label))];
            v.extend(spans(&r.value, Face::Regular));
            Block::new(Kind::Field, v)
        })),
        DocBlock::Note { content } => {
            out.push(Block::new(Kind::Note, spans(content, Face::Regular)))
        }
        DocBlock::Table { header, rows } => out.push(Block::table(Table {
            header: header.clone(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| spans(c, Face::Regular)).collect())
                .collect(),
        })),
    }
}

/// The most characters a metadata field (title, author) keeps: a viewer shows them in its
/// title bar and properties dialog, and the notice itself names every controller in full.
const META_CHARS: usize = 300;

/// The controllers' names, joined, cut after whole names to at most `META_CHARS` characters
/// ("A Oy, B Oy, …").
fn controllers(notice: &Notice) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for name in notice
        .controllers
        .iter()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
    {
        let sep = if out.is_empty() { "" } else { ", " };
        let n = name.chars().count();
        if chars + sep.len() + n > META_CHARS {
            if out.is_empty() {
                out.extend(name.chars().take(META_CHARS));
            } else {
                out.push_str(sep);
            }
            out.push('…');
            break;
        }
        out.push_str(sep);
        out.push_str(name);
        chars += sep.len() + n;
    }
    out
}

/// Title, author, language, date and footer for `notice` printed as `doc`.
pub fn meta(notice: &Notice, doc: &Document, created: OffsetDateTime) -> PdfMeta {
    let lang: Lang = doc.lang;
    let author = controllers(notice);
    let register: String = doc
        .register_name
        .as_ref()
        .map(|r| r.iter().map(Inline::to_plain).collect())
        .unwrap_or_default();
    let mut title = doc.title.clone();
    for extra in [register.as_str(), author.as_str()] {
        if !extra.trim().is_empty() {
            title = format!("{title} – {}", extra.trim());
            break;
        }
    }
    if let Some((cut, _)) = title.char_indices().nth(META_CHARS) {
        title.truncate(cut);
        title.push('…');
    }
    let date = [&notice.meta.updated, &notice.meta.drafted]
        .into_iter()
        .map(|d| d.trim())
        .find(|d| !d.is_empty())
        .map(|d| document::format_date(d, lang));
    let footer: Vec<String> = [Some(author.clone()), Some(doc.title.clone()), date]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    PdfMeta {
        title,
        author,
        subject: register,
        lang,
        created,
        footer: footer.join(" · "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;
    use crate::model::Party;

    fn notice() -> Notice {
        let mut n = Notice::default();
        n.controllers.push(Party {
            name: "Kahvila Ääkkönen Oy".into(),
            ..Default::default()
        });
        n.controllers.push(Party {
            name: "Leipomo Åberg Ab".into(),
            ..Default::default()
        });
        n.register.name = Text::fi("Asiakasrekisteri");
        n.meta.drafted = "2025-02-01".into();
        n.meta.updated = "2026-11-23".into();
        n
    }

    #[test]
    fn metadata_names_the_controllers_register_and_latest_date() {
        let n = notice();
        let doc = document::build(&n, Lang::Fi);
        let m = meta(&n, &doc, OffsetDateTime::UNIX_EPOCH);
        assert_eq!(m.author, "Kahvila Ääkkönen Oy, Leipomo Åberg Ab");
        assert_eq!(m.title, format!("{} – Asiakasrekisteri", doc.title));
        assert!(
            m.footer
                .starts_with("Kahvila Ääkkönen Oy, Leipomo Åberg Ab · "),
            "{}",
            m.footer
        );
        assert!(m.footer.ends_with("23.11.2026"), "{}", m.footer);
        assert_eq!(m.lang, Lang::Fi);
        // A thousand controllers: whole names up to the limit, then "…".
        let mut many = notice();
        let first = many.controllers[0].clone();
        many.controllers = (0..1_000)
            .map(|i| Party {
                name: format!("Yhteisrekisterinpitäjä {i} Oy"),
                ..first.clone()
            })
            .collect();
        let big = meta(
            &many,
            &crate::document::build(&many, Lang::Fi),
            OffsetDateTime::UNIX_EPOCH,
        );
        assert!(
            big.author
                .starts_with("Yhteisrekisterinpitäjä 0 Oy, Yhteisrekisterinpitäjä 1 Oy")
        );
        assert!(big.author.ends_with("Oy, …"), "{}", big.author);
        assert!(big.author.chars().count() <= META_CHARS + 3);
        // One name longer than the limit is cut.
        many.controllers.truncate(1);
        many.controllers[0].name = "Osakeyhtiö ".repeat(100);
        let big = meta(
            &many,
            &crate::document::build(&many, Lang::Fi),
            OffsetDateTime::UNIX_EPOCH,
        );
        assert_eq!(big.author.chars().count(), META_CHARS + 1);
        assert!(big.author.ends_with('…'));
    }

    #[test]
    fn a_missing_translation_note_is_printed_in_italics() {
        let n = notice();
        let doc = document::build(&n, Lang::Sv);
        let blocks = blocks(&doc);
        // The register name exists only in Finnish: the Swedish document says so visibly.
        let subtitle = blocks
            .iter()
            .find(|b| b.kind == Kind::Subtitle)
            .expect("register name");
        assert_eq!(subtitle.spans[0].text, "Asiakasrekisteri");
        assert!(
            subtitle
                .spans
                .iter()
                .any(|s| s.face == Face::Italic && !s.text.trim().is_empty())
        );
    }

    #[test]
    fn a_section_with_nothing_printable_gets_no_heading() {
        let n = notice();
        let mut doc = document::build(&n, Lang::Fi);
        doc.sections.push(document::DocSection {
            id: "empty".into(),
            heading: "Tyhjä osio".into(),
            heading_lang: None,
            heading_note: None,
            blocks: vec![
                DocBlock::Paragraph {
                    content: vec![Inline::plain("  ")],
                },
                DocBlock::List { items: vec![] },
            ],
        });
        let b = blocks(&doc);
        assert!(
            !b.iter()
                .any(|b| b.spans.iter().any(|s| s.text == "Tyhjä osio"))
        );
    }

    #[test]
    fn every_section_of_the_document_becomes_a_heading_in_order() {
        let n = notice();
        let doc = document::build(&n, Lang::En);
        let headings: Vec<String> = blocks(&doc)
            .iter()
            .filter(|b| b.kind == Kind::Heading)
            .map(|b| b.spans[0].text.clone())
            .collect();
        let expected: Vec<String> = doc.sections.iter().map(|s| s.heading.clone()).collect();
        assert_eq!(headings, expected);
    }
}
