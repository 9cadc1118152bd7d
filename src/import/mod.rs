//! Importing an existing notice (an old rekisteriseloste or tietosuojaseloste) into a draft.
//!
//! Pipeline: bytes → text ([`decode`]) → lines ([`html`], [`docx`], [`sections::text_lines`]) →
//! sections by their headings ([`sections`]) → the notice model ([`map`]), with a [`Report`] of
//! what was recognised, what was kept as free text and what was left out as page noise.
//!
//! Invariant: every line of the notice body ends up somewhere in the draft — in a structured
//! field (the report says which, and from which line) or as free text (a section's own words or
//! an `other` section). Only page noise and the document's title are left out, and the report
//! lists each with its reason.

mod basis;
mod bilingual;
pub mod dates;
mod decode;
pub mod docx;
mod fields;
pub mod html;
mod map;
mod parties;
mod registers;
pub mod report;
pub mod review;
pub mod sections;
mod selfcheck;
mod services;
mod statements;
pub mod vocab;

pub use report::{
    Confidence, DropReason, Dropped, Kept, Note, Recognised, Report, SectionMap, Suggestion,
};

use crate::model::Notice;
use crate::text::Lang;
use crate::{Error, Result};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// How much text the letter-based language guess reads (bytes).
const LETTER_SAMPLE: usize = 4096;

/// A draft made from an existing notice, and the report of how it was made.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Imported {
    pub notice: Notice,
    pub report: Report,
}

/// Import notice text (plain text, possibly with HTML fragments or TAB tables, or a whole HTML
/// page). Fails only on empty or binary-looking text.
pub fn import_text(text: &str) -> Result<Imported> {
    import_str(text, "The text", false)
}

/// Import a file: .txt (UTF-8, UTF-16 with BOM or Windows-1252), .html/.htm, or .docx.
pub fn import_file(path: &Path) -> Result<Imported> {
    use std::io::Read;
    let what = path.display().to_string();
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || Error::ImportTooLarge {
        what: what.clone(),
        limit_mb: decode::MAX_BYTES / (1024 * 1024),
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    // The size is checked before a byte is read, and the read itself stops one byte past the
    // cap (a file that grows meanwhile, or one whose metadata says nothing, e.g. a pipe).
    if file.metadata().map_err(read_err)?.len() > decode::MAX_BYTES as u64 {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(decode::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() > decode::MAX_BYTES {
        return Err(too_large());
    }
    import_bytes(&bytes, &what)
}

/// Import the bytes of a file; `what` names it in messages and its extension is a hint.
pub fn import_bytes(bytes: &[u8], what: &str) -> Result<Imported> {
    if bytes.len() > decode::MAX_BYTES {
        return Err(Error::ImportTooLarge {
            what: what.to_string(),
            limit_mb: decode::MAX_BYTES / (1024 * 1024),
        });
    }
    match decode::sniff(bytes, what)? {
        decode::Kind::Docx => {
            let lines = docx::to_lines(bytes, what)?;
            let imported = from_lines(lines, Vec::new());
            if imported.notice == Notice::default() {
                return Err(Error::ImportEmpty {
                    what: what.to_string(),
                });
            }
            Ok(imported)
        }
        decode::Kind::Html => {
            let text = decode::decode(bytes, what)?;
            import_str(&text, what, true)
        }
        decode::Kind::Text => {
            let text = decode::decode(bytes, what)?;
            if text.trim_start().starts_with('{')
                && crate::notice_io::from_json(&text, what).is_ok()
            {
                return Err(Error::ImportFormat {
                    what: what.to_string(),
                    detail: "it is already a Seloste notice (seloste/2 or seloste/1), so open it instead (e.g. `seloste drafts import`)"
                        .to_string(),
                });
            }
            import_str(&text, what, false)
        }
    }
}

fn import_str(text: &str, what: &str, html_hint: bool) -> Result<Imported> {
    // A byte-order mark pasted along with the text is not part of it.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.len() > decode::MAX_BYTES {
        return Err(Error::ImportTooLarge {
            what: what.to_string(),
            limit_mb: decode::MAX_BYTES / (1024 * 1024),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::ImportEmpty {
            what: what.to_string(),
        });
    }
    if text.contains('\0') {
        return Err(Error::ImportBinary {
            what: what.to_string(),
        });
    }
    let mut dropped = Vec::new();
    let lines = if html_hint || html::is_document(text) {
        html::to_lines(text, &mut dropped)
    } else {
        sections::text_lines(text, &mut dropped)
    };
    let imported = from_lines(lines, dropped);
    if imported.notice == Notice::default() {
        return Err(Error::ImportEmpty {
            what: what.to_string(),
        });
    }
    Ok(imported)
}

fn from_lines(lines: Vec<sections::Line>, dropped: Vec<Dropped>) -> Imported {
    let texts = selfcheck::line_texts(&lines);
    let mut doc = sections::split(lines, dropped);
    drop_repeats(&mut doc);
    let lang = detect_lang(&doc);
    let (mut notice, mut report) = map::map(doc, lang);
    statements::apply(&texts, &mut notice, &mut report);
    parties::fill_controller(&texts, &mut notice, &mut report);
    selfcheck::check(&texts, &mut notice, &mut report);
    Imported { notice, report }
}

/// A section that repeats an earlier one word for word (a notice pasted twice, the mobile and
/// the desktop copy of one web page) adds nothing to the draft but the same items again: it is
/// left out, and the report names each repeated section once. Its text is in the draft through
/// the first copy, so no line is lost.
fn drop_repeats(doc: &mut sections::Doc) {
    // Each section's heading and words, and whether its repeat is already in the report.
    let mut seen: HashMap<String, bool> = HashMap::new();
    let mut kept = Vec::with_capacity(doc.sections.len());
    for s in std::mem::take(&mut doc.sections) {
        let mut key = s.heading.clone();
        for b in &s.blocks {
            key.push('\u{1e}');
            key.push_str(b.text());
        }
        match seen.get_mut(&key) {
            None => {
                seen.insert(key, false);
                kept.push(s);
            }
            Some(reported) => {
                if !*reported {
                    *reported = true;
                    doc.dropped.push(Dropped {
                        text: s.heading.chars().take(120).collect(),
                        reason: DropReason::Repeat,
                    });
                }
            }
        }
    }
    doc.sections = kept;
}

/// The notice's language, by counting common words (Finnish when it cannot tell).
fn detect_lang(doc: &sections::Doc) -> Lang {
    let texts = doc
        .preamble
        .iter()
        .chain(doc.sections.iter().flat_map(|s| s.blocks.iter()))
        .map(|b| b.text())
        .chain(doc.sections.iter().map(|s| s.heading.as_str()));
    lang_of(texts, 1).unwrap_or(Lang::Fi)
}

/// The language most of these texts' common words belong to, if at least `min` were found.
pub(crate) fn lang_of<'a>(texts: impl Iterator<Item = &'a str>, min: usize) -> Option<Lang> {
    const FI: &[&str] = &[
        "ja",
        "on",
        "tai",
        "sekä",
        "ei",
        "että",
        "tietoja",
        "voidaan",
        "henkilötietoja",
        "rekisterin",
        "jos",
        "kun",
        "myös",
        "kuin",
        "ovat",
        "voi",
        "meidän",
        "sinun",
        "tiedot",
        "henkilötiedot",
        "emme",
    ];
    const SV: &[&str] = &[
        "och",
        "är",
        "att",
        "eller",
        "som",
        "för",
        "inte",
        "med",
        "av",
        "till",
        "vi",
        "den",
        "det",
        "på",
        "om",
        "kan",
        "våra",
        "dina",
        "uppgifter",
        "personuppgifter",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "is", "or", "we", "for", "with", "your", "our", "you", "are",
        "be", "this", "data", "personal", "that", "not", "may",
    ];
    // Each common word and the languages it belongs to (a word may be common in more than one),
    // and the longest one's length in bytes (a longer word is not looked up).
    type Words = (HashMap<&'static str, [bool; 3]>, usize);
    static WORDS: OnceLock<Words> = OnceLock::new();
    let (words, longest) = WORDS.get_or_init(|| {
        let mut m: HashMap<&'static str, [bool; 3]> = HashMap::new();
        for (i, list) in [FI, SV, EN].iter().enumerate() {
            for w in *list {
                m.entry(w).or_default()[i] = true;
            }
        }
        let longest = m.keys().map(|w| w.len()).max().unwrap_or(0);
        (m, longest)
    });
    let longest = *longest;
    let mut counts = [0usize; 3];
    let all: Vec<&str> = texts.collect();
    let mut lower = String::new();
    for &t in &all {
        for w in t
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= longest)
        {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if let Some(langs) = words.get(lower.as_str()) {
                for (i, hit) in langs.iter().enumerate() {
                    counts[i] += usize::from(*hit);
                }
            }
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] >= min {
        return Some([Lang::Fi, Lang::Sv, Lang::En][best]);
    }
    // Too few common words (a short paragraph, names and numbers): the letters tell. A sample
    // of the first few thousand characters tells as well as the whole, at a bounded cost.
    let mut joined = String::new();
    for t in &all {
        if joined.len() >= LETTER_SAMPLE {
            break;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(t);
    }
    if joined.len() > LETTER_SAMPLE {
        let mut end = LETTER_SAMPLE;
        while !joined.is_char_boundary(end) {
            end -= 1;
        }
        joined.truncate(end);
    }
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Fin,
        whatlang::Lang::Swe,
        whatlang::Lang::Eng,
    ]);
    let info = detector.detect(&joined).filter(|i| i.is_reliable())?;
    Some(match info.lang() {
        whatlang::Lang::Fin => Lang::Fi,
        whatlang::Lang::Swe => Lang::Sv,
        _ => Lang::En,
    })
}
