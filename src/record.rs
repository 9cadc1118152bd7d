//! The record of processing activities (GDPR Art. 30(1), "seloste käsittelytoimista"), built
//! from the same notice as the privacy notice: the controller and its contact, each processing
//! activity (one per purpose) with its people, data, recipients, transfers with their
//! safeguard, and retention, and a general description of the security measures. An internal
//! document: every format says so, and says why the Art. 30(5) exemption for organisations
//! under 250 employees does not apply.
//!
//! - [`build`] gives the [`Record`]: the notice's own items per activity (what the tests compare
//!   with the notice model);
//! - [`document`] prints it as a format-neutral `Document`, so the HTML and PDF exports print it
//!   with the notice's own renderers; [`csv`] gives one row per activity.
//!
//! Strings live in `src/data/record.json`; labels the notice shares (legal bases, mechanisms,
//! units, countries) come from `output.json` through `document::out`.

use crate::Result;
use crate::catalogue::{self, Provenance};
use crate::document::{self, Block, DocSection, Document, Field, Inline};
use crate::model::{
    DataCategory, Item, Notice, Party, Purpose, Recipient, Retention, Role, SpecialCategory,
    belongs_to, share_a_register,
};
use crate::text::{Lang, Text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct RecordData {
    #[serde(flatten)]
    #[allow(dead_code)]
    provenance: Provenance,
    strings: BTreeMap<String, Text>,
}

fn data() -> &'static RecordData {
    static D: OnceLock<RecordData> = OnceLock::new();
    D.get_or_init(|| crate::data::embedded!("record"))
}

/// The data file's version (for the data versions a published notice records).
pub fn data_version() -> u32 {
    data().provenance.version
}

/// A string of `record.json`; a missing key is a bug caught by the tests.
pub fn s(key: &str, lang: Lang) -> &'static str {
    match data().strings.get(key).and_then(|t| t.get(lang)) {
        Some(s) => s,
        None => {
            debug_assert!(false, "record.json has no {key} in {lang}");
            "?"
        }
    }
}

/// Why the Art. 30(5) exemption does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A notice describes a register kept continuously: the processing is not occasional.
    NotOccasional,
    /// Special categories of data (Art. 9(1)) are processed.
    SpecialCategories,
}

/// One processing activity: a purpose with the register's people, data, recipients, transfers
/// and retention (the notice does not break them down by purpose). In a notice of several
/// registers, the people, data and retention are those of the purpose's registers.
#[derive(Debug, Clone)]
pub struct Activity<'a> {
    pub purpose: &'a Purpose,
    /// The registers the purpose belongs to: the notice's register when it covers one, else
    /// the purpose's own registers (all of them when it names none).
    pub registers: Vec<&'a Text>,
    pub subjects: Vec<&'a Item>,
    pub data: Vec<&'a DataCategory>,
    pub special: Vec<&'a SpecialCategory>,
    pub recipients: Vec<&'a Recipient>,
    /// The recipients outside the EU/EEA, each with its safeguard.
    pub transfers: Vec<&'a Recipient>,
    pub retention: Vec<&'a Retention>,
}

/// The record of processing activities of one notice.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub notice: &'a Notice,
    pub controllers: Vec<&'a Party>,
    pub contact: Option<&'a Party>,
    pub dpo: Option<&'a Party>,
    pub activities: Vec<Activity<'a>>,
    pub security: Vec<&'a Item>,
    /// Why the exemption for small organisations does not apply; never empty for a notice
    /// that describes any processing.
    pub exemption_excluded: Vec<Reason>,
}

fn said(t: &Text) -> bool {
    t.all().any(|(_, s)| !s.trim().is_empty())
}

/// The record of `notice`.
pub fn build(notice: &Notice) -> Record<'_> {
    let subjects: Vec<&Item> = notice
        .register
        .subjects
        .iter()
        .filter(|i| said(&i.text))
        .collect();
    let data: Vec<&DataCategory> = notice.data.items.iter().filter(|d| said(&d.text)).collect();
    let special: Vec<&SpecialCategory> = notice.data.special.iter().collect();
    let recipients: Vec<&Recipient> = notice
        .recipients
        .items
        .iter()
        .filter(|r| !r.name.trim().is_empty() || said(&r.description))
        .collect();
    let transfers: Vec<&Recipient> = recipients
        .iter()
        .copied()
        .filter(|r| !r.country.trim().is_empty() && !catalogue::is_eea(&r.country))
        .collect();
    let retention: Vec<&Retention> = notice
        .retention
        .items
        .iter()
        .filter(|r| r.period.is_some() || said(&r.criteria) || said(&r.applies_to))
        .collect();
    let activities: Vec<Activity> = notice
        .purposes
        .items
        .iter()
        .filter(|p| said(&p.text))
        .map(|purpose| {
            // In a notice of several registers, a purpose's people, data and retention are
            // those of its registers (and those all registers share).
            let mine = |refs: &[String]| share_a_register(&purpose.activities, refs);
            let registers = if notice.register.activities.is_empty() {
                Some(&notice.register.name)
                    .filter(|t| said(t))
                    .into_iter()
                    .collect()
            } else {
                notice
                    .register
                    .activities
                    .iter()
                    .filter(|r| belongs_to(&purpose.activities, &r.id))
                    .map(|r| &r.name)
                    .collect()
            };
            Activity {
                purpose,
                registers,
                subjects: subjects
                    .iter()
                    .copied()
                    .filter(|i| mine(&i.activities))
                    .collect(),
                data: data
                    .iter()
                    .copied()
                    .filter(|d| mine(&d.activities))
                    .collect(),
                special: special.clone(),
                recipients: recipients.clone(),
                transfers: transfers.clone(),
                retention: retention
                    .iter()
                    .copied()
                    .filter(|r| mine(&r.activities))
                    .collect(),
            }
        })
        .collect();
    let mut exemption_excluded = Vec::new();
    if !activities.is_empty() || !data.is_empty() {
        exemption_excluded.push(Reason::NotOccasional);
    }
    if !special.is_empty() {
        exemption_excluded.push(Reason::SpecialCategories);
    }
    Record {
        notice,
        controllers: notice.controllers.iter().collect(),
        contact: notice.contact.as_ref(),
        dpo: notice.dpo.as_ref(),
        activities,
        security: notice
            .security
            .manual
            .iter()
            .chain(&notice.security.electronic)
            .filter(|i| said(&i.text))
            .collect(),
        exemption_excluded,
    }
}

/// The serde name of a model enum value ("legitimate_interest"), which is how output.json
/// keys its labels ("b_legitimate_interest").
fn key_of<T: serde::Serialize>(prefix: &str, v: T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => format!("{prefix}{s}"),
        _ => format!("{prefix}none"),
    }
}

/// Printing one record in one language.
struct P {
    lang: Lang,
}

impl P {
    fn out(&self, key: &str) -> &'static str {
        document::out(key, self.lang)
    }

    fn s(&self, key: &str) -> &'static str {
        s(key, self.lang)
    }

    /// The owner's text in the output language, else the language it exists in, marked.
    fn user(&self, t: &Text) -> Option<String> {
        let (text, shown) = t.resolve(self.lang)?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return None;
        }
        if shown == self.lang {
            Some(text)
        } else {
            let only = t.all().count() == 1;
            let note = self.out(&format!(
                "{}_{}",
                if only { "only" } else { "shown" },
                shown.code()
            ));
            Some(format!("{text} {note}"))
        }
    }

    /// A GDPR article in the notice's one citation style per language.
    fn art(&self, a: &str) -> String {
        crate::document::cite_article(a, self.lang)
    }

    fn basis(&self, p: &Purpose) -> String {
        match p.basis {
            Some(b) => {
                let mut s = format!("{} ({})", self.out(&key_of("b_", b)), self.art(b.article()));
                if b == crate::model::LegalBasis::LegitimateInterest
                    && let Some(i) = self.user(&p.interest)
                {
                    s.push_str(&format!(". {}: {i}", self.out("b_legitimate_interest")));
                }
                s
            }
            None => self.s("l_not_stated").to_string(),
        }
    }

    fn special(&self, c: &SpecialCategory) -> String {
        let mut s = self.out(&key_of("s_", c.kind)).to_string();
        if let Some(cond) = c.condition {
            s.push_str(&format!(
                " — {} ({})",
                self.out(&key_of("a_", cond)),
                self.art(cond.article())
            ));
        }
        s
    }

    fn recipient(&self, r: &Recipient) -> String {
        let mut parts = Vec::new();
        if !r.name.trim().is_empty() {
            parts.push(r.name.trim().to_string());
        }
        if let Some(d) = self.user(&r.description) {
            parts.push(d);
        }
        let mut s = parts.join(" – ");
        match r.role {
            Role::JointController => s.push_str(&format!(" ({})", self.out("r_joint_controller"))),
            Role::Authority => s.push_str(&format!(" ({})", self.out("r_authority"))),
            _ => {}
        }
        if !r.country.trim().is_empty() {
            let place = self
                .out("l_location")
                .replace("{c}", &catalogue::country_name(&r.country, self.lang));
            s.push_str(&format!(" ({place})"));
        }
        s
    }

    fn transfer(&self, r: &Recipient) -> String {
        let name = [
            r.name.trim().to_string(),
            self.user(&r.description).unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" – ");
        format!(
            "{name} ({}) — {}: {}",
            catalogue::country_name(&r.country, self.lang),
            self.out("l_mechanism"),
            self.out(&match r.mechanism {
                Some(m) => key_of("m_", m),
                None => "m_none".to_string(),
            })
        )
    }

    fn retention(&self, r: &Retention) -> String {
        let mut rest = Vec::new();
        if let Some(p) = r.period {
            let unit = key_of("u_", p.unit);
            let n = if p.amount == 1 { "one" } else { "many" };
            rest.push(format!("{} {}", p.amount, self.out(&format!("{unit}_{n}"))));
        }
        if let Some(c) = self.user(&r.criteria) {
            rest.push(c);
        }
        let rest = rest.join(", ");
        match self.user(&r.applies_to) {
            Some(a) if !rest.is_empty() => format!("{a}: {rest}"),
            Some(a) => a,
            None => rest,
        }
    }

    /// The lines of each field of an activity, in the record's order: (label key, lines).
    fn activity_fields(&self, a: &Activity) -> Vec<(&'static str, Vec<String>)> {
        let texts = |xs: &[&Item]| xs.iter().filter_map(|i| self.user(&i.text)).collect();
        vec![
            (
                "l_register",
                a.registers.iter().filter_map(|t| self.user(t)).collect(),
            ),
            (
                "l_purpose",
                self.user(&a.purpose.text).into_iter().collect(),
            ),
            ("l_basis", vec![self.basis(a.purpose)]),
            ("l_subjects", texts(&a.subjects)),
            (
                "l_data",
                a.data.iter().filter_map(|d| self.user(&d.text)).collect(),
            ),
            (
                "l_special",
                a.special.iter().map(|c| self.special(c)).collect(),
            ),
            (
                "l_recipients",
                a.recipients.iter().map(|r| self.recipient(r)).collect(),
            ),
            (
                "l_transfers",
                a.transfers.iter().map(|r| self.transfer(r)).collect(),
            ),
            (
                "l_retention",
                a.retention.iter().map(|r| self.retention(r)).collect(),
            ),
        ]
    }

    /// The categories every activity lists, each once in the order first met (label key,
    /// lines): people, data, special categories, recipients, transfers, retention.
    fn shared_fields(&self, r: &Record) -> Vec<(&'static str, Vec<String>)> {
        let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
        for a in &r.activities {
            for (key, lines) in self.activity_fields(a) {
                if matches!(key, "l_register" | "l_purpose" | "l_basis") {
                    continue;
                }
                let slot = match out.iter().position(|(k, _)| *k == key) {
                    Some(i) => &mut out[i].1,
                    None => {
                        out.push((key, Vec::new()));
                        &mut out.last_mut().expect("just pushed").1
                    }
                };
                for l in lines {
                    if !slot.contains(&l) {
                        slot.push(l);
                    }
                }
            }
        }
        out
    }

    /// An empty field says so: "none" where an empty list is an answer (no special categories,
    /// no transfers), "not described" where something is missing.
    fn empty_value(&self, key: &str) -> &'static str {
        match key {
            "l_special" | "l_transfers" => self.s("l_none"),
            _ => self.s("l_not_stated"),
        }
    }
}

/// The record printed as a format-neutral Document in `lang`.
pub fn document(record: &Record, lang: Lang) -> Document {
    let p = P { lang };
    let notice_doc = document::build(record.notice, lang);
    let mut sections = vec![DocSection {
        id: "internal".into(),
        heading: p.s("h_internal").into(),
        heading_lang: None,
        heading_note: None,
        blocks: vec![Block::Note {
            content: vec![Inline::plain(p.s("internal_text"))],
        }],
    }];
    // Controller, contact and data protection officer exactly as the notice prints them.
    sections.extend(
        notice_doc
            .sections
            .iter()
            .filter(|s| matches!(s.id.as_str(), "controller" | "contact" | "dpo"))
            .cloned(),
    );

    let mut blocks = Vec::new();
    if !record.exemption_excluded.is_empty() {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(p.s("exemption_intro"))],
        });
        let items = record
            .exemption_excluded
            .iter()
            .map(|r| match r {
                Reason::NotOccasional => p.s("reason_not_occasional").to_string(),
                Reason::SpecialCategories => {
                    let list: Vec<String> = record
                        .notice
                        .data
                        .special
                        .iter()
                        .map(|c| p.out(&key_of("s_", c.kind)).to_string())
                        .collect();
                    p.s("reason_special").replace("{list}", &list.join(", "))
                }
            })
            .map(|s| vec![Inline::plain(s)])
            .collect();
        blocks.push(Block::List { items });
    }
    blocks.push(Block::Note {
        content: vec![Inline::plain(p.s("criminal_question"))],
    });
    sections.push(DocSection {
        id: "exemption".into(),
        heading: p.s("h_exemption").into(),
        heading_lang: None,
        heading_note: None,
        blocks,
    });

    // The activities as one list (purpose, legal basis), then what they share, each
    // list once: the notice links no category to a single purpose, so repeating the lists per
    // activity would only multiply the pages. (The CSV repeats them: each row stands alone.)
    // A notice of several registers links people, data and retention to registers: the
    // activities then say their register, and those lists are given register by register.
    let registers = &record.notice.register.activities;
    let by_register = !registers.is_empty();
    let mut blocks = vec![Block::Paragraph {
        content: vec![Inline::plain(p.s(if record.activities.is_empty() {
            "no_activities"
        } else if by_register {
            "activities_intro_registers"
        } else {
            "activities_intro"
        }))],
    }];
    if !record.activities.is_empty() {
        blocks.push(Block::List {
            items: record
                .activities
                .iter()
                .map(|a| {
                    let mut v: Vec<Inline> = p
                        .user(&a.purpose.text)
                        .map(Inline::strong)
                        .into_iter()
                        .collect();
                    v.push(Inline::plain(format!(
                        " — {}: {}",
                        p.s("l_basis"),
                        p.basis(a.purpose)
                    )));
                    if by_register {
                        let names: Vec<String> =
                            a.registers.iter().filter_map(|t| p.user(t)).collect();
                        v.push(Inline::plain(format!(
                            " — {}: {}",
                            p.s("l_register"),
                            names.join(", ")
                        )));
                    }
                    v
                })
                .collect(),
        });
    }
    sections.push(DocSection {
        id: "activities".into(),
        heading: p.s("h_activities").into(),
        heading_lang: None,
        heading_note: None,
        blocks,
    });
    for (key, lines) in p.shared_fields(record) {
        let n = record.notice;
        // One register's lines of a list: the items that belong to it, each as the list prints it.
        fn lines_of<T>(
            items: &[T],
            id: &str,
            refs: impl Fn(&T) -> &[String],
            line: impl Fn(&T) -> Option<String>,
        ) -> Vec<String> {
            (items.iter())
                .filter(|x| belongs_to(refs(x), id))
                .filter_map(line)
                .filter(|l| !l.is_empty())
                .collect()
        }
        let per_register: Option<Vec<(&Text, Vec<String>)>> = by_register
            .then(|| {
                registers
                    .iter()
                    .map(|r| {
                        let id = r.id.as_str();
                        let lines = match key {
                            "l_subjects" => Some(lines_of(
                                &n.register.subjects,
                                id,
                                |x| &x.activities,
                                |x| p.user(&x.text),
                            )),
                            "l_data" => Some(lines_of(
                                &n.data.items,
                                id,
                                |x| &x.activities,
                                |x| p.user(&x.text),
                            )),
                            "l_retention" => Some(lines_of(
                                &n.retention.items,
                                id,
                                |x| &x.activities,
                                |x| Some(p.retention(x)),
                            )),
                            _ => None,
                        };
                        lines.map(|l| (&r.name, l))
                    })
                    .collect::<Option<Vec<_>>>()
            })
            .flatten();
        // The lines as a list, or the field's empty value.
        let list = |lines: Vec<String>| {
            if lines.is_empty() {
                Block::Paragraph {
                    content: vec![Inline::plain(p.empty_value(key))],
                }
            } else {
                Block::List {
                    items: lines.into_iter().map(|l| vec![Inline::plain(l)]).collect(),
                }
            }
        };
        let blocks = match per_register {
            Some(groups) => groups
                .into_iter()
                .flat_map(|(name, lines)| {
                    [
                        Block::Subheading {
                            content: vec![Inline::plain(p.user(name).unwrap_or_default())],
                        },
                        list(lines),
                    ]
                })
                .collect(),
            None => vec![list(lines)],
        };
        sections.push(DocSection {
            id: key.trim_start_matches("l_").into(),
            heading: p.s(key).into(),
            heading_lang: None,
            heading_note: None,
            blocks,
        });
    }

    // Security: the notice's own measures, manual and electronic.
    let mut blocks = Vec::new();
    for (key, list) in [
        ("h_security_manual", &record.notice.security.manual),
        ("h_security_electronic", &record.notice.security.electronic),
    ] {
        let items: Vec<Vec<Inline>> = list
            .iter()
            .filter_map(|i| p.user(&i.text))
            .map(|t| vec![Inline::plain(t)])
            .collect();
        if !items.is_empty() {
            blocks.push(Block::Subheading {
                content: vec![Inline::plain(p.out(key))],
            });
            blocks.push(Block::List { items });
        }
    }
    if let Some(t) = p.user(&record.notice.security.text) {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(t)],
        });
    }
    if blocks.is_empty() {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(p.s("l_not_stated"))],
        });
    }
    sections.push(DocSection {
        id: "security".into(),
        heading: p.s("h_security").into(),
        heading_lang: None,
        heading_note: None,
        blocks,
    });

    Document {
        lang,
        title: p.s("title").into(),
        register_name: notice_doc.register_name,
        date_line: notice_doc.date_line,
        language_note: notice_doc.language_note,
        sections,
    }
}

/// The record of `notice` as a standalone HTML document (the notice's template and styles).
pub fn html(notice: &Notice, lang: Lang) -> Result<String> {
    crate::render::html_from(&document(&build(notice), lang))
}

/// The record of `notice` as an A4 PDF; its footer marks it as an internal document.
pub fn pdf(notice: &Notice, lang: Lang) -> Result<Vec<u8>> {
    pdf_at(notice, lang, time::OffsetDateTime::now_utc())
}

/// `pdf` with a given creation date (for reproducible output).
pub fn pdf_at(notice: &Notice, lang: Lang, created: time::OffsetDateTime) -> Result<Vec<u8>> {
    let doc = document(&build(notice), lang);
    let mut meta = crate::pdf::meta(notice, &doc, created);
    meta.footer = format!("{} · {}", s("footer_mark", lang), meta.footer);
    crate::pdf::render_document(&doc, &meta)
}

/// One CSV cell: quoted when needed (RFC 4180), and a leading `=`, `+`, `-` or `@` escaped
/// with an apostrophe so that a spreadsheet never runs the owner's text as a formula.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A party on one line: name, business ID, address, e-mail, phone.
fn party_line(p: &Party, lang: Lang) -> String {
    let doc_blocks = {
        let mut n = Notice::default();
        n.contact = Some(p.clone());
        document::build(&n, lang)
    };
    doc_blocks
        .section("contact")
        .map(|s| {
            s.blocks
                .iter()
                .flat_map(|b| match b {
                    Block::Subheading { content } | Block::Paragraph { content } => {
                        vec![content.iter().map(Inline::to_plain).collect::<String>()]
                    }
                    Block::Fields { rows } => rows
                        .iter()
                        .map(|r: &Field| {
                            format!(
                                "{}: {}",
                                r.label,
                                r.value.iter().map(Inline::to_plain).collect::<String>()
                            )
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default()
}

/// The record as CSV (UTF-8 with a byte-order mark, so spreadsheets read the letters right;
/// comma-separated, CRLF line ends): a header row, then one row per processing activity with
/// the controller, contact, purpose, basis, people, data, special categories, recipients,
/// transfers, retention and security measures; lists inside a cell separated by " | ". The
/// first column marks every row as an internal document.
pub fn csv(notice: &Notice, lang: Lang) -> String {
    let record = build(notice);
    let p = P { lang };
    let mut header: Vec<&str> = vec![
        p.s("l_document"),
        p.s("l_controller"),
        p.s("l_contact"),
        p.s("l_dpo"),
        p.s("l_activity"),
    ];
    let field_keys = [
        "l_register",
        "l_purpose",
        "l_basis",
        "l_subjects",
        "l_data",
        "l_special",
        "l_recipients",
        "l_transfers",
        "l_retention",
    ];
    header.extend(field_keys.iter().map(|k| p.s(k)));
    header.push(p.s("l_security"));
    let controllers = record
        .controllers
        .iter()
        .map(|c| party_line(c, lang))
        .collect::<Vec<_>>()
        .join(" | ");
    let contact = record
        .contact
        .map(|c| party_line(c, lang))
        .unwrap_or_default();
    let dpo = record.dpo.map(|c| party_line(c, lang)).unwrap_or_default();
    let security = record
        .security
        .iter()
        .filter_map(|i| p.user(&i.text))
        .chain(p.user(&record.notice.security.text))
        .collect::<Vec<_>>()
        .join(" | ");
    let mut lines = vec![header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",")];
    for (i, a) in record.activities.iter().enumerate() {
        let mut row = vec![
            p.s("footer_mark").to_string(),
            controllers.clone(),
            contact.clone(),
            dpo.clone(),
            (i + 1).to_string(),
        ];
        for (key, values) in p.activity_fields(a) {
            row.push(if values.is_empty() {
                p.empty_value(key).to_string()
            } else {
                values.join(" | ")
            });
        }
        row.push(if security.is_empty() {
            p.s("l_not_stated").to_string()
        } else {
            security.clone()
        });
        lines.push(row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
    }
    let mut out = String::from("\u{FEFF}");
    out.push_str(&lines.join("\r\n"));
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_three_languages() {
        for (k, t) in &data().strings {
            for l in Lang::ALL {
                assert!(
                    t.get(l).is_some_and(|s| !s.trim().is_empty()),
                    "record.json: {k} has no {l}"
                );
            }
        }
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("a"), "a");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("sanoi \"hei\""), "\"sanoi \"\"hei\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("@x"), "'@x");
    }

    #[test]
    fn an_empty_notice_says_there_are_no_activities_yet() {
        let n = Notice::default();
        let r = build(&n);
        assert!(r.activities.is_empty());
        assert!(r.exemption_excluded.is_empty());
        let d = document(&r, Lang::En);
        let text = d.to_plain_text();
        assert!(text.contains(s("no_activities", Lang::En)), "{text}");
        assert!(text.contains(s("internal_text", Lang::En)));
    }
}
