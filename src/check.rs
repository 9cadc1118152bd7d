//! The checker: finds what makes a draft notice unlawful, false, weak or unfinished, and says
//! so in plain words in Finnish, Swedish or English.
//!
//! Seloste writes the rights section from the legal bases and always prints the complaint
//! right with the authority's current details, so the checker examines what the owner wrote
//! and chose: the structured fields (missing Art. 13/14 items, contradictions between them)
//! and every free text (`walk::texts`) for outdated law, wrong promises and template leftovers.
//!
//! Rule texts and the phrase patterns the rules look for live in `src/data/rules.json`.
//! Each finding's `path` is a JSON Pointer into the notice (`/purposes/items/0/basis`,
//! `/rights/text/fi`), so the app can lead the user to the field.

mod consent;
mod consistency;
mod registers;
pub mod laws;
pub mod pattern;
pub mod sentence;
mod transfer;

use crate::catalogue::{self, Provenance, ServiceCategory};
use crate::model::{CookieCategory, LegalBasis, Mechanism, Notice, SpecialKind};
use crate::rights::{self, RightKind};
use crate::text::{Lang, Text};
use crate::walk;
use pattern::Pattern;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// The rules that use the last scan of the website live with the scan (`scan::rule`); their
/// texts are the `scan_rules` block of `rules.json`.
pub use crate::scan::rule::{check_with_scan, rules as scan_rules};

/// How bad a finding is. Sorted most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The notice is unlawful or says something false.
    Error,
    /// Weak, risky or unfinished.
    Warning,
    /// Worth doing, not required.
    Tip,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Tip];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Tip => "tip",
        }
    }
}

/// One rule: stable id, severity, the law it rests on, and what to tell the user.
/// `message` and `fix` may hold placeholders (`{name}`, `{phrase}`, …) filled per finding.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// The rule reads free text alone, with no structured answer behind it: [`check_text`]
    /// reports it for a text that is not (yet) a notice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free_text: bool,
    pub severity: Severity,
    pub law: Text,
    pub message: Text,
    pub fix: Text,
}

/// One problem found in a notice. Serialises exactly as `seloste check --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub fix: String,
    pub law: String,
    /// JSON Pointer to the field the finding is about.
    pub path: String,
}

/// What to check for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The language of the messages.
    pub lang: Lang,
    /// The language the notice will be published in: every text must exist in it.
    /// `None`: do not check for missing translations.
    pub output: Option<Lang>,
}

#[derive(Deserialize)]
struct RuleFile {
    #[serde(flatten)]
    provenance: Provenance,
    phrases: BTreeMap<String, Vec<String>>,
    /// Names of countries beyond `countries.json` (short forms, inflected stems), by code.
    #[serde(default)]
    country_aliases: BTreeMap<String, Vec<String>>,
    rules: Vec<Rule>,
    language_names: BTreeMap<String, Text>,
    unknown_country: Text,
    terms: BTreeMap<String, Text>,
}

struct RuleSet {
    provenance: Provenance,
    rules: Vec<Rule>,
    /// Rule id → its place in `rules`.
    index: std::collections::HashMap<String, usize>,
    /// Each list compiled on its first use (see [`Phrases`]).
    phrases: BTreeMap<String, Phrases>,
    /// The patterns of each list as written, for lists combined with other data.
    phrase_sources: BTreeMap<String, Vec<String>>,
    country_aliases: BTreeMap<String, Vec<String>>,
    language_names: BTreeMap<String, Text>,
    unknown_country: Text,
    terms: BTreeMap<String, Text>,
}

/// One phrase list of `rules.json` as one pattern, compiled the first time a rule asks for it.
/// A check uses only the lists its notice leads it to (most lists are asked for only after
/// another has matched), and compiling all 80 up front made the first check in a process
/// twice as slow (issue 13). `no_phrase_list_matches_everything` compiles every list in the
/// tests, so a broken one still fails the suite, not a user.
struct Phrases {
    name: String,
    source: String,
    compiled: OnceLock<Pattern>,
}

impl Phrases {
    fn new(name: String, pats: &[String]) -> Self {
        let joined: Vec<String> = pats.iter().map(|p| format!("(?:{p})")).collect();
        Phrases {
            name,
            source: format!("(?im){}", joined.join("|")),
            compiled: OnceLock::new(),
        }
    }

    fn get(&self) -> &Pattern {
        self.compiled.get_or_init(|| {
            Pattern::new(&self.source)
                .unwrap_or_else(|e| panic!("rules.json phrase list {} is invalid: {e}", self.name))
        })
    }
}

fn ruleset() -> &'static RuleSet {
    static R: OnceLock<RuleSet> = OnceLock::new();
    R.get_or_init(|| {
        // The file is part of the build and covered by tests; a broken one is a bug.
        let file: RuleFile = crate::data::embedded!("rules");
        let phrase_sources = file.phrases.clone();
        let phrases = file
            .phrases
            .into_iter()
            .map(|(name, pats)| (name.clone(), Phrases::new(name, &pats)))
            .collect();
        let index = file
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        RuleSet {
            provenance: file.provenance,
            rules: file.rules,
            index,
            phrases,
            phrase_sources,
            country_aliases: file.country_aliases,
            language_names: file.language_names,
            unknown_country: file.unknown_country,
            terms: file.terms,
        }
    })
}

/// Every rule the checker knows, in the order of `src/data/rules.json`.
pub fn rules() -> &'static [Rule] {
    &ruleset().rules
}

/// Version and verification date of the rule texts.
pub fn provenance() -> &'static Provenance {
    &ruleset().provenance
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    let set = ruleset();
    set.index.get(id).map(|&i| &set.rules[i])
}

/// Check a notice for publication in `lang`; messages are in `lang` too.
pub fn check(notice: &Notice, lang: Lang) -> Vec<Finding> {
    check_with(
        notice,
        Options {
            lang,
            output: Some(lang),
        },
    )
}

/// Check a notice with explicit options. Findings are sorted by severity, then path.
pub fn check_with(notice: &Notice, opts: Options) -> Vec<Finding> {
    let _splits = sentence::Scope::new();
    let mut cx = Ctx::new(notice, opts);
    cx.controllers();
    cx.purposes();
    cx.data();
    cx.sources();
    cx.special_in_text();
    cx.id_code();
    cx.recipients_and_transfers();
    cx.transfers_declared();
    cx.transfer_mechanisms();
    cx.prose_mechanisms();
    cx.joint();
    cx.retention();
    cx.registers();
    cx.automated();
    cx.automated_decisions_info();
    cx.rights_texts();
    cx.rights_wording();
    cx.contact();
    cx.private_persons();
    cx.cookies();
    cx.marketing();
    cx.consent();
    cx.outdated();
    cx.wrong_citations();
    cx.bases_fit();
    cx.leftovers();
    cx.separate_document();
    cx.languages();
    cx.meta();
    let mut out = cx.out;
    out.sort_by(|a, b| (a.severity, &a.path, &a.rule).cmp(&(b.severity, &b.path, &b.rule)));
    out
}

/// Check a plain text — an old notice not imported, a paragraph pasted in — with the rules
/// that read free text (those marked `free_text` in `rules.json`); messages in `lang`. Findings point at `/other/0/text/…`.
pub fn check_text(text: &str, lang: Lang) -> Vec<Finding> {
    let mut n = Notice::default();
    let mut t = Text::default();
    *t.get_mut(lang) = text.to_string();
    n.other.push(crate::model::ExtraSection {
        heading: Text::default(),
        text: t,
    });
    check_with(&n, Options { lang, output: None })
        .into_iter()
        .filter(|f| rule(&f.rule).is_some_and(|r| r.free_text))
        .collect()
}

/// Does any finding make the notice unpublishable?
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The language most of the notice's texts are written in (Finnish on a tie or when empty).
pub fn main_language(notice: &Notice) -> Lang {
    let mut counts = [0usize; 3];
    for (_, lang, _) in walk::text_strings(notice) {
        counts[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)] += 1;
    }
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    Lang::ALL[best]
}

/// Find a phrase of the named list in `s`; returns the matched text.
fn find<'t>(list: &str, s: &'t str) -> Option<&'t str> {
    let m = list_re(list).find(s)?;
    Some(whole_words(s, m.range()))
}

/// The match `m` of `s` widened to whole words: "henkilötietolain", not the stem the pattern
/// looks for.
fn whole_words(s: &str, m: std::ops::Range<usize>) -> &str {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let start = s[..m.start]
        .rfind(|c: char| !word(c))
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[m.end..]
        .find(|c: char| !word(c))
        .map_or(s.len(), |i| m.end + i);
    let (start, end) = (start.min(m.start), end.max(m.end));
    &s[start..end]
}

fn has(list: &str, s: &str) -> bool {
    list_re(list).is_match(s)
}

/// The compiled phrase list `name` of `rules.json`.
fn list_re(name: &str) -> &'static Pattern {
    ruleset()
        .phrases
        .get(name)
        .unwrap_or_else(|| panic!("rules.json has no phrase list {name}"))
        .get()
}

/// A short, single-line quote of user text for a message.
fn quote(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = one.chars();
    let cut: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    }
}

/// Text that says something vague about retention and gives no figure.
fn vague(s: &str) -> Option<&str> {
    find("vague_retention", s).filter(|_| !has("figure", s))
}

struct Ctx<'a> {
    n: &'a Notice,
    opts: Options,
    strings: Vec<(String, Lang, &'a str)>,
    out: Vec<Finding>,
    seen: HashSet<(String, String)>,
}

impl<'a> Ctx<'a> {
    fn new(n: &'a Notice, opts: Options) -> Self {
        Ctx {
            n,
            opts,
            strings: walk::text_strings(n),
            out: Vec::new(),
            seen: HashSet::new(),
        }
    }

    fn lang(&self) -> Lang {
        self.opts.lang
    }

    /// Record a finding of rule `id` at `path`, filling the message's placeholders.
    fn add(&mut self, id: &str, path: impl Into<String>, args: &[(&str, &str)]) {
        let path = path.into();
        if !self.seen.insert((id.to_string(), path.clone())) {
            return;
        }
        let r = rule(id).unwrap_or_else(|| panic!("rules.json has no rule {id}"));
        let lang = self.lang();
        let fill = |t: &Text| {
            let mut s = t
                .resolve(lang)
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            for (k, v) in args {
                s = s.replace(&format!("{{{k}}}"), v);
            }
            s
        };
        self.out.push(Finding {
            rule: r.id.clone(),
            severity: r.severity,
            message: fill(&r.message),
            fix: fill(&r.fix),
            law: fill(&r.law),
            path,
        });
    }

    /// A readable name for a `Text` (e.g. a purpose), falling back to `alt`.
    fn name_of(&self, t: &Text, alt: &str) -> String {
        t.resolve(self.lang())
            .map(|(s, _)| quote(s))
            .unwrap_or_else(|| alt.to_string())
    }

    fn language_name(&self, l: Lang) -> String {
        ruleset()
            .language_names
            .get(self.lang().code())
            .and_then(|t| t.get(l))
            .unwrap_or(l.code())
            .to_string()
    }

    /// Every free text matching the phrase list, as `(path, matched phrase)`.
    fn matches(&self, list: &str) -> Vec<(String, String)> {
        self.strings
            .iter()
            .filter_map(|(p, _, s)| find(list, s).map(|m| (p.clone(), quote(m))))
            .collect()
    }

    fn controllers(&mut self) {
        let n = self.n;
        if n.controllers.is_empty() {
            self.add("controller.missing", "/controllers", &[]);
        }
        let contact_channel = n
            .contact
            .as_ref()
            .is_some_and(|c| !c.email.trim().is_empty() || !c.phone.trim().is_empty());
        for (i, c) in n.controllers.iter().enumerate() {
            if c.name.trim().is_empty() {
                // One finding for a controller not yet named: its fix asks for the name, the
                // identifier and the contact details, which the owner fills in together. A
                // "#1" in place of a name would read as a fault of the program.
                self.add("controller.missing", format!("/controllers/{i}/name"), &[]);
                continue;
            }
            let name = quote(&c.name);
            let own =
                !c.email.trim().is_empty() || !c.phone.trim().is_empty() || !c.address.is_empty();
            if !(own || (i == 0 && contact_channel)) {
                self.add(
                    "controller.contact_missing",
                    format!("/controllers/{i}"),
                    &[("name", &name)],
                );
            }
            use crate::model::{EntityKind, IdKind};
            // A private person has no identifier to give; an organisation always has one, so
            // "none" is believed only of a party that is not an organisation.
            let person = c.kind == Some(EntityKind::Person)
                || (c.id_kind == Some(IdKind::None)
                    && matches!(c.kind, None | Some(EntityKind::Person | EntityKind::Other)));
            if c.business_id.trim().is_empty() && c.other_id.trim().is_empty() && !person {
                self.add(
                    "controller.id_missing",
                    format!("/controllers/{i}/business_id"),
                    &[("name", &name)],
                );
            }
        }
    }

    fn purposes(&mut self) {
        let n = self.n;
        if n.purposes.items.is_empty() {
            if n.purposes.text.is_empty() {
                self.add("purpose.missing", "/purposes", &[]);
            } else {
                // Purposes written only as prose: no basis is tied to any of them.
                let name = self.name_of(&n.purposes.text, "");
                self.add(
                    "purpose.basis_missing",
                    "/purposes/items",
                    &[("name", &name)],
                );
            }
        }
        for (i, p) in n.purposes.items.iter().enumerate() {
            let alt = if p.key.is_empty() {
                format!("#{}", i + 1)
            } else {
                p.key.clone()
            };
            let name = self.name_of(&p.text, &alt);
            match p.basis {
                None => self.add(
                    "purpose.basis_missing",
                    format!("/purposes/items/{i}/basis"),
                    &[("name", &name)],
                ),
                Some(LegalBasis::LegitimateInterest) if p.interest.is_empty() => self.add(
                    "purpose.interest_missing",
                    format!("/purposes/items/{i}/interest"),
                    &[("name", &name)],
                ),
                _ => {}
            }
            // A legal obligation rests on a law (Art. 6(3)): name it, unless the purpose's own
            // words already do. An act `laws.json` does not know counts as not named.
            let law_known = p
                .law
                .as_ref()
                .is_some_and(|l| crate::applicable::act(&l.act).is_some());
            if p.basis == Some(LegalBasis::LegalObligation)
                && !law_known
                && !p.text.all().any(|(_, s)| laws::names_an_act(s))
            {
                self.add(
                    "purpose.law_missing",
                    format!("/purposes/items/{i}/law"),
                    &[("name", &name)],
                );
            }
        }
    }

    fn data(&mut self) {
        let d = &self.n.data;
        let no_data = d.items.is_empty() && d.text.is_empty();
        if no_data && d.special.is_empty() {
            self.add("data.missing", "/data", &[]);
        }
        if !no_data && d.items.iter().all(|c| c.required.is_none()) {
            let stated = std::iter::once(&d.text)
                .chain(d.items.iter().flat_map(|c| [&c.text, &c.if_not_provided]))
                .any(|t| t.all().any(|(_, s)| has("requirement_stated", s)));
            if !stated {
                let path = if d.items.is_empty() {
                    "/data/text"
                } else {
                    "/data/items/0/required"
                };
                self.add("data.requirement_unstated", path, &[]);
            }
        }
        // The identity code marked as such needs its tietosuojalaki 29 § reason.
        for (i, item) in d.items.iter().enumerate() {
            if item.identifier == Some(crate::model::PersonalId::IdentityCode)
                && item.code_reason.is_none()
            {
                let phrase = self.name_of(&item.text, "henkilötunnus");
                self.add(
                    "data.id_code_reason_missing",
                    format!("/data/items/{i}/code_reason"),
                    &[("phrase", &phrase)],
                );
            }
        }
        for (i, s) in d.special.iter().enumerate() {
            if s.condition.is_none() {
                let alt = special_name(s.kind);
                let name = self.name_of(&s.text, alt);
                self.add(
                    "special.condition_missing",
                    format!("/data/special/{i}/condition"),
                    &[("name", &name)],
                );
            }
        }
    }

    fn sources(&mut self) {
        let n = self.n;
        let s = &n.sources;
        if s.items.is_empty() && s.text.is_empty() {
            self.add("sources.missing", "/sources", &[]);
            return;
        }
        if !s.items.is_empty() && s.items.iter().all(|x| x.from_subject) && s.text.is_empty() {
            let others = n.register.subjects.iter().find_map(|sub| {
                // Next of kin are named by the person: their data comes from someone else.
                if sub.relation == Some(crate::model::Relation::NextOfKin) {
                    return Some(self.name_of(&sub.text, "next_of_kin"));
                }
                let key = sub.key.replace('_', " ");
                if has("prospects", &key) {
                    return Some(self.name_of(&sub.text, &sub.key));
                }
                sub.text
                    .all()
                    .find_map(|(_, t)| has("prospects", t).then(|| quote(t)))
            });
            if let Some(name) = others {
                self.add(
                    "sources.other_missing",
                    "/sources/items",
                    &[("name", &name)],
                );
            }
        }
    }

    fn recipients_and_transfers(&mut self) {
        let n = self.n;
        let lang = self.lang();
        if n.recipients.items.is_empty() && n.recipients.text.is_empty() {
            self.add("recipients.missing", "/recipients", &[]);
        }
        let mut first_outside: Option<(String, String)> = None;
        let mut copy_needed: Option<String> = None;
        for (i, r) in n.recipients.items.iter().enumerate() {
            let code = r.country.trim();
            if code.is_empty() || catalogue::is_eea(code) {
                continue;
            }
            let name = recipient_name(self, r, i);
            let country = if code.eq_ignore_ascii_case("NON_EEA") {
                let t = &ruleset().unknown_country;
                t.resolve(lang).map(|x| x.0.to_string()).unwrap_or_default()
            } else {
                catalogue::country_name(code, lang)
            };
            first_outside.get_or_insert_with(|| (name.clone(), country.clone()));
            let at = format!("/recipients/items/{i}/mechanism");
            match r.mechanism {
                // A safeguard stated in prose for this recipient counts (judged in `transfer.rs`).
                None | Some(Mechanism::None) => {
                    if self.prose_safeguards(r).is_empty() {
                        self.add(
                            "transfer.safeguard_missing",
                            at,
                            &[("name", &name), ("country", &country)],
                        )
                    }
                }
                Some(Mechanism::PrivacyShield) => {
                    self.add("outdated.privacy_shield", at, &[("name", &name)])
                }
                Some(Mechanism::Scc | Mechanism::Bcr) => {
                    copy_needed.get_or_insert(name);
                }
                _ => {}
            }
        }
        if let Some(name) = copy_needed
            && n.transfers.copy_of_safeguards.is_empty()
        {
            self.add(
                "transfer.copy_missing",
                "/transfers/copy_of_safeguards",
                &[("name", &name)],
            );
        }
        if let Some((name, country)) = first_outside {
            let args = [("name", name.as_str()), ("country", country.as_str())];
            if n.transfers.outside_eea == Some(false) {
                self.add("transfer.contradiction", "/transfers/outside_eea", &args);
            } else {
                let said = self
                    .strings
                    .iter()
                    .find(|(_, _, s)| has("no_transfers", s) && !has("transfer_exception", s));
                if let Some((p, _, _)) = said {
                    let p = p.clone();
                    self.add("transfer.contradiction", p, &args);
                }
            }
        }
    }

    fn retention(&mut self) {
        let r = &self.n.retention;
        // A period in figures or words, or a concrete anchor ("until", "from the end of").
        let says =
            |s: &str| vague(s).is_none() && (has("figure", s) || has("retention_criteria", s));
        let text_ok = |t: &Text| t.all().any(|(_, s)| says(s));
        let item_ok = r
            .items
            .iter()
            .any(|x| x.period.is_some() || text_ok(&x.criteria));
        if !item_ok && !text_ok(&r.text) {
            self.add("retention.missing", "/retention", &[]);
        }
        let hits: Vec<(String, String)> = self
            .strings
            .iter()
            .filter_map(|(p, _, s)| vague(s).map(|m| (p.clone(), quote(m))))
            .collect();
        for (p, m) in hits {
            self.add("retention.vague", p, &[("phrase", &m)]);
        }
    }

    fn automated(&mut self) {
        let n = self.n;
        let a = &n.automated;
        if a.decisions.is_none() {
            self.add("automated.decisions_unstated", "/automated/decisions", &[]);
        }
        // A purpose that involves profiling: flagged, or saying so in its own words.
        let flagged = n
            .purposes
            .items
            .iter()
            .enumerate()
            .find(|(_, p)| p.profiling);
        let profiling_purpose: Option<String> = match flagged {
            Some((i, p)) => Some(self.name_of(&p.text, &format!("#{}", i + 1))),
            None => n
                .purposes
                .items
                .iter()
                .map(|p| &p.text)
                .chain([&n.purposes.text])
                .flat_map(|t| t.all())
                .find_map(|(_, s)| has("profiling", s).then(|| quote(s))),
        };
        match (profiling_purpose, a.profiling) {
            (Some(name), Some(false)) => self.add(
                "automated.profiling_contradiction",
                "/automated/profiling",
                &[("name", &name)],
            ),
            (Some(_), None) => self.add(
                "automated.profiling_info_missing",
                "/automated/profiling",
                &[],
            ),
            (Some(_), Some(true)) if a.text.is_empty() => {
                self.add("automated.profiling_info_missing", "/automated/text", &[])
            }
            (None, None) => self.add("automated.profiling_unstated", "/automated/profiling", &[]),
            _ => {}
        }
    }

    /// The owner's own words about rights, wherever they wrote them.
    fn rights_texts(&mut self) {
        let n = self.n;
        // The rights Seloste prints come from `rights::derive`; the owner's own words must not
        // promise more. With no basis chosen at all the question is open (basis_missing says so).
        let bases = n.bases();
        let derived: Vec<RightKind> = rights::derive(n).iter().map(|r| r.kind).collect();
        if !bases.is_empty() && !derived.contains(&RightKind::Portability) {
            for (p, m) in self.matches("portability") {
                self.add("rights.portability_without_basis", p, &[("phrase", &m)]);
            }
        }
        if !bases.is_empty() && !derived.contains(&RightKind::WithdrawConsent) {
            for (p, m) in self.matches("withdrawal") {
                self.add("rights.withdrawal_without_consent", p, &[("phrase", &m)]);
            }
        }

        // Own rights lists that leave out the complaint right.
        let mut rights_places: Vec<(String, Lang, &str)> = Vec::new();
        for (p, l, s) in &self.strings {
            if p.starts_with("/rights/") || p.starts_with("/other/") {
                rights_places.push((p.clone(), *l, s));
            }
        }
        let complaint_in = |l: Lang| {
            self.strings
                .iter()
                .any(|(_, x, s)| *x == l && has("complaint", s))
        };
        let missing = rights_places
            .iter()
            .find(|(_, l, s)| has("rights_listed", s) && !complaint_in(*l))
            .map(|(p, _, _)| p.clone());
        if let Some(p) = missing {
            self.add("rights.complaint_missing", p, &[]);
        }

        // A complaint mentioned with no way to reach the authority.
        let contact_given = self
            .strings
            .iter()
            .any(|(_, _, s)| has("authority_contact", s))
            || walk::plain_strings(n)
                .iter()
                .any(|(_, s)| has("authority_contact", s));
        if !contact_given {
            let first = self
                .strings
                .iter()
                .find(|(_, _, s)| has("complaint", s))
                .map(|(p, _, _)| p.clone());
            if let Some(p) = first {
                self.add("rights.authority_contact_missing", p, &[]);
            }
        }

        // A paragraph headed "right to object" that never speaks of objecting.
        for (i, o) in n.other.iter().enumerate() {
            for (l, heading) in o.heading.all() {
                if !has("objection_heading", heading) {
                    continue;
                }
                if let Some(body) = o.text.get(l)
                    && !has("objection_words", body)
                {
                    self.add(
                        "rights.objection_mismatch",
                        format!("/other/{i}/text/{l}"),
                        &[("phrase", &quote(heading))],
                    );
                }
            }
        }

        for (p, m) in self.matches("signature") {
            self.add("rights.signature_demand", p, &[("phrase", &m)]);
        }
    }

    fn contact(&mut self) {
        let n = self.n;
        if n.dpo.is_some() {
            return;
        }
        let Some(c) = &n.contact else { return };
        let mut hits: Vec<(String, String)> = c
            .role
            .all()
            .filter_map(|(l, s)| {
                find("dpo_title", s).map(|m| (format!("/contact/role/{l}"), quote(m)))
            })
            .collect();
        if let Some(m) = find("dpo_title", &c.name) {
            hits.push(("/contact/name".into(), quote(m)));
        }
        if let Some((p, m)) = hits.into_iter().next() {
            self.add("contact.dpo_title", p, &[("phrase", &m)]);
        }
    }

    fn private_persons(&mut self) {
        let n = self.n;
        let people = n
            .register
            .subjects
            .iter()
            .map(|s| self.name_of(&s.text, &s.key))
            .chain(n.data.items.iter().map(|d| self.name_of(&d.text, &d.key)))
            .find(|s| !s.is_empty());
        let Some(people) = people else { return };
        for (p, m) in self.matches("private_persons_denied") {
            self.add(
                "subjects.private_persons_denied",
                p,
                &[("phrase", &m), ("name", &people)],
            );
        }
    }

    fn cookies(&mut self) {
        let n = self.n;
        let c = &n.cookies;
        let mut no_consent = false;
        let mut tracking: Option<String> = None;
        for (i, k) in c.items.iter().enumerate() {
            if matches!(
                k.category,
                CookieCategory::Analytics | CookieCategory::Marketing
            ) {
                let name = match (k.name.trim(), k.provider.trim()) {
                    ("", "") => format!("#{}", i + 1),
                    (name, "") => quote(name),
                    ("", provider) => quote(provider),
                    (name, provider) => format!("{} ({})", quote(name), quote(provider)),
                };
                tracking.get_or_insert(name.clone());
                if !k.consent {
                    no_consent = true;
                    self.add(
                        "cookies.no_consent",
                        format!("/cookies/items/{i}/consent"),
                        &[("name", &name)],
                    );
                }
            }
        }
        // Consent is asked for: a cookie marked so, or a sentence about cookies or a tracking
        // tool that describes a real choice (a banner, accept/reject, "only after you accept") —
        // not browser settings and not consent read into use of the site.
        let consent_cookie = c.items.iter().any(|k| k.consent)
            || self.strings.iter().any(|(_, _, s)| {
                sentence::split(s).iter().cloned().any(|r| {
                    let t = &s[r];
                    (has("cookies_word", t) || has("consent_service", t))
                        && has("cookie_consent_given", t)
                        && !has("browser_settings", t)
                        && consent::implied_at(t).is_empty()
                })
            });

        // Services that need consent: recipients the catalogue marks so (by key, or by a
        // name it recognises), and tracking tools named in any free text.
        let mut services: Vec<(String, String)> = Vec::new();
        for (i, r) in n.recipients.items.iter().enumerate() {
            let needs = match catalogue::service(&r.key) {
                // An advertising platform merely mentioned (an Instagram account, a Facebook
                // link) is not a pixel on the site.
                Some(s) if s.category == ServiceCategory::Advertising => {
                    s.needs_consent && self.is_pixel(&s.aliases, &r.key)
                }
                Some(s) => s.needs_consent,
                // Only a name: count it when it is a tracking tool; a CRM or shop named as a
                // processor says nothing about the website's cookies.
                None => catalogue::find_services(&r.name).iter().any(|s| {
                    s.needs_consent
                        && matches!(
                            s.category,
                            ServiceCategory::Analytics | ServiceCategory::Advertising
                        )
                }),
            };
            if needs {
                services.push((format!("/recipients/items/{i}"), recipient_name(self, r, i)));
            }
        }
        // A tracking tool named in a sentence that denies it or tells its history ("emme enää
        // käytä Google Analyticsia", "we do not use Hotjar") is not on the site.
        services.extend(self.strings.iter().filter_map(|(p, _, s)| {
            sentence::affirmed_matches("consent_service", s)
                .into_iter()
                .next()
                .map(|r| (p.clone(), quote(whole_words(s, r))))
        }));
        if tracking.is_none() {
            tracking = services.first().map(|(_, s)| s.clone());
        }
        // Cookies the text says are used for statistics, tracking or advertising.
        if tracking.is_none() {
            tracking = self.strings.iter().find_map(|(_, _, s)| {
                sentence::split(s).iter().cloned().find_map(|r| {
                    let t = &s[r.clone()];
                    (has("cookies_word", t)
                        && has("tracking_purpose", t)
                        && sentence::affirmed(s, r.start..r.start + 1))
                    .then(|| quote(t))
                })
            });
        }
        if !consent_cookie
            && !no_consent
            && let Some((p, name)) = services.first().cloned()
        {
            self.add("cookies.service_without_consent", p, &[("name", &name)]);
        }

        let Some(tracking) = tracking else { return };
        for (p, m) in self.matches("consent_denied") {
            self.add(
                "cookies.consent_denied",
                p,
                &[("phrase", &m), ("name", &tracking)],
            );
        }
        if !consent_cookie {
            let hits: Vec<(String, String)> = self
                .strings
                .iter()
                .filter(|(_, _, s)| has("cookies_word", s))
                .filter_map(|(p, _, s)| find("browser_settings", s).map(|m| (p.clone(), quote(m))))
                .collect();
            for (p, m) in hits {
                self.add("outdated.browser_consent", p, &[("phrase", &m)]);
            }
        }
    }

    fn outdated(&mut self) {
        self.outdated_acts();
        for (p, m) in self.matches("register_notice_name") {
            self.add("outdated.register_notice_name", p, &[("phrase", &m)]);
        }
        let auth = catalogue::authority();
        let lang = self.lang();
        let expected = format!(
            "{}, {}",
            auth.name.resolve(lang).map(|x| x.0).unwrap_or_default(),
            auth.postal_address
                .resolve(lang)
                .map(|x| x.0)
                .unwrap_or_default()
        );
        let mut old: Vec<(String, String)> = Vec::new();
        // Only where the text speaks of the authority: 00521 is also an ordinary Pasila postcode.
        for (p, _, s) in self
            .strings
            .iter()
            .filter(|(_, _, s)| has("authority_words", s))
        {
            let flat = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if let Some(a) = auth.outdated_addresses.iter().find(|a| {
                flat.contains(
                    &a.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                )
            }) {
                old.push((p.clone(), a.clone()));
            }
        }
        for (p, a) in old {
            self.add(
                "outdated.authority_address",
                p,
                &[("phrase", &a), ("expected", &expected)],
            );
        }
    }

    fn leftovers(&mut self) {
        let n = self.n;
        let mut hits: Vec<(String, String)> = Vec::new();
        let texts = self.strings.iter().map(|(p, _, s)| (p.clone(), *s));
        for (p, s) in texts.chain(walk::plain_strings(n)) {
            if let Some(m) = placeholder(s) {
                hits.push((p, quote(m)));
            }
        }
        // Dummy business IDs and phone numbers left in the owner's running text (in the contact
        // fields themselves validation judges the format).
        for (p, _, s) in &self.strings {
            if let Some(m) = consistency::bracket_slot(s).or_else(|| find("dummy_value", s)) {
                hits.push((p.clone(), quote(m)));
            }
        }
        for (p, m) in hits {
            self.add("leftover.placeholder", p, &[("phrase", &m)]);
        }

        for (i, o) in n.other.iter().enumerate() {
            if !o.heading.is_empty() && o.text.is_empty() {
                let h = self.name_of(&o.heading, "");
                self.add(
                    "leftover.empty_heading",
                    format!("/other/{i}/text"),
                    &[("phrase", &h)],
                );
            }
        }

        // Numbered headings of the owner's own sections, and numbered lines inside one text.
        let mut prev: Option<u32> = None;
        let mut gaps: Vec<(String, u32, u32)> = Vec::new();
        for (i, o) in n.other.iter().enumerate() {
            let Some((h, _)) = o.heading.resolve(self.lang()) else {
                continue;
            };
            let Some(num) = heading_number(h) else {
                continue;
            };
            if let Some(p) = prev
                && num > p + 1
            {
                gaps.push((format!("/other/{i}/heading"), p, num));
            }
            prev = Some(num);
        }
        for (p, _, s) in &self.strings {
            let mut prev: Option<u32> = None;
            for line in s.lines() {
                let Some(num) = line_number(line) else {
                    continue;
                };
                if let Some(q) = prev
                    && num > q + 1
                {
                    gaps.push((p.clone(), q, num));
                    break;
                }
                prev = Some(num);
            }
        }
        for (p, a, b) in gaps {
            self.add(
                "leftover.numbering_gap",
                p,
                &[("expected", &a.to_string()), ("found", &b.to_string())],
            );
        }
    }

    /// Texts missing in the output language, reported once per section of the notice (the
    /// first such text is the path), not once per field.
    fn languages(&mut self) {
        let Some(out) = self.opts.output else { return };
        let mut sections: Vec<(String, String, usize, Vec<Lang>)> = Vec::new();
        for (p, t) in walk::texts(self.n) {
            if t.is_empty() || t.get(out).is_some() {
                continue;
            }
            let section = p.split('/').nth(1).unwrap_or("").to_string();
            let present: Vec<Lang> = t.all().map(|(l, _)| l).collect();
            match sections.iter_mut().find(|s| s.0 == section) {
                Some(s) => {
                    s.2 += 1;
                    for l in present {
                        if !s.3.contains(&l) {
                            s.3.push(l);
                        }
                    }
                }
                None => sections.push((section, format!("{p}/{out}"), 1, present)),
            }
        }
        let lang = self.language_name(out);
        let me = self.lang();
        for (section, path, count, present) in sections {
            let found: Vec<String> = present.iter().map(|&l| self.language_name(l)).collect();
            let term = |k: &str| {
                ruleset()
                    .terms
                    .get(k)
                    .and_then(|t| t.resolve(me))
                    .map(|x| x.0.to_string())
                    .unwrap_or_else(|| k.to_string())
            };
            let count = term("lang_count").replace("{count}", &count.to_string());
            let section_name = term(&format!("section_{section}"));
            self.add(
                "lang.missing",
                path,
                &[
                    ("lang", &lang),
                    ("found", &found.join(", ")),
                    ("count", &count),
                    ("section", &section_name),
                ],
            );
        }
    }

    fn meta(&mut self) {
        let n = self.n;
        if n.meta.drafted.trim().is_empty()
            && n.meta.updated.trim().is_empty()
            && n.changes.log.is_empty()
        {
            self.add("meta.date_missing", "/meta/updated", &[]);
        }
    }
}

/// The first template placeholder in `s`. A bracketed word followed by a link target or
/// preceded by link text is Markdown ("[text][contact]", "[contact]: url"), not a slot.
fn placeholder(s: &str) -> Option<&str> {
    let md_link = |m: &pattern::Hit| {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        m.as_str().starts_with('[')
            && (matches!(after, Some('(' | '[' | ':'))
                || before.is_some_and(|c| c == ']' || c.is_alphanumeric()))
    };
    list_re("placeholder")
        .find_iter(s)
        .find(|m| !md_link(m))
        .map(|m| {
            // Quote whole words, as `find` does.
            let word = |c: char| c.is_alphanumeric() || c == '-';
            let end = s[m.end()..]
                .find(|c: char| !word(c))
                .map_or(s.len(), |i| m.end() + i);
            &s[m.start()..end]
        })
}

fn recipient_name(cx: &Ctx, r: &crate::model::Recipient, i: usize) -> String {
    if !r.name.trim().is_empty() {
        return quote(&r.name);
    }
    let alt = if r.key.is_empty() {
        format!("#{}", i + 1)
    } else {
        r.key.clone()
    };
    cx.name_of(&r.description, &alt)
}

fn heading_number(s: &str) -> Option<u32> {
    leading_number("numbered_heading", s)
}

/// A numbered line inside a text: "3. Heading" (a number alone may be a period: "6 vuotta").
fn line_number(s: &str) -> Option<u32> {
    leading_number("numbered_line", s)
}

fn leading_number(list: &str, s: &str) -> Option<u32> {
    let re = ruleset().phrases.get(list)?.get();
    if !re.is_match(s) {
        return None;
    }
    let caps = re.regex().captures(s)?;
    // The list is one alternative: its first group is the number.
    caps.iter().skip(1).flatten().next()?.as_str().parse().ok()
}

fn special_name(k: SpecialKind) -> &'static str {
    match k {
        SpecialKind::Health => "health",
        SpecialKind::RacialOrEthnicOrigin => "racial_or_ethnic_origin",
        SpecialKind::PoliticalOpinions => "political_opinions",
        SpecialKind::ReligiousOrPhilosophicalBeliefs => "religious_or_philosophical_beliefs",
        SpecialKind::TradeUnionMembership => "trade_union_membership",
        SpecialKind::Genetic => "genetic",
        SpecialKind::Biometric => "biometric",
        SpecialKind::SexLifeOrOrientation => "sex_life_or_orientation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule ids the code names (its string literals of the form family.rule, and the `rule`
    /// of each `laws.json` entry)
    /// are exactly the rules of `rules.json`: no rule without code, no code without a text.
    #[test]
    fn rules_file_and_code_agree() {
        let ids: Vec<&str> = rules().iter().map(|r| r.id.as_str()).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate rule id");
        let src = [
            include_str!("check.rs"),
            include_str!("check/consent.rs"),
            include_str!("check/consistency.rs"),
            include_str!("check/laws.rs"),
            include_str!("check/registers.rs"),
            include_str!("check/transfer.rs"),
        ]
        .concat();
        let re = regex::Regex::new(r#""([a-z]+\.[a-z][a-z0-9_]*)""#).unwrap();
        let mut named: HashSet<String> = re
            .captures_iter(&src)
            .map(|c| c[1].to_string())
            .filter(|id| !id.ends_with(".json") && !id.ends_with(".rs"))
            .collect();
        named.extend(laws::laws().acts.iter().map(|a| a.rule.clone()));
        let listed: HashSet<String> = unique.iter().map(|s| s.to_string()).collect();
        let mut missing: Vec<_> = listed.difference(&named).collect();
        missing.sort();
        assert!(
            missing.is_empty(),
            "rules.json rules the code never raises: {missing:?}"
        );
        let mut unknown: Vec<_> = named.difference(&listed).collect();
        unknown.sort();
        assert!(
            unknown.is_empty(),
            "rules the code raises without a text: {unknown:?}"
        );
        assert!(rules().iter().any(|r| r.free_text), "no free-text rule");
    }

    #[test]
    fn every_rule_text_exists_in_three_languages() {
        for r in rules() {
            for l in Lang::ALL {
                for (what, t) in [("law", &r.law), ("message", &r.message), ("fix", &r.fix)] {
                    assert!(t.get(l).is_some(), "{} has no {what} in {l}", r.id);
                }
            }
        }
        assert!(!provenance().verified_on.is_empty());
    }

    #[test]
    fn every_phrase_list_the_code_names_exists() {
        let src = [
            include_str!("check.rs"),
            include_str!("check/sentence.rs"),
            include_str!("check/consent.rs"),
            include_str!("check/consistency.rs"),
            include_str!("check/transfer.rs"),
        ]
        .concat();
        let re = regex::Regex::new(
            r#"(?:has|find|matches|leading_number|list_re|list|phrase_sources)(?:\(|\[)"([a-z0-9_]+)""#,
        )
        .unwrap();
        let named: HashSet<&str> = re
            .captures_iter(&src)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        assert!(
            named.len() >= 25,
            "only {} lists found in the source",
            named.len()
        );
        for name in &named {
            assert!(
                ruleset().phrases.contains_key(*name),
                "rules.json has no phrase list {name}"
            );
        }
        for name in ruleset().phrases.keys() {
            assert!(
                named.contains(name.as_str()),
                "phrase list {name} in rules.json is never used"
            );
        }
    }

    #[test]
    fn no_phrase_list_matches_everything() {
        // A pattern that matches the empty string would fire on every text.
        for (name, re) in &ruleset().phrases {
            let re = re.get();
            assert!(
                !re.is_match(""),
                "phrase list {name} matches the empty string"
            );
            assert!(
                !re.is_match("Tämä on tavallinen lause."),
                "phrase list {name} matches plain text"
            );
        }
    }

    #[test]
    fn phrases_match_what_the_seeds_say() {
        let cases = [
            (
                "withdrawal",
                "Sinulla on myös oikeus peruuttaa suostumuksesi tai muuttaa sitä.",
            ),
            (
                "portability",
                "oikeus vastustaa käsittelyä ja siirtää tiedot järjestelmästä toiseen",
            ),
            ("placeholder", "- vierailijan selain - muuta?"),
            ("placeholder", "sähköpostitse (s-postiosoite) tai"),
            ("placeholder", "[yrityksen nimi]"),
            (
                "signature",
                "omakätisesti allekirjoitetulla kirjallisella pyynnöllä",
            ),
            ("signature", "Tarkastuspyyntö on allekirjoitettava."),
            (
                "consent_denied",
                "Sopimuksemme peruste. Suostumusta ei tarvita.",
            ),
            (
                "private_persons_denied",
                "Emme käsittele, kerää tai arkistoi yksityishenkilöiden tietoja.",
            ),
            (
                "browser_settings",
                "estää evästeiden käyttö muuttamalla selaimensa asetuksia",
            ),
            (
                "browser_settings",
                "Evästeiden käytön voi halutessaan estää selaimen asetuksia muuttamalla.",
            ),
            (
                "vague_retention",
                "niin kauan kuin henkilötiedon käyttötarkoituksen vuoksi on tarpeellista",
            ),
            (
                "dpo_title",
                "Data Protection Officer / General Data Protection Regulation",
            ),
            ("register_notice_name", "Rekisteri- / tietosuojaseloste"),
            (
                "no_transfers",
                "Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
            ),
            (
                "rights_listed",
                "Sinulla on oikeus tarkistuttaa itseäsi koskevat tiedot",
            ),
            ("complaint", "oikeus tehdä valitus valvontaviranomaiselle"),
            ("objection_heading", "Vastustamisoikeus"),
        ];
        for (list, s) in cases {
            assert!(has(list, s), "{list} does not match {s:?}");
        }
        let not = [
            (
                "withdrawal",
                "käsittely perustuu suostumuksen perusteella tehtyyn sopimukseen",
            ),
            (
                "signature",
                "Jokainen käyttäjä on allekirjoittanut salassapitositoumuksen.",
            ),
            (
                "vague_retention",
                "niin kauan, kuin rekisterinpitäjällä on sopimussuhde voimassa",
            ),
            ("placeholder", "Katso kohta [1]."),
            ("placeholder", "Todo ei ole sana."),
            (
                "complaint",
                "Asianomainen voi saattaa epäämisen tietosuojavaltuutetun ratkaistavaksi.",
            ),
            ("placeholder", "Y-tunnus 2606155-7, puh. 040 555 1234"),
        ];
        for (list, s) in not {
            assert!(!has(list, s), "{list} wrongly matches {s:?}");
        }
    }

    #[test]
    fn heading_numbers() {
        assert_eq!(
            heading_number("12. Oikeus vaatia tiedon korjaamista"),
            Some(12)
        );
        assert_eq!(heading_number("3 Henkilötietojen käsittely"), Some(3));
        assert_eq!(heading_number("Rekisterinpitäjä"), None);
        assert_eq!(heading_number("2026 oli hyvä vuosi"), None);
        assert_eq!(line_number("3. Tietolähteet"), Some(3));
        assert_eq!(line_number("6 vuotta tilikauden päättymisestä"), None);
        assert_eq!(line_number("1. nimi ja osoite"), None);
        assert_eq!(line_number("25.5.2018 lukien"), None);
    }

    #[test]
    fn severity_sorts_errors_first() {
        assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Tip);
        assert_eq!(
            serde_json::to_string(&Severity::Warning).unwrap(),
            "\"warning\""
        );
    }
}
