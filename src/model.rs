//! The notice model: one typed document that can say everything GDPR Art. 13 and 14 ask for,
//! plus the customary Finnish sections. Serialised as the `seloste/2` JSON interchange format
//! (`seloste schema` prints its JSON Schema). `seloste/1` files and databases still open: they are
//! migrated on reading (`migrate_v1`), nothing dropped; every save writes `seloste/2`.
//!
//! Conventions:
//! - every section holds structured items (picked from the catalogue or written by the user)
//!   and a `text`: the owner's own words for that section, in each language they wrote;
//! - `key` fields name the catalogue entry an item came from (empty for the user's own items);
//! - `Option<bool>` means "the notice has not said yet" — the checker treats silence and "no"
//!   differently, as the law does (Art. 13(2)(f) wants an explicit answer);
//! - countries are ISO 3166 alpha-2 codes, or `EEA` (somewhere in the EU/EEA) and `NON_EEA`
//!   (outside the EU/EEA, country not known), see `src/data/countries.json`.

use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format tag written into every notice file.
pub const FORMAT: &str = "seloste/2";

/// The earlier format tag, still read (and migrated by `migrate_v1`).
pub const FORMAT_V1: &str = "seloste/1";

/// Bring a `seloste/1` notice (as JSON) to `seloste/2`, in place. Every field of version 1 is
/// still a field of version 2 with the same meaning, so nothing is dropped; what version 2 adds
/// is filled in only where version 1 already said it: a party's identifier type from its
/// `business_id` / `other_id` and its kind. Returns false (and changes nothing) for anything
/// that is not a `seloste/1` object.
pub fn migrate_v1(value: &mut serde_json::Value) -> bool {
    let Some(obj) = value.as_object_mut() else {
        return false;
    };
    if obj.get("format").and_then(|f| f.as_str()) != Some(FORMAT_V1) {
        return false;
    }
    obj.insert("format".into(), serde_json::Value::String(FORMAT.into()));
    let mut parties: Vec<&mut serde_json::Value> = Vec::new();
    for (key, v) in obj.iter_mut() {
        match (key.as_str(), v) {
            ("controllers", serde_json::Value::Array(a)) => parties.extend(a.iter_mut()),
            ("representative" | "contact" | "dpo", v) => parties.push(v),
            _ => {}
        }
    }
    for p in parties {
        let Some(p) = p.as_object_mut() else { continue };
        if p.contains_key("id_kind") {
            continue;
        }
        let filled = |k: &str| {
            p.get(k)
                .and_then(|v| v.as_str())
                .is_some_and(|s| !s.trim().is_empty())
        };
        let kind = p.get("kind").and_then(|v| v.as_str());
        // `other_id` is the more specific (an association has a business ID and a register
        // number), so it decides when given.
        let id_kind = if filled("other_id") {
            Some(if kind == Some("association") {
                "association_register"
            } else {
                "other"
            })
        } else if filled("business_id") {
            Some("business_id")
        } else {
            None
        };
        if let Some(k) = id_kind {
            p.insert("id_kind".into(), serde_json::Value::String(k.into()));
        }
    }
    true
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn format_tag() -> String {
    FORMAT.to_string()
}

/// A privacy notice (tietosuojaseloste).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Always `"seloste/2"` for this version of the format (`"seloste/1"` files are migrated
    /// when read).
    #[serde(default = "format_tag")]
    pub format: String,
    #[serde(default)]
    pub meta: Meta,
    /// The controller, or several controllers who decide together (joint controllers, Art. 26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controllers: Vec<Party>,
    /// For joint controllers: the essence of their arrangement (Art. 26(2)).
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub joint_arrangement: Text,
    /// A representative in the EU, for a controller established outside it (Art. 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Party>,
    /// The contact person for privacy matters (yhteyshenkilö rekisteriä koskevissa asioissa).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Party>,
    /// A data protection officer (tietosuojavastaava), only where one is appointed (Art. 37).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Party>,
    #[serde(default)]
    pub register: Register,
    #[serde(default)]
    pub purposes: Section<Purpose>,
    #[serde(default)]
    pub data: DataSection,
    #[serde(default)]
    pub sources: Section<Source>,
    #[serde(default)]
    pub recipients: Section<Recipient>,
    #[serde(default)]
    pub transfers: Transfers,
    #[serde(default)]
    pub retention: Section<Retention>,
    #[serde(default)]
    pub security: Security,
    #[serde(default)]
    pub cookies: Cookies,
    #[serde(default)]
    pub automated: Automated,
    #[serde(default)]
    pub rights: Rights,
    #[serde(default)]
    pub changes: Changes,
    /// Sections of the owner's own that fit nowhere else (an import keeps unmapped text here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<ExtraSection>,
}

impl Default for Notice {
    fn default() -> Self {
        Notice {
            format: format_tag(),
            meta: Meta::default(),
            controllers: Vec::new(),
            joint_arrangement: Text::default(),
            representative: None,
            contact: None,
            dpo: None,
            register: Register::default(),
            purposes: Section::default(),
            data: DataSection::default(),
            sources: Section::default(),
            recipients: Section::default(),
            transfers: Transfers::default(),
            retention: Section::default(),
            security: Security::default(),
            cookies: Cookies::default(),
            automated: Automated::default(),
            rights: Rights::default(),
            changes: Changes::default(),
            other: Vec::new(),
        }
    }
}

/// Dates are ISO 8601 calendar dates, `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Meta {
    /// When the notice was first drawn up (laatimispäivä), `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub drafted: String,
    /// When it was last updated, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub updated: String,
    /// The web address where the full notice is published (an http(s) URL). The first layer's
    /// labels link into it; empty when the owner has not published it yet.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// The languages the owner writes the notice in, the main one first. Empty means Finnish
    /// only. The app opens the check, preview and exports in the main one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<crate::text::Lang>,
    /// Print the list of laws that apply (derived from the notice by `laws::applicable`, never
    /// typed) as a section of its own (seloste/2).
    #[serde(skip_serializing_if = "is_false")]
    pub list_laws: bool,
}

impl Meta {
    /// The notice's main language: the first one the owner chose, Finnish when none was.
    pub fn main_lang(&self) -> crate::text::Lang {
        self.languages
            .first()
            .copied()
            .unwrap_or(crate::text::Lang::Fi)
    }
}

/// A generic section: structured items and the owner's own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Section<T> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<T>,
    /// The owner's own words for this section.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

impl<T> Default for Section<T> {
    fn default() -> Self {
        Section {
            items: Vec::new(),
            text: Text::default(),
        }
    }
}

/// What kind of organisation or person a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// Toiminimi / enskild näringsidkare: a sole trader.
    SoleTrader,
    /// Osakeyhtiö or another company (Oy, Ab, Ky, Ay, Osk).
    Company,
    /// Rekisteröity yhdistys (ry) or a foundation.
    Association,
    /// A public body.
    PublicBody,
    /// A private person (e.g. a named contact person).
    Person,
    Other,
}

/// What identifies a party in a public register (seloste/2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// The Finnish business ID (Y-tunnus; in Swedish FO-nummer), in `business_id`.
    BusinessId,
    /// An association's number in the register of associations (yhdistysrekisteri), in `other_id`.
    AssociationRegister,
    /// A foreign company's or organisation's registration number, in `other_id`.
    Foreign,
    /// Another identifier, in `other_id`.
    Other,
    /// No identifier: a private person (e.g. a named contact person) has none to give.
    None,
}

/// A controller, representative, contact person or DPO. Only `name` is always needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Party {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// The legal name, as in the trade or association register.
    pub name: String,
    /// A name the party trades under besides its legal name: an auxiliary business name
    /// (aputoiminimi / bifirma) or a brand (seloste/2).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub trading_name: String,
    /// Finnish business ID (Y-tunnus), `1234567-8`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub business_id: String,
    /// Another identifier where there is no Y-tunnus, e.g. an association's register number;
    /// `id_kind` says which.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub other_id: String,
    /// What kind of identifier the party has (seloste/2): the kind of `other_id` when there is
    /// one (an association has a business ID and a register number), else `business_id` or no
    /// identifier at all; `None`: not said. A `seloste/1` party gets it from `other_id` /
    /// `business_id` and its kind when migrated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_kind: Option<IdKind>,
    /// The party's role or title, e.g. "toimitusjohtaja" or "IT department".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub role: Text,
    #[serde(skip_serializing_if = "Address::is_empty")]
    pub address: Address,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub website: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Address {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub street: String,
    /// Five digits for a Finnish address.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// ISO 3166 alpha-2; empty means Finland.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country: String,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        self.street.trim().is_empty()
            && self.postal_code.trim().is_empty()
            && self.city.trim().is_empty()
            && self.country.trim().is_empty()
    }
}

/// A catalogue pick or the owner's own line: data subject groups, security measures, …
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Item {
    /// The catalogue entry this came from; empty for the owner's own item.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    pub text: Text,
    /// For a group of data subjects: how they relate to the other people in the register
    /// (seloste/2). Unused for other items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// The registers (`Register::activities`) this belongs to; empty: all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// How a group of data subjects relates to the register's other people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Guardians (huoltajat) of a child in the register: they act for the child.
    Guardian,
    /// Next of kin or a contact person for an emergency, named by the person: their details
    /// come from the person, not from themselves (Art. 14).
    NextOfKin,
    /// A legal representative (edunvalvoja, a guardian appointed by a court) who acts for the
    /// person.
    LegalRepresentative,
}

/// The register: its name and whose data it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Register {
    /// Rekisterin nimi, e.g. "Asiakasrekisteri".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub name: Text,
    /// Data subject groups: customers, prospects, contact persons, job applicants, members, …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Item>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
    /// Several registers (processing activities) the one notice covers — customers and a
    /// mailing list, members and a camera. Subjects, purposes, data, sources and retention
    /// name the registers they belong to by `id`; what names none belongs to all. Empty: the
    /// notice is about one register.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
}

/// Does an item that names the registers `refs` belong to register `id`? (Naming none: all.)
pub fn belongs_to(refs: &[String], id: &str) -> bool {
    refs.is_empty() || refs.iter().any(|r| r == id)
}

/// Do two items, naming the registers `a` and `b`, meet in some register? (Naming none: all.)
pub fn share_a_register(a: &[String], b: &[String]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

/// One register or processing activity of a notice that covers several (seloste/2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Activity {
    /// How the notice's items refer to it (`r1`, `mailing_list`); the app assigns one.
    pub id: String,
    /// Its name: "Postituslista", "Kameravalvonta".
    pub name: Text,
    /// What it is, in a sentence or two.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// The legal bases of GDPR Art. 6(1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// 6(1)(a)
    Consent,
    /// 6(1)(b)
    Contract,
    /// 6(1)(c)
    LegalObligation,
    /// 6(1)(d)
    VitalInterests,
    /// 6(1)(e)
    PublicTask,
    /// 6(1)(f)
    LegitimateInterest,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterest,
    ];

    /// The article point, e.g. `6(1)(f)`.
    pub fn article(self) -> &'static str {
        match self {
            LegalBasis::Consent => "6(1)(a)",
            LegalBasis::Contract => "6(1)(b)",
            LegalBasis::LegalObligation => "6(1)(c)",
            LegalBasis::VitalInterests => "6(1)(d)",
            LegalBasis::PublicTask => "6(1)(e)",
            LegalBasis::LegitimateInterest => "6(1)(f)",
        }
    }
}

/// One purpose of processing and its legal basis (Art. 13(1)(c)–(d)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Purpose {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    pub text: Text,
    /// `None`: the notice does not say (the checker flags it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<LegalBasis>,
    /// The legitimate interest pursued, required when `basis` is legitimate interest.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub interest: Text,
    /// Direct marketing: the absolute right to object applies (Art. 21(2)–(3)).
    #[serde(skip_serializing_if = "is_false")]
    pub direct_marketing: bool,
    /// The purpose involves profiling.
    #[serde(skip_serializing_if = "is_false")]
    pub profiling: bool,
    /// The law behind a legal obligation (or a public task): an act of `src/data/laws.json`
    /// and its section (seloste/2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<LawRef>,
    /// For consent: how the consent is asked for and recorded (seloste/2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_method: Option<ConsentMethod>,
    /// The registers (`Register::activities`) this belongs to; empty: all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// A provision of a law: an act by its key in `src/data/laws.json` (`citations`) and where in
/// it, e.g. `{"act": "accounting_act", "section": "2:10"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LawRef {
    /// The act's key in `laws.json` (`accounting_act`, `patients_act`, …).
    pub act: String,
    /// The chapter and section as the act numbers them: `2:10` (chapter 2, section 10) or `11`
    /// (section 11); empty when the whole act is meant.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub section: String,
}

/// How consent is asked for and recorded (Art. 7(1): the controller must be able to show it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    /// A box the person ticks on a form (on paper or online), never pre-ticked.
    Checkbox,
    /// The person's signature on a consent form.
    Signature,
    /// Given orally (in person or by phone) and recorded by the controller.
    Verbal,
}

/// Special categories of personal data (Art. 9(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialKind {
    Health,
    RacialOrEthnicOrigin,
    PoliticalOpinions,
    ReligiousOrPhilosophicalBeliefs,
    TradeUnionMembership,
    Genetic,
    Biometric,
    SexLifeOrOrientation,
}

/// The conditions of Art. 9(2) that lift the ban on special categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Art9Condition {
    /// 9(2)(a)
    ExplicitConsent,
    /// 9(2)(b)
    EmploymentLaw,
    /// 9(2)(c)
    VitalInterests,
    /// 9(2)(d)
    NonprofitMembers,
    /// 9(2)(e)
    MadePublic,
    /// 9(2)(f)
    LegalClaims,
    /// 9(2)(g)
    SubstantialPublicInterest,
    /// 9(2)(h)
    HealthCare,
    /// 9(2)(i)
    PublicHealth,
    /// 9(2)(j)
    ArchivingResearch,
}

impl Art9Condition {
    pub fn article(self) -> &'static str {
        match self {
            Art9Condition::ExplicitConsent => "9(2)(a)",
            Art9Condition::EmploymentLaw => "9(2)(b)",
            Art9Condition::VitalInterests => "9(2)(c)",
            Art9Condition::NonprofitMembers => "9(2)(d)",
            Art9Condition::MadePublic => "9(2)(e)",
            Art9Condition::LegalClaims => "9(2)(f)",
            Art9Condition::SubstantialPublicInterest => "9(2)(g)",
            Art9Condition::HealthCare => "9(2)(h)",
            Art9Condition::PublicHealth => "9(2)(i)",
            Art9Condition::ArchivingResearch => "9(2)(j)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpecialCategory {
    pub kind: SpecialKind,
    /// `None`: no Art. 9(2) condition given (the checker flags it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Art9Condition>,
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// One category of personal data (rekisterin tietosisältö).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DataCategory {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    pub text: Text,
    /// Must the person provide it (Art. 13(2)(e))? `None`: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// What follows if a required item is not provided.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub if_not_provided: Text,
    /// Observed automatically (usage and log data, open and click data) rather than given by
    /// the person: such data is never labelled required or optional.
    #[serde(skip_serializing_if = "is_false")]
    pub collected_automatically: bool,
    /// For required data: whether the requirement is statutory or contractual (Art. 13(2)(e)).
    /// `None`: not said, or neither (e.g. an e-mail address needed only for what the person
    /// asked for).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// This item is a personal identifier with rules of its own (seloste/2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<PersonalId>,
    /// Why the identity code is processed: the reason tietosuojalaki 29 § allows (seloste/2).
    /// For an identity-document number, why unambiguous identification is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_reason: Option<CodeReason>,
    /// The registers (`Register::activities`) this belongs to; empty: all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// A personal identifier the law treats apart from other data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PersonalId {
    /// The personal identity code (henkilötunnus / personbeteckning): tietosuojalaki 29 §.
    IdentityCode,
    /// The number of a passport, identity card or driving licence.
    IdentityDocument,
}

impl PersonalId {
    pub const ALL: [PersonalId; 2] = [PersonalId::IdentityCode, PersonalId::IdentityDocument];
}

/// The reasons tietosuojalaki (1050/2018) 29 § allows for processing the personal identity
/// code (legal.md §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodeReason {
    /// The person's unambiguous consent (29 § 1 mom. 1 k.).
    Consent,
    /// A law provides for it (29 § 1 mom. 2 k.).
    Law,
    /// Unambiguous identification is important to carry out a task laid down by law.
    StatutoryTask,
    /// Unambiguous identification is important to carry out the person's or the controller's
    /// rights and obligations.
    RightsAndObligations,
    /// Historical or scientific research or statistics.
    Research,
    /// Granting credit or collecting debts (29 § 2 mom.).
    CreditOrCollection,
    /// Insurance, credit institution, payment service, renting or credit information activity.
    FinancialServices,
    /// Health care (29 § 2 mom.).
    HealthCare,
    /// Social welfare (29 § 2 mom.).
    SocialWelfare,
    /// Employment and other service relationships (29 § 2 mom.).
    Employment,
}

impl CodeReason {
    pub const ALL: [CodeReason; 10] = [
        CodeReason::Consent,
        CodeReason::Law,
        CodeReason::StatutoryTask,
        CodeReason::RightsAndObligations,
        CodeReason::Research,
        CodeReason::CreditOrCollection,
        CodeReason::FinancialServices,
        CodeReason::HealthCare,
        CodeReason::SocialWelfare,
        CodeReason::Employment,
    ];
}

/// Why a person must provide data (Art. 13(2)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// A law requires it (e.g. the Associations Act's list of members).
    Statutory,
    /// The contract requires it, or it is needed to enter into the contract.
    Contractual,
}

/// The data held: categories, special categories and children's data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DataSection {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DataCategory>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub special: Vec<SpecialCategory>,
    /// Are children's data processed? `None`: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children: Option<bool>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub children_text: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// Where data comes from (Art. 14(2)(f)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Source {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    pub text: Text,
    /// The data comes from the person themselves (Art. 13) rather than elsewhere (Art. 14).
    #[serde(skip_serializing_if = "is_false")]
    pub from_subject: bool,
    /// A publicly accessible source (e.g. the trade register).
    #[serde(skip_serializing_if = "is_false")]
    pub public: bool,
    /// The registers (`Register::activities`) this belongs to; empty: all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// How a recipient relates to the controller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Processes on the controller's behalf (Art. 28): a subcontractor or service.
    #[default]
    Processor,
    /// Decides together with the controller (Art. 26), e.g. Meta for the Facebook pixel.
    JointController,
    /// Receives the data for its own purposes (a disclosure).
    Controller,
    /// An authority that receives data because the law says so.
    Authority,
}

/// The safeguard for a transfer outside the EU/EEA (Art. 44–49).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mechanism {
    /// The country has an adequacy decision (Art. 45).
    Adequacy,
    /// EU–US Data Privacy Framework, for certified US organisations (decision (EU) 2023/1795).
    Dpf,
    /// Standard contractual clauses (Art. 46(2)(c)).
    Scc,
    /// Binding corporate rules (Art. 47).
    Bcr,
    /// A derogation for a specific situation (Art. 49).
    Derogation,
    /// EU–US Privacy Shield: invalid since 16.7.2020 (C-311/18). Kept so old notices can be expressed.
    PrivacyShield,
    /// No safeguard stated.
    None,
}

/// A recipient of the data: a processor, a joint controller, another controller, an authority.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Recipient {
    /// The catalogue service this came from (e.g. `mailchimp`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// A proper name ("The Rocket Science Group LLC (Mailchimp)"); may be empty when
    /// `description` names a category of recipients instead.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What kind of recipient this is or what it does, e.g. "accounting firm".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    pub role: Role,
    /// Why the data goes there.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub purpose: Text,
    /// Where the data is processed: ISO alpha-2, `EEA` or `NON_EEA`; empty: not said.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The transfer safeguard, for a country outside the EU/EEA.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
}

/// Transfers outside the EU/EEA as the notice declares them. The transfers themselves are the
/// recipients whose country lies outside the EU/EEA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Transfers {
    /// What the notice states: `Some(false)` = "no transfers outside the EU/EEA".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside_eea: Option<bool>,
    /// How a copy of the safeguards can be obtained (Art. 13(1)(f)).
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub copy_of_safeguards: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Days,
    Months,
    Years,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub amount: u32,
    pub unit: Unit,
}

/// How long some data is kept: a period, criteria, or both (Art. 13(2)(a)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Retention {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Which data or purpose this applies to, e.g. "invoicing data".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub applies_to: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When the period starts or what decides it, e.g. "from the end of the customer relationship".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub criteria: Text,
    /// The registers (`Register::activities`) this belongs to; empty: all of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
}

/// Security principles: A. manual material, B. electronic processing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub manual: Vec<Item>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub electronic: Vec<Item>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CookieCategory {
    /// Strictly necessary: no consent needed (917/2014 §205(3)).
    #[default]
    Necessary,
    Preferences,
    Analytics,
    Marketing,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Cookie {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The cookie's name, e.g. `_ga`.
    pub name: String,
    /// Who sets it, e.g. "Google Analytics".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub provider: String,
    pub category: CookieCategory,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub purpose: Text,
    /// e.g. "2 years", "session".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub duration: Text,
    /// Set only after the visitor's consent.
    #[serde(skip_serializing_if = "is_false")]
    pub consent: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Cookies {
    /// Does the website use cookies or similar technologies? `None`: not said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Cookie>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// Automated decisions and profiling (Art. 13(2)(f), Art. 22): an explicit yes or no.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Automated {
    /// Decisions based solely on automated processing with legal or similar effects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profiling: Option<bool>,
    /// The logic involved, its significance and consequences, when either is yes.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// The rights themselves are derived from the legal bases (see `rights`); the owner adds
/// how to use them and any words of their own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Rights {
    /// How to make a request, e.g. "e-mail us at …".
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub how_to: Text,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeEntry {
    /// `YYYY-MM-DD`
    pub date: String,
    pub text: Text,
}

/// How changes are announced, and a dated change log (Art. 13(3)).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Changes {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<ChangeEntry>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub text: Text,
}

/// A section of the owner's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExtraSection {
    pub heading: Text,
    pub text: Text,
}

impl Notice {
    /// Every legal basis used by some purpose, sorted, without repeats.
    pub fn bases(&self) -> Vec<LegalBasis> {
        let mut v: Vec<LegalBasis> = self.purposes.items.iter().filter_map(|p| p.basis).collect();
        v.sort();
        v.dedup();
        v
    }

    /// Does some purpose rest on `basis`? (The notice and the rights ask it of the same data.)
    pub fn has_basis(&self, basis: LegalBasis) -> bool {
        self.purposes.items.iter().any(|p| p.basis == Some(basis))
    }

    /// The register (processing activity) `id` of a notice that covers several.
    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.register.activities.iter().find(|a| a.id == id)
    }

    /// Give every register without an id the first free `r1`, `r2`, … and drop the references
    /// to registers the notice no longer has (a removed register's items then belong to all).
    /// What the app does after each edit; a notice file keeps what it says and the checker
    /// names a wrong reference. Returns whether anything changed.
    pub fn settle_activities(&mut self) -> bool {
        let mut changed = false;
        let mut used: Vec<String> = self
            .register
            .activities
            .iter()
            .map(|a| a.id.trim().to_string())
            .filter(|i| !i.is_empty())
            .collect();
        for a in &mut self.register.activities {
            if a.id.trim().is_empty() {
                let id = (1..)
                    .map(|k| format!("r{k}"))
                    .find(|c| !used.contains(c))
                    .expect("an unused id exists");
                used.push(id.clone());
                a.id = id;
                changed = true;
            }
        }
        let lists = (self.register.subjects.iter_mut().map(|x| &mut x.activities))
            .chain(self.purposes.items.iter_mut().map(|x| &mut x.activities))
            .chain(self.data.items.iter_mut().map(|x| &mut x.activities))
            .chain(self.sources.items.iter_mut().map(|x| &mut x.activities))
            .chain(self.retention.items.iter_mut().map(|x| &mut x.activities));
        for refs in lists {
            let before = refs.len();
            refs.retain(|r| used.contains(r));
            changed |= refs.len() != before;
        }
        changed
    }

    /// The register references of every item that can hold them (subject groups, purposes,
    /// data, sources, retention), each with the JSON Pointer of its item.
    pub fn ref_lists(&self) -> impl Iterator<Item = (String, &[String])> {
        fn each<'a, T>(
            base: &'static str,
            items: &'a [T],
            refs: fn(&T) -> &[String],
        ) -> impl Iterator<Item = (String, &'a [String])> {
            (items.iter().enumerate()).map(move |(i, x)| (format!("{base}/{i}"), refs(x)))
        }
        each("/register/subjects", &self.register.subjects, |x| {
            &x.activities
        })
        .chain(each("/purposes/items", &self.purposes.items, |x| {
            &x.activities
        }))
        .chain(each("/data/items", &self.data.items, |x| &x.activities))
        .chain(each("/sources/items", &self.sources.items, |x| {
            &x.activities
        }))
        .chain(each("/retention/items", &self.retention.items, |x| {
            &x.activities
        }))
    }

    /// Every reference to a register, with the JSON Pointer of the item that makes it.
    pub fn activity_refs(&self) -> Vec<(String, &str)> {
        self.ref_lists()
            .flat_map(|(path, refs)| refs.iter().map(move |r| (path.clone(), r.as_str())))
            .collect()
    }

    /// Does any purpose serve direct marketing?
    pub fn has_direct_marketing(&self) -> bool {
        self.purposes.items.iter().any(|p| p.direct_marketing)
    }
}
