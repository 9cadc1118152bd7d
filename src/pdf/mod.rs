//! PDF export: an A4 document for printing, laid out by Seloste itself on printpdf's
//! low-level page API, with fonts embedded from the repository and subset.
//!
//! - `fonts`: the embedded DejaVu Sans faces, parsed once per process, and the guard that
//!   replaces characters they cannot draw with a visible "�";
//! - `layout`: blocks → lines → pages (wrapping, orphans and widows, keep-with-next);
//! - this module: pages → PDF (text, footer with "Sivu 2 / 3", links, outline, metadata).
//!
//! The PDF is not tagged (no structure tree) and is not PDF/A: the HTML export is the
//! accessible format. Its text is real text: selectable, searchable and extractable in
//! reading order.

mod content;
mod flow;
pub mod fonts;
pub mod layout;

use crate::{Error, Lang, Result, Text};
use content::{Codes, Draw, Inventory, PageContent, Stroke};
use fonts::{Face, faces, printable};
use layout::{Block, GREY, MARGIN_B, MARGIN_L, MARGIN_R, MARGIN_T, PAGE_H, PAGE_W, Page};
use printpdf::{
    Actions, BorderArray, ColorArray, LinkAnnotation, Mm, Op, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, Rect, TextItem,
};
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::OnceLock;
use time::OffsetDateTime;

/// What the PDF says about itself, and what its footer shows.
#[derive(Debug, Clone)]
pub struct PdfMeta {
    /// The document title (PDF Title), e.g. "Tietosuojaseloste – Asiakasrekisteri".
    pub title: String,
    /// The controller(s) (PDF Author).
    pub author: String,
    pub subject: String,
    /// The output language (the catalog's /Lang) and of the page numbers.
    pub lang: Lang,
    /// The creation date written into the PDF.
    pub created: OffsetDateTime,
    /// The left part of the footer on every page: controller and the notice's date.
    pub footer: String,
}

#[derive(Deserialize)]
struct PdfData {
    page_label: Text,
}

fn data() -> &'static PdfData {
    static D: OnceLock<PdfData> = OnceLock::new();
    D.get_or_init(|| crate::data::embedded!("pdf"))
}

/// The page label's template in `lang`, with `{page}` and `{pages}` (the Word export's footer
/// fills them with page fields).
pub fn page_label_template(lang: Lang) -> &'static str {
    data()
        .page_label
        .resolve(lang)
        .map_or("{page} / {pages}", |(t, _)| t)
}

/// "Sivu 2 / 3", "Sida 2 / 3", "Page 2 of 3".
pub fn page_label(lang: Lang, page: usize, pages: usize) -> String {
    page_label_template(lang)
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string())
}

const FOOTER_SIZE: f32 = 8.0;
/// Baseline of the footer text and the rule above it, in points from the bottom edge.
const FOOTER_BASELINE: f32 = 42.0;
const FOOTER_RULE: f32 = 54.0;
const _: () = assert!(
    FOOTER_RULE < MARGIN_B,
    "the footer must sit in the bottom margin"
);

/// The notice printed as a PDF in `lang`: what the desktop app and `seloste render --format pdf`
/// call. Built from the same `document::Document` as the HTML export.
pub fn render(notice: &crate::Notice, lang: Lang) -> Result<Vec<u8>> {
    render_at(notice, lang, OffsetDateTime::now_utc())
}

/// `render` with a given creation date (for reproducible output).
pub fn render_at(notice: &crate::Notice, lang: Lang, created: OffsetDateTime) -> Result<Vec<u8>> {
    let doc = crate::document::build(notice, lang);
    render_document(&doc, &flow::meta(notice, &doc, created))
}

/// Title, author, language, date and footer line for `notice` printed as `doc` (the Word
/// export's footer and properties use the same).
pub fn meta(
    notice: &crate::Notice,
    doc: &crate::document::Document,
    created: OffsetDateTime,
) -> PdfMeta {
    flow::meta(notice, doc, created)
}

/// A built document printed as a PDF with the given metadata.
pub fn render_document(doc: &crate::document::Document, meta: &PdfMeta) -> Result<Vec<u8>> {
    render_blocks(&flow::blocks(doc), meta)
}

/// Lay out `blocks` and write them as a PDF.
pub fn render_blocks(blocks: &[Block], meta: &PdfMeta) -> Result<Vec<u8>> {
    let pages = layout::paginate(blocks);
    write(&pages, meta)
}

/// Shorten `text` with "…" until it fits in `width` points.
fn fit(text: &str, face: Face, size: f32, width: f32) -> String {
    fit_counted(text, face, size, width).0
}

/// `fit`, also returning how many characters it looked at. One pass over the text that
/// stops as soon as the running width passes `width`: the work per call is bounded by what
/// fits on the line, never by the length of the text (a 20,000-character controller name
/// costs the same as a 200-character one), so a footer on every page stays cheap.
fn fit_counted(text: &str, face: Face, size: f32, width: f32) -> (String, usize) {
    const ELLIPSIS: char = '…';
    let f = faces().get(face);
    let limit = width * f.units_per_em() / size;
    let ellipsis = f32::from(f.advance(ELLIPSIS));
    // Running width of text[..i] in font units, and the best cut so far: the end of the
    // longest prefix whose trimmed form plus "…" fits.
    let mut units = 0.0f32;
    let mut prev: Option<char> = None;
    let mut best = 0usize;
    // Width of the prefix up to its last non-space character, and that character.
    let mut trimmed: Option<(usize, f32, char)> = None;
    let mut seen = 0usize;
    for (i, c) in text.char_indices() {
        seen += 1;
        if let Some(p) = prev {
            units += f32::from(f.kern_units(p, c));
        }
        units += f32::from(f.advance(c));
        prev = Some(c);
        if !c.is_whitespace() {
            trimmed = Some((i + c.len_utf8(), units, c));
        }
        if units > limit {
            // The whole text does not fit: cut at the best prefix found before this point.
            let cut = text[..best].trim_end();
            return (format!("{cut}{ELLIPSIS}"), seen);
        }
        // The prefix ending here (trimmed) plus "…": does it fit?
        if let Some((end, w, last)) = trimmed {
            let with = w + f32::from(f.kern_units(last, ELLIPSIS)) + ellipsis;
            if with <= limit {
                best = end;
            }
        }
    }
    (text.to_string(), seen)
}

fn write(pages: &[Page], meta: &PdfMeta) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&meta.title);
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = "Seloste".to_string();
    info.producer = format!("Seloste {} (printpdf 0.12.8)", env!("CARGO_PKG_VERSION"));
    let created = printpdf::DateTime::from_unix_timestamp(meta.created.unix_timestamp())
        .map_err(|e| Error::Render(format!("the creation date cannot be written: {e}")))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    let total = pages.len();
    let footer_face = faces().get(Face::Regular);
    let footer_text = printable(footer_face, &meta.footer).into_owned();
    let mut contents: Vec<PageContent> = Vec::with_capacity(total);
    let mut links_per_page: Vec<Vec<LinkAnnotation>> = Vec::with_capacity(total);
    let mut outline: Vec<(String, usize, f32)> = Vec::new();

    for (i, page) in pages.iter().enumerate() {
        let mut content = PageContent::default();
        let mut links = Vec::new();
        for placed in &page.lines {
            let top = PAGE_H - MARGIN_T - placed.top;
            for rule in &placed.line.rules {
                content.strokes.push(Stroke {
                    x0: MARGIN_L + rule.x0,
                    x1: MARGIN_L + rule.x1,
                    y: top - rule.dy,
                    thickness: rule.thickness,
                    color: rule.color,
                });
            }
            for run in &placed.line.runs {
                let y = top - run.baseline;
                content.draws.push(Draw {
                    x: MARGIN_L + run.x,
                    y,
                    text: Cow::Borrowed(&run.text),
                    face: run.face,
                    size: run.size,
                    fill: run.color,
                });
                if let Some(target) = &run.link {
                    links.push(LinkAnnotation::new(
                        Rect {
                            x: Pt(MARGIN_L + run.x),
                            y: Pt(y - 0.25 * run.size),
                            width: Pt(run.width),
                            height: Pt(run.size * 1.1),
                            mode: None,
                            winding_order: None,
                        },
                        Actions::Uri(target.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ));
                }
            }
        }
        for (title, top) in &page.outline {
            outline.push((title.clone(), i, PAGE_H - MARGIN_T - top + 6.0));
        }

        // Footer: controller and date on the left, the page number on the right.
        let label = page_label(meta.lang, i + 1, total);
        let label_w = footer_face.width(&label, FOOTER_SIZE);
        let right = PAGE_W - MARGIN_R;
        let left_room = right - MARGIN_L - label_w - 18.0;
        let left = fit(&footer_text, Face::Regular, FOOTER_SIZE, left_room);
        for (x, text) in [(MARGIN_L, left), (right - label_w, label)] {
            content.draws.push(Draw {
                x,
                y: FOOTER_BASELINE,
                text: Cow::Owned(text),
                face: Face::Regular,
                size: FOOTER_SIZE,
                fill: GREY,
            });
        }
        content.strokes.push(Stroke {
            x0: MARGIN_L,
            x1: right,
            y: FOOTER_RULE,
            thickness: 0.5,
            color: [0.72, 0.72, 0.74],
        });
        contents.push(content);
        links_per_page.push(links);
    }

    // printpdf embeds and subsets the faces the document draws, from the inventory shown on
    // the first page; `content` then writes every page's stream (see its module comment).
    let inventory = Inventory::of(&contents);
    let mut names: Vec<(Face, String)> = Vec::new();
    let mut inventory_ops = vec![Op::StartTextSection];
    for (face, chars) in inventory.faces() {
        let id = doc.add_font(&faces().get(face).parsed);
        names.push((face, id.0.clone()));
        inventory_ops.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(10.0),
        });
        inventory_ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars)],
        });
    }
    inventory_ops.push(Op::EndTextSection);
    let pdf_pages: Vec<PdfPage> = links_per_page
        .into_iter()
        .enumerate()
        .map(|(i, links)| {
            let mut ops = if i == 0 {
                std::mem::take(&mut inventory_ops)
            } else {
                Vec::new()
            };
            ops.extend(links.into_iter().map(|link| Op::LinkAnnotation { link }));
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);

    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    if let Some(e) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(Error::Render(format!("the PDF writer reported: {}", e.msg)));
    }
    let streams = page_streams(&lo)?;
    if streams.len() != contents.len() {
        return Err(Error::Render(format!(
            "the PDF writer made {} pages of {}",
            streams.len(),
            contents.len()
        )));
    }
    let first = match streams.first().and_then(|id| lo.objects.get(id)) {
        Some(lopdf::Object::Stream(s)) => s.content.clone(),
        _ => Vec::new(),
    };
    let codes = Codes::read(&first, &inventory, &names)?;
    for (id, page) in streams.iter().zip(&contents) {
        let bytes = content::write(page, &codes)?;
        lo.objects.insert(
            *id,
            lopdf::Object::Stream(lopdf::Stream::new(lopdf::Dictionary::new(), bytes)),
        );
    }
    finish(&mut lo, meta, &outline)?;
    compress(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out)
        .map_err(|e| Error::Render(format!("writing the PDF failed: {e}")))?;
    Ok(out)
}

/// The content stream of each page, in page order.
fn page_streams(lo: &lopdf::Document) -> Result<Vec<lopdf::ObjectId>> {
    lo.get_pages()
        .into_values()
        .map(|page| {
            lo.get_dictionary(page)
                .and_then(|d| d.get(b"Contents"))
                .and_then(lopdf::Object::as_reference)
                .map_err(|e| Error::Render(format!("a PDF page has no content stream: {e}")))
        })
        .collect()
}

/// Deflate every stream that allows it, as lopdf's `Document::compress` does (same rule: only
/// when it saves more than the filter entry costs), but at zlib's default level instead of its
/// best: on text content streams level 9 costs about three times the time of level 6 for a
/// percent or two of size. (Level 1 saves little more time and makes a long notice's PDF a
/// quarter larger.)
fn compress(lo: &mut lopdf::Document) {
    // One compressor for all streams, reset between them: setting one up allocates and
    // clears its window and tables, which on a page's stream costs as much as compressing it.
    let mut z = flate2::Compress::new(flate2::Compression::default(), true);
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        // A stream that somehow fails to compress stays as it is.
        let Some(compressed) = deflate(&mut z, &stream.content) else {
            continue;
        };
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// `input` as one zlib stream, through `z` (reset first).
fn deflate(z: &mut flate2::Compress, input: &[u8]) -> Option<Vec<u8>> {
    use flate2::{FlushCompress, Status};
    z.reset();
    let mut out = Vec::with_capacity(input.len() / 3 + 64);
    loop {
        let read = usize::try_from(z.total_in()).ok()?;
        match z
            .compress_vec(input.get(read..)?, &mut out, FlushCompress::Finish)
            .ok()?
        {
            Status::StreamEnd => return Some(out),
            Status::Ok | Status::BufError => out.reserve(out.capacity().max(64)),
        }
    }
}

/// PDF text string: UTF-16BE with a byte-order mark.
fn pdf_text(s: &str) -> lopdf::Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    lopdf::Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// What printpdf does not write: the document language and an outline in document order
/// (printpdf's own bookmarks sort by name within a page).
fn finish(
    lo: &mut lopdf::Document,
    meta: &PdfMeta,
    outline: &[(String, usize, f32)],
) -> Result<()> {
    use lopdf::{Dictionary, Object};
    let page_ids: Vec<lopdf::ObjectId> = lo.get_pages().into_values().collect();
    let outline_root = if outline.is_empty() {
        None
    } else {
        let root = lo.new_object_id();
        let ids: Vec<lopdf::ObjectId> = outline.iter().map(|_| lo.new_object_id()).collect();
        for (n, (title, page, top)) in outline.iter().enumerate() {
            let Some(&page_id) = page_ids.get(*page) else {
                continue;
            };
            let mut item = Dictionary::new();
            item.set("Title", pdf_text(title));
            item.set("Parent", Object::Reference(root));
            item.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(page_id),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(*top),
                    Object::Null,
                ]),
            );
            if n > 0 {
                item.set("Prev", Object::Reference(ids[n - 1]));
            }
            if n + 1 < ids.len() {
                item.set("Next", Object::Reference(ids[n + 1]));
            }
            lo.objects.insert(ids[n], Object::Dictionary(item));
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Outlines".to_vec()));
        dict.set("First", Object::Reference(ids[0]));
        dict.set("Last", Object::Reference(*ids.last().expect("non-empty")));
        dict.set("Count", Object::Integer(ids.len() as i64));
        lo.objects.insert(root, Object::Dictionary(dict));
        Some(root)
    };
    // printpdf writes a PDF/X version key into every Info dictionary; this file is not PDF/X.
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(Object::Dictionary(d)) = lo.get_object_mut(info)
    {
        d.remove(b"GTS_PDFXVersion");
        d.remove(b"Trapped");
        for key in [&b"Keywords"[..], b"Identifier", b"Subject"] {
            if d.get(key)
                .and_then(Object::as_str)
                .is_ok_and(|s| s.is_empty())
            {
                d.remove(key);
            }
        }
    }
    let catalog = lo
        .catalog_mut()
        .map_err(|e| Error::Render(format!("the PDF has no catalog: {e}")))?;
    catalog.set("Lang", Object::string_literal(meta.lang.code()));
    // Viewers show "Tietosuojaseloste – …" in the title bar rather than the file name.
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    if let Some(root) = outline_root {
        catalog.set("Outlines", Object::Reference(root));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout::{Kind, Span};

    #[test]
    fn streams_compressed_one_after_another_each_inflate_to_themselves() {
        use std::io::Read;
        let mut z = flate2::Compress::new(flate2::Compression::default(), true);
        let inputs: Vec<Vec<u8>> = vec![
            b"BT /F1 10 Tf ET".repeat(3),
            Vec::new(),
            (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect(),
            b"q Q".to_vec(),
        ];
        for input in &inputs {
            let packed = deflate(&mut z, input).unwrap();
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(&back, input);
        }
    }

    #[test]
    fn page_labels_in_each_language() {
        assert_eq!(page_label(Lang::Fi, 2, 3), "Sivu 2 / 3");
        assert_eq!(page_label(Lang::Sv, 2, 3), "Sida 2 / 3");
        assert_eq!(page_label(Lang::En, 2, 3), "Page 2 of 3");
    }

    #[test]
    fn table_borders_heading_hairlines_and_the_footer_rule_are_drawn() {
        use layout::Table;
        let blocks = vec![
            Block::text(Kind::Heading, "Evästeet"),
            Block::table(Table {
                header: vec!["Eväste".into(), "Kesto".into()],
                rows: vec![
                    vec![vec![Span::regular("_ga")], vec![Span::regular("2 vuotta")]],
                    vec![
                        vec![Span::regular("_fbp")],
                        vec![Span::regular("3 kuukautta")],
                    ],
                ],
            }),
        ];
        let meta = PdfMeta {
            title: "t".into(),
            author: "a".into(),
            subject: String::new(),
            lang: Lang::Fi,
            created: OffsetDateTime::UNIX_EPOCH,
            footer: "f".into(),
        };
        let pdf = render_blocks(&blocks, &meta).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let lines = content
            .operations
            .iter()
            .filter(|op| op.operator == "l")
            .count();
        // Heading hairline + header rule + two row rules + footer rule.
        assert_eq!(lines, 5);
    }

    #[test]
    fn footer_text_is_shortened_to_fit() {
        let long = "Osakeyhtiö ".repeat(30);
        let s = fit(&long, Face::Regular, 8.0, 200.0);
        assert!(s.ends_with('…'));
        assert!(faces().get(Face::Regular).width(&s, 8.0) <= 200.0);
        // The longest cut that fits: one more character would not.
        let kept = s.trim_end_matches('…').chars().count();
        let longer: String = long.chars().take(kept + 1).collect::<String>() + "…";
        assert!(
            faces().get(Face::Regular).width(longer.trim_end(), 8.0) > 200.0
                || long.chars().nth(kept) == Some(' ')
        );
        // Text that fits is kept whole.
        assert_eq!(
            fit("Oy Esimerkki Ab", Face::Regular, 8.0, 200.0),
            "Oy Esimerkki Ab"
        );
        // Nothing fits: only the ellipsis.
        assert_eq!(fit("Osakeyhtiö", Face::Regular, 8.0, 1.0), "…");
    }

    #[test]
    fn fitting_looks_at_what_fits_not_at_the_whole_text() {
        // The work per footer is bounded by the line, not by the text: a 20,000- and a
        // 2,000,000-character controller name look at the same number of characters.
        let short = "Ä".repeat(20_000);
        let huge = "Ä".repeat(2_000_000);
        let (a, seen_a) = fit_counted(&short, Face::Regular, 8.0, 300.0);
        let (b, seen_b) = fit_counted(&huge, Face::Regular, 8.0, 300.0);
        assert_eq!(a, b);
        assert_eq!(seen_a, seen_b);
        assert!(
            seen_a < 100,
            "{seen_a} characters looked at for a 300 pt line"
        );
        assert!(faces().get(Face::Regular).width(&a, 8.0) <= 300.0);
    }

    #[test]
    fn writes_a_pdf_with_embedded_subset_fonts() {
        let blocks = vec![
            Block::text(Kind::Title, "Tietosuojaseloste"),
            Block::text(Kind::Heading, "1. Rekisterinpitäjä"),
            Block::new(
                Kind::Field,
                vec![Span::bold("Nimi: "), Span::regular("Kahvila Ääkkönen Oy")],
            ),
            Block::new(
                Kind::Paragraph,
                vec![Span::link("https://esimerkki.fi", "https://esimerkki.fi")],
            ),
        ];
        let meta = PdfMeta {
            title: "Tietosuojaseloste – Kahvila Ääkkönen Oy".into(),
            author: "Kahvila Ääkkönen Oy".into(),
            subject: String::new(),
            lang: Lang::Fi,
            created: OffsetDateTime::from_unix_timestamp(1_795_000_000).unwrap(),
            footer: "Kahvila Ääkkönen Oy · 23.11.2026".into(),
        };
        let pdf = render_blocks(&blocks, &meta).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 60_000, "{} bytes: fonts not subset?", pdf.len());
    }
}
