//! The PDF export: content parity with the HTML export (the same Document), pagination,
//! fonts, metadata and the CLI's `--format pdf`. Checked with poppler's own tools.

use crate::util::{self, html_text_nodes, load, poppler, seed_facts, seed_fixtures, seloste, squeeze, stderr};
use seloste::model::{Item, Purpose};
use seloste::{Lang, Notice, Text, document};
use std::path::{Path, PathBuf};

fn write_pdf(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The text of the pages without their footers (which would interrupt a paragraph that runs
/// on to the next page): the area above the footer rule, in points from the top.
fn body_text(pdf: &Path) -> Option<String> {
    poppler(
        "pdftotext",
        &["-x", "0", "-y", "0", "-W", "596", "-H", "780"],
        pdf,
    )
}


fn pages_of(pdf: &Path) -> Option<usize> {
    let info = poppler("pdfinfo", &[], pdf)?;
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo prints Pages");
    Some(line["Pages:".len()..].trim().parse().unwrap())
}

#[test]
fn every_seed_prints_every_heading_and_fact_in_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seed_fixtures();
    assert!(!seeds.is_empty());
    for (stem, path) in seeds {
        let notice = load(&path);
        let facts = seed_facts(&stem);
        for lang in Lang::ALL {
            let bytes = seloste::pdf::render(&notice, lang).unwrap();
            let pdf = write_pdf(dir.path(), &format!("{stem}.{lang}.pdf"), &bytes);
            let Some(text) = poppler("pdftotext", &[], &pdf) else {
                return;
            };
            let flat = squeeze(&body_text(&pdf).unwrap());
            let doc = document::build(&notice, lang);
            assert!(
                flat.contains(&squeeze(&doc.title)),
                "{stem} {lang}: no title"
            );
            for s in &doc.sections {
                assert!(
                    flat.contains(&squeeze(&s.heading)),
                    "{stem} {lang}: heading {:?} missing from the PDF text",
                    s.heading
                );
            }
            for f in &facts {
                assert!(
                    flat.contains(&squeeze(f)),
                    "{stem} {lang}: fact {f:?} missing"
                );
            }
            // The whole Document's text, block by block, is in the PDF (one source of truth).
            // (Table rows come out cell by cell: each cell is checked on its own.)
            for line in doc.to_plain_text().lines() {
                for part in line.trim_start_matches("• ").split(" | ") {
                    let want = squeeze(part);
                    assert!(
                        flat.contains(&want),
                        "{stem} {lang}: {part:?} missing from the PDF"
                    );
                }
            }
            // And, independently of the Document, every text node of the HTML export.
            let html = seloste::render::fragment(&notice, lang).unwrap();
            let nodes = html_text_nodes(&html);
            assert!(
                nodes.len() > 30,
                "{stem} {lang}: only {} HTML text nodes",
                nodes.len()
            );
            for node in nodes {
                assert!(
                    flat.contains(&squeeze(&node)),
                    "{stem} {lang}: HTML text {node:?} not in the PDF"
                );
            }
            assert!(
                !text.contains('\u{FFFD}'),
                "{stem} {lang}: a replaced character"
            );
            let pages = pages_of(&pdf).unwrap();
            let label = seloste::pdf::page_label(lang, pages, pages);
            assert!(text.contains(&label), "{stem} {lang}: no footer {label:?}");
        }
    }
}

#[test]
fn finnish_letters_and_typographic_characters_survive_extraction() {
    let mut n = Notice::default();
    n.controllers.push(seloste::model::Party {
        name: "Kahvila Ääkkönen Oy".into(),
        ..Default::default()
    });
    let line = "äöå ÄÖÅ é ü € – “lainaus” ‘x’ § Öljynvaihto Åbo";
    n.register.text = Text::fi(line);
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "letters.pdf",
        &seloste::pdf::render(&n, Lang::Fi).unwrap(),
    );
    let Some(text) = poppler("pdftotext", &[], &pdf) else {
        return;
    };
    assert!(text.contains(line), "extracted text: {text}");
    assert!(text.contains("Kahvila Ääkkönen Oy"));
}

#[test]
fn characters_the_font_lacks_are_replaced_visibly_and_the_text_around_them_kept() {
    let mut n = Notice::default();
    n.controllers.push(seloste::model::Party {
        name: "Kahvila 👍 Oy".into(),
        ..Default::default()
    });
    n.register.text = Text::fi("Asiakkaat 東京 ja Göteborg 👨‍👩‍👧 loppu");
    let dir = tempfile::tempdir().unwrap();
    let bytes = seloste::pdf::render(&n, Lang::Fi).unwrap();
    let pdf = write_pdf(dir.path(), "emoji.pdf", &bytes);
    let Some(text) = poppler("pdftotext", &[], &pdf) else {
        return;
    };
    assert!(
        text.contains("Asiakkaat \u{FFFD}\u{FFFD} ja Göteborg \u{FFFD} loppu"),
        "{text}"
    );
    assert!(text.contains("Kahvila \u{FFFD} Oy"), "{text}");
    // An emoji the font does have (DejaVu Sans draws the Emoticons block) is printed as is.
    let mut n2 = Notice::default();
    n2.register.text = Text::fi("Hymy 😀 jää");
    let pdf2 = write_pdf(
        dir.path(),
        "smile.pdf",
        &seloste::pdf::render(&n2, Lang::Fi).unwrap(),
    );
    let text2 = poppler("pdftotext", &[], &pdf2).unwrap();
    assert!(text2.contains("Hymy 😀 jää"), "{text2}");
}

/// A notice far longer than any real one: hundreds of purposes and a 20 000-character text.
fn long_notice() -> Notice {
    let mut n = Notice::default();
    n.controllers.push(seloste::model::Party {
        name: "Pitkä Seloste Oy".into(),
        ..Default::default()
    });
    n.meta.updated = "2026-11-23".into();
    for i in 0..300 {
        n.purposes.items.push(Purpose {
            text: Text::new(
                format!("käsittelytarkoitus numero {i} – asiakassuhteen hoitaminen"),
                format!("ändamål nummer {i}"),
                format!("purpose number {i}"),
            ),
            basis: Some(seloste::model::LegalBasis::Contract),
            ..Default::default()
        });
    }
    let sentence = "Tämä on pitkä vapaamuotoinen teksti, jolla testataan sivutusta ja rivitystä. ";
    let mut long = String::new();
    let mut k = 0;
    while long.chars().count() < 20_000 {
        long.push_str(sentence);
        k += 1;
        if k % 6 == 0 {
            long.push_str("\n\n");
        }
    }
    n.security.text = Text::fi(long);
    for i in 0..50 {
        n.register.subjects.push(Item {
            key: String::new(),
            text: Text::fi(format!("ryhmä {i}")),
            relation: None,
            activities: Vec::new(),
        });
    }
    n
}

#[test]
fn a_very_long_notice_paginates_and_every_footer_counts_the_pages_right() {
    let n = long_notice();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "long.pdf",
        &seloste::pdf::render(&n, Lang::Fi).unwrap(),
    );
    let Some(pages) = pages_of(&pdf) else { return };
    assert!(pages >= 10, "only {pages} pages for a very long notice");
    for p in 1..=pages {
        let page = poppler(
            "pdftotext",
            &["-f", &p.to_string(), "-l", &p.to_string()],
            &pdf,
        )
        .unwrap();
        let label = format!("Sivu {p} / {pages}");
        assert!(page.contains(&label), "page {p} lacks {label:?}");
        assert!(page.trim().lines().count() > 5, "page {p} is nearly empty: {page}");
    }
    let text = body_text(&pdf).unwrap();
    for i in 0..300 {
        let item = format!("käsittelytarkoitus numero {i} – asiakassuhteen hoitaminen");
        assert!(squeeze(&text).contains(&squeeze(&item)), "{item:?} missing");
    }
    let sentences = text.matches("vapaamuotoinen").count();
    assert!(
        sentences >= 20_000 / 80,
        "only {sentences} sentences of the long text"
    );
}

#[test]
fn an_empty_optional_section_leaves_no_heading() {
    let mut n = Notice::default();
    n.controllers.push(seloste::model::Party {
        name: "Pieni Oy".into(),
        ..Default::default()
    });
    let dir = tempfile::tempdir().unwrap();
    for lang in Lang::ALL {
        let doc = document::build(&n, lang);
        let pdf = write_pdf(
            dir.path(),
            "small.pdf",
            &seloste::pdf::render(&n, lang).unwrap(),
        );
        let Some(text) = poppler("pdftotext", &[], &pdf) else {
            return;
        };
        // Every heading printed is one the Document has, and a heading is never the last
        // thing before the footer or directly followed by another heading with nothing between.
        let cookies = document::out("h_cookies", lang);
        assert!(doc.section("cookies").is_none());
        assert!(
            !text.contains(cookies),
            "{lang}: empty cookie section printed"
        );
        let representative = document::out("h_representative", lang);
        assert!(
            !text.contains(representative),
            "{lang}: empty representative section printed"
        );
    }
}

#[test]
fn metadata_fonts_and_language_are_set() {
    let (_, path) = seed_fixtures().into_iter().next().unwrap();
    let notice = load(&path);
    let dir = tempfile::tempdir().unwrap();
    let bytes = seloste::pdf::render(&notice, Lang::Sv).unwrap();
    assert!(
        bytes.windows(9).any(|w| w == b"/Lang(sv)"),
        "no /Lang in the catalog"
    );
    assert!(
        bytes.windows(21).any(|w| w == b"/DisplayDocTitle true"),
        "no DisplayDocTitle"
    );
    // An outline (bookmarks) with one entry per section.
    let sections = document::build(&notice, Lang::Sv).sections.len();
    let dests = bytes.windows(6).filter(|w| w == b"/Dest[").count();
    assert_eq!(dests, sections, "outline entries");
    let pdf = write_pdf(dir.path(), "meta.pdf", &bytes);
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    let controller = &notice.controllers[0].name;
    assert!(
        info.contains(&format!("Author:          {controller}")),
        "{info}"
    );
    assert!(
        info.contains("Title:           Dataskyddsbeskrivning"),
        "{info}"
    );
    assert!(!info.contains("1970"), "creation date not set: {info}");
    assert!(!info.contains("PDF/X"), "{info}");
    let fonts = poppler("pdffonts", &[], &pdf).unwrap();
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVuSans"), "{row}");
        // emb sub uni: embedded, subset, with a ToUnicode map.
        assert!(row.contains("yes yes yes"), "{row}");
    }
    assert!(bytes.len() < 150 * 1024, "{} bytes", bytes.len());
}

#[test]
fn cli_writes_a_pdf_and_keeps_the_exit_code_contract() {
    let (_, path) = seed_fixtures().into_iter().next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    let o = seloste(&[
        "render",
        path.to_str().unwrap(),
        "--format",
        "pdf",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if let Some(text) = poppler("pdftotext", &[], &out) {
        assert!(text.contains("Privacy notice"), "{text}");
    }

    // Unusable input: exit 2 and one sentence.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let o = seloste(&[
        "render",
        bad.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("seloste: "), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);

    // Without -o the PDF goes to standard output only when it is not a terminal (here: a pipe).
    let o = seloste(&["render", path.to_str().unwrap(), "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.starts_with(b"%PDF-"));
    let _ = util::root();
}
