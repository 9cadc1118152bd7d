//! The Markdown, plain-text and Word exports: each contains every heading and fact of the HTML
//! export, for every seed and every starting point, in fi/sv/en — read back by a second reader
//! (pulldown-cmark for Markdown; zip + quick-xml for Word), and the Word file converts in
//! LibreOffice headless without errors.

use crate::util::{self, fixture, load, seed_facts, seed_fixtures, seloste, squeeze, stderr};
use quick_xml::events::Event;
use seloste::export::docx::{STYLE_SECTION, STYLE_TITLE};
use seloste::{Lang, Notice, document};
use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

/// Every notice the exports are checked on: the seeds (with their facts) and the reference
/// notice of every starting point (facts: none beyond the Document's own text).
fn notices() -> Vec<(String, Notice, Vec<String>)> {
    let mut v: Vec<(String, Notice, Vec<String>)> = seed_fixtures()
        .into_iter()
        .map(|(stem, path)| {
            let facts = seed_facts(&stem);
            (stem, load(&path), facts)
        })
        .collect();
    for p in seloste::catalogue::presets() {
        let path = fixture(&format!("reference/{}.json", p.key));
        v.push((format!("reference/{}", p.key), load(&path), Vec::new()));
    }
    assert!(v.len() >= 11, "five seeds and six starting points");
    v
}

/// What every export of `notice` in `lang` must contain, whitespace removed: the title, every
/// section heading, the facts, every line (and table cell) of the Document's text, and every
/// text node of the HTML export.
fn expected(notice: &Notice, lang: Lang, facts: &[String]) -> Vec<String> {
    let doc = document::build(notice, lang);
    let mut want = vec![doc.title.clone()];
    want.extend(doc.sections.iter().map(|s| s.heading.clone()));
    want.extend(facts.iter().cloned());
    for line in doc.to_plain_text().lines() {
        want.extend(
            line.trim_start_matches("• ")
                .split(" | ")
                .map(str::to_string),
        );
    }
    let html = seloste::render::fragment(notice, lang).unwrap();
    let nodes = util::html_text_nodes(&html);
    assert!(nodes.len() > 30, "only {} HTML text nodes", nodes.len());
    want.extend(nodes);
    want.into_iter()
        .map(|s| squeeze(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn assert_contains_all(what: &str, flat: &str, want: &[String]) {
    for w in want {
        assert!(flat.contains(w.as_str()), "{what}: {w:?} missing");
    }
}

/// The text a Markdown reader shows (pulldown-cmark, GFM tables on), and the headings it sees
/// with their levels.
fn read_markdown(md: &str) -> (String, Vec<(u8, String)>) {
    use pulldown_cmark::{Event as E, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut in_heading: Option<(u8, String)> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            E::Start(Tag::Heading { level, .. }) => {
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 9,
                };
                in_heading = Some((n, String::new()));
            }
            E::End(TagEnd::Heading(_)) => headings.extend(in_heading.take()),
            E::Text(t) | E::Code(t) => {
                text.push_str(&t);
                if let Some((_, h)) = &mut in_heading {
                    h.push_str(&t);
                }
            }
            E::Html(h) | E::InlineHtml(h) => panic!("Markdown export produced raw HTML: {h}"),
            E::SoftBreak | E::HardBreak => text.push(' '),
            E::End(_) => text.push('\n'),
            _ => {}
        }
    }
    (text, headings)
}

#[test]
fn markdown_holds_every_heading_and_fact_in_three_languages() {
    for (stem, notice, facts) in notices() {
        for lang in Lang::ALL {
            let md = seloste::export::markdown(&notice, lang);
            let (text, headings) = read_markdown(&md);
            let doc = document::build(&notice, lang);
            assert_eq!(
                headings.first(),
                Some(&(1, doc.title.clone())),
                "{stem} {lang}"
            );
            let h2: Vec<&String> = headings
                .iter()
                .filter(|(l, _)| *l == 2)
                .map(|(_, h)| h)
                .collect();
            let sections: Vec<String> = doc
                .sections
                .iter()
                .map(|s| match &s.heading_note {
                    Some(n) => format!("{} {n}", s.heading),
                    None => s.heading.clone(),
                })
                .collect();
            let sections: Vec<&String> = sections.iter().collect();
            assert_eq!(h2, sections, "{stem} {lang}: sections as level-2 headings");
            assert_contains_all(
                &format!("{stem} {lang} markdown"),
                &squeeze(&text),
                &expected(&notice, lang, &facts),
            );
        }
    }
}

#[test]
fn plain_text_holds_every_heading_and_fact_in_three_languages() {
    for (stem, notice, facts) in notices() {
        for lang in Lang::ALL {
            let txt = seloste::export::text(&notice, lang);
            let flat = squeeze(&txt);
            assert_contains_all(
                &format!("{stem} {lang} text"),
                &flat,
                &expected(&notice, lang, &facts),
            );
            for l in txt.lines() {
                // Only a single word longer than the width (an address) may overrun it.
                if l.chars().count() > seloste::export::text::WIDTH {
                    let words = l.split_whitespace().filter(|w| *w != "•");
                    assert_eq!(words.count(), 1, "{stem} {lang}: line too long: {l:?}");
                }
            }
        }
    }
}

/// A paragraph of a .docx: its style id, its text, whether it is a list item.
#[derive(Debug)]
struct DocxPara {
    style: String,
    text: String,
    numbered: bool,
}

fn zip_part(bytes: &[u8], name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut f = z.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

/// The paragraphs of a WordprocessingML part, read with quick-xml (independently of docx-rs).
fn read_paragraphs(xml: &str) -> Vec<DocxPara> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur: Option<DocxPara> = None;
    let mut in_t = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                cur = Some(DocxPara {
                    style: String::new(),
                    text: String::new(),
                    numbered: false,
                });
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                if let (Some(p), Some(v)) = (cur.as_mut(), e.try_get_attribute("w:val").unwrap()) {
                    p.style = String::from_utf8_lossy(&v.value).into_owned();
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:numPr" => {
                if let Some(p) = cur.as_mut() {
                    p.numbered = true;
                }
            }
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Text(t) if in_t => {
                if let Some(p) = cur.as_mut() {
                    p.text.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::GeneralRef(g) if in_t => {
                if let Some(p) = cur.as_mut() {
                    let name: &[u8] = &g;
                    let s = match name {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        b"apos" => "'",
                        other => panic!("unexpected entity {}", String::from_utf8_lossy(other)),
                    };
                    p.text.push_str(s);
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => out.extend(cur.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn word_holds_every_heading_and_fact_with_real_styles_in_three_languages() {
    for (stem, notice, facts) in notices() {
        for lang in Lang::ALL {
            let bytes = seloste::export::docx::render(&notice, lang).unwrap();
            let body = zip_part(&bytes, "word/document.xml").expect("word/document.xml");
            let paras = read_paragraphs(&body);
            let doc = document::build(&notice, lang);
            let styled = |style: &str| -> Vec<String> {
                paras
                    .iter()
                    .filter(|p| p.style == style)
                    .map(|p| p.text.clone())
                    .collect()
            };
            assert_eq!(
                styled(STYLE_TITLE),
                vec![doc.title.clone()],
                "{stem} {lang}"
            );
            let sections: Vec<String> = doc
                .sections
                .iter()
                .map(|s| match &s.heading_note {
                    Some(n) => format!("{} {n}", s.heading),
                    None => s.heading.clone(),
                })
                .collect();
            assert_eq!(
                styled(STYLE_SECTION),
                sections,
                "{stem} {lang}: Heading 2 per section"
            );
            // Every list item of the Document is a numbered (bulleted) paragraph.
            let list_items = doc
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .map(|b| match b {
                    document::Block::List { items } => items.len(),
                    _ => 0,
                })
                .sum::<usize>();
            assert_eq!(
                paras.iter().filter(|p| p.numbered).count(),
                list_items,
                "{stem} {lang}: list items"
            );
            let all: String = paras.iter().map(|p| p.text.as_str()).collect();
            assert_contains_all(
                &format!("{stem} {lang} docx"),
                &squeeze(&all),
                &expected(&notice, lang, &facts),
            );
            // The styles are defined under Word's built-in names, and the footer is there.
            let styles = zip_part(&bytes, "word/styles.xml").unwrap();
            for name in ["heading 1", "heading 2", "heading 3"] {
                assert!(styles.contains(&format!("w:val=\"{name}\"")), "{name}");
            }
            let footer = zip_part(&bytes, "word/footer1.xml").expect("a footer");
            let footer_text: String = read_paragraphs(&footer)
                .iter()
                .map(|p| p.text.clone())
                .collect();
            for c in &notice.controllers {
                assert!(
                    footer_text.contains(c.name.trim()),
                    "{stem} {lang}: {footer_text}"
                );
            }
            assert!(
                footer.contains("PAGE") && footer.contains("NUMPAGES"),
                "page fields"
            );
            // Links point where the Document's links point, and nowhere else.
            let rels = zip_part(&bytes, "word/_rels/document.xml.rels").unwrap();
            for s in &doc.sections {
                for b in &s.blocks {
                    if let document::Block::Fields { rows } = b {
                        for r in rows {
                            for i in &r.value {
                                if let document::Inline::Link { href, .. } = i {
                                    assert!(rels.contains(href.as_str()), "{stem}: link {href}");
                                }
                            }
                        }
                    }
                }
            }
            assert!(!rels.to_ascii_lowercase().contains("javascript:"));
        }
    }
}

/// `soffice`, or None (with the reason printed) when LibreOffice is not installed and the
/// suite does not run under CI; under CI its absence fails the test (scripts/lib.sh installs it).
fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!(
                "soffice (LibreOffice) is required under CI: scripts/lib.sh installs libreoffice-writer-nogui"
            );
        }
        eprintln!(
            "skipping the LibreOffice check: soffice is not installed (bash scripts/test.sh installs libreoffice-writer-nogui)"
        );
    }
    found
}

#[test]
fn word_files_open_in_libreoffice_and_keep_their_text() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (stem, notice, facts) in notices() {
        for lang in Lang::ALL {
            let name = format!("{}.{lang}", stem.replace('/', "-"));
            let path = dir.path().join(format!("{name}.docx"));
            std::fs::write(&path, seloste::export::docx::render(&notice, lang).unwrap()).unwrap();
            files.push((name, path, notice.clone(), lang, facts.clone()));
        }
    }
    // One LibreOffice process converts them all (each start costs seconds); a private profile
    // keeps it from touching the user's own and from clashing with a running LibreOffice.
    let profile = dir.path().join("profile");
    let out_dir = dir.path().join("pdf");
    let out = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out_dir)
        .args(files.iter().map(|f| &f.1))
        .env("HOME", dir.path())
        .output()
        .expect("run soffice");
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(out.status.success(), "soffice failed: {log}");
    assert!(!log.contains("Error"), "soffice reported: {log}");
    for (name, _, notice, lang, facts) in files {
        let pdf = out_dir.join(format!("{name}.pdf"));
        assert!(pdf.is_file(), "{name}: LibreOffice wrote no PDF: {log}");
        // The body above the footer (a paragraph running on to the next page would otherwise
        // be interrupted by it), and the footer band on its own.
        let Some(text) = util::poppler(
            "pdftotext",
            &["-x", "0", "-y", "0", "-W", "596", "-H", "800"],
            &pdf,
        ) else {
            return;
        };
        let footer = util::poppler(
            "pdftotext",
            &["-x", "0", "-y", "800", "-W", "596", "-H", "42"],
            &pdf,
        )
        .unwrap();
        let info = util::poppler("pdfinfo", &[], &pdf).unwrap();
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo prints Pages");
        let label = seloste::pdf::page_label(lang, 1, pages);
        assert!(
            footer.contains(&label),
            "{name}: footer {footer:?} lacks {label:?}"
        );
        for c in &notice.controllers {
            assert!(footer.contains(c.name.trim()), "{name}: footer {footer:?}");
        }
        // pdftotext joins a word LibreOffice hyphenated at a line end; compare without hyphens.
        let dehyphen = |s: &str| squeeze(s).replace(['-', '\u{2010}', '\u{AD}'], "");
        let flat = dehyphen(&text);
        let doc = document::build(&notice, lang);
        let mut want = vec![dehyphen(&doc.title)];
        want.extend(doc.sections.iter().map(|s| dehyphen(&s.heading)));
        want.extend(facts.iter().map(|f| dehyphen(f)));
        assert_contains_all(&format!("{name} (LibreOffice)"), &flat, &want);
    }
}

#[test]
fn the_cli_writes_every_new_format() {
    let dir = tempfile::tempdir().unwrap();
    let notice = fixture("reference/web_shop.json");
    let n = load(&notice);
    for (format, check) in [
        ("md", "# "),
        ("txt", "\n===="),
        ("docx", "PK"),
        ("record-html", "<!DOCTYPE html>"),
        ("record-pdf", "%PDF-"),
        ("record-csv", "\u{FEFF}"),
    ] {
        let out = dir.path().join(format!("x.{format}"));
        let o = seloste(&[
            "render",
            notice.to_str().unwrap(),
            "--lang",
            "sv",
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        let head = &bytes[..bytes.len().min(400)];
        assert!(
            head.windows(check.len()).any(|w| w == check.as_bytes())
                && (check.starts_with('\n') || bytes.starts_with(check.as_bytes())),
            "{format}: starts with {:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(20)])
        );
    }
    // Text formats go to standard output too, and say the same as the library.
    let o = seloste(&[
        "render",
        notice.to_str().unwrap(),
        "--format",
        "md",
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    assert_eq!(util::stdout(&o), seloste::export::markdown(&n, Lang::En));
}
