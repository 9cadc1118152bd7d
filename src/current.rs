//! Keeping a published notice current when the law or a service moves.
//!
//! Every published version keeps a [`Snapshot`]: the versions of the data files it was built
//! with, the sentences of its output in fi/sv/en and its checker findings. When a newer
//! Seloste (newer data) opens the database, [`review`] builds the same notice again with the
//! data of today and compares: the sentences that changed (before and after, by section), the
//! findings that are new or gone, and the catalogue services whose country, role or transfer
//! safeguard changed since the notice took them. [`change_note`] prefills the change-log line
//! for republishing; the store's `republish` does it in one call.
//!
//! The data's own history — what changed, when, why, from which source — is
//! `src/data/changelog.json` ([`changelog`], `seloste data changes`).

use crate::catalogue::{self, Provenance};
use crate::check::{self, Finding};
use crate::document::{self, Block, Document, Inline};
use crate::model::{Mechanism, Notice, Role};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Data file (path under `src/data/`, without `.json`) → its `version`.
pub type DataVersions = BTreeMap<String, u32>;

/// Every data file whose content can change what a notice says or what the checker finds,
/// embedded as the modules that use them embed them.
const DATA_FILES: &[(&str, &str)] = &[
    ("authority", include_str!("data/authority.json")),
    ("countries", include_str!("data/countries.json")),
    ("output", include_str!("data/output.json")),
    ("pdf", include_str!("data/pdf.json")),
    ("record", include_str!("data/record.json")),
    ("rights", include_str!("data/rights.json")),
    ("rules", include_str!("data/rules.json")),
    ("validation", include_str!("data/validation.json")),
    ("changelog", include_str!("data/changelog.json")),
    ("catalogue/data", include_str!("data/catalogue/data.json")),
    (
        "catalogue/purposes",
        include_str!("data/catalogue/purposes.json"),
    ),
    (
        "catalogue/recipients",
        include_str!("data/catalogue/recipients.json"),
    ),
    (
        "catalogue/retention",
        include_str!("data/catalogue/retention.json"),
    ),
    (
        "catalogue/security",
        include_str!("data/catalogue/security.json"),
    ),
    (
        "catalogue/services",
        include_str!("data/catalogue/services.json"),
    ),
    (
        "catalogue/sources",
        include_str!("data/catalogue/sources.json"),
    ),
    (
        "catalogue/subjects",
        include_str!("data/catalogue/subjects.json"),
    ),
    (
        "catalogue/contexts",
        include_str!("data/catalogue/contexts.json"),
    ),
    ("laws", include_str!("data/laws.json")),
    ("presets", include_str!("data/presets.json")),
    ("interview", include_str!("data/interview.json")),
    // The scan's sentences open every finding of the last website scan ("Sivuston tarkistus
    // 28.11.2026:") and write the cookie banner wording (issue 18).
    ("scan", include_str!("data/scan.json")),
];

/// Data files that change neither what a notice says nor what the checker finds, so a new
/// version of them never asks the owner to review a published notice: the app's own screens
/// (`ui`, `wizard`), the labels of the version diff (`diff_labels`) and the vocabulary that
/// reads an old notice into a draft (`import`, whose draft the owner reviews anyway).
#[cfg(test)]
const NOT_VERSIONED_WITH_NOTICES: &[&str] = &["ui", "wizard", "diff_labels", "import"];

/// The versions of the data this build of Seloste carries.
pub fn data_versions() -> &'static DataVersions {
    static V: OnceLock<DataVersions> = OnceLock::new();
    V.get_or_init(|| {
        DATA_FILES
            .iter()
            .map(|(name, json)| {
                let p: Provenance = serde_json::from_str(json)
                    .unwrap_or_else(|e| panic!("embedded data file {name}.json is invalid: {e}"));
                (name.to_string(), p.version)
            })
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// The data's changelog (src/data/changelog.json)

/// One change of the data: what, when, why, and the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataChange {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The files this change brought, with the version each reached.
    pub files: BTreeMap<String, u32>,
    pub what: Text,
    pub why: Text,
    pub source: String,
}

#[derive(Debug, Deserialize)]
struct Changelog {
    #[serde(flatten)]
    #[allow(dead_code)]
    provenance: Provenance,
    #[allow(dead_code)]
    #[serde(default)]
    note: String,
    strings: BTreeMap<String, Text>,
    entries: Vec<DataChange>,
}

fn changelog_data() -> &'static Changelog {
    static C: OnceLock<Changelog> = OnceLock::new();
    C.get_or_init(|| {
        crate::data::embedded!("changelog")
    })
}

/// Every change of the data, oldest first.
pub fn changelog() -> &'static [DataChange] {
    &changelog_data().entries
}

fn s(key: &str, lang: Lang) -> &'static str {
    match changelog_data().strings.get(key).and_then(|t| t.get(lang)) {
        Some(s) => s,
        None => {
            debug_assert!(false, "changelog.json has no {key} in {lang}");
            "?"
        }
    }
}

/// The changes that brought a file past the version `before` recorded (a file `before` does
/// not know counts as version 0): what changed since a notice was published.
pub fn changes_since(before: &DataVersions) -> Vec<&'static DataChange> {
    changelog()
        .iter()
        .filter(|c| {
            c.files
                .iter()
                .any(|(f, v)| *v > before.get(f).copied().unwrap_or(0))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/// One sentence of the output: the section heading it stands under and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub section: String,
    pub text: String,
}

/// A finding as remembered: enough to tell whether it is new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingKey {
    pub rule: String,
    pub path: String,
    pub message: String,
}

impl From<&Finding> for FindingKey {
    fn from(f: &Finding) -> Self {
        FindingKey {
            rule: f.rule.clone(),
            path: f.path.clone(),
            message: f.message.clone(),
        }
    }
}

/// What a published version was built with and said, per language code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub data: DataVersions,
    pub output: BTreeMap<String, Vec<Line>>,
    pub findings: BTreeMap<String, Vec<FindingKey>>,
}

/// The sentences of a document: each block's text as one line under its section's heading
/// (the title lines under the title).
pub fn lines(doc: &Document) -> Vec<Line> {
    fn text(xs: &[Inline]) -> String {
        xs.iter()
            .map(Inline::to_plain)
            .collect::<String>()
            .trim()
            .to_string()
    }
    let mut out = Vec::new();
    let mut push = |section: &str, t: String| {
        if !t.trim().is_empty() {
            out.push(Line {
                section: section.to_string(),
                text: t,
            });
        }
    };
    for t in [
        doc.register_name.as_deref().map(text),
        doc.date_line.clone(),
    ]
    .into_iter()
    .flatten()
    {
        push(&doc.title, t);
    }
    for sec in &doc.sections {
        for b in &sec.blocks {
            match b {
                Block::Paragraph { content }
                | Block::Subheading { content }
                | Block::Note { content } => push(&sec.heading, text(content)),
                Block::List { items } => items.iter().for_each(|i| push(&sec.heading, text(i))),
                Block::Fields { rows } => rows
                    .iter()
                    .for_each(|r| push(&sec.heading, format!("{}: {}", r.label, text(&r.value)))),
                Block::Table { header, rows } => rows.iter().for_each(|r| {
                    let cells: Vec<String> = header
                        .iter()
                        .zip(r)
                        .map(|(h, c)| format!("{h}: {}", text(c)))
                        .collect();
                    push(&sec.heading, cells.join("; "))
                }),
            }
        }
    }
    out
}

/// The snapshot of `notice` as this build prints and checks it.
pub fn snapshot(notice: &Notice) -> Snapshot {
    let mut output = BTreeMap::new();
    let mut findings = BTreeMap::new();
    for lang in Lang::ALL {
        output.insert(
            lang.code().to_string(),
            lines(&document::build(notice, lang)),
        );
        findings.insert(
            lang.code().to_string(),
            check::check(notice, lang)
                .iter()
                .map(FindingKey::from)
                .collect(),
        );
    }
    Snapshot {
        data: data_versions().clone(),
        output,
        findings,
    }
}

// ---------------------------------------------------------------------------------------------
// Review

/// The sentences of one section before and after (only those that differ).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionChange {
    pub section: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// A catalogue service whose facts changed since the notice took them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceUpdate {
    /// JSON Pointer of the recipient, e.g. `/recipients/items/2`.
    pub path: String,
    pub service: String,
    /// `country`, `mechanism` or `role`.
    pub field: String,
    pub before: String,
    pub after: String,
    /// One sentence, in the review's language.
    pub message: String,
}

/// What would change if the notice were published again today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub lang: Lang,
    /// The data versions the published version was built with (empty: not recorded).
    pub data_before: DataVersions,
    pub data_now: DataVersions,
    /// The changelog entries since then.
    pub data_changes: Vec<DataChange>,
    /// False for a version published before snapshots were kept: nothing to compare.
    pub comparable: bool,
    pub sections: Vec<SectionChange>,
    pub new_findings: Vec<Finding>,
    pub resolved_findings: Vec<FindingKey>,
    pub service_updates: Vec<ServiceUpdate>,
}

impl Review {
    /// Does the owner need to look at this notice?
    pub fn needs_attention(&self) -> bool {
        !self.comparable
            || !self.sections.is_empty()
            || !self.new_findings.is_empty()
            || !self.service_updates.is_empty()
    }
}

/// Would `notice`, published with `before` (None: before snapshots were kept), print or be
/// judged differently with today's data? Compares in `lang`.
pub fn review(notice: &Notice, before: Option<&Snapshot>, lang: Lang) -> Review {
    let now_lines = lines(&document::build(notice, lang));
    let findings = check::check(notice, lang);
    let service_updates = service_updates(notice, lang);
    let data_now = data_versions().clone();
    let Some(before) = before else {
        return Review {
            lang,
            data_before: DataVersions::new(),
            data_changes: changes_since(&DataVersions::new())
                .into_iter()
                .cloned()
                .collect(),
            data_now,
            comparable: false,
            sections: Vec::new(),
            new_findings: findings,
            resolved_findings: Vec::new(),
            service_updates,
        };
    };
    let old_lines = before.output.get(lang.code()).cloned().unwrap_or_default();
    // Section by section, in today's order, then any section that is gone.
    let mut order: Vec<&str> = now_lines.iter().map(|l| l.section.as_str()).collect();
    order.extend(old_lines.iter().map(|l| l.section.as_str()));
    let mut seen = std::collections::HashSet::new();
    order.retain(|s| seen.insert(*s));
    let mut sections = Vec::new();
    for sec in order {
        let old: Vec<&str> = old_lines
            .iter()
            .filter(|l| l.section == sec)
            .map(|l| l.text.as_str())
            .collect();
        let new: Vec<&str> = now_lines
            .iter()
            .filter(|l| l.section == sec)
            .map(|l| l.text.as_str())
            .collect();
        let gone: Vec<String> = old
            .iter()
            .filter(|l| !new.contains(l))
            .map(|l| l.to_string())
            .collect();
        let came: Vec<String> = new
            .iter()
            .filter(|l| !old.contains(l))
            .map(|l| l.to_string())
            .collect();
        if !gone.is_empty() || !came.is_empty() {
            sections.push(SectionChange {
                section: sec.to_string(),
                before: gone,
                after: came,
            });
        }
    }
    let old_findings = before
        .findings
        .get(lang.code())
        .cloned()
        .unwrap_or_default();
    let same = |a: &FindingKey, f: &Finding| a.rule == f.rule && a.path == f.path;
    let new_findings = findings
        .iter()
        .filter(|f| !old_findings.iter().any(|o| same(o, f)))
        .cloned()
        .collect();
    let resolved_findings = old_findings
        .iter()
        .filter(|o| !findings.iter().any(|f| same(o, f)))
        .cloned()
        .collect();
    Review {
        lang,
        data_changes: changes_since(&before.data).into_iter().cloned().collect(),
        data_before: before.data.clone(),
        data_now,
        comparable: true,
        sections,
        new_findings,
        resolved_findings,
        service_updates,
    }
}

fn mechanism_label(m: Option<Mechanism>, lang: Lang) -> String {
    let key = match m {
        Some(m) => match serde_json::to_value(m) {
            Ok(serde_json::Value::String(s)) => format!("m_{s}"),
            _ => "m_none".into(),
        },
        None => "m_none".into(),
    };
    document::out(&key, lang).to_string()
}

fn role_label(r: Role) -> String {
    match serde_json::to_value(r) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The recipients taken from a catalogue service whose country, role or transfer safeguard
/// the catalogue now gives differently.
pub fn service_updates(notice: &Notice, lang: Lang) -> Vec<ServiceUpdate> {
    let mut out = Vec::new();
    for (i, r) in notice.recipients.items.iter().enumerate() {
        let Some(svc) = catalogue::service(&r.key) else {
            continue;
        };
        let now = svc.to_recipient();
        let name = if r.name.trim().is_empty() {
            now.name.clone()
        } else {
            r.name.clone()
        };
        let mut push = |field: &str, label: &str, before: String, after: String| {
            let message = s("service_update", lang)
                .replace("{service}", &name)
                .replace("{field}", s(label, lang))
                .replace("{before}", &before)
                .replace("{after}", &after);
            out.push(ServiceUpdate {
                path: format!("/recipients/items/{i}"),
                service: svc.key.clone(),
                field: field.into(),
                before,
                after,
                message,
            });
        };
        if !r.country.eq_ignore_ascii_case(&now.country) {
            push(
                "country",
                "f_country",
                catalogue::country_name(&r.country, lang),
                catalogue::country_name(&now.country, lang),
            );
        }
        if r.mechanism != now.mechanism {
            push(
                "mechanism",
                "f_mechanism",
                mechanism_label(r.mechanism, lang),
                mechanism_label(now.mechanism, lang),
            );
        }
        if r.role != now.role {
            push("role", "f_role", role_label(r.role), role_label(now.role));
        }
    }
    out
}

/// Bring the recipients taken from catalogue services up to the catalogue's current country,
/// role and transfer safeguard (the owner's own names and descriptions stay). Returns what
/// changed.
pub fn apply_service_updates(notice: &mut Notice) -> Vec<ServiceUpdate> {
    let updates = service_updates(notice, Lang::Fi);
    for r in &mut notice.recipients.items {
        if let Some(svc) = catalogue::service(&r.key) {
            let now = svc.to_recipient();
            r.country = now.country;
            r.mechanism = now.mechanism;
            r.role = now.role;
        }
    }
    updates
}

/// The prefilled change-log line for republishing after a review, in fi/sv/en: the changelog
/// entries since the published version, else a general sentence.
pub fn change_note(review: &Review) -> Text {
    let line = |lang: Lang| {
        let whats: Vec<String> = review
            .data_changes
            .iter()
            .filter_map(|c| c.what.get(lang))
            .map(|w| w.trim().trim_end_matches('.').to_string())
            .collect();
        if whats.is_empty() || !review.comparable {
            s("republish_note_general", lang).to_string()
        } else {
            s("republish_note", lang).replace("{what}", &whats.join("; "))
        }
    };
    Text::new(line(Lang::Fi), line(Lang::Sv), line(Lang::En))
}

/// The sentence shown for a version without a snapshot.
pub fn no_snapshot_note(lang: Lang) -> &'static str {
    s("no_snapshot", lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_is_versioned_and_every_changelog_file_exists() {
        let v = data_versions();
        assert!(v.values().all(|n| *n >= 1));
        for c in changelog() {
            for (f, n) in &c.files {
                assert!(v.contains_key(f), "changelog names unknown file {f}");
                assert!(
                    *n <= v[f],
                    "changelog: {f} {n} is newer than the data ({})",
                    v[f]
                );
            }
            for l in Lang::ALL {
                assert!(
                    c.what.get(l).is_some() && c.why.get(l).is_some(),
                    "{}",
                    c.date
                );
            }
            assert!(!c.source.trim().is_empty());
        }
        // Every file's current version is explained by some entry.
        for (f, n) in v {
            assert!(
                changelog().iter().any(|c| c.files.get(f) == Some(n)),
                "changelog.json has no entry bringing {f} to version {n}"
            );
        }
        for (k, t) in &changelog_data().strings {
            for l in Lang::ALL {
                assert!(t.get(l).is_some(), "changelog.json: {k} has no {l}");
            }
        }
    }

    /// Every JSON file under `src/data/` carries its provenance (version, verified_on, source)
    /// and is either in `DATA_FILES` with exactly the content the build embeds, or named in
    /// `NOT_VERSIONED_WITH_NOTICES` — a new data file cannot be forgotten (issue 18: scan.json
    /// was).
    #[test]
    fn every_data_file_on_disk_is_versioned_or_deliberately_left_out() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
        let mut found = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|x| x == "json") {
                    let name = path
                        .strip_prefix(&root)
                        .unwrap()
                        .with_extension("")
                        .to_string_lossy()
                        .replace('\\', "/");
                    found.push((name, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        assert!(found.len() >= 20, "only {} data files found", found.len());
        let is_date = |s: &str| {
            s.len() == 10
                && s.bytes().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
        };
        for (name, text) in &found {
            let p: Provenance = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("{name}.json has no provenance: {e}"));
            assert!(p.version >= 1, "{name}.json: version");
            assert!(
                is_date(&p.verified_on),
                "{name}.json: verified_on {:?}",
                p.verified_on
            );
            assert!(!p.source.trim().is_empty(), "{name}.json: source");
            match DATA_FILES.iter().find(|(n, _)| n == name) {
                Some((_, embedded)) => assert_eq!(
                    embedded, text,
                    "{name}.json on disk differs from the embedded one"
                ),
                None => assert!(
                    NOT_VERSIONED_WITH_NOTICES.contains(&name.as_str()),
                    "src/data/{name}.json is neither in DATA_FILES (src/current.rs) nor in \
                     NOT_VERSIONED_WITH_NOTICES"
                ),
            }
        }
        for (name, _) in DATA_FILES {
            assert!(
                found.iter().any(|(n, _)| n == name),
                "DATA_FILES names {name}, which is not in src/data"
            );
            assert!(data_versions().contains_key(*name));
        }
        assert!(data_versions().contains_key("scan"));
    }

    #[test]
    fn the_same_data_finds_nothing_to_review() {
        let n = catalogue::presets()[0].notice.clone();
        let snap = snapshot(&n);
        for lang in Lang::ALL {
            let r = review(&n, Some(&snap), lang);
            assert!(!r.needs_attention(), "{r:?}");
            assert!(r.data_changes.is_empty());
        }
    }
}
