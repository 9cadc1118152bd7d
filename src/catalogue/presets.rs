//! Starting points for a new notice, built from the catalogue.
//!
//! A starting point (`src/data/presets.json`) is a list of catalogue keys — register people,
//! purposes, data, sources, recipient categories, retention rules — plus the few texts of its
//! own (the register's name, what it says about children). [`build`] expands it into a full
//! notice with the catalogue's wording, so a starting point and the catalogue can never
//! disagree. A starting point asserts nothing the owner has not chosen: it names no vendor
//! (recipients are categories such as "accounting firm"), ticks no security measure and lists
//! no cookie; [`Choices`] adds what an owner picked (named services, their cookies, security
//! measures), which is how the reference notices in `tests/fixtures/reference/` and the
//! interview's drafts are made.

use super::{Provenance, catalogue, is_eea};
use crate::model::{
    Art9Condition, Cookies, DataSection, EntityKind, Notice, Party, Register, Security, Transfers,
};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One starting point as the data file describes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetSpec {
    pub key: String,
    pub title: Text,
    pub description: Text,
    /// What kind of controller keeps such a register.
    pub kind: EntityKind,
    pub register: Text,
    /// Catalogue keys (`subjects.json`, `purposes.json`, `data.json`, `sources.json`,
    /// `recipients.json` or `services.json`, `retention.json`), in the order they are printed.
    pub subjects: Vec<String>,
    pub purposes: Vec<String>,
    pub data: Vec<String>,
    pub sources: Vec<String>,
    pub recipients: Vec<String>,
    pub retention: Vec<String>,
    /// The business has a website: the cookie section states the consent practice.
    #[serde(default)]
    pub website: bool,
    /// Children's data are processed (`Some(false)`: the starting point says they are not;
    /// `None`: not said, the owner answers).
    #[serde(default)]
    pub children: Option<bool>,
    /// What the notice says about children (default: the services are not aimed at them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_text: Option<Text>,
    /// The special-category paragraph, when it differs from the data item's own wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_text: Option<Text>,
    /// The Art. 9(2) condition per data key, when it differs from the catalogue's usual one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub condition: BTreeMap<String, Art9Condition>,
    /// The cookie paragraph of a starting point without a website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_text: Option<Text>,
    /// A legal point the data could not settle, for the owner and the reviewer (not printed).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub note: Text,
}

/// The texts every starting point shares.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedTexts {
    pub how_to: Text,
    pub changes: Text,
    pub copy_of_safeguards: Text,
    /// Says nothing about which kinds of cookie are used: the list shows that.
    pub cookie_consent: Text,
    pub children_not_aimed: Text,
    /// The profiling text for targeted ads; `{who}` is one of the `ads_who_*` phrases.
    pub profiling_ads: Text,
    pub ads_who_none: Text,
    /// `{names}`: the one advertising service listed.
    pub ads_who_one: Text,
    /// `{names}`: the advertising services listed, joined with `and`.
    pub ads_who_many: Text,
    pub and: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetFile {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub texts: SharedTexts,
    /// The essence of the arrangement (Art. 26(2)) per joint-controller service.
    pub joint_arrangements: BTreeMap<String, Text>,
    pub presets: Vec<PresetSpec>,
}

/// The starting points' data file, parsed once.
pub fn preset_file() -> &'static PresetFile {
    static F: OnceLock<PresetFile> = OnceLock::new();
    F.get_or_init(|| crate::data::embedded!("presets"))
}

/// What an owner chose beyond the starting point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// The recipients in place of the starting point's categories: catalogue recipient
    /// categories or named services. `None`: the starting point's own categories.
    pub recipients: Option<Vec<String>>,
    /// Services whose cookies the website sets.
    pub cookie_services: Vec<String>,
    /// Every security measure of the catalogue, as the reference notices take them.
    pub security: bool,
}

/// The notice for a starting point with the owner's choices. Unknown keys are skipped (the
/// tests keep every key of the data file in the catalogue).
pub fn build(spec: &PresetSpec, choices: &Choices) -> Notice {
    let c = catalogue();
    let file = preset_file();
    let texts = &file.texts;
    let recipient_keys = choices.recipients.as_ref().unwrap_or(&spec.recipients);
    // A recipient category of the same key wins: the starting points name categories, and a
    // category (e.g. kanta) carries wording reviewed for its context.
    let recipients: Vec<_> = recipient_keys
        .iter()
        .filter_map(|k| {
            c.recipient(k)
                .map(|r| r.to_model())
                .or_else(|| c.service(k).map(|s| s.to_recipient()))
        })
        .collect();
    let listed: Vec<_> = recipient_keys
        .iter()
        .filter(|k| c.recipient(k).is_none())
        .filter_map(|k| c.service(k))
        .collect();
    let outside = recipients.iter().any(|r| !is_eea(&r.country));

    let mut n = Notice {
        controllers: vec![Party {
            kind: Some(spec.kind),
            ..Party::default()
        }],
        ..Notice::default()
    };
    let joint: Vec<&Text> = listed
        .iter()
        .filter(|s| s.role == crate::model::Role::JointController)
        .filter_map(|s| file.joint_arrangements.get(&s.key))
        .collect();
    if !joint.is_empty() {
        n.joint_arrangement = join_texts(&joint, " ");
    }
    n.register = Register {
        activities: Vec::new(),
        name: spec.register.clone(),
        subjects: spec
            .subjects
            .iter()
            .filter_map(|k| c.subject(k).map(|x| x.to_item()))
            .collect(),
        text: Text::default(),
    };
    n.purposes.items = spec
        .purposes
        .iter()
        .filter_map(|k| c.purpose(k).map(|p| p.to_model()))
        .collect();
    let mut data = DataSection {
        items: spec
            .data
            .iter()
            .filter_map(|k| c.data_item(k).map(|d| d.to_model()))
            .collect(),
        ..DataSection::default()
    };
    for k in &spec.data {
        let Some(d) = c.data_item(k) else { continue };
        if let Some(mut sp) = d.to_special(spec.condition.get(k).copied()) {
            if let Some(t) = &spec.special_text {
                sp.text = t.clone();
            }
            data.special.push(sp);
        }
    }
    // Whether children's data are processed is the owner's answer: a starting point that does
    // not know leaves it open, and "our services are not aimed at children" is said only where
    // the answer is no.
    data.children = spec.children;
    data.children_text = match (&spec.children_text, spec.children) {
        (Some(t), _) => t.clone(),
        (None, Some(false)) => texts.children_not_aimed.clone(),
        (None, _) => Text::default(),
    };
    n.data = data;
    n.sources.items = spec
        .sources
        .iter()
        .filter_map(|k| c.source(k).map(|s| s.to_model()))
        .collect();
    n.recipients.items = recipients;
    // The renderer derives the transfer list and the "no transfers" sentence from the
    // recipients; the notice adds only how to get a copy of the safeguards.
    n.transfers = Transfers {
        outside_eea: Some(outside),
        copy_of_safeguards: if outside {
            texts.copy_of_safeguards.clone()
        } else {
            Text::default()
        },
        text: Text::default(),
    };
    n.retention.items = spec
        .retention
        .iter()
        .filter_map(|k| c.retention_rule(k).map(|r| r.to_model()))
        .collect();
    if choices.security {
        n.security = Security {
            manual: c.security_manual.iter().map(|x| x.to_item()).collect(),
            electronic: c.security_electronic.iter().map(|x| x.to_item()).collect(),
            text: Text::default(),
        };
    }
    let cookies: Vec<_> = choices
        .cookie_services
        .iter()
        .filter_map(|k| c.service(k))
        .flat_map(|s| s.to_cookies())
        .collect();
    n.cookies = if spec.website || !cookies.is_empty() {
        Cookies {
            used: Some(true),
            items: cookies,
            text: texts.cookie_consent.clone(),
        }
    } else {
        Cookies {
            used: Some(false),
            items: Vec::new(),
            text: spec.cookie_text.clone().unwrap_or_default(),
        }
    };
    // "No" to both is said by the renderer; the logic must be explained only for a "yes".
    let profiling = n.purposes.items.iter().any(|p| p.profiling);
    n.automated.decisions = Some(false);
    n.automated.profiling = Some(profiling);
    if profiling {
        let ads: Vec<&str> = listed
            .iter()
            .filter(|s| s.category == super::ServiceCategory::Advertising)
            .map(|s| s.name.as_str())
            .collect();
        n.automated.text = profiling_text(&ads);
    }
    n.rights.how_to = texts.how_to.clone();
    n.changes.text = texts.changes.clone();
    n
}

/// The profiling text for targeted ads, naming only the advertising services listed.
pub fn profiling_text(ads: &[&str]) -> Text {
    let t = &preset_file().texts;
    tri(|lang| {
        let who = match ads {
            [] => t.ads_who_none.get(lang).unwrap_or_default().to_string(),
            [one] => t
                .ads_who_one
                .get(lang)
                .unwrap_or_default()
                .replace("{names}", one),
            [init @ .., last] => {
                let names = format!(
                    "{} {} {last}",
                    init.join(", "),
                    t.and.get(lang).unwrap_or_default()
                );
                t.ads_who_many
                    .get(lang)
                    .unwrap_or_default()
                    .replace("{names}", &names)
            }
        };
        t.profiling_ads
            .get(lang)
            .unwrap_or_default()
            .replace("{who}", &who)
    })
}

/// A text built one language at a time.
fn tri(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Fi), f(Lang::Sv), f(Lang::En))
}

fn join_texts(texts: &[&Text], sep: &str) -> Text {
    tri(|lang| {
        texts
            .iter()
            .map(|t| t.get(lang).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(sep)
    })
}

/// Every catalogue key a starting point names that the catalogue lacks, as `"kind key"`.
pub fn unknown_keys(spec: &PresetSpec) -> Vec<String> {
    let c = catalogue();
    let mut out = Vec::new();
    let mut check = |kind: &str, keys: &[String], known: &dyn Fn(&str) -> bool| {
        out.extend(
            keys.iter()
                .filter(|k| !known(k))
                .map(|k| format!("{kind} {k}")),
        );
    };
    check("subject", &spec.subjects, &|k| c.subject(k).is_some());
    check("purpose", &spec.purposes, &|k| c.purpose(k).is_some());
    check("data", &spec.data, &|k| c.data_item(k).is_some());
    check("source", &spec.sources, &|k| c.source(k).is_some());
    check("recipient", &spec.recipients, &|k| {
        c.recipient(k).is_some() || c.service(k).is_some()
    });
    check("retention", &spec.retention, &|k| {
        c.retention_rule(k).is_some()
    });
    out
}
