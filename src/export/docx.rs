//! Word (.docx) from the format-neutral `Document`, through `docx-rs`: real paragraph styles
//! (the title "Heading 1", sections "Heading 2", sub-headings "Heading 3", so Word's navigation
//! pane and a table of contents work), bulleted lists on a real numbering definition, tables
//! whose rows do not split across pages, clickable links (only the `http:`, `https:` and `mailto:`
//! targets the Document holds), and a footer on every page with the controller, the title,
//! the notice's date and "Sivu 2 / 3". An owner or a lawyer can edit and send it.

use crate::document::{Block, Document, Inline};
use crate::text::Lang;
use crate::{Error, Result};
use docx_rs::{
    AbstractNumbering, BorderType, Docx, Footer, Hyperlink, HyperlinkType, IndentLevel, Level,
    LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run,
    RunFonts, SpecialIndentType, Start, Style, StyleType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableRow, WidthType,
};

/// Paragraph style ids (and their names, which Word and LibreOffice know as built-in styles).
pub const STYLE_TITLE: &str = "Heading1";
pub const STYLE_SECTION: &str = "Heading2";
pub const STYLE_SUB: &str = "Heading3";
const STYLE_NOTE: &str = "SelosteNote";
const STYLE_FOOTER: &str = "Footer";
/// The numbering used by every bulleted list.
const BULLETS: usize = 1;
/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;
const GREY: &str = "555555";

/// What the Word file says about itself besides the Document.
#[derive(Debug, Clone)]
pub struct DocxMeta {
    /// The footer's left part: controller · title · date (see `export::footer_line`).
    pub footer: String,
    /// The date written as the file's creation time (`YYYY-MM-DDTHH:MM:SSZ`), if any.
    pub created: Option<String>,
}

/// The notice as a Word file in `lang`.
pub fn render(notice: &crate::Notice, lang: Lang) -> Result<Vec<u8>> {
    let doc = crate::document::build(notice, lang);
    let meta = DocxMeta {
        footer: super::footer_line(notice, &doc),
        created: None,
    };
    render_document(&doc, &meta)
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    docx.default_fonts(
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .cs("Calibri")
            .east_asia("Calibri"),
    )
    .default_size(22)
    .add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .line_spacing(LineSpacing::new().after(120)),
    )
    .add_style(heading(STYLE_TITLE, "heading 1", 36, 0))
    .add_style(heading(STYLE_SECTION, "heading 2", 28, 1))
    .add_style(heading(STYLE_SUB, "heading 3", 22, 2))
    .add_style(
        Style::new(STYLE_NOTE, StyleType::Paragraph)
            .name("Seloste Note")
            .based_on("Normal")
            .italic()
            .indent(Some(360), None, None, None),
    )
    .add_style(
        Style::new(STYLE_FOOTER, StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(16)
            .color(GREY),
    )
}

fn bullets(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// Inline content appended to a paragraph: strong runs bold, a missing-translation note in
/// italics, links as hyperlinks.
fn runs(mut p: Paragraph, xs: &[Inline], bold: bool) -> Paragraph {
    for i in xs {
        match i {
            Inline::Text {
                text, strong, note, ..
            } => {
                if !text.is_empty() {
                    let mut r = Run::new().add_text(text.as_str());
                    if *strong || bold {
                        r = r.bold();
                    }
                    p = p.add_run(r);
                }
                if let Some(n) = note {
                    let sep = if text.is_empty() { "" } else { " " };
                    p = p.add_run(Run::new().add_text(format!("{sep}{n}")).italic());
                }
            }
            // A link to a section of the same notice (the first layer's labels): bold text.
            Inline::Link { text, href } if href.starts_with('#') => {
                p = p.add_run(Run::new().add_text(text.as_str()).bold());
            }
            Inline::Link { text, href } => {
                p = p.add_hyperlink(
                    Hyperlink::new(href.as_str(), HyperlinkType::External).add_run(
                        Run::new()
                            .add_text(text.as_str())
                            .color("1F4E79")
                            .underline("single"),
                    ),
                );
            }
        }
    }
    p
}

fn para(style: &str, xs: &[Inline]) -> Paragraph {
    runs(Paragraph::new().style(style), xs, false)
}

fn text_para(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

fn cell(p: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(p)
}

fn table(header: &[String], rows: &[Vec<Vec<Inline>>]) -> Table {
    let cols = header.len().max(1);
    let width = TEXT_WIDTH / cols;
    let mut out = vec![
        TableRow::new(
            header
                .iter()
                .map(|h| {
                    cell(
                        Paragraph::new()
                            .keep_next(true)
                            .add_run(Run::new().add_text(h.as_str()).bold()),
                    )
                    .width(width, WidthType::Dxa)
                    .shading(docx_rs::Shading::new().fill("E7ECF2"))
                })
                .collect(),
        )
        .cant_split(),
    ];
    for r in rows {
        out.push(TableRow::new(
            r.iter()
                .map(|c| cell(runs(Paragraph::new(), c, false)).width(width, WidthType::Dxa))
                .collect(),
        ));
    }
    let border = |pos| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(4)
            .color("999999")
    };
    Table::new(out)
        .set_grid(vec![width; cols])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .set_borders(
            TableBorders::new()
                .set(border(TableBorderPosition::Top))
                .set(border(TableBorderPosition::Bottom))
                .set(border(TableBorderPosition::Left))
                .set(border(TableBorderPosition::Right))
                .set(border(TableBorderPosition::InsideH))
                .set(border(TableBorderPosition::InsideV)),
        )
}

/// Label–value lines as a two-column table without borders (labels bold), which keeps the
/// values aligned when edited.
fn fields(rows: &[crate::document::Field]) -> Table {
    let label_w = 2600;
    Table::new(
        rows.iter()
            .map(|r| {
                TableRow::new(vec![
                    cell(
                        Paragraph::new()
                            .add_run(Run::new().add_text(format!("{}:", r.label)).bold()),
                    )
                    .width(label_w, WidthType::Dxa),
                    cell(runs(Paragraph::new(), &r.value, false))
                        .width(TEXT_WIDTH - label_w, WidthType::Dxa),
                ])
            })
            .collect(),
    )
    .set_grid(vec![label_w, TEXT_WIDTH - label_w])
    .width(TEXT_WIDTH, WidthType::Dxa)
    .set_borders(TableBorders::with_empty())
}

fn footer(meta: &DocxMeta, lang: Lang) -> Footer {
    let mut p = Paragraph::new().style(STYLE_FOOTER);
    if !meta.footer.trim().is_empty() {
        p = p.add_run(Run::new().add_text(format!("{} · ", meta.footer.trim())));
    }
    // "Sivu {page} / {pages}" with Word's page fields in the places.
    let template = crate::pdf::page_label_template(lang);
    let mut rest = template;
    while !rest.is_empty() {
        let next = [("{page}", 0u8), ("{pages}", 1u8)]
            .iter()
            .filter_map(|(k, which)| rest.find(k).map(|at| (at, *k, *which)))
            .min_by_key(|(at, k, _)| (*at, std::cmp::Reverse(k.len())));
        match next {
            Some((at, key, which)) => {
                if at > 0 {
                    p = p.add_run(Run::new().add_text(&rest[..at]));
                }
                p = if which == 0 {
                    p.add_page_num(docx_rs::PageNum::new())
                } else {
                    p.add_num_pages(docx_rs::NumPages::new())
                };
                rest = &rest[at + key.len()..];
            }
            None => {
                p = p.add_run(Run::new().add_text(rest));
                rest = "";
            }
        }
    }
    Footer::new().add_paragraph(p)
}

/// A built document as a Word file.
pub fn render_document(doc: &Document, meta: &DocxMeta) -> Result<Vec<u8>> {
    let mut docx = bullets(styles(Docx::new()))
        .page_size(11906, 16838)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134)
                .footer(567),
        )
        .footer(footer(meta, doc.lang));
    if let Some(c) = &meta.created {
        docx = docx.created_at(c).updated_at(c);
    }
    docx = docx.add_paragraph(text_para(STYLE_TITLE, &doc.title).keep_next(true));
    if let Some(n) = &doc.register_name {
        docx = docx.add_paragraph(runs(Paragraph::new(), n, true));
    }
    if let Some(d) = &doc.date_line {
        docx = docx
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(d.as_str()).color(GREY)));
    }
    if let Some(n) = &doc.language_note {
        docx = docx.add_paragraph(text_para(STYLE_NOTE, n));
    }
    for s in &doc.sections {
        if s.blocks.iter().all(is_blank) {
            continue;
        }
        let mut h = text_para(STYLE_SECTION, &s.heading).keep_next(true);
        if let Some(n) = &s.heading_note {
            h = h.add_run(Run::new().add_text(format!(" {n}")).italic());
        }
        docx = docx.add_paragraph(h);
        for b in &s.blocks {
            docx = block(docx, b);
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| Error::Render(format!("writing the Word file failed: {e}")))?;
    Ok(out.into_inner())
}

fn is_blank(b: &Block) -> bool {
    let empty = |xs: &[Inline]| xs.iter().all(|i| i.to_plain().trim().is_empty());
    match b {
        Block::Paragraph { content } | Block::Subheading { content } | Block::Note { content } => {
            empty(content)
        }
        Block::List { items } => items.iter().all(|i| empty(i)),
        Block::Fields { rows } => rows.is_empty(),
        Block::Table { rows, .. } => rows.is_empty(),
    }
}

fn block(docx: Docx, b: &Block) -> Docx {
    match b {
        Block::Paragraph { content } => docx.add_paragraph(para("Normal", content)),
        Block::Subheading { content } => {
            docx.add_paragraph(para(STYLE_SUB, content).keep_next(true))
        }
        Block::List { items } => items.iter().fold(docx, |d, i| {
            d.add_paragraph(
                para("Normal", i).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            )
        }),
        Block::Fields { rows } => docx.add_table(fields(rows)),
        Block::Note { content } => docx.add_paragraph(para(STYLE_NOTE, content)),
        Block::Table { header, rows } => docx
            .add_table(table(header, rows))
            .add_paragraph(Paragraph::new()),
    }
}
