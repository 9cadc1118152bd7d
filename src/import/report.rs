//! The import report: what was recognised, what was kept as free text, what was left out and
//! why, and what the user should review. Printable in Finnish, Swedish and English.

use super::vocab::vocab;
use crate::text::Lang;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The language the notice is written in (its text went into this language's fields).
    pub lang: Option<Lang>,
    /// Each heading found and where its text went (JSON Pointers; empty = an `other` section).
    pub sections: Vec<SectionMap>,
    /// Values taken into structured fields.
    pub recognised: Vec<Recognised>,
    /// Text kept as the owner's own words (free-text fields), with where it went.
    pub kept_as_text: Vec<Kept>,
    /// Text left out of the draft, with the reason.
    pub dropped: Vec<Dropped>,
    /// Things the user should review.
    pub notes: Vec<Note>,
    /// Lines of the body the self-check found in no field, free text, heading or left-out
    /// line; they were put into an `other` section of their own (see `selfcheck`).
    pub unplaced: Vec<String>,
    /// What the importer inferred rather than read (a service behind an e-mail address, a
    /// basis a list of bases ties to a purpose): offered to the owner, never put in the draft.
    pub suggestions: Vec<Suggestion>,
}

/// How sure the importer is of a recognised value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read plainly from the notice's own words at that place.
    #[default]
    Certain,
    /// Read, but from a looser cue (a sentence elsewhere, a name found in the text, the
    /// catalogue's details of a named service): the owner should look at it.
    Check,
}

/// An inference offered to the owner: set `field` to `value`, because of `source`.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Suggestion {
    /// JSON Pointer of the field it would fill (for a list, the list: `/recipients/items`).
    pub field: String,
    /// The value: a basis key (`consent`), a catalogue service key, …
    pub value: String,
    /// Why: a message key in `src/data/import.json` (`suggest.*`).
    pub code: String,
    /// The line of the original it comes from.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionMap {
    pub heading: String,
    pub to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recognised {
    /// JSON Pointer of the field, e.g. `/controllers/0/business_id`.
    pub field: String,
    pub value: String,
    /// The line of the original it came from.
    pub source: String,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kept {
    /// JSON Pointer of the free-text field.
    pub field: String,
    /// The heading of the original section.
    pub heading: String,
    pub chars: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// Site navigation: "Vieritä ylös", "Sivukartta".
    Navigation,
    /// A web shop's cart widget: "Tarjouskori", "Korissa ei ole yhtään tuotetta".
    Shop,
    CookieBanner,
    Share,
    /// A lone number at the edge of the page (a cart counter).
    Counter,
    /// The document's own title.
    Title,
    /// Page code: script, style, nav, …
    Markup,
    /// A section that repeats an earlier one word for word.
    Repeat,
}

impl DropReason {
    pub fn from_key(key: &str) -> DropReason {
        match key {
            "shop" => DropReason::Shop,
            "cookie_banner" => DropReason::CookieBanner,
            "share" => DropReason::Share,
            _ => DropReason::Navigation,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DropReason::Navigation => "navigation",
            DropReason::Shop => "shop",
            DropReason::CookieBanner => "cookie_banner",
            DropReason::Share => "share",
            DropReason::Counter => "counter",
            DropReason::Title => "title",
            DropReason::Markup => "markup",
            DropReason::Repeat => "repeat",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dropped {
    pub text: String,
    pub reason: DropReason,
}

/// Something to review: a message key in `src/data/import.json` (`note.*`) and its arguments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub code: String,
    pub args: Vec<String>,
}

impl Note {
    pub fn new(code: &str, args: Vec<String>) -> Note {
        Note {
            code: code.to_string(),
            args,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let mut m = vocab().msg(&format!("note.{}", self.code), lang);
        for (i, a) in self.args.iter().enumerate() {
            m = m.replace(&format!("{{{i}}}"), a);
        }
        m
    }
}

impl Report {
    /// The report as plain text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let v = vocab();
        let m = |k: &str| v.msg(k, lang);
        let mut s = String::new();
        let _ = writeln!(s, "{}", m("heading"));
        if let Some(l) = self.lang {
            let _ = writeln!(s, "{}: {}", m("language"), l);
        }
        let _ = writeln!(s, "\n{}:", m("sections"));
        for sec in &self.sections {
            let to = if sec.to.is_empty() {
                m("unmapped")
            } else {
                sec.to.join(", ")
            };
            let _ = writeln!(s, "  {} → {}", short(&sec.heading), to);
        }
        let _ = writeln!(s, "\n{}:", m("recognised"));
        if self.recognised.is_empty() {
            let _ = writeln!(s, "  {}", m("none"));
        }
        for r in &self.recognised {
            let check = if r.confidence == Confidence::Check {
                format!(" ({})", m("check"))
            } else {
                String::new()
            };
            let _ = writeln!(s, "  {} = {}{check}", r.field, short(&r.value));
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(s, "\n{}:", m("suggestions"));
            for g in &self.suggestions {
                let _ = writeln!(
                    s,
                    "  {} = {} ({}: {})",
                    g.field,
                    g.value,
                    m(&format!("suggest.{}", g.code)),
                    short(&g.source)
                );
            }
        }
        let _ = writeln!(s, "\n{}:", m("kept"));
        if self.kept_as_text.is_empty() {
            let _ = writeln!(s, "  {}", m("none"));
        }
        for k in &self.kept_as_text {
            let _ = writeln!(s, "  {} ← {} ({} ch)", k.field, short(&k.heading), k.chars);
        }
        let _ = writeln!(s, "\n{}:", m("dropped"));
        if self.dropped.is_empty() {
            let _ = writeln!(s, "  {}", m("none"));
        }
        for d in &self.dropped {
            let _ = writeln!(
                s,
                "  \"{}\": {}",
                short(&d.text),
                m(&format!("reason.{}", d.reason.key()))
            );
        }
        if !self.notes.is_empty() {
            let _ = writeln!(s, "\n{}:", m("notes"));
            for n in &self.notes {
                let _ = writeln!(s, "  - {}", n.message(lang));
            }
        }
        s
    }
}

fn short(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 90 {
        format!("{}…", one_line.chars().take(89).collect::<String>())
    } else {
        one_line
    }
}
