//! The wizard as data: its steps, their fields and help texts (`src/data/wizard.json`) and the
//! interface strings (`src/data/ui.json`), plus the few operations the desktop wizard needs on
//! a notice: which step a JSON Pointer belongs to, which required answers are still missing,
//! and adding or removing a catalogue pick.
//!
//! The desktop UI renders whatever this data describes, so a new section or field needs a change
//! here, not in `ui/`. Field paths are JSON Pointers (RFC 6901) into the `seloste/2` notice;
//! inside a `list` field, sub-field paths are relative to one item.

use crate::model::Notice;
use crate::text::{Lang, Text};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// How a field is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// A single-line string.
    Text,
    /// A single-line `Text` (fi/sv/en); the UI edits the language being written.
    Mtext,
    /// A multi-line `Text`.
    Mtextarea,
    /// One of `options` (or of a list named by `options_from`); absent = not chosen.
    Select,
    /// `Option<bool>`: yes, no, or not said yet.
    Tristate,
    /// A plain checkbox.
    Bool,
    /// A `YYYY-MM-DD` date string.
    Date,
    /// An optional `{amount, unit}` retention period.
    Period,
    /// An array of objects; each item is edited with `fields` (paths relative to the item).
    List,
    /// Checkboxes of catalogue clauses (`source`) that add items to the array at `path`.
    Picks,
    /// Checkboxes of the notice's own list at `refs_from` (its items' `id` and `name`): the
    /// array at `path` holds the ids ticked; none ticked leaves it out. Nothing is drawn while
    /// that list is empty.
    Refs,
}

/// A choice of a select field.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    pub value: Value,
    pub label: Text,
}

/// Show a field only when another value matches. `path` is relative to the list item for
/// sub-fields, absolute otherwise.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Condition {
    pub path: String,
    /// Show when the value equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Value>,
    /// Show when the value is a country code outside the EU/EEA.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub outside_eea: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Field {
    pub path: String,
    pub kind: FieldKind,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// A list of choices the core provides at run time (`countries`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<String>,
    /// For `refs`: the JSON Pointer of the notice's list whose items are offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refs_from: Option<String>,
    /// For `picks`: the catalogue section offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For `list`: the new, empty item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<Text>,
    /// The HTML input type for `text` fields (`email`, `tel`, `url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    /// For `period`: the units offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Choice>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    /// `export` for the final check-and-export step; absent for a section of the notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub title: Text,
    /// What the law asks here and why, in plain language.
    pub help: Text,
    /// The articles behind the step, e.g. `GDPR 13(1)(a)`.
    pub law: String,
    /// The notice paths this step edits: a finding at a path under one of these belongs here.
    pub paths: Vec<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wizard {
    pub version: u32,
    pub verified_on: String,
    pub source: String,
    pub steps: Vec<Step>,
}

/// The interface strings: key → text in fi/sv/en.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UiStrings {
    pub version: u32,
    pub verified_on: String,
    pub strings: BTreeMap<String, Text>,
}

pub fn wizard() -> &'static Wizard {
    static W: OnceLock<Wizard> = OnceLock::new();
    W.get_or_init(|| crate::data::embedded!("wizard"))
}

pub fn ui_strings() -> &'static UiStrings {
    static U: OnceLock<UiStrings> = OnceLock::new();
    U.get_or_init(|| crate::data::embedded!("ui"))
}

/// One interface string in all three languages.
fn ui_text(key: &str) -> Text {
    ui_strings().strings.get(key).cloned().unwrap_or_default()
}

/// One interface string in `lang`; `?` if it is missing (a test keeps them complete).
pub fn ui(key: &str, lang: Lang) -> &'static str {
    ui_strings()
        .strings
        .get(key)
        .and_then(|t| t.get(lang))
        .unwrap_or("?")
}

/// Is `pointer` equal to `prefix` or below it (segment-wise)?
fn under(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || (pointer.starts_with(prefix) && pointer.as_bytes().get(prefix.len()) == Some(&b'/'))
}

/// The wizard step that edits the notice field at `pointer` (a JSON Pointer as findings carry),
/// by the longest matching step path.
pub fn step_of(pointer: &str) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for step in &wizard().steps {
        for p in &step.paths {
            if under(pointer, p) && best.is_none_or(|(_, len)| p.len() > len) {
                best = Some((&step.id, p.len()));
            }
        }
    }
    best.map(|(id, _)| id)
}

/// A required answer the notice does not give yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    pub step: String,
    /// Where the answer goes (a JSON Pointer into the notice).
    pub path: String,
    pub label: Text,
}

/// Every required answer still missing, in wizard order. Hidden fields (whose `show_if` does
/// not hold) are not required.
pub fn missing(notice: &Notice) -> Vec<Missing> {
    let doc = serde_json::to_value(notice).expect("a notice always serialises");
    let mut out = Vec::new();
    for step in &wizard().steps {
        for f in &step.fields {
            collect_missing(&step.id, f, &doc, "", &doc, &mut out);
        }
    }
    out
}

fn collect_missing(
    step: &str,
    f: &Field,
    base: &Value,
    prefix: &str,
    doc: &Value,
    out: &mut Vec<Missing>,
) {
    if !visible(f, base, doc) {
        return;
    }
    let value = base.pointer(&f.path);
    if f.required && !answered(f.kind, value) {
        out.push(Missing {
            step: step.to_string(),
            path: format!("{prefix}{}", f.path),
            label: f.label.clone(),
        });
    }
    if f.kind == FieldKind::List
        && let Some(Value::Array(items)) = value
    {
        for (i, item) in items.iter().enumerate() {
            let p = format!("{prefix}{}/{i}", f.path);
            for sub in &f.fields {
                collect_missing(step, sub, item, &p, doc, out);
            }
        }
    }
}

/// Does the condition of `f` hold? `base` is the list item for sub-fields, else the notice.
fn visible(f: &Field, base: &Value, _doc: &Value) -> bool {
    f.show_if.as_ref().is_none_or(|c| c.holds(base))
}

impl Condition {
    /// Does the condition hold for `base` (the list item for sub-fields, else the notice)?
    /// The page evaluates the same rule itself while the owner types (`visible` in
    /// `ui/form.js`); `tests/fixtures/show_if_cases.json` is the one table both are tested on.
    pub fn holds(&self, base: &Value) -> bool {
        let v = base.pointer(&self.path);
        if self.outside_eea {
            return v
                .and_then(Value::as_str)
                .is_some_and(|code| !code.is_empty() && !crate::catalogue::is_eea(code));
        }
        match &self.equals {
            Some(want) => v == Some(want),
            None => v.is_some_and(|v| !v.is_null()),
        }
    }
}

fn answered(kind: FieldKind, v: Option<&Value>) -> bool {
    match (kind, v) {
        (_, None | Some(Value::Null)) => false,
        (FieldKind::List | FieldKind::Picks | FieldKind::Refs, Some(Value::Array(a))) => {
            !a.is_empty()
        }
        (FieldKind::Mtext | FieldKind::Mtextarea, Some(Value::Object(o))) => o
            .values()
            .any(|s| s.as_str().is_some_and(|s| !s.trim().is_empty())),
        (_, Some(Value::String(s))) => !s.trim().is_empty(),
        (_, Some(_)) => true,
    }
}

/// A field the validator rejects, with its sentence in the UI language.
#[derive(Serialize)]
pub struct Problem {
    pub path: String,
    pub code: &'static str,
    pub blocking: bool,
    pub message: String,
}

fn problems(notice: &Notice, lang: Lang) -> Vec<Problem> {
    let errors = crate::validate::validate(notice);
    errors
        .into_iter()
        .map(|e| Problem {
            message: e.message(lang),
            path: e.path,
            code: e.code,
            blocking: e.blocking,
        })
        .collect()
}

/// A checker finding with the wizard step that fixes it.
#[derive(Serialize)]
pub struct StepFinding {
    #[serde(flatten)]
    pub finding: crate::check::Finding,
    pub step: Option<&'static str>,
}

fn findings(notice: &Notice, lang: Lang, scan: Option<&crate::scan::Scan>) -> Vec<StepFinding> {
    let mut found = crate::check::check(notice, lang);
    if let Some(scan) = scan {
        found.extend(crate::check::check_with_scan(notice, scan, lang));
    }
    found
        .into_iter()
        .map(|f| StepFinding {
            step: step_of(&f.path),
            finding: f,
        })
        .collect()
}

/// Where the draft stands after a change: missing answers per step, invalid fields, findings,
/// and the two decisions the window shows but does not make: whether each step is complete,
/// and whether exporting needs the owner's explicit yes.
#[derive(Serialize)]
pub struct Assessment {
    pub status: Vec<StepStatus>,
    pub problems: Vec<Problem>,
    pub findings: Vec<StepFinding>,
    /// An invalid field blocks a correct notice, or the checker found an error: exporting
    /// asks first.
    pub confirm_export: bool,
}

pub fn assess(notice: &Notice, lang: Lang) -> Assessment {
    assess_with_scan(notice, lang, None)
}

/// `assess`, with the findings of the last scan of the website (`Store::assess` reads it).
pub fn assess_with_scan(
    notice: &Notice,
    lang: Lang,
    scan: Option<&crate::scan::Scan>,
) -> Assessment {
    let problems = problems(notice, lang);
    let findings = findings(notice, lang, scan);
    let mut status = status(notice);
    for s in &mut status {
        s.complete = step_complete(s, &problems, &findings);
    }
    let confirm_export = problems.iter().any(|p| p.blocking)
        || findings
            .iter()
            .any(|f| f.finding.severity == crate::check::Severity::Error);
    Assessment {
        status,
        problems,
        findings,
        confirm_export,
    }
}

/// A step is complete when its required answers are given, none of its fields is invalid and
/// the checker finds no error in it.
fn step_complete(s: &StepStatus, problems: &[Problem], findings: &[StepFinding]) -> bool {
    let paths = wizard()
        .steps
        .iter()
        .find(|st| st.id == s.id)
        .map(|st| st.paths.as_slice())
        .unwrap_or_default();
    s.missing.is_empty()
        && !problems
            .iter()
            .any(|p| paths.iter().any(|sp| under(&p.path, sp)))
        && !findings.iter().any(|f| {
            f.step == Some(s.id.as_str()) && f.finding.severity == crate::check::Severity::Error
        })
}

/// How far each step is: the answers still missing in it, and whether it is complete
/// (set by [`assess`]; [`status`] alone knows only the missing answers).
#[derive(Debug, Clone, Serialize)]
pub struct StepStatus {
    pub id: String,
    pub missing: Vec<Missing>,
    pub complete: bool,
}

pub fn status(notice: &Notice) -> Vec<StepStatus> {
    let all = missing(notice);
    wizard()
        .steps
        .iter()
        .filter(|s| s.kind.is_none())
        .map(|s| {
            let missing: Vec<Missing> = all.iter().filter(|m| m.step == s.id).cloned().collect();
            StepStatus {
                id: s.id.clone(),
                complete: missing.is_empty(),
                missing,
            }
        })
        .collect()
}

/// A catalogue clause the wizard offers as a checkbox: its wording is shown with the box, and
/// ticking it adds `items` (the model items it stands for, all carrying `key`) to the notice.
#[derive(Debug, Clone, Serialize)]
pub struct PickOption {
    pub key: String,
    /// The clause's wording as it goes into the notice.
    pub label: Text,
    /// A plain explanation of when to pick it, or what it brings with it (country, period).
    pub clause: Text,
    pub items: Vec<Value>,
    /// What the clause is, for long lists the page groups and lets the owner search
    /// ("Maksupalvelut", "Ajanvaraus"); none for short lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Text>,
}

fn to_value<T: Serialize>(t: T) -> Value {
    serde_json::to_value(t).expect("model items serialise")
}

fn joined(parts: &[&Text]) -> Text {
    let mut out = Text::default();
    for l in Lang::ALL {
        let v: Vec<&str> = parts
            .iter()
            .filter_map(|t| t.resolve(l).map(|(s, _)| s))
            .collect();
        *out.get_mut(l) = v.join(" — ");
    }
    out
}

/// Where a service processes data and on what ground, as a line under its checkbox.
fn service_line(s: &crate::catalogue::Service) -> Text {
    let mut t = Text::default();
    for l in Lang::ALL {
        let country = crate::catalogue::country_name(&s.country, l);
        let purpose = s.purpose.resolve(l).map(|(p, _)| p).unwrap_or("");
        let place = ui("pick.processed_in", l);
        *t.get_mut(l) = if purpose.is_empty() {
            format!("{place}: {country}")
        } else {
            format!("{purpose} — {place}: {country}")
        };
    }
    t
}

/// One checkbox: a clause's key, label and wording, and the single model item it adds.
fn option<T: Serialize>(key: &str, label: &Text, clause: Text, item: T) -> PickOption {
    PickOption {
        key: key.to_string(),
        label: label.clone(),
        clause,
        items: vec![to_value(item)],
        group: None,
    }
}

/// The group a service's checkbox is shown in: what it does.
fn service_group(s: &crate::catalogue::Service) -> Option<Text> {
    crate::catalogue::catalogue()
        .category_label(s.category)
        .cloned()
}

/// The catalogue clauses offered for a picks field's `source`, in catalogue order.
pub fn pick_options(source: &str) -> Vec<PickOption> {
    let c = crate::catalogue::catalogue();
    let plain = |v: &[crate::catalogue::Clause]| -> Vec<PickOption> {
        v.iter()
            .map(|x| option(&x.key, &x.text, x.help.clone(), x.to_item()))
            .collect()
    };
    match source {
        "subjects" => plain(&c.subjects),
        "security_manual" => plain(&c.security_manual),
        "security_electronic" => plain(&c.security_electronic),
        "purposes" => c
            .purposes
            .iter()
            .map(|x| option(&x.key, &x.text, x.help.clone(), x.to_model()))
            .collect(),
        "data" => c
            .data
            .iter()
            .map(|x| option(&x.key, &x.text, Text::default(), x.to_model()))
            .collect(),
        "sources" => c
            .sources
            .iter()
            .map(|x| option(&x.key, &x.text, Text::default(), x.to_model()))
            .collect(),
        "recipients" => c
            .recipients
            .iter()
            .map(|x| PickOption {
                group: Some(ui_text("pick.group_recipients")),
                ..option(&x.key, &x.text, x.purpose.clone(), x.to_model())
            })
            .chain(c.services.iter().map(|s| PickOption {
                key: s.key.clone(),
                label: Text::new(s.display_name(), s.display_name(), s.display_name()),
                clause: service_line(s),
                items: vec![to_value(s.to_recipient())],
                group: service_group(s),
            }))
            .collect(),
        "retention" => c
            .retention
            .iter()
            .map(|x| option(&x.key, &x.applies_to, joined(&[&x.criteria]), x.to_model()))
            .collect(),
        "cookies" => c
            .services
            .iter()
            .filter(|s| !s.cookies.is_empty())
            .map(|s| {
                let names = s
                    .cookies
                    .iter()
                    .map(|k| k.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                PickOption {
                    key: s.key.clone(),
                    label: Text::new(s.display_name(), s.display_name(), s.display_name()),
                    clause: Text::new(names.clone(), names.clone(), names),
                    items: s.to_cookies().into_iter().map(to_value).collect(),
                    group: service_group(s),
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The list a picks field with this `source` fills.
fn pick_list(source: &str) -> Option<&'static str> {
    wizard()
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.kind == FieldKind::Picks && f.source.as_deref() == Some(source))
        .map(|f| f.path.as_str())
}

/// Tick (`on`) or untick the catalogue clause `key` of `source`: ticking adds its items unless
/// an item with that key is already there; unticking removes every item with that key.
pub fn toggle_pick(notice: &Notice, source: &str, key: &str, on: bool) -> Result<Notice> {
    let unknown = || {
        Error::Other(format!(
            "The catalogue has no clause \"{key}\" for {source}."
        ))
    };
    let list = pick_list(source).ok_or_else(unknown)?;
    let option = pick_options(source)
        .into_iter()
        .find(|o| o.key == key)
        .ok_or_else(unknown)?;
    apply_items(notice, list, key, &option.items, on)
}

/// Add `items` (all keyed `key`) to the array at `list`, or remove every item keyed `key`.
pub fn apply_items(
    notice: &Notice,
    list: &str,
    key: &str,
    items: &[Value],
    on: bool,
) -> Result<Notice> {
    if key.is_empty() {
        return Err(Error::Other(
            "A catalogue clause without a key cannot be added to the notice.".to_string(),
        ));
    }
    let mut doc = serde_json::to_value(notice).expect("a notice always serialises");
    ensure_array(&mut doc, list)?;
    let arr = doc
        .pointer_mut(list)
        .and_then(Value::as_array_mut)
        .expect("ensured above");
    let has = |v: &Value| v.get("key").and_then(Value::as_str) == Some(key);
    if on {
        if !arr.iter().any(has) {
            arr.extend(items.iter().cloned());
        }
    } else {
        arr.retain(|v| !has(v));
    }
    serde_path_to_error::deserialize(doc).map_err(|e| Error::BadField {
        what: "The catalogue clause".to_string(),
        path: e.path().to_string(),
        detail: e.into_inner().to_string(),
    })
}

/// Make sure the array at `pointer` exists (creating empty objects and the array on the way).
fn ensure_array(doc: &mut Value, pointer: &str) -> Result<()> {
    let bad = || Error::Other(format!("The notice has no list at {pointer}."));
    if !pointer.starts_with('/') {
        return Err(bad());
    }
    let segs: Vec<&str> = pointer[1..].split('/').collect();
    let mut cur = doc;
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        let obj = cur.as_object_mut().ok_or_else(bad)?;
        let next = obj.entry(seg.to_string()).or_insert_with(|| {
            if last {
                Value::Array(vec![])
            } else {
                Value::Object(Default::default())
            }
        });
        if next.is_null() {
            *next = if last {
                Value::Array(vec![])
            } else {
                Value::Object(Default::default())
            };
        }
        cur = next;
    }
    if cur.is_array() { Ok(()) } else { Err(bad()) }
}

/// A country the recipient step offers, with whether it is inside the EU/EEA.
#[derive(Debug, Clone, Serialize)]
pub struct CountryChoice {
    pub value: String,
    pub label: Text,
    pub eea: bool,
}

/// The run-time option lists named by `options_from`.
pub fn option_lists() -> BTreeMap<&'static str, Vec<CountryChoice>> {
    let countries = crate::catalogue::countries()
        .countries
        .iter()
        .map(|c| CountryChoice {
            value: c.code.clone(),
            label: c.name.clone(),
            eea: c.eea,
        })
        .collect();
    BTreeMap::from([("countries", countries)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_and_field_has_all_three_languages() {
        for step in &wizard().steps {
            for l in Lang::ALL {
                assert!(
                    step.title.get(l).is_some() && step.help.get(l).is_some(),
                    "step {} lacks {l}",
                    step.id
                );
            }
            fn check(f: &Field, step: &str) {
                for l in Lang::ALL {
                    assert!(
                        f.label.get(l).is_some(),
                        "{step}{}: label lacks {l}",
                        f.path
                    );
                    assert!(
                        f.help.is_empty() || f.help.get(l).is_some(),
                        "{step}{}: help lacks {l}",
                        f.path
                    );
                    for c in f.options.iter().chain(&f.units) {
                        assert!(
                            c.label.get(l).is_some(),
                            "{step}{}: option {} lacks {l}",
                            f.path,
                            c.value
                        );
                    }
                }
                for sub in &f.fields {
                    check(sub, step);
                }
            }
            step.fields.iter().for_each(|f| check(f, &step.id));
        }
        for (k, t) in &ui_strings().strings {
            for l in Lang::ALL {
                assert!(t.get(l).is_some(), "ui string {k} lacks {l}");
            }
        }
    }

    /// A value of the right shape for a field, as the UI would write it.
    fn sample(f: &Field) -> Value {
        match f.kind {
            FieldKind::Text => Value::from("x"),
            FieldKind::Date => Value::from("2026-11-23"),
            FieldKind::Mtext | FieldKind::Mtextarea => serde_json::json!({"fi": "x"}),
            FieldKind::Select => f
                .options
                .first()
                .map(|c| c.value.clone())
                .unwrap_or(Value::from("US")),
            FieldKind::Tristate | FieldKind::Bool => Value::Bool(true),
            FieldKind::Period => serde_json::json!({"amount": 6, "unit": f.units[0].value}),
            FieldKind::Refs => serde_json::json!(["r1"]),
            FieldKind::List | FieldKind::Picks => {
                let mut item = f.item.clone().unwrap_or(serde_json::json!({}));
                for sub in &f.fields {
                    set(&mut item, &sub.path, sample(sub));
                }
                Value::Array(vec![item])
            }
        }
    }

    fn set(doc: &mut Value, pointer: &str, v: Value) {
        let segs: Vec<&str> = pointer[1..].split('/').collect();
        let mut cur = doc;
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            if let Ok(n) = seg.parse::<usize>() {
                let a = cur.as_array_mut().unwrap();
                while a.len() <= n {
                    a.push(serde_json::json!({}));
                }
                cur = &mut a[n];
            } else {
                let o = cur.as_object_mut().unwrap();
                let e = o.entry(seg.to_string()).or_insert(if last {
                    Value::Null
                } else if segs[i + 1].parse::<usize>().is_ok() {
                    Value::Array(vec![])
                } else {
                    serde_json::json!({})
                });
                cur = e;
            }
        }
        *cur = v;
    }

    #[test]
    fn every_field_path_fits_the_notice_model() {
        for step in &wizard().steps {
            for f in &step.fields {
                let mut doc = serde_json::to_value(Notice::default()).unwrap();
                set(&mut doc, &f.path, sample(f));
                let r: std::result::Result<Notice, _> = serde_path_to_error::deserialize(doc);
                assert!(
                    r.is_ok(),
                    "step {} field {}: {}",
                    step.id,
                    f.path,
                    r.unwrap_err()
                );
                assert!(
                    step.paths.iter().any(|p| under(&f.path, p)),
                    "field {} is outside the paths of step {}",
                    f.path,
                    step.id
                );
            }
        }
    }

    #[test]
    fn findings_map_to_the_step_that_fixes_them() {
        assert_eq!(step_of("/controllers/0/business_id"), Some("controller"));
        assert_eq!(step_of("/purposes/items/2/interest"), Some("purposes"));
        assert_eq!(step_of("/meta/updated"), Some("changes"));
        assert_eq!(step_of("/data"), Some("data"));
        assert_eq!(step_of("/dataset"), None);
        assert_eq!(step_of(""), None);
    }

    #[test]
    fn an_empty_notice_misses_the_required_answers_and_a_filled_one_does_not() {
        let empty = Notice::default();
        let m = missing(&empty);
        assert!(
            m.iter()
                .any(|m| m.path == "/controllers/0/name" && m.step == "controller")
        );
        assert!(m.iter().any(|m| m.path == "/purposes/items"));

        let mut doc = serde_json::to_value(Notice::default()).unwrap();
        for step in &wizard().steps {
            for f in &step.fields {
                if f.kind != FieldKind::Picks {
                    set(&mut doc, &f.path, sample(f));
                }
            }
        }
        // The purpose's basis is the first option (consent), so no legitimate interest is asked.
        let full: Notice = serde_json::from_value(doc).unwrap();
        assert_eq!(missing(&full), vec![]);
        assert!(status(&full).iter().all(|s| s.missing.is_empty()));
    }

    #[test]
    fn legitimate_interest_asks_for_the_interest() {
        let mut n = Notice::default();
        n.purposes.items.push(crate::model::Purpose {
            text: Text::fi("Asiakassuhteen hoito"),
            basis: Some(crate::model::LegalBasis::LegitimateInterest),
            ..Default::default()
        });
        assert!(
            missing(&n)
                .iter()
                .any(|m| m.path == "/purposes/items/0/interest")
        );
        n.purposes.items[0].interest = Text::fi("Asiakassuhde");
        assert!(
            !missing(&n)
                .iter()
                .any(|m| m.path == "/purposes/items/0/interest")
        );
    }

    #[test]
    fn applying_items_adds_once_and_removes_by_key() {
        let item = serde_json::json!({"key": "mailchimp", "name": "Mailchimp", "role": "processor", "country": "US", "mechanism": "dpf"});
        let items = [item];
        let n = apply_items(
            &Notice::default(),
            "/recipients/items",
            "mailchimp",
            &items,
            true,
        )
        .unwrap();
        let n = apply_items(&n, "/recipients/items", "mailchimp", &items, true).unwrap();
        assert_eq!(n.recipients.items.len(), 1);
        assert_eq!(n.recipients.items[0].country, "US");
        let n = apply_items(&n, "/recipients/items", "mailchimp", &items, false).unwrap();
        assert!(n.recipients.items.is_empty());
        // Creates missing containers on the way.
        let lock = [serde_json::json!({"key": "lock", "text": {"fi": "Lukittu"}})];
        let m = apply_items(&Notice::default(), "/security/manual", "lock", &lock, true).unwrap();
        assert_eq!(m.security.manual.len(), 1);
    }

    #[test]
    fn an_item_that_does_not_fit_the_model_is_refused_with_a_sentence() {
        let bad = [serde_json::json!({"key": "x", "colour": "blue"})];
        let e = apply_items(&Notice::default(), "/recipients/items", "x", &bad, true).unwrap_err();
        assert!(e.to_string().contains("recipients"), "{e}");
        let e = apply_items(
            &Notice::default(),
            "/nowhere/at/all",
            "x",
            &[serde_json::json!({"key": "x"})],
            true,
        )
        .unwrap_err();
        assert!(e.to_string().ends_with('.'));
        let e = toggle_pick(&Notice::default(), "purposes", "no_such_clause", true).unwrap_err();
        assert!(e.to_string().contains("no_such_clause"));
    }

    #[test]
    fn every_picks_source_offers_clauses_that_fit_the_model() {
        for step in &wizard().steps {
            for f in step.fields.iter().filter(|f| f.kind == FieldKind::Picks) {
                let source = f.source.as_deref().unwrap();
                let options = pick_options(source);
                assert!(
                    !options.is_empty(),
                    "the catalogue offers nothing for {source}"
                );
                for o in &options {
                    assert!(
                        o.label.get(Lang::Fi).is_some(),
                        "{source}/{}: no Finnish wording",
                        o.key
                    );
                    let n = toggle_pick(&Notice::default(), source, &o.key, true)
                        .unwrap_or_else(|e| panic!("{source}/{}: {e}", o.key));
                    let doc = serde_json::to_value(&n).unwrap();
                    assert_eq!(
                        doc.pointer(&f.path).and_then(Value::as_array).map(Vec::len),
                        Some(o.items.len())
                    );
                    let back = toggle_pick(&n, source, &o.key, false).unwrap();
                    let left = serde_json::to_value(&back)
                        .unwrap()
                        .pointer(&f.path)
                        .and_then(Value::as_array)
                        .map(Vec::len);
                    assert_eq!(left.unwrap_or(0), 0);
                }
            }
        }
    }

    #[test]
    fn picking_a_processor_fills_in_its_country_and_transfer_mechanism() {
        let service = crate::catalogue::catalogue()
            .services
            .iter()
            .find(|s| s.outside_eea() && s.mechanism.is_some())
            .expect("a non-EEA service");
        let n = toggle_pick(&Notice::default(), "recipients", &service.key, true).unwrap();
        let r = &n.recipients.items[0];
        assert_eq!(r.country, service.country);
        assert_eq!(r.mechanism, service.mechanism);
        assert!(!r.name.is_empty());
    }
}
