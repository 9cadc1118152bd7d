//! The clause catalogue and reference data: data files in `src/data/`, embedded in the binary
//! and parsed once. Each file carries a `version` and a `verified_on` date.
//!
//! Nothing here is legal logic; it is the vocabulary the wizard offers, the renderer prints and
//! the checker and importer compare against.

use crate::model::{
    Art9Condition, CodeReason, Cookie, CookieCategory, DataCategory, Item, LawRef, LegalBasis,
    Mechanism, Notice, Period, PersonalId, Purpose, Recipient, Requirement, Retention, Role,
    Source, SpecialCategory, SpecialKind,
};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

pub mod presets;
mod search;

/// When and from where a data file was last checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Provenance {
    pub version: u32,
    pub verified_on: String,
    #[serde(default)]
    pub source: String,
}

/// The supervisory authority (Tietosuojavaltuutetun toimisto), in three languages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Authority {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub name: Text,
    pub visiting_address: Text,
    pub postal_address: Text,
    pub switchboard: Text,
    pub registry: Text,
    pub email: String,
    pub website: String,
    /// Addresses the authority no longer uses; the checker flags them in free text.
    pub outdated_addresses: Vec<String>,
}

pub fn authority() -> &'static Authority {
    static A: OnceLock<Authority> = OnceLock::new();
    A.get_or_init(|| crate::data::embedded!("authority"))
}

/// A catalogue file (`purposes.json`) through the one data loader (`crate::data`).
fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    crate::data::parse(&format!("catalogue/{}", name.trim_end_matches(".json")), json)
}

/// A country (or the placeholders `EEA` / `NON_EEA`) and its standing for transfers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    /// In the EU/EEA: no transfer safeguard needed.
    pub eea: bool,
    /// The Commission has found its protection adequate (Art. 45). For the US this is false:
    /// only DPF-certified organisations are covered, see `Mechanism::Dpf`.
    pub adequacy: bool,
    pub name: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Countries {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub countries: Vec<Country>,
}

pub fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| crate::data::embedded!("countries"))
}

/// Look a country up by its code (case-insensitive).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .countries
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Is the data kept inside the EU/EEA? Unknown codes count as outside (the safe answer).
pub fn is_eea(code: &str) -> bool {
    country(code).is_some_and(|c| c.eea)
}

/// The country's name in `lang`, or the code itself when it is not in the list.
pub fn country_name(code: &str, lang: Lang) -> String {
    country(code)
        .and_then(|c| c.name.get(lang).map(str::to_string))
        .unwrap_or_else(|| code.trim().to_string())
}

// ---------------------------------------------------------------------------------------------
// The clause catalogue
// ---------------------------------------------------------------------------------------------

/// A plain catalogue line: a data subject group or a security measure.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable identifier, written into the notice as the item's `key`.
    pub key: String,
    /// The wording that goes into the notice.
    pub text: Text,
    /// One plain sentence for the wizard on when to pick it (may be empty).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    /// The kinds of notice this wording is written for (`contexts.json`); empty: neutral
    /// wording that fits any notice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// For a data subject group: its relation to the register's other people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<crate::model::Relation>,
}

impl Clause {
    /// The notice item this clause fills in.
    pub fn to_item(&self) -> Item {
        Item {
            activities: Vec::new(),
            key: self.key.clone(),
            text: self.text.clone(),
            relation: self.relation,
        }
    }
}

/// A common purpose of processing with its usual legal basis.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeClause {
    pub key: String,
    pub text: Text,
    /// The legal basis this purpose usually rests on (Art. 6(1)).
    pub basis: LegalBasis,
    /// The legitimate interest pursued; present exactly when `basis` is legitimate interest.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub interest: Text,
    /// Direct marketing: the absolute right to object applies (Art. 21(2)–(3)).
    #[serde(default)]
    pub direct_marketing: bool,
    /// The purpose involves profiling.
    #[serde(default)]
    pub profiling: bool,
    /// For a legal obligation: the law behind it (an act of `laws.json` and its section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<LawRef>,
    /// One plain sentence on when to pick it.
    pub help: Text,
    /// The kinds of notice this wording is written for; empty: neutral wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// A legal point that could not be settled, or a remark for the owner.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
}

impl PurposeClause {
    /// The notice purpose this clause fills in.
    pub fn to_model(&self) -> Purpose {
        Purpose {
            activities: Vec::new(),
            key: self.key.clone(),
            text: self.text.clone(),
            basis: Some(self.basis),
            interest: self.interest.clone(),
            direct_marketing: self.direct_marketing,
            profiling: self.profiling,
            law: self.law.clone(),
            consent_method: None,
        }
    }
}

/// A category of personal data.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataClause {
    pub key: String,
    pub text: Text,
    /// Must the person provide it (Art. 13(2)(e))? `None`: depends on the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// What follows if a required item is not provided.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub if_not_provided: Text,
    /// A special category (Art. 9(1)) this data belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<SpecialKind>,
    /// The Art. 9(2) condition that usually applies to it (only with `special`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Art9Condition>,
    /// Observed automatically (usage, log, open and click data): never labelled required or
    /// optional.
    #[serde(default)]
    pub collected_automatically: bool,
    /// We record it ourselves in our dealings with the person (assessments, purchase history,
    /// treatment notes): the person does not provide it, so it carries no required/optional
    /// label (Art. 13(2)(e) is about data the person provides).
    #[serde(default)]
    pub recorded_by_us: bool,
    /// For required data: statutory or contractual requirement (Art. 13(2)(e)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// A personal identifier with rules of its own (the identity code, a document number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<PersonalId>,
    /// For the identity code: the reason tietosuojalaki 29 § allows that usually applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_reason: Option<CodeReason>,
    /// The kinds of notice this wording is written for; empty: neutral wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// A legal point that could not be settled, or a remark for the owner.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
}

impl DataClause {
    /// The notice data category this clause fills in.
    pub fn to_model(&self) -> DataCategory {
        DataCategory {
            activities: Vec::new(),
            key: self.key.clone(),
            text: self.text.clone(),
            required: self.required,
            if_not_provided: self.if_not_provided.clone(),
            collected_automatically: self.collected_automatically,
            requirement: self.requirement,
            identifier: self.identifier,
            code_reason: self.code_reason,
        }
    }

    /// The special-category entry for the notice, when this data is a special category.
    /// `condition` overrides the usual Art. 9(2) condition (e.g. explicit consent for a
    /// wellness service that is not health care).
    pub fn to_special(&self, condition: Option<Art9Condition>) -> Option<SpecialCategory> {
        self.special.map(|kind| SpecialCategory {
            kind,
            condition: condition.or(self.condition),
            text: self.text.clone(),
        })
    }
}

/// Where data comes from (Art. 14(2)(f)).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceClause {
    pub key: String,
    pub text: Text,
    /// From the person themselves (Art. 13) rather than elsewhere (Art. 14).
    #[serde(default)]
    pub from_subject: bool,
    /// A publicly accessible source.
    #[serde(default)]
    pub public: bool,
    /// The kinds of notice this wording is written for; empty: neutral wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// A legal point that could not be settled, or a remark for the owner.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
}

impl SourceClause {
    pub fn to_model(&self) -> Source {
        Source {
            activities: Vec::new(),
            key: self.key.clone(),
            text: self.text.clone(),
            from_subject: self.from_subject,
            public: self.public,
        }
    }
}

/// A category of recipients (accountant, delivery company, tax authority, …).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientClause {
    pub key: String,
    /// What kind of recipient this is; goes into the recipient's `description`.
    pub text: Text,
    pub role: Role,
    /// Where it usually processes the data: ISO alpha-2 or `EEA`.
    pub country: String,
    /// The transfer safeguard, for a country outside the EU/EEA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
    /// Why the data goes there.
    pub purpose: Text,
    /// The kinds of notice this wording is written for; empty: neutral wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    /// A legal point that could not be settled, or a remark for the owner.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
}

impl RecipientClause {
    pub fn to_model(&self) -> Recipient {
        Recipient {
            key: self.key.clone(),
            name: String::new(),
            description: self.text.clone(),
            role: self.role,
            purpose: self.purpose.clone(),
            country: self.country.clone(),
            mechanism: self.mechanism,
        }
    }
}

/// A retention rule: a period, criteria, or both, and the law it rests on.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionClause {
    pub key: String,
    /// Which data this applies to.
    pub applies_to: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When the period starts or what decides it; always written out in full.
    pub criteria: Text,
    /// The statute or article it rests on, e.g. "Kirjanpitolaki 1336/1997 2:10".
    pub law: String,
    /// Was the rule checked against the source? `false`: see `notes`.
    pub verified: bool,
    /// When the rule was last checked against `law`, `YYYY-MM-DD`.
    pub verified_on: String,
    /// What could not be verified, or a remark for the user.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub notes: Text,
    /// The kinds of notice this wording is written for; empty: neutral wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
}

impl RetentionClause {
    pub fn to_model(&self) -> Retention {
        Retention {
            activities: Vec::new(),
            key: self.key.clone(),
            applies_to: self.applies_to.clone(),
            period: self.period,
            criteria: self.criteria.clone(),
        }
    }
}

/// What kind of service a catalogue service is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceCategory {
    Analytics,
    Advertising,
    EmailMarketing,
    Office,
    WebShop,
    Website,
    Accounting,
    Banking,
    Payments,
    Delivery,
    Booking,
    Crm,
    Hosting,
    Communication,
    CustomerService,
    /// Content from another service shown on the site (videos, maps, posts, spam protection).
    Embed,
    /// Forms, surveys and appointment scheduling.
    Forms,
    /// A page or account on a social network (not a tracker on the controller's site).
    Social,
    /// Patient and client records for health and therapy.
    HealthRecords,
    /// Member registers for associations and clubs.
    MemberRegister,
}

/// The three-language label of a service category.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryLabel {
    pub category: ServiceCategory,
    pub text: Text,
}

/// A cookie a service sets on the controller's website.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceCookie {
    /// The cookie's name; `<…>` marks a part that varies (e.g. `_ga_<container-id>`).
    pub name: String,
    pub category: CookieCategory,
    pub purpose: Text,
    /// How long it lives, e.g. "2 years" or "session".
    pub duration: Text,
}

/// A tracker that is not a website cookie, e.g. the pixel in a newsletter that records opens.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTracker {
    pub name: Text,
    pub purpose: Text,
    /// How long what it records is kept, or "not verified".
    pub duration: Text,
}

/// A further transfer besides the service's main country, e.g. Shopify's sub-processors in
/// the US besides Canada.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurtherTransfer {
    pub country: String,
    pub mechanism: Mechanism,
    /// Who receives it there, e.g. "sub-processors" or "support functions".
    pub what: Text,
}

/// A fact of a catalogue entry that carries a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    Entity,
    Role,
    Country,
    Mechanism,
    Description,
    Cookies,
    Trackers,
    Domains,
}

impl Fact {
    pub const ALL: [Fact; 8] = [
        Fact::Entity,
        Fact::Role,
        Fact::Country,
        Fact::Mechanism,
        Fact::Description,
        Fact::Cookies,
        Fact::Trackers,
        Fact::Domains,
    ];
}

/// Whether a fact was checked against its source on the entry's `verified_on` date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactStatus {
    #[serde(rename = "verified")]
    Verified,
    /// Written from general knowledge; the source is where to check it.
    #[serde(rename = "not verified")]
    NotVerified,
}

/// Where some facts of an entry come from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSource {
    pub facts: Vec<Fact>,
    /// A public page (the provider's privacy terms, DPA, cookie list) or a reference document.
    pub source: String,
    pub status: FactStatus,
}

/// A named service small Finnish firms use, with what a notice must say about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub key: String,
    /// The product's name, e.g. "Google Analytics 4".
    pub name: String,
    /// The legal entity the controller deals with, e.g. "Google Ireland Limited". Empty for
    /// self-hosted software, where the processor is the user's own web host (see `notes`).
    pub entity: String,
    pub category: ServiceCategory,
    pub role: Role,
    /// Where the data is processed or the relevant third country: ISO alpha-2 or `EEA`.
    pub country: String,
    /// The transfer safeguard; `None` when the data stays in the EU/EEA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
    /// Why the data goes there.
    pub purpose: Text,
    /// What the service does, in plain words (for search and the wizard's picker).
    pub description: Text,
    /// Where the data is processed, when the single `country` would mislead (Microsoft 365:
    /// "EU (EU Data Boundary); support functions also in the US").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing: Option<Text>,
    /// Transfers besides the main country (sub-processors elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub further_transfers: Vec<FurtherTransfer>,
    /// Besides any processor role, the provider is itself the controller of some data (a
    /// payment institution's payment and anti-money-laundering data): what a notice should say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_controller: Option<Text>,
    /// Setting its cookies or tracking needs the visitor's prior consent.
    #[serde(default)]
    pub needs_consent: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cookies: Vec<ServiceCookie>,
    /// Trackers other than website cookies (newsletter open and click tracking).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trackers: Vec<ServiceTracker>,
    /// Web hosts the service loads from, matched as the host or a parent domain of it
    /// (`googletagmanager.com` matches `www.googletagmanager.com`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Regular expressions that recognise the service in a page's inline code or in a URL; a
    /// capture group, when there is one, is the account or container ID shown as evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub script_patterns: Vec<String>,
    /// Keys of more general entries this one replaces when both are recognised on a site
    /// (Matomo Cloud's snippet is also a Matomo snippet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supersedes: Vec<String>,
    /// Names by which the service appears in text, matched case-insensitively as whole words.
    pub aliases: Vec<String>,
    /// Where each fact comes from and whether it was checked.
    pub sources: Vec<FactSource>,
    /// What could not be verified and what the user should check.
    pub notes: Text,
    /// When the entry was last reviewed, `YYYY-MM-DD`.
    pub verified_on: String,
}

impl Service {
    /// The recipient's proper name as a notice shows it: "Entity (Product)".
    pub fn display_name(&self) -> String {
        if self.entity.is_empty() {
            self.name.clone()
        } else if self.entity.contains(&self.name) {
            self.entity.clone()
        } else {
            format!("{} ({})", self.entity, self.name)
        }
    }

    /// Is the data processed outside the EU/EEA?
    pub fn outside_eea(&self) -> bool {
        !is_eea(&self.country)
    }

    /// The notice recipient for this service: picking the service fills in its name, role,
    /// country and transfer mechanism.
    pub fn to_recipient(&self) -> Recipient {
        Recipient {
            key: self.key.clone(),
            name: self.display_name(),
            description: catalogue()
                .category_label(self.category)
                .cloned()
                .unwrap_or_default(),
            role: self.role,
            purpose: self.purpose.clone(),
            country: self.country.clone(),
            mechanism: self.mechanism,
        }
    }

    /// The notice cookies this service sets. Anything beyond strictly necessary cookies is
    /// marked as set only after consent.
    pub fn to_cookies(&self) -> Vec<Cookie> {
        self.cookies
            .iter()
            .map(|c| Cookie {
                key: self.key.clone(),
                name: c.name.clone(),
                provider: self.name.clone(),
                category: c.category,
                purpose: c.purpose.clone(),
                duration: c.duration.clone(),
                consent: c.category != CookieCategory::Necessary,
            })
            .collect()
    }
}

/// Word patterns in each language. A pattern is a word (`order`), a stem (`tilau*`: words
/// starting with it), a part (`*tilau*`: words containing it, for Finnish compounds), or a
/// phrase of such words (`debt collection`, `cover letter*`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLists {
    #[serde(default)]
    pub fi: Vec<String>,
    #[serde(default)]
    pub sv: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl WordLists {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// A kind of notice (orders, bookings, membership, recruitment, …): catalogue entries written
/// for it carry its key in `contexts`, and its words must not appear in neutral wording.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    pub key: String,
    /// What the context is, for the wizard and for test messages.
    pub label: Text,
    /// The words that belong to this context.
    pub words: WordLists,
    /// Phrases that contain one of the words without belonging to the context ("in order to").
    #[serde(default)]
    pub except: WordLists,
}

/// Lower-case words of `text` (letters and digits), joined by single spaces.
fn words_of(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does `pattern` (see `WordLists`) occur in `norm` (the output of `words_of`)? Returns the
/// word or phrase that matched.
fn match_pattern(norm: &str, pattern: &str) -> Option<String> {
    let p = words_of(pattern.trim_start_matches('*').trim_end_matches('*'));
    if p.is_empty() {
        return None;
    }
    let lead = pattern.starts_with('*');
    let tail = pattern.ends_with('*');
    let hay = format!(" {norm} ");
    let mut from = 0;
    while let Some(at) = hay[from..].find(&p).map(|i| i + from) {
        let before_ok = lead || hay[..at].ends_with(' ');
        let end = at + p.len();
        let after_ok = tail || hay[end..].starts_with(' ');
        if before_ok && after_ok {
            let start = hay[..at].rfind(' ').map_or(0, |i| i + 1);
            let stop = hay[end..].find(' ').map_or(hay.len(), |i| end + i);
            return Some(hay[start..stop].to_string());
        }
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

impl Context {
    /// The first word of this context found in `text` (in `lang`), if any.
    pub fn find_in(&self, text: &str, lang: Lang) -> Option<String> {
        let mut norm = format!(" {} ", words_of(text));
        for e in self.except.get(lang) {
            let e = format!(" {} ", words_of(e));
            while norm.contains(&e) {
                norm = norm.replace(&e, " ");
            }
        }
        let norm = norm.trim();
        self.words
            .get(lang)
            .iter()
            .find_map(|p| match_pattern(norm, p))
    }
}

/// One catalogue data file and its provenance.
#[derive(Debug, Clone, Serialize)]
pub struct DataFile {
    /// The file's name under `src/data/catalogue/`.
    pub file: &'static str,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// The whole clause catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct Catalogue {
    /// Version, check date and source of each data file.
    pub files: Vec<DataFile>,
    pub purposes: Vec<PurposeClause>,
    /// Data subject groups.
    pub subjects: Vec<Clause>,
    pub data: Vec<DataClause>,
    pub sources: Vec<SourceClause>,
    pub recipients: Vec<RecipientClause>,
    /// Security measures, A: manual material.
    pub security_manual: Vec<Clause>,
    /// Security measures, B: electronic processing.
    pub security_electronic: Vec<Clause>,
    pub retention: Vec<RetentionClause>,
    pub services: Vec<Service>,
    pub service_categories: Vec<CategoryLabel>,
    /// The kinds of notice catalogue wording is written for, with their words.
    pub contexts: Vec<Context>,
    /// Folded aliases with the index of their service, longest first.
    #[serde(skip)]
    aliases: Vec<(String, usize)>,
    /// For each first character, the indexes into `aliases` of the aliases starting with it.
    #[serde(skip)]
    alias_starts: HashMap<char, Vec<usize>>,
}

#[derive(Deserialize)]
struct EntriesFile<T> {
    #[serde(flatten)]
    provenance: Provenance,
    entries: Vec<T>,
}

#[derive(Deserialize)]
struct SecurityFile {
    #[serde(flatten)]
    provenance: Provenance,
    manual: Vec<Clause>,
    electronic: Vec<Clause>,
}

#[derive(Deserialize)]
struct ServicesFile {
    #[serde(flatten)]
    provenance: Provenance,
    categories: Vec<CategoryLabel>,
    entries: Vec<Service>,
}

/// The catalogue, parsed once from the embedded data files.
pub fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(load_catalogue)
}

fn load_catalogue() -> Catalogue {
    fn entries<T: serde::de::DeserializeOwned>(
        files: &mut Vec<DataFile>,
        file: &'static str,
        json: &str,
    ) -> Vec<T> {
        let f: EntriesFile<T> = parse(file, json);
        files.push(DataFile {
            file,
            provenance: f.provenance,
        });
        f.entries
    }
    let mut files = Vec::new();
    let purposes = entries(
        &mut files,
        "purposes.json",
        include_str!("data/catalogue/purposes.json"),
    );
    let subjects = entries(
        &mut files,
        "subjects.json",
        include_str!("data/catalogue/subjects.json"),
    );
    let data = entries(
        &mut files,
        "data.json",
        include_str!("data/catalogue/data.json"),
    );
    let sources = entries(
        &mut files,
        "sources.json",
        include_str!("data/catalogue/sources.json"),
    );
    let recipients = entries(
        &mut files,
        "recipients.json",
        include_str!("data/catalogue/recipients.json"),
    );
    let retention = entries(
        &mut files,
        "retention.json",
        include_str!("data/catalogue/retention.json"),
    );
    let contexts = entries(
        &mut files,
        "contexts.json",
        include_str!("data/catalogue/contexts.json"),
    );
    let security: SecurityFile = parse(
        "security.json",
        include_str!("data/catalogue/security.json"),
    );
    files.push(DataFile {
        file: "security.json",
        provenance: security.provenance,
    });
    let services: ServicesFile = parse(
        "services.json",
        include_str!("data/catalogue/services.json"),
    );
    files.push(DataFile {
        file: "services.json",
        provenance: services.provenance,
    });

    let mut aliases: Vec<(String, usize)> = services
        .entries
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.aliases
                .iter()
                .chain(std::iter::once(&s.name))
                .map(move |a| (fold(a.trim()), i))
        })
        .filter(|(a, _)| !a.is_empty())
        .collect();
    aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    aliases.dedup();
    let mut alias_starts: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, (a, _)) in aliases.iter().enumerate() {
        if let Some(c) = a.chars().next() {
            alias_starts.entry(c).or_default().push(i);
        }
    }

    Catalogue {
        files,
        purposes,
        subjects,
        data,
        sources,
        recipients,
        security_manual: security.manual,
        security_electronic: security.electronic,
        retention,
        services: services.entries,
        service_categories: services.categories,
        contexts,
        aliases,
        alias_starts,
    }
}

impl Catalogue {
    pub fn purpose(&self, key: &str) -> Option<&PurposeClause> {
        self.purposes.iter().find(|c| c.key == key)
    }

    pub fn subject(&self, key: &str) -> Option<&Clause> {
        self.subjects.iter().find(|c| c.key == key)
    }

    pub fn data_item(&self, key: &str) -> Option<&DataClause> {
        self.data.iter().find(|c| c.key == key)
    }

    pub fn source(&self, key: &str) -> Option<&SourceClause> {
        self.sources.iter().find(|c| c.key == key)
    }

    /// A recipient category (not a named service; see `service`).
    pub fn recipient(&self, key: &str) -> Option<&RecipientClause> {
        self.recipients.iter().find(|c| c.key == key)
    }

    /// A security measure from either list (manual or electronic).
    pub fn security(&self, key: &str) -> Option<&Clause> {
        self.security_manual
            .iter()
            .chain(&self.security_electronic)
            .find(|c| c.key == key)
    }

    pub fn retention_rule(&self, key: &str) -> Option<&RetentionClause> {
        self.retention.iter().find(|c| c.key == key)
    }

    pub fn service(&self, key: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.key == key)
    }

    pub fn context(&self, key: &str) -> Option<&Context> {
        self.contexts.iter().find(|c| c.key == key)
    }

    /// Every context whose words occur in `text` (in `lang`), with the word found.
    pub fn contexts_in(&self, text: &str, lang: Lang) -> Vec<(&Context, String)> {
        self.contexts
            .iter()
            .filter_map(|c| c.find_in(text, lang).map(|w| (c, w)))
            .collect()
    }

    /// The label of a service category in three languages.
    pub fn category_label(&self, category: ServiceCategory) -> Option<&Text> {
        self.service_categories
            .iter()
            .find(|l| l.category == category)
            .map(|l| &l.text)
    }

    /// Every service named in `text`, each once, in catalogue order.
    ///
    /// An alias (or the product name) matches case-insensitively as a whole word or phrase
    /// ("Google Analytics", "GA4"). Because Finnish and Swedish inflect names, a match may
    /// also carry a case ending ("Google Analyticsia", "Mailchimpin", "GA4:n", "Googles"),
    /// but only when the name is written with a capital letter as names are, so the common
    /// noun "postin" is not read as the company Posti. A longer alias wins over a shorter one
    /// at the same place ("Firebase Analytics" is Firebase, not Google Analytics); matches
    /// never overlap (leftmost-longest).
    pub fn find_services(&self, text: &str) -> Vec<&Service> {
        let hay = fold(text);
        let mut found = vec![false; self.services.len()];
        let mut prev: Option<char> = None;
        let mut skip_until = 0;
        for (start, c) in hay.char_indices() {
            let word_start = prev.is_none_or(|p| !is_word_char(p));
            prev = Some(c);
            if start < skip_until || !word_start {
                continue;
            }
            let Some(bucket) = self.alias_starts.get(&c) else {
                continue;
            };
            // Longest alias first: the leftmost-longest match wins.
            for &a in bucket {
                let (alias, idx) = &self.aliases[a];
                if !hay[start..].starts_with(alias.as_str()) {
                    continue;
                }
                let end = start + alias.len();
                let whole_word = hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
                let capitalised = text[start..].chars().next().is_some_and(char::is_uppercase);
                if whole_word || (capitalised && inflected(&hay[end..])) {
                    found[*idx] = true;
                    skip_until = end;
                    break;
                }
            }
        }
        self.services
            .iter()
            .zip(found)
            .filter(|(_, f)| *f)
            .map(|(s, _)| s)
            .collect()
    }
}

/// Lower-case `text` character by character, keeping every byte offset: a character whose
/// lower case is longer (or several characters) is kept as it is.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        })
        .collect()
}

/// Case endings Finnish and Swedish put on a name: `Mailchimpin`, `Shopifyssa`, `Googles`.
const CASE_ENDINGS: &[&str] = &[
    "n", "in", "en", "a", "ä", "ia", "iä", "ta", "tä", "na", "nä", "ina", "inä", "ssa", "ssä",
    "issa", "issä", "sta", "stä", "ista", "istä", "lla", "llä", "illa", "illä", "lta", "ltä",
    "ilta", "iltä", "lle", "ille", "ksi", "iksi", "iin", "hin", "han", "hen", "hon", "hun", "hyn",
    "seen", "ja", "jä", "t", "s", "ineen",
];

/// Does `rest` (the folded text right after a name) start with a case ending, optionally after
/// a colon ("GA4:n"), followed by the end of the word?
fn inflected(rest: &str) -> bool {
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let word_len: usize = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    word_len > 0 && CASE_ENDINGS.contains(&&rest[..word_len])
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A catalogue service by key.
pub fn service(key: &str) -> Option<&'static Service> {
    catalogue().service(key)
}

/// Catalogue services matching what a person typed, best first (see
/// `Catalogue::search_services`).
pub fn search_services(query: &str) -> Vec<&'static Service> {
    catalogue().search_services(query)
}

/// Every catalogue service named in `text` (see `Catalogue::find_services`).
pub fn find_services(text: &str) -> Vec<&'static Service> {
    catalogue().find_services(text)
}

/// A catalogue purpose by key.
pub fn purpose(key: &str) -> Option<&'static PurposeClause> {
    catalogue().purpose(key)
}

// ---------------------------------------------------------------------------------------------
// Starting points for a new notice
// ---------------------------------------------------------------------------------------------

/// A starting point for "new notice": a complete notice for a typical small business, built
/// from catalogue entries (`presets::build`), with the controller's details left for the user
/// to fill in.
#[derive(Debug, Clone, Serialize)]
pub struct Preset {
    pub key: String,
    pub title: Text,
    pub description: Text,
    pub notice: Notice,
}

/// All starting points, in the order the app shows them, expanded once.
pub fn presets() -> &'static [Preset] {
    static P: OnceLock<Vec<Preset>> = OnceLock::new();
    P.get_or_init(|| {
        presets::preset_file()
            .presets
            .iter()
            .map(|spec| Preset {
                key: spec.key.clone(),
                title: spec.title.clone(),
                description: spec.description.clone(),
                notice: presets::build(spec, &presets::Choices::default()),
            })
            .collect()
    })
}

/// A starting point by key.
pub fn preset(key: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_patterns_match_words_stems_parts_and_phrases() {
        let n = words_of("Tilaus- ja ostotiedot; in order to, uutiskirjetilaus. Debt Collection");
        assert_eq!(
            n,
            "tilaus ja ostotiedot in order to uutiskirjetilaus debt collection"
        );
        assert_eq!(match_pattern(&n, "tilau*").as_deref(), Some("tilaus"));
        assert_eq!(match_pattern(&n, "*tilau*").as_deref(), Some("tilaus"));
        assert_eq!(match_pattern(&n, "osto*").as_deref(), Some("ostotiedot"));
        assert_eq!(match_pattern(&n, "osto"), None);
        assert_eq!(match_pattern(&n, "order").as_deref(), Some("order"));
        assert_eq!(
            match_pattern(&n, "debt collection").as_deref(),
            Some("debt collection")
        );
        assert_eq!(match_pattern(&n, "kirje*"), None);
        assert_eq!(
            match_pattern(&n, "*kirjetilau*").as_deref(),
            Some("uutiskirjetilaus")
        );
        let orders = Context {
            key: "orders".into(),
            label: Text::default(),
            words: WordLists {
                en: vec!["order*".into()],
                ..Default::default()
            },
            except: WordLists {
                en: vec!["in order to".into()],
                ..Default::default()
            },
        };
        assert_eq!(
            orders.find_in("We do this in order to help.", Lang::En),
            None
        );
        assert_eq!(
            orders
                .find_in("In order to deliver your orders", Lang::En)
                .as_deref(),
            Some("orders")
        );
    }

    #[test]
    fn fold_keeps_byte_offsets() {
        for s in ["Käytämme GA4:ää", "İstanbul ß Ä", "Mailchimpiä"] {
            assert_eq!(fold(s).len(), s.len(), "{s}");
        }
        assert_eq!(fold("MailChimp ÄÖ"), "mailchimp äö");
    }

    #[test]
    fn case_endings_need_the_end_of_a_word() {
        assert!(inflected("in kautta"));
        assert!(inflected(":n evästeet"));
        assert!(inflected("iä."));
        assert!(!inflected("less"));
        assert!(!inflected(" kautta"));
        assert!(!inflected(""));
    }

    #[test]
    fn aliases_are_indexed_longest_first() {
        let c = catalogue();
        assert!(c.aliases.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        // The product names are aliases too.
        assert!(c.aliases.iter().any(|(a, _)| a == "google analytics 4"));
    }

    #[test]
    fn service_display_names() {
        let c = catalogue();
        assert_eq!(
            c.service("mailchimp").unwrap().display_name(),
            "The Rocket Science Group LLC (Mailchimp)"
        );
        assert_eq!(
            c.service("procountor").unwrap().display_name(),
            "Procountor Finland Oy"
        );
        assert_eq!(
            c.service("woocommerce").unwrap().display_name(),
            "WooCommerce / WordPress"
        );
    }
}
