//! What the app shows while an imported notice is reviewed, before anything is saved: the
//! importer's notes, how many values were read plainly, the values read from a looser cue that
//! need a look (each with the wizard step to look at), and the suggestions the owner can accept
//! in one click each (`accept`). The shell only forwards these; the page only draws them.

use super::Imported;
use super::report::{Confidence, Suggestion};
use crate::error::{Error, Result};
use crate::model::Notice;
use crate::text::Lang;
use serde::Serialize;
use serde_json::Value;

/// An import under review.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub notice: Notice,
    /// The importer's notes, in the interface language.
    pub notes: Vec<String>,
    /// Values read plainly from the notice's own words.
    pub certain: usize,
    /// Values read from a looser cue: the owner should look at them.
    pub to_check: Vec<Look>,
    /// Inferences offered to the owner; none is in the draft until accepted.
    pub suggestions: Vec<Offer>,
}

/// A value to look at.
#[derive(Debug, Clone, Serialize)]
pub struct Look {
    /// The wizard step where the value is edited.
    pub step: Option<&'static str>,
    pub field: String,
    /// What it is and what was read ("oikeusperuste: sopimus").
    pub what: String,
    /// The line of the original it came from.
    pub source: String,
}

/// A suggestion the owner may accept.
#[derive(Debug, Clone, Serialize)]
pub struct Offer {
    pub step: Option<&'static str>,
    /// The suggestion itself, given back to `accept` as it is.
    pub suggestion: Suggestion,
    /// What would be set, as the owner reads it ("Jäsenluettelo…: oikeusperuste → lakisääteinen
    /// velvoite", "Vastaanottaja → Google Workspace").
    pub what: String,
    /// Why it is suggested (`import.json` `suggest.*`).
    pub why: String,
    /// Whether one click can apply it; otherwise the owner completes it in its step.
    pub one_click: bool,
}

/// The review of an import, in the interface language `lang`.
pub fn review(imported: Imported, lang: Lang) -> Review {
    let report = &imported.report;
    let notice = imported.notice;
    let notes = report.notes.iter().map(|n| n.message(lang)).collect();
    let certain = report
        .recognised
        .iter()
        .filter(|r| r.confidence == Confidence::Certain)
        .count();
    let to_check = report
        .recognised
        .iter()
        .filter(|r| r.confidence == Confidence::Check)
        .map(|r| Look {
            step: crate::wizard::step_of(&r.field),
            field: r.field.clone(),
            what: with_owner(
                &notice,
                &r.field,
                format!(
                    "{}: {}",
                    field_name(&r.field, lang),
                    shown_value(&r.field, &r.value, lang)
                ),
                lang,
            ),
            source: r.source.clone(),
        })
        .collect();
    let suggestions = report
        .suggestions
        .iter()
        .map(|s| Offer {
            step: crate::wizard::step_of(&s.field),
            what: offer_what(&notice, s, lang),
            why: super::vocab::vocab().msg(&format!("suggest.{}", s.code), lang),
            one_click: applicable(s),
            suggestion: s.clone(),
        })
        .collect();
    Review {
        notice,
        notes,
        certain,
        to_check,
        suggestions,
    }
}

/// Can `accept` apply this suggestion by itself?
fn applicable(s: &Suggestion) -> bool {
    s.field == "/recipients/items" || s.field.ends_with("/basis")
}

/// Accept a suggestion: the notice with it applied. A service becomes a recipient with the
/// catalogue's details (as a tick in the wizard would); a basis is set on its purpose.
pub fn accept(notice: Value, s: &Suggestion) -> Result<Notice> {
    let notice = crate::session::notice(notice)?;
    if s.field == "/recipients/items" {
        return crate::wizard::toggle_pick(&notice, "recipients", &s.value, true);
    }
    if s.field.ends_with("/basis") {
        // The field may be absent (an unset basis is not written): set it on its parent.
        let mut v = serde_json::to_value(&notice).expect("a notice always serialises");
        let (parent, key) = s.field.rsplit_once('/').unwrap_or(("", &s.field));
        let slot = v
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .ok_or_else(|| Error::Other(format!("The draft has no field {}.", s.field)))?;
        slot.insert(key.to_string(), Value::String(s.value.clone()));
        return crate::session::notice(v);
    }
    Err(Error::Other(format!(
        "This suggestion ({}) is completed in its own step.",
        s.field
    )))
}

/// The last named part of a pointer as a field name ("/purposes/items/0/basis" → "oikeusperuste").
fn field_name(pointer: &str, lang: Lang) -> String {
    let last = pointer
        .rsplit('/')
        .find(|p| {
            !p.is_empty()
                && p.parse::<usize>().is_err()
                && !matches!(*p, "items" | "fi" | "sv" | "en")
        })
        .unwrap_or(pointer);
    crate::diff::field_label(last, lang)
}

/// A value as the owner reads it: an enum value by its label, a country by its name, anything
/// else as written.
fn shown_value(pointer: &str, value: &str, lang: Lang) -> String {
    if pointer.ends_with("/basis") || pointer.ends_with("/kind") || pointer.ends_with("/mechanism")
    {
        crate::diff::value_label(value, lang)
    } else if pointer.ends_with("/country") {
        crate::catalogue::country(value)
            .and_then(|c| c.name.get(lang))
            .map_or_else(|| value.to_string(), str::to_string)
    } else {
        value.chars().take(120).collect()
    }
}

/// `what` after the name of the item a field belongs to ("HubSpot Ireland Limited – maa:
/// Yhdysvallat"), so the owner knows which recipient, purpose or controller it is.
fn with_owner(notice: &Notice, pointer: &str, what: String, lang: Lang) -> String {
    let mut parts = pointer.trim_start_matches('/').split('/');
    let (list, i) = match (parts.next(), parts.next(), parts.next()) {
        (Some(l), Some("items"), Some(i)) => (l, i),
        (Some(l @ "controllers"), Some(i), _) => (l, i),
        _ => return what,
    };
    let Ok(i) = i.parse::<usize>() else {
        return what;
    };
    let short = |t: &crate::text::Text| {
        t.resolve(lang)
            .map(|(s, _)| s.chars().take(60).collect::<String>())
    };
    let owner = match list {
        "recipients" => notice.recipients.items.get(i).and_then(|r| {
            (!r.name.is_empty())
                .then(|| r.name.clone())
                .or_else(|| short(&r.description))
        }),
        "purposes" => notice.purposes.items.get(i).and_then(|p| short(&p.text)),
        "data" => notice.data.items.get(i).and_then(|d| short(&d.text)),
        "controllers" => notice.controllers.get(i).map(|c| c.name.clone()),
        _ => None,
    };
    match owner {
        Some(o) if !o.is_empty() => format!("{o} – {what}"),
        _ => what,
    }
}

fn offer_what(notice: &Notice, s: &Suggestion, lang: Lang) -> String {
    if s.field == "/recipients/items" {
        let name = crate::catalogue::service(&s.value)
            .map(|x| x.display_name())
            .unwrap_or_else(|| s.value.clone());
        return super::vocab::vocab()
            .msg("offer.add_recipient", lang)
            .replace("{0}", &name);
    }
    // The purpose a basis is for, by its own words.
    let purpose = s
        .field
        .strip_prefix("/purposes/items/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| notice.purposes.items.get(i))
        .and_then(|p| {
            p.text
                .resolve(lang)
                .map(|(t, _)| t.chars().take(80).collect::<String>())
        });
    let set = format!(
        "{} → {}",
        field_name(&s.field, lang),
        shown_value(&s.field, &s.value, lang)
    );
    match purpose {
        Some(p) => format!("{p}: {set}"),
        None => set,
    }
}
