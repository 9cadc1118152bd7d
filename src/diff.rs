//! What changed between two notices, section by section, as lines a person reads ("Added:
//! Newsletter marketing; legal basis: consent"), not as JSON.
//!
//! Sections are the model's top-level fields. Inside a section each list element is one entry,
//! matched between the two notices by its catalogue `key`, else its name or text; every other
//! field is one entry. Entries only in the new notice are added, only in the old removed, and
//! matched entries that differ are changed. When the difference is only in another language
//! than the one asked for, both sides are shown in all their languages.

use crate::model::Notice;
use crate::section::Section;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// The differences between two notices, in the order of the notice's sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub lang: Lang,
    pub sections: Vec<SectionDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionDiff {
    /// The model's field name, e.g. `purposes`.
    pub id: String,
    /// The heading shown for it (see `section_heading`).
    pub heading: String,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Added { line: String },
    Removed { line: String },
    Changed { before: String, after: String },
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }
}

impl fmt::Display for Diff {
    /// One heading per changed section, then one line per change:
    /// `+ Added: …`, `- Removed: …`, `~ Changed: … → …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = |k: &str| word(k, self.lang);
        if self.sections.is_empty() {
            return writeln!(f, "{}", w("no_changes"));
        }
        for s in &self.sections {
            writeln!(f, "{}", s.heading)?;
            for c in &s.changes {
                match c {
                    Change::Added { line } => writeln!(f, "  + {}: {line}", w("added"))?,
                    Change::Removed { line } => writeln!(f, "  - {}: {line}", w("removed"))?,
                    Change::Changed { before, after } => {
                        writeln!(f, "  ~ {}: {before} → {after}", w("changed"))?
                    }
                }
            }
        }
        Ok(())
    }
}

/// The heading shown for a section id: the rendered notice's own heading for it (from
/// `src/data/output.json`), so the diff names sections as the owner sees them. The one place
/// the display names of sections come from.
pub fn section_heading(id: &str, lang: Lang) -> String {
    let key = match id {
        "meta" => return word("dates", lang),
        // Parts of the controller's section with headings of their own.
        "joint_arrangement" => "h_joint_arrangement",
        "representative" => "h_representative",
        "other" => "h_other",
        _ => match Section::of_field(id).and_then(Section::heading_key) {
            Some(key) => key,
            // A section the model gained after the list: its id is still readable.
            None => return id.replace('_', " "),
        },
    };
    crate::document::out(key, lang).to_string()
}

/// Compare two notices.
pub fn notices(a: &Notice, b: &Notice, lang: Lang) -> Diff {
    let (va, vb) = (to_map(a), to_map(b));
    let mut ids: Vec<String> = section_order().iter().map(|s| s.to_string()).collect();
    // Fields the model gains later still show, after the known ones.
    for k in va.keys().chain(vb.keys()) {
        if !ids.contains(k) && k != "format" {
            ids.push(k.clone());
        }
    }
    let sections = ids
        .into_iter()
        .filter_map(|id| {
            let (x, y) = (
                va.get(&id).unwrap_or(&Value::Null),
                vb.get(&id).unwrap_or(&Value::Null),
            );
            if x == y {
                return None;
            }
            let changes = compare(&entries(x, lang), &entries(y, lang), lang);
            (!changes.is_empty()).then(|| SectionDiff {
                heading: section_heading(&id, lang),
                id,
                changes,
            })
        })
        .collect();
    Diff { lang, sections }
}

/// The model's top-level fields in the order of the notice: the dates, every section's
/// fields (`Section`), the owner's own sections.
fn section_order() -> Vec<&'static str> {
    let mut ids = vec!["meta"];
    for s in Section::ALL {
        for f in s.fields() {
            if !ids.contains(f) {
                ids.push(f);
            }
        }
    }
    ids.push("other");
    ids
}

/// Fields whose string values are enum names, shown through the `values` labels.
const ENUM_FIELDS: &[&str] = &[
    "kind",
    "basis",
    "condition",
    "role",
    "mechanism",
    "unit",
    "category",
    "id_kind",
    "identifier",
    "code_reason",
    "consent_method",
    "relation",
];

/// Fields holding `YYYY-MM-DD` dates, shown as the rendered notice shows them (`12.3.2027`).
const DATE_FIELDS: &[&str] = &["drafted", "updated", "date"];

/// Fields that name an item, in order of preference, shown first.
const PRIMARY: &[&str] = &[
    "name",
    "text",
    "heading",
    "description",
    "applies_to",
    "kind",
];

fn to_map(n: &Notice) -> Map<String, Value> {
    match serde_json::to_value(n) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// One comparable piece of a section.
struct Entry {
    /// What matches it with its counterpart in the other notice.
    identity: String,
    /// The line in the asked language.
    line: String,
    /// The line with every language, for differences outside the asked language.
    full: String,
    /// For a list item that is a record: its label prefix and fields, so that a change shows
    /// only the fields that changed.
    record: Option<(String, Map<String, Value>)>,
}

fn entries(v: &Value, lang: Lang) -> Vec<Entry> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().map(|i| item_entry(None, i, lang)).collect(),
        Value::Object(m) if is_text(m) => vec![Entry {
            identity: String::new(),
            line: render(None, v, lang, false),
            full: render(None, v, lang, true),
            record: None,
        }],
        Value::Object(m) => {
            let mut out = Vec::new();
            for (field, x) in m {
                match x {
                    Value::Array(items) => {
                        out.extend(items.iter().map(|i| item_entry(Some(field), i, lang)))
                    }
                    _ => {
                        let label = field_label(field, lang);
                        out.push(Entry {
                            identity: field.clone(),
                            line: format!("{label}: {}", render(Some(field), x, lang, false)),
                            full: format!("{label}: {}", render(Some(field), x, lang, true)),
                            record: None,
                        });
                    }
                }
            }
            out
        }
        other => vec![Entry {
            identity: String::new(),
            line: render(None, other, lang, false),
            full: render(None, other, lang, true),
            record: None,
        }],
    }
}

/// An element of a list, labelled with the list's name when the section has several lists.
fn item_entry(list: Option<&str>, item: &Value, lang: Lang) -> Entry {
    let prefix = match list {
        Some(l) if l != "items" => format!("{}: ", field_label(l, lang)),
        _ => String::new(),
    };
    let identity = match item {
        Value::Object(m) => {
            let key = m
                .get("key")
                .and_then(Value::as_str)
                .filter(|k| !k.is_empty());
            let named = PRIMARY
                .iter()
                .find_map(|f| m.get(*f).filter(|v| !is_blank(v)));
            match (key, named) {
                (Some(k), _) => format!("key:{k}"),
                (None, Some(v)) => format!("named:{}", render(None, v, lang, true)),
                (None, None) => format!("all:{}", render(None, item, lang, true)),
            }
        }
        _ => format!("all:{}", render(None, item, lang, true)),
    };
    Entry {
        identity: format!("{}/{identity}", list.unwrap_or("")),
        line: format!("{prefix}{}", render(None, item, lang, false)),
        full: format!("{prefix}{}", render(None, item, lang, true)),
        record: match item {
            Value::Object(m) if !is_text(m) => Some((prefix, m.clone())),
            _ => None,
        },
    }
}

/// A changed record as its name and only the fields that differ, old and new.
fn concise(
    prefix: &str,
    a: &Map<String, Value>,
    b: &Map<String, Value>,
    lang: Lang,
    full: bool,
) -> (String, String) {
    let primary = PRIMARY
        .iter()
        .find(|f| b.get(**f).or(a.get(**f)).is_some_and(|v| !is_blank(v)))
        .copied();
    let (mut pa, mut pb) = (Vec::new(), Vec::new());
    if let Some(p) = primary {
        let none = Value::Null;
        pa.push(render(Some(p), a.get(p).unwrap_or(&none), lang, full));
        pb.push(render(Some(p), b.get(p).unwrap_or(&none), lang, full));
    }
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        let (x, y) = (
            a.get(k).unwrap_or(&Value::Null),
            b.get(k).unwrap_or(&Value::Null),
        );
        if Some(k.as_str()) == primary || k == "key" || x == y {
            continue;
        }
        let label = field_label(k, lang);
        pa.push(format!("{label}: {}", render(Some(k), x, lang, full)));
        pb.push(format!("{label}: {}", render(Some(k), y, lang, full)));
    }
    (
        format!("{prefix}{}", pa.join("; ")),
        format!("{prefix}{}", pb.join("; ")),
    )
}

/// Pair entries by identity (in order, for repeats) and list what differs.
fn compare(a: &[Entry], b: &[Entry], lang: Lang) -> Vec<Change> {
    let mut unmatched_b: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in b.iter().enumerate().rev() {
        unmatched_b.entry(e.identity.as_str()).or_default().push(i);
    }
    let mut pair_of_b: Vec<Option<usize>> = vec![None; b.len()];
    let mut changes = Vec::new();
    for (i, e) in a.iter().enumerate() {
        match unmatched_b.get_mut(e.identity.as_str()).and_then(Vec::pop) {
            Some(j) => pair_of_b[j] = Some(i),
            None => changes.push((
                i,
                Change::Removed {
                    line: e.line.clone(),
                },
            )),
        }
    }
    for (j, e) in b.iter().enumerate() {
        match pair_of_b[j] {
            None => changes.push((
                a.len() + j,
                Change::Added {
                    line: e.line.clone(),
                },
            )),
            Some(i) => {
                let old = &a[i];
                if old.full == e.full {
                    continue;
                }
                let show_all = old.line == e.line;
                let (before, after) = match (&old.record, &e.record) {
                    (Some((prefix, x)), Some((_, y))) => concise(prefix, x, y, lang, show_all),
                    _ if show_all => (old.full.clone(), e.full.clone()),
                    _ => (old.line.clone(), e.line.clone()),
                };
                changes.push((i, Change::Changed { before, after }));
            }
        }
    }
    // Removed and changed in the old notice's order, then the additions in the new one's.
    changes.sort_by_key(|(pos, _)| *pos);
    changes.into_iter().map(|(_, c)| c).collect()
}

fn is_text(m: &Map<String, Value>) -> bool {
    !m.is_empty() && m.keys().all(|k| matches!(k.as_str(), "fi" | "sv" | "en"))
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Object(m) => m.values().all(is_blank),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A value as words. `field` is the field it sits in (for enum names); `full` shows every
/// language of a text instead of just `lang`.
fn render(field: Option<&str>, v: &Value, lang: Lang, full: bool) -> String {
    match v {
        Value::Null => word("none", lang),
        Value::Bool(true) => word("yes", lang),
        Value::Bool(false) => word("no", lang),
        Value::Number(n) => n.to_string(),
        Value::String(s) if field.is_some_and(|f| ENUM_FIELDS.contains(&f)) => {
            // A value named alike in two enums ("none") may carry a label of its own field.
            let f = field.unwrap_or_default();
            pick(&labels().values, &format!("{f}.{s}"), lang)
                .unwrap_or_else(|| value_label(s, lang))
        }
        Value::String(s) if field.is_some_and(|f| DATE_FIELDS.contains(&f)) => {
            crate::document::format_date(s, lang)
        }
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            if items.is_empty() {
                return word("none", lang);
            }
            items
                .iter()
                .map(|i| render(field, i, lang, full))
                .collect::<Vec<_>>()
                .join("; ")
        }
        Value::Object(m) if is_text(m) => {
            let get = |l: Lang| {
                m.get(l.code())
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            if full {
                let parts: Vec<String> = Lang::ALL
                    .iter()
                    .filter_map(|&l| get(l).map(|t| format!("[{l}] {t}")))
                    .collect();
                return parts.join(" ");
            }
            match get(lang) {
                Some(t) => t.to_string(),
                // Not written in this language: show what there is, marked with its language.
                None => Lang::ALL
                    .iter()
                    .find_map(|&l| get(l).map(|t| format!("[{l}] {t}")))
                    .unwrap_or_else(|| word("none", lang)),
            }
        }
        Value::Object(m) if field == Some("address") => {
            let get = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("").trim();
            let town = format!("{} {}", get("postal_code"), get("city"));
            [get("street"), town.trim(), get("country")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        }
        Value::Object(m) => {
            if let (Some(Value::Number(n)), Some(Value::String(u))) =
                (m.get("amount"), m.get("unit"))
                && m.len() == 2
            {
                return format!("{n} {}", value_label(u, lang));
            }
            if let (Some(Value::String(d)), Some(t)) = (m.get("date"), m.get("text"))
                && m.len() == 2
            {
                return format!(
                    "{}: {}",
                    crate::document::format_date(d, lang),
                    render(None, t, lang, full)
                );
            }
            let primary = PRIMARY
                .iter()
                .find(|f| m.get(**f).is_some_and(|v| !is_blank(v)));
            let mut parts = Vec::new();
            if let Some(p) = primary {
                parts.push(render(Some(p), &m[*p], lang, full));
            }
            for (k, x) in m {
                if Some(&k.as_str()) == primary || k == "key" || is_blank(x) {
                    continue;
                }
                parts.push(format!(
                    "{}: {}",
                    field_label(k, lang),
                    render(Some(k), x, lang, full)
                ));
            }
            parts.join("; ")
        }
    }
}

#[derive(Deserialize)]
struct Labels {
    #[allow(dead_code)]
    version: u32,
    #[allow(dead_code)]
    verified_on: String,
    #[allow(dead_code)]
    source: String,
    words: BTreeMap<String, Text>,
    fields: BTreeMap<String, Text>,
    values: BTreeMap<String, Text>,
}

fn labels() -> &'static Labels {
    static L: OnceLock<Labels> = OnceLock::new();
    L.get_or_init(|| crate::data::embedded!("diff_labels"))
}

fn pick(map: &BTreeMap<String, Text>, k: &str, lang: Lang) -> Option<String> {
    map.get(k).and_then(|t| t.get(lang)).map(str::to_string)
}

fn word(k: &str, lang: Lang) -> String {
    pick(&labels().words, k, lang).unwrap_or_else(|| k.to_string())
}

/// A field's name as the owner sees it (`diff_labels.json` `fields`).
pub fn field_label(k: &str, lang: Lang) -> String {
    pick(&labels().fields, k, lang).unwrap_or_else(|| k.replace('_', " "))
}

/// An enum value as the owner reads it (`diff_labels.json` `values`): `legal_obligation` → "lakisääteinen velvoite".
pub fn value_label(k: &str, lang: Lang) -> String {
    pick(&labels().values, k, lang).unwrap_or_else(|| k.replace('_', " "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LegalBasis, Purpose};
    use crate::text::Text;

    fn purpose(key: &str, fi: &str, basis: LegalBasis) -> Purpose {
        Purpose {
            key: key.into(),
            text: Text::fi(fi),
            basis: Some(basis),
            ..Default::default()
        }
    }

    #[test]
    fn labels_file_parses_and_covers_every_enum_value() {
        let l = labels();
        for v in [
            "consent",
            "contract",
            "legal_obligation",
            "vital_interests",
            "public_task",
            "legitimate_interest",
            "processor",
            "joint_controller",
            "controller",
            "authority",
            "adequacy",
            "dpf",
            "scc",
            "bcr",
            "derogation",
            "privacy_shield",
            "none",
            "days",
            "months",
            "years",
            "necessary",
            "preferences",
            "analytics",
            "marketing",
        ] {
            assert!(l.values.contains_key(v), "no label for {v}");
        }
    }

    #[test]
    fn every_section_has_a_heading_in_every_language() {
        for id in section_order() {
            for lang in Lang::ALL {
                let h = section_heading(id, lang);
                assert!(!h.is_empty() && h != "?" && h != id, "{id} {lang}: {h}");
            }
        }
    }

    #[test]
    fn identical_notices_have_no_diff() {
        let n = Notice::default();
        let d = notices(&n, &n, Lang::Fi);
        assert!(d.is_empty());
        assert_eq!(d.to_string(), "Ei muutoksia.\n");
    }

    #[test]
    fn added_removed_and_changed_items_read_as_words() {
        let mut a = Notice::default();
        a.purposes
            .items
            .push(purpose("billing", "Laskutus", LegalBasis::Contract));
        a.purposes
            .items
            .push(purpose("", "Kilpailut", LegalBasis::Consent));
        let mut b = a.clone();
        b.purposes.items.remove(1);
        b.purposes.items[0].basis = Some(LegalBasis::LegalObligation);
        b.purposes
            .items
            .push(purpose("newsletter", "Uutiskirje", LegalBasis::Consent));
        b.rights.how_to = Text::fi("Lähetä sähköpostia.");
        let d = notices(&a, &b, Lang::Fi);
        let ids: Vec<&str> = d.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["purposes", "rights"]);
        assert_eq!(
            d.sections[0].changes,
            vec![
                Change::Changed {
                    before: "Laskutus; oikeusperuste: sopimus".into(),
                    after: "Laskutus; oikeusperuste: lakisääteinen velvoite".into()
                },
                Change::Removed {
                    line: "Kilpailut; oikeusperuste: suostumus".into()
                },
                Change::Added {
                    line: "Uutiskirje; oikeusperuste: suostumus".into()
                },
            ]
        );
        let text = d.to_string();
        assert!(
            text.contains("  + Lisätty: Uutiskirje; oikeusperuste: suostumus\n"),
            "{text}"
        );
        assert!(
            text.contains("näin käytät oikeuksiasi: Lähetä sähköpostia."),
            "{text}"
        );
        assert!(!text.contains('{'), "JSON leaked into the diff: {text}");
    }

    #[test]
    fn a_change_in_another_language_shows_all_languages() {
        let mut a = Notice::default();
        a.register.name = Text::new("Asiakasrekisteri", "Kundregister", "");
        let mut b = a.clone();
        b.register.name.sv = "Kundregistret".into();
        let d = notices(&a, &b, Lang::Fi);
        assert_eq!(
            d.sections[0].changes,
            vec![Change::Changed {
                before: "nimi: [fi] Asiakasrekisteri [sv] Kundregister".into(),
                after: "nimi: [fi] Asiakasrekisteri [sv] Kundregistret".into()
            }]
        );
    }

    #[test]
    fn a_changed_record_shows_its_name_and_only_the_changed_fields() {
        use crate::model::{Address, Mechanism, Party, Recipient};
        let mut a = Notice::default();
        a.controllers.push(Party {
            name: "Kahvila Oy".into(),
            business_id: "1234567-8".into(),
            address: Address {
                street: "Katu 1".into(),
                postal_code: "33100".into(),
                city: "Tampere".into(),
                ..Default::default()
            },
            ..Default::default()
        });
        a.recipients.items.push(Recipient {
            key: "mailchimp".into(),
            name: "Mailchimp".into(),
            country: "US".into(),
            mechanism: Some(Mechanism::Dpf),
            ..Default::default()
        });
        let mut b = a.clone();
        b.controllers[0].address.street = "Katu 2".into();
        b.recipients.items[0].mechanism = Some(Mechanism::Scc);
        let d = notices(&a, &b, Lang::En);
        let lines: Vec<&Change> = d.sections.iter().flat_map(|s| &s.changes).collect();
        assert_eq!(
            lines,
            [
                &Change::Changed {
                    before: "Kahvila Oy; address: Katu 1, 33100 Tampere".into(),
                    after: "Kahvila Oy; address: Katu 2, 33100 Tampere".into()
                },
                &Change::Changed {
                    before: "Mailchimp; safeguard: EU–US Data Privacy Framework".into(),
                    after: "Mailchimp; safeguard: standard contractual clauses".into()
                },
            ]
        );
    }

    #[test]
    fn change_log_entries_show_dates_as_the_notice_does() {
        let a = Notice::default();
        let mut b = a.clone();
        b.changes.log.push(crate::model::ChangeEntry {
            date: "2027-03-12".into(),
            text: Text::new("Lisätty uutiskirje", "", "Added the newsletter"),
        });
        let d = notices(&a, &b, Lang::En);
        assert_eq!(
            d.sections[0].changes,
            vec![Change::Added {
                line: "change: 12 March 2027: Added the newsletter".into()
            }]
        );
    }
}
