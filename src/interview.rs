//! The interview: about ten plain questions about the business (`src/data/interview.json`)
//! whose answers build a first draft. Each answer adds or removes catalogue keys of the chosen
//! starting point, or picks named services; nothing the owner did not say is asserted — a
//! question left unanswered changes nothing, and a named service, a cookie, a transfer or a
//! joint controller appears only when the owner picked the service.

use crate::catalogue::presets::{Choices, PresetSpec, build as build_preset, preset_file};
use crate::catalogue::{self, ServiceCategory};
use crate::model::Notice;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What went wrong with a set of answers; each a sentence the owner can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InterviewError {
    #[error("Choose what your business does: \"{0}\" is not one of the starting points.")]
    UnknownTrade(String),
    #[error("The interview has no question \"{0}\".")]
    UnknownQuestion(String),
    #[error("\"{service}\" is not a service Seloste knows for the question \"{question}\".")]
    UnknownService { question: String, service: String },
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Pick one starting point.
    Preset,
    YesNo,
    /// Pick any number of catalogue services (searchable, limited to `categories`).
    Services,
}

/// What a yes/no answer means beyond adding or removing keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The business has a website: the cookie section follows the services picked for it.
    Website,
    /// "No" drops the starting point's special-category data.
    SpecialData,
    /// Sets whether children's data are processed.
    Children,
}

/// Catalogue keys per section of the notice.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Keys {
    pub subjects: Vec<String>,
    pub purposes: Vec<String>,
    pub data: Vec<String>,
    pub sources: Vec<String>,
    pub recipients: Vec<String>,
    pub retention: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Change {
    pub add: Keys,
    pub remove: Keys,
    /// The items this answer adds form a register of their own, named so (a camera beside the
    /// customers): the notice then covers the trade's register and this one, each item in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<Text>,
}

/// One question of the interview.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text: Text,
    pub help: Text,
    /// Asked only when the yes/no question of this id was answered yes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// For a services question: the kinds of service it offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<ServiceCategory>,
    /// For a services question: the picked services' cookies go into the notice.
    #[serde(default)]
    pub cookies: bool,
    /// For a services question: recipient categories a picked service stands in for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<Change>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewFile {
    #[serde(flatten)]
    pub provenance: catalogue::Provenance,
    pub texts: BTreeMap<String, Text>,
    pub questions: Vec<Question>,
}

/// The interview's data file, parsed once.
pub fn interview() -> &'static InterviewFile {
    static F: OnceLock<InterviewFile> = OnceLock::new();
    F.get_or_init(|| crate::data::embedded!("interview"))
}

/// A choice offered by a question: a starting point or a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionView {
    pub key: String,
    pub label: String,
    pub description: String,
}

/// A question in one language, as the app shows it.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub kind: Kind,
    pub text: String,
    pub help: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_if: Option<String>,
    /// The starting points for the first question; services come from [`search`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionView>,
}

fn say(t: &Text, lang: Lang) -> String {
    t.resolve(lang)
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// The questions in `lang`, in order.
pub fn questions(lang: Lang) -> Vec<QuestionView> {
    interview()
        .questions
        .iter()
        .map(|q| QuestionView {
            id: q.id.clone(),
            kind: q.kind,
            text: say(&q.text, lang),
            help: say(&q.help, lang),
            show_if: q.show_if.clone(),
            options: if q.kind == Kind::Preset {
                catalogue::presets()
                    .iter()
                    .map(|p| OptionView {
                        key: p.key.clone(),
                        label: say(&p.title, lang),
                        description: say(&p.description, lang),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect()
}

fn question(id: &str) -> Result<&'static Question, InterviewError> {
    interview()
        .questions
        .iter()
        .find(|q| q.id == id)
        .ok_or_else(|| InterviewError::UnknownQuestion(id.to_string()))
}

/// The services a services question offers that match `query` (all of them for an empty
/// query), through the catalogue's one search.
pub fn search(
    question_id: &str,
    query: &str,
    lang: Lang,
) -> Result<Vec<OptionView>, InterviewError> {
    let q = question(question_id)?;
    let found: Vec<&catalogue::Service> = if query.trim().is_empty() {
        catalogue::catalogue().services.iter().collect()
    } else {
        catalogue::search_services(query)
    };
    Ok(found
        .into_iter()
        .filter(|s| q.categories.contains(&s.category))
        .map(|s| OptionView {
            key: s.key.clone(),
            label: s.name.clone(),
            description: say(&s.description, lang),
        })
        .collect())
}

/// The owner's answers. A question not answered is simply absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    /// The language the owner answered in: the notice's main language.
    pub lang: Option<Lang>,
    /// The starting point picked for "what do you do".
    pub trade: String,
    /// Yes/no answers by question id.
    pub yes: BTreeMap<String, bool>,
    /// Services picked, by question id.
    pub services: BTreeMap<String, Vec<String>>,
}

fn apply(list: &mut Vec<String>, add: &[String], remove: &[String]) {
    list.retain(|k| !remove.contains(k));
    for k in add {
        if !list.contains(k) {
            list.push(k.clone());
        }
    }
}

fn change(spec: &mut PresetSpec, c: &Change) {
    apply(&mut spec.subjects, &c.add.subjects, &c.remove.subjects);
    apply(&mut spec.purposes, &c.add.purposes, &c.remove.purposes);
    apply(&mut spec.data, &c.add.data, &c.remove.data);
    apply(&mut spec.sources, &c.add.sources, &c.remove.sources);
    apply(
        &mut spec.recipients,
        &c.add.recipients,
        &c.remove.recipients,
    );
    apply(&mut spec.retention, &c.add.retention, &c.remove.retention);
}

/// The draft the answers describe.
pub fn build(answers: &Answers) -> Result<Notice, InterviewError> {
    let file = preset_file();
    let mut spec = file
        .presets
        .iter()
        .find(|p| p.key == answers.trade)
        .cloned()
        .ok_or_else(|| InterviewError::UnknownTrade(answers.trade.clone()))?;
    let said = |id: &str| answers.yes.get(id).copied();
    for id in answers.yes.keys().chain(answers.services.keys()) {
        question(id)?;
    }

    // Yes/no answers: add or remove catalogue keys.
    for q in &interview().questions {
        let Some(yes) = said(&q.id) else { continue };
        let c = if yes { &q.yes } else { &q.no };
        if let Some(c) = c {
            change(&mut spec, c);
        }
        match (q.effect, yes) {
            (Some(Effect::SpecialData), false) => {
                let c = catalogue::catalogue();
                spec.data
                    .retain(|k| c.data_item(k).is_none_or(|d| d.special.is_none()));
            }
            (Some(Effect::Children), v) => spec.children = Some(v),
            (Some(Effect::Website), v) => spec.website = v,
            _ => {}
        }
    }

    // Services picked: each becomes a recipient (and its cookies, where the question says so);
    // a recipient category it stands in for goes.
    let mut recipients = spec.recipients.clone();
    let mut cookie_services = Vec::new();
    for q in &interview().questions {
        if q.kind != Kind::Services {
            continue;
        }
        // A follow-up to a question answered "no" (or not at all) adds nothing.
        if let Some(parent) = &q.show_if {
            if said(parent) != Some(true) {
                continue;
            }
        }
        let picked = answers
            .services
            .get(&q.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for key in picked {
            let s = catalogue::service(key)
                .filter(|s| q.categories.contains(&s.category))
                .ok_or_else(|| InterviewError::UnknownService {
                    question: q.id.clone(),
                    service: key.clone(),
                })?;
            if !recipients.contains(&s.key) {
                recipients.push(s.key.clone());
            }
            if q.cookies && !s.cookies.is_empty() {
                cookie_services.push(s.key.clone());
            }
        }
        if !picked.is_empty() {
            recipients.retain(|k| !q.replaces.contains(k));
        }
    }

    let website = said("website");
    let mut n = build_preset(
        &spec,
        &Choices {
            recipients: Some(recipients),
            cookie_services,
            security: false,
        },
    );
    // A website the owner did not describe: the cookie question stays open for the wizard,
    // unless the owner said there is no website.
    match website {
        Some(false) => {
            n.cookies.used = None;
            n.cookies.items.clear();
            n.cookies.text = interview()
                .texts
                .get("no_website")
                .cloned()
                .unwrap_or_default();
        }
        Some(true) if n.cookies.items.is_empty() => n.cookies.used = None,
        _ => {}
    }
    let own: Vec<(&Keys, &Text)> = interview()
        .questions
        .iter()
        .filter(|q| said(&q.id) == Some(true))
        .filter_map(|q| q.yes.as_ref())
        .filter_map(|c| c.register.as_ref().map(|name| (&c.add, name)))
        .collect();
    registers_of_their_own(&mut n, &own);
    if let Some(lang) = answers.lang {
        n.meta.languages = vec![lang];
    }
    Ok(n)
}

/// Answers whose items form registers of their own (`Change::register`): the trade's register
/// becomes `r1`, each of these `r2`, `r3`, …; every item goes to the register whose answer added
/// its key, else to the trade's, so nothing is left shared by registers it does not belong to.
/// The register's name joins the names: "Asiakasrekisteri sekä kameravalvonta".
fn registers_of_their_own(n: &mut Notice, own: &[(&Keys, &Text)]) {
    if own.is_empty() || n.register.name.is_empty() {
        return;
    }
    let id = |k: usize| format!("r{k}");
    let which = |key: &str, list: fn(&Keys) -> &Vec<String>| -> Vec<String> {
        let at = own
            .iter()
            .position(|(keys, _)| list(keys).iter().any(|k| k == key));
        vec![id(at.map_or(1, |i| i + 2))]
    };
    for x in &mut n.register.subjects {
        x.activities = which(&x.key, |k| &k.subjects);
    }
    for x in &mut n.purposes.items {
        x.activities = which(&x.key, |k| &k.purposes);
    }
    for x in &mut n.data.items {
        x.activities = which(&x.key, |k| &k.data);
    }
    for x in &mut n.sources.items {
        x.activities = which(&x.key, |k| &k.sources);
    }
    for x in &mut n.retention.items {
        x.activities = which(&x.key, |k| &k.retention);
    }
    let mut names = vec![n.register.name.clone()];
    names.extend(own.iter().map(|(_, name)| (*name).clone()));
    n.register.activities = names
        .iter()
        .enumerate()
        .map(|(i, name)| crate::model::Activity {
            id: id(i + 1),
            name: name.clone(),
            text: Text::default(),
        })
        .collect();
    // "Asiakasrekisteri sekä kameravalvonta": the later names start in lower case; "sekä" joins
    // names that may hold a "ja" of their own ("Varaus- ja asiakasrekisteri").
    let and = interview().texts.get("and").cloned().unwrap_or_default();
    let mut joined = Text::default();
    for lang in Lang::ALL {
        let parts: Vec<String> = names
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let s = t.get(lang)?.trim();
                if s.is_empty() {
                    return None;
                }
                Some(if i == 0 {
                    s.to_string()
                } else {
                    let mut c = s.chars();
                    c.next()
                        .map(|f| f.to_lowercase().chain(c).collect())
                        .unwrap_or_default()
                })
            })
            .collect();
        if parts.len() != names.len() {
            continue;
        }
        let (last, init) = parts.split_last().expect("two names at least");
        *joined.get_mut(lang) = format!(
            "{} {} {last}",
            init.join(", "),
            and.get(lang).unwrap_or("&")
        );
    }
    n.register.name = joined;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_in_three_languages_and_names_only_catalogue_keys() {
        let c = catalogue::catalogue();
        for q in &interview().questions {
            for t in [&q.text, &q.help] {
                for l in Lang::ALL {
                    assert!(
                        t.get(l).is_some_and(|s| !s.trim().is_empty()),
                        "{} {l}",
                        q.id
                    );
                }
            }
            if let Some(p) = &q.show_if {
                assert!(question(p).is_ok_and(|p| p.kind == Kind::YesNo), "{}", q.id);
            }
            assert_eq!(
                q.kind == Kind::Services,
                !q.categories.is_empty(),
                "{}",
                q.id
            );
            for ch in q.yes.iter().chain(&q.no) {
                for k in [&ch.add, &ch.remove] {
                    let unknown: Vec<_> = k
                        .subjects
                        .iter()
                        .filter(|x| c.subject(x).is_none())
                        .chain(k.purposes.iter().filter(|x| c.purpose(x).is_none()))
                        .chain(k.data.iter().filter(|x| c.data_item(x).is_none()))
                        .chain(k.sources.iter().filter(|x| c.source(x).is_none()))
                        .chain(k.recipients.iter().filter(|x| c.recipient(x).is_none()))
                        .chain(k.retention.iter().filter(|x| c.retention_rule(x).is_none()))
                        .collect();
                    assert!(unknown.is_empty(), "{}: {unknown:?}", q.id);
                }
            }
            for r in &q.replaces {
                assert!(c.recipient(r).is_some(), "{}: {r}", q.id);
            }
        }
        for t in interview().texts.values() {
            assert!(Lang::ALL.iter().all(|&l| t.get(l).is_some()));
        }
        let n = questions(Lang::Sv);
        assert!((8..=16).contains(&n.len()));
        assert_eq!(n[0].options.len(), catalogue::presets().len());
    }

    #[test]
    fn no_answers_give_the_starting_point_itself() {
        for p in catalogue::presets() {
            let a = Answers {
                trade: p.key.clone(),
                ..Answers::default()
            };
            assert_eq!(build(&a).unwrap(), p.notice, "{}", p.key);
        }
    }

    #[test]
    fn bad_answers_are_refused_with_a_sentence() {
        let a = Answers {
            trade: "nope".into(),
            ..Answers::default()
        };
        assert_eq!(build(&a), Err(InterviewError::UnknownTrade("nope".into())));
        let mut a = Answers {
            trade: "hair_beauty".into(),
            ..Answers::default()
        };
        a.yes.insert("bookings".into(), true);
        a.services
            .insert("booking_services".into(), vec!["mailchimp".into()]);
        assert!(matches!(
            build(&a),
            Err(InterviewError::UnknownService { .. })
        ));
        a.services.clear();
        a.yes.insert("what".into(), true);
        assert_eq!(
            build(&a),
            Err(InterviewError::UnknownQuestion("what".into()))
        );
        assert!(
            search("booking_services", "timma", Lang::Fi)
                .unwrap()
                .iter()
                .any(|o| o.key == "timma")
        );
        assert!(
            search("booking_services", "mailchimp", Lang::Fi)
                .unwrap()
                .is_empty()
        );
    }
}
