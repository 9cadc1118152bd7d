//! The document view model: a notice resolved into one output language, as sections of
//! headings and blocks in the fixed order of legal.md §7. Format-neutral — no HTML or PDF
//! in here; links are data — so the HTML export and the PDF export print the same content.
//!
//! Truthfulness rules:
//! - the owner's text missing in the output language is shown in the language it exists in,
//!   marked with that language and a short visible note ("(vain suomeksi)");
//! - names, IDs, e-mail addresses and phone numbers are printed verbatim;
//! - an optional section with nothing to say is left out (no empty headings);
//! - transfers are derived from the recipients' countries; "no transfers" is said only when
//!   the notice says so and no recipient contradicts it, or every recipient is known to be
//!   inside the EU/EEA.

mod cite;
mod parts;
mod summary;

pub use cite::article as cite_article;

use crate::catalogue::{self, Provenance};
use crate::model::{
    Art9Condition, CodeReason, ConsentMethod, CookieCategory, EntityKind, IdKind, LawRef,
    LegalBasis, Mechanism, Notice, Party, Period, PersonalId, Requirement, Role, SpecialKind, Unit,
};
use crate::rights::{self, Right, RightKind};
use crate::section::Section;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A notice ready to print in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub lang: Lang,
    /// "Tietosuojaseloste" / "Dataskyddsbeskrivning" / "Privacy notice".
    pub title: String,
    /// The register's name, when the notice gives one.
    pub register_name: Option<Vec<Inline>>,
    /// "Laadittu 1.2.2025 · Päivitetty 12.3.2027", when dates are given.
    pub date_line: Option<String>,
    /// Set when some of the owner's text is shown in another language than the document's:
    /// one sentence saying so, printed under the title (each such text is also marked).
    pub language_note: Option<String>,
    pub sections: Vec<DocSection>,
}

/// One section: a stable id (for anchors and tests), a heading and its content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSection {
    pub id: String,
    pub heading: String,
    /// Set when the heading is the owner's text in another language than the document's.
    pub heading_lang: Option<Lang>,
    pub heading_note: Option<String>,
    pub blocks: Vec<Block>,
}

/// A block of content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    /// A heading inside a section (a controller's name, "A. Manual material", a right).
    Subheading {
        content: Vec<Inline>,
    },
    List {
        items: Vec<Vec<Inline>>,
    },
    /// Label–value lines (address, e-mail, …).
    Fields {
        rows: Vec<Field>,
    },
    /// A short remark set apart from the text (a limitation of a right).
    Note {
        content: Vec<Inline>,
    },
    /// A small table (cookies).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub label: String,
    pub value: Vec<Inline>,
}

/// A run of text or a link. `lang` is set only when the text is in another language than the
/// document (a missing translation), and `note` then says so visibly.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
        strong: bool,
        lang: Option<Lang>,
        note: Option<String>,
    },
    /// Only `http:`, `https:` and `mailto:` targets ever become links.
    Link { text: String, href: String },
}

impl Inline {
    pub fn plain(s: impl Into<String>) -> Inline {
        Inline::Text {
            text: s.into(),
            strong: false,
            lang: None,
            note: None,
        }
    }

    pub fn strong(s: impl Into<String>) -> Inline {
        Inline::Text {
            text: s.into(),
            strong: true,
            lang: None,
            note: None,
        }
    }

    /// The visible text of the inline (with any note), for plain-text consumers and tests.
    pub fn to_plain(&self) -> String {
        match self {
            Inline::Text {
                text,
                note: Some(n),
                ..
            } => format!("{text} {n}"),
            Inline::Text { text, .. } => text.clone(),
            Inline::Link { text, .. } => text.clone(),
        }
    }
}

impl Document {
    pub fn section(&self, id: &str) -> Option<&DocSection> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// All visible text, one block per line: for tests, search and plain-text output.
    pub fn to_plain_text(&self) -> String {
        fn line(xs: &[Inline]) -> String {
            xs.iter().map(Inline::to_plain).collect()
        }
        let mut out = vec![self.title.clone()];
        if let Some(n) = &self.register_name {
            out.push(line(n));
        }
        if let Some(d) = &self.date_line {
            out.push(d.clone());
        }
        if let Some(n) = &self.language_note {
            out.push(n.clone());
        }
        for s in &self.sections {
            out.push(String::new());
            match &s.heading_note {
                Some(n) => out.push(format!("{} {n}", s.heading)),
                None => out.push(s.heading.clone()),
            }
            for b in &s.blocks {
                match b {
                    Block::Paragraph { content }
                    | Block::Subheading { content }
                    | Block::Note { content } => out.push(line(content)),
                    Block::List { items } => {
                        out.extend(items.iter().map(|i| format!("• {}", line(i))))
                    }
                    Block::Fields { rows } => out.extend(
                        rows.iter()
                            .map(|r| format!("{}: {}", r.label, line(&r.value))),
                    ),
                    Block::Table { header, rows } => {
                        out.push(header.join(" | "));
                        for r in rows {
                            out.push(r.iter().map(|c| line(c)).collect::<Vec<_>>().join(" | "));
                        }
                    }
                }
            }
        }
        out.join("\n")
    }
}

// ---------------------------------------------------------------------------------------------
// Output strings (src/data/output.json)

#[derive(Debug, Deserialize)]
struct OutputData {
    #[serde(flatten)]
    #[allow(dead_code)]
    provenance: Provenance,
    strings: BTreeMap<String, Text>,
    /// The months' names per language, January first: as a name ("tammikuu") and after a
    /// date label ("Päivitetty tammikuussa 2025").
    months: crate::catalogue::WordLists,
    months_in: crate::catalogue::WordLists,
}

fn output_data() -> &'static OutputData {
    static D: OnceLock<OutputData> = OnceLock::new();
    D.get_or_init(|| {
        let d: OutputData = crate::data::embedded!("output");
        for lang in Lang::ALL {
            assert_eq!(
                d.months.get(lang).len(),
                12,
                "output.json: months needs 12 months"
            );
            assert_eq!(
                d.months_in.get(lang).len(),
                12,
                "output.json: months_in needs 12 months"
            );
        }
        d
    })
}

/// An output string from `src/data/output.json`. A missing key is a bug caught by the tests;
/// in a release build it shows the key rather than crashing.
pub fn out(key: &str, lang: Lang) -> &'static str {
    match output_data().strings.get(key).and_then(|t| t.get(lang)) {
        Some(s) => s,
        None => {
            debug_assert!(false, "output.json has no {key} in {lang}");
            // Visible but harmless: a question mark rather than a crash.
            "?"
        }
    }
}

/// The twelve months' names in `lang`, January first.
pub fn month_names(lang: Lang) -> &'static [String] {
    output_data().months.get(lang)
}

/// A date as `(year, month, Some(day))`, or `(year, month, None)` for a month (`YYYY-MM`, a
/// notice that says only "updated in March 2024"); `None` if it is neither.
pub fn parse_date(iso: &str) -> Option<(i32, u8, Option<u8>)> {
    let v = iso.trim();
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = time::Date::parse(v, &fmt) {
        return Some((d.year(), u8::from(d.month()), Some(d.day())));
    }
    let (y, m) = v.split_once('-')?;
    let ok =
        y.len() == 4 && m.len() == 2 && (y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit());
    let month: u8 = m.parse().ok()?;
    (ok && (1..=12).contains(&month)).then(|| (y.parse().unwrap_or(0), month, None))
}

/// `YYYY-MM-DD` as "12.3.2027" (fi, sv) or "12 March 2027" (en); a month `YYYY-MM` as
/// "maaliskuu 2027", "mars 2027", "March 2027"; anything else verbatim.
pub fn format_date(iso: &str, lang: Lang) -> String {
    match parse_date(iso) {
        Some((y, m, Some(d))) => match lang {
            Lang::Fi | Lang::Sv => format!("{d}.{m}.{y}"),
            Lang::En => format!("{d} {} {y}", month_names(lang)[usize::from(m) - 1]),
        },
        Some((y, m, None)) => format!("{} {y}", month_names(lang)[usize::from(m) - 1]),
        None => iso.trim().to_string(),
    }
}

/// A date after a label ("Päivitetty 12.3.2027", "Päivitetty maaliskuussa 2027").
fn format_date_after_label(iso: &str, lang: Lang) -> String {
    match parse_date(iso) {
        Some((y, m, None)) => format!(
            "{} {y}",
            output_data().months_in.get(lang)[usize::from(m) - 1]
        ),
        _ => format_date(iso, lang),
    }
}

fn basis_key(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "b_consent",
        LegalBasis::Contract => "b_contract",
        LegalBasis::LegalObligation => "b_legal_obligation",
        LegalBasis::VitalInterests => "b_vital_interests",
        LegalBasis::PublicTask => "b_public_task",
        LegalBasis::LegitimateInterest => "b_legitimate_interest",
    }
}

fn special_key(k: SpecialKind) -> &'static str {
    match k {
        SpecialKind::Health => "s_health",
        SpecialKind::RacialOrEthnicOrigin => "s_racial_or_ethnic_origin",
        SpecialKind::PoliticalOpinions => "s_political_opinions",
        SpecialKind::ReligiousOrPhilosophicalBeliefs => "s_religious_or_philosophical_beliefs",
        SpecialKind::TradeUnionMembership => "s_trade_union_membership",
        SpecialKind::Genetic => "s_genetic",
        SpecialKind::Biometric => "s_biometric",
        SpecialKind::SexLifeOrOrientation => "s_sex_life_or_orientation",
    }
}

fn condition_key(c: Art9Condition) -> &'static str {
    match c {
        Art9Condition::ExplicitConsent => "a_explicit_consent",
        Art9Condition::EmploymentLaw => "a_employment_law",
        Art9Condition::VitalInterests => "a_vital_interests",
        Art9Condition::NonprofitMembers => "a_nonprofit_members",
        Art9Condition::MadePublic => "a_made_public",
        Art9Condition::LegalClaims => "a_legal_claims",
        Art9Condition::SubstantialPublicInterest => "a_substantial_public_interest",
        Art9Condition::HealthCare => "a_health_care",
        Art9Condition::PublicHealth => "a_public_health",
        Art9Condition::ArchivingResearch => "a_archiving_research",
    }
}

fn mechanism_key(m: Option<Mechanism>) -> &'static str {
    match m {
        Some(Mechanism::Adequacy) => "m_adequacy",
        Some(Mechanism::Dpf) => "m_dpf",
        Some(Mechanism::Scc) => "m_scc",
        Some(Mechanism::Bcr) => "m_bcr",
        Some(Mechanism::Derogation) => "m_derogation",
        Some(Mechanism::PrivacyShield) => "m_privacy_shield",
        Some(Mechanism::None) | None => "m_none",
    }
}

fn code_reason_key(r: CodeReason) -> &'static str {
    match r {
        CodeReason::Consent => "cr_consent",
        CodeReason::Law => "cr_law",
        CodeReason::StatutoryTask => "cr_statutory_task",
        CodeReason::RightsAndObligations => "cr_rights_and_obligations",
        CodeReason::Research => "cr_research",
        CodeReason::CreditOrCollection => "cr_credit_or_collection",
        CodeReason::FinancialServices => "cr_financial_services",
        CodeReason::HealthCare => "cr_health_care",
        CodeReason::SocialWelfare => "cr_social_welfare",
        CodeReason::Employment => "cr_employment",
    }
}

fn consent_method_key(m: ConsentMethod) -> &'static str {
    match m {
        ConsentMethod::Checkbox => "cm_checkbox",
        ConsentMethod::Signature => "cm_signature",
        ConsentMethod::Verbal => "cm_verbal",
    }
}

/// A law reference as the reader reads it: "kirjanpitolaki (1336/1997) 2 luku 10 §",
/// "the Accounting Act (1336/1997), chapter 2, section 10". `None` for an act `laws.json` does
/// not know (the checker says so).
pub fn law_ref(l: &LawRef, lang: Lang) -> Option<String> {
    let act = crate::applicable::act(&l.act)?;
    let name = act.name.get(lang).unwrap_or_default().to_string();
    let section = l.section.trim();
    if section.is_empty() {
        return Some(name);
    }
    let simple = |x: &str| {
        !x.is_empty()
            && x.chars().next().is_some_and(|c| c.is_ascii_digit())
            && x.chars().all(|c| c.is_alphanumeric() || c == ' ')
    };
    let where_ = match section.split_once(':') {
        Some((ch, sec)) if simple(ch.trim()) && simple(sec.trim()) => {
            out("law_chapter_section", lang)
                .replace("{c}", ch.trim())
                .replace("{s}", sec.trim())
        }
        None if simple(section) => out("law_section", lang).replace("{s}", section),
        // Anything else ("2 luku 10 § 1 mom.") is the owner's own notation: verbatim.
        _ => section.to_string(),
    };
    Some(
        out("law_at", lang)
            .replace("{n}", &name)
            .replace("{w}", &where_),
    )
}

fn cookie_category_key(c: CookieCategory) -> &'static str {
    match c {
        CookieCategory::Necessary => "c_necessary",
        CookieCategory::Preferences => "c_preferences",
        CookieCategory::Analytics => "c_analytics",
        CookieCategory::Marketing => "c_marketing",
    }
}

/// The short first layer alone, to copy next to a booking form or a sign-up: its links point
/// into the full notice published at `notice_url` (empty: links within the same page).
pub fn first_layer(notice: &Notice, lang: Lang, notice_url: &str) -> Option<DocSection> {
    let doc = build(notice, lang);
    let ids: Vec<&str> = doc
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| *id != "summary")
        .collect();
    let base = notice_url.trim();
    let base = if base.is_empty() || is_safe_href(base) {
        base
    } else {
        ""
    };
    summary::section(&Ctx { lang, notice }, &ids, base)
}

/// Is `href` safe to print as a link target? Only http(s) and mailto, or a link to a section of
/// the same notice (`#seloste-…`); no spaces or controls.
pub fn is_safe_href(href: &str) -> bool {
    if let Some(anchor) = href.strip_prefix("#seloste-") {
        return !anchor.is_empty()
            && anchor
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
    }
    let lower = href.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p));
    rest.is_some_and(|r| !r.is_empty())
        && !href.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\'' | '`')
        })
}

fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && s.chars()
                    .all(|c| c.is_alphanumeric() || "._%+-@".contains(c))
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Building

struct Ctx<'a> {
    lang: Lang,
    notice: &'a Notice,
}

impl Ctx<'_> {
    fn s(&self, key: &str) -> &'static str {
        out(key, self.lang)
    }

    /// A GDPR article in this language's citation style (for notes, never inside a sentence).
    fn art(&self, article: &str) -> String {
        cite::article(article, self.lang)
    }

    /// A list joined the way the language does it: "a, b ja c"; with semicolons when an entry
    /// has commas of its own ("nimi; työnantaja, asema ja työyhteystiedot; …").
    fn join(&self, items: &[String]) -> String {
        let sep = if items.iter().any(|i| i.contains(',')) {
            "; "
        } else {
            ", "
        };
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] if sep == "; " => format!("{}; {last}", init.join(sep)),
            // "tilitoimisto sekä Verohallinto ja muut viranomaiset": an entry with an "and" of
            // its own is joined with the other word, so two "and"s do not run together.
            [init @ .., last] => {
                let and = self.s("l_and");
                let inner = format!(" {and} ");
                let word = if items.iter().any(|i| i.contains(&inner)) {
                    self.s("l_and_also")
                } else {
                    and
                };
                format!("{} {word} {last}", init.join(sep))
            }
        }
    }

    /// The note for text shown in `shown` instead of the document language.
    fn fallback_note(&self, t: &Text, shown: Lang) -> String {
        let only = t.all().count() == 1;
        let key = format!("{}_{}", if only { "only" } else { "shown" }, shown.code());
        self.s(&key).to_string()
    }

    /// The owner's text as one inline, marked when it is not in the document's language.
    fn user(&self, t: &Text) -> Option<Inline> {
        let (text, shown) = t.resolve(self.lang)?;
        let (lang, note) = if shown == self.lang {
            (None, None)
        } else {
            (Some(shown), Some(self.fallback_note(t, shown)))
        };
        Some(Inline::Text {
            text: collapse_lines(text),
            strong: false,
            lang,
            note,
        })
    }

    /// The owner's longer text as blocks: paragraphs split on blank lines; lines starting with
    /// "-", "*" or "•" become list items.
    fn user_blocks(&self, t: &Text) -> Vec<Block> {
        let Some((text, shown)) = t.resolve(self.lang) else {
            return Vec::new();
        };
        let (lang, note) = if shown == self.lang {
            (None, None)
        } else {
            (Some(shown), Some(self.fallback_note(t, shown)))
        };
        let run = |s: &str| Inline::Text {
            text: s.to_string(),
            strong: false,
            lang,
            note: None,
        };
        let mut blocks = Vec::new();
        for para in text.replace("\r\n", "\n").split("\n\n") {
            let lines: Vec<&str> = para
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let mut prose: Vec<&str> = Vec::new();
            let mut items: Vec<Vec<Inline>> = Vec::new();
            for l in lines {
                if let Some(item) = bullet(l) {
                    if !prose.is_empty() {
                        blocks.push(Block::Paragraph {
                            content: vec![run(&prose.join(" "))],
                        });
                        prose.clear();
                    }
                    items.push(vec![run(item)]);
                } else {
                    if !items.is_empty() {
                        blocks.push(Block::List {
                            items: std::mem::take(&mut items),
                        });
                    }
                    prose.push(l);
                }
            }
            if !prose.is_empty() {
                blocks.push(Block::Paragraph {
                    content: vec![run(&prose.join(" "))],
                });
            }
            if !items.is_empty() {
                blocks.push(Block::List { items });
            }
        }
        if let Some(n) = note {
            let last = match blocks.last_mut() {
                Some(Block::Paragraph { content }) => Some(content),
                Some(Block::List { items }) => items.last_mut(),
                _ => None,
            };
            if let Some(Inline::Text { note: slot, .. }) = last.and_then(|c| c.last_mut()) {
                *slot = Some(n);
            }
        }
        blocks
    }

    /// A web address: a link when it is http(s), inert text otherwise.
    fn web(&self, s: &str) -> Inline {
        let s = s.trim();
        if is_safe_href(s) && !s.to_ascii_lowercase().starts_with("mailto:") {
            Inline::Link {
                text: s.to_string(),
                href: s.to_string(),
            }
        } else {
            Inline::plain(s)
        }
    }

    /// An e-mail address: a mailto link when it looks like one, inert text otherwise.
    fn email(&self, s: &str) -> Inline {
        let s = s.trim();
        if looks_like_email(s) {
            let href = format!("mailto:{s}");
            if is_safe_href(&href) {
                return Inline::Link {
                    text: s.to_string(),
                    href,
                };
            }
        }
        Inline::plain(s)
    }

    fn period(&self, p: Period) -> String {
        let unit = match p.unit {
            Unit::Days => "u_days",
            Unit::Months => "u_months",
            Unit::Years => "u_years",
        };
        let n = if p.amount == 1 { "one" } else { "many" };
        format!("{} {}", p.amount, self.s(&format!("{unit}_{n}")))
    }

    /// A party's name and details. Details equal to those of `shown` (the controller, already
    /// printed above) are not repeated: a sole trader's contact person is usually the owner.
    fn party_blocks(&self, p: &Party, shown: Option<&Party>) -> Vec<Block> {
        let same = |f: fn(&Party) -> &str| {
            shown.is_some_and(|c| {
                let (a, b) = (f(p).trim(), f(c).trim());
                !a.is_empty() && a.eq_ignore_ascii_case(b)
            })
        };
        let same_email = same(|x| &x.email);
        let same_phone = same(|x| &x.phone);
        let same_address = shown.is_some_and(|c| !p.address.is_empty() && p.address == c.address);
        let mut blocks = Vec::new();
        if !p.name.trim().is_empty() {
            blocks.push(Block::Subheading {
                content: vec![Inline::strong(p.name.trim())],
            });
        }
        let mut rows = Vec::new();
        let mut row = |key: &str, value: Vec<Inline>| {
            rows.push(Field {
                label: self.s(key).to_string(),
                value,
            });
        };
        if !p.trading_name.trim().is_empty() {
            row("l_trading_name", vec![Inline::plain(p.trading_name.trim())]);
        }
        if let Some(role) = self.user(&p.role) {
            row("l_role", vec![role]);
        }
        if !p.business_id.trim().is_empty() {
            row("l_business_id", vec![Inline::plain(p.business_id.trim())]);
        }
        if !p.other_id.trim().is_empty() {
            // The identifier's type names it; a party without one (seloste/1) is labelled by
            // its kind as before.
            let label = match p.id_kind {
                Some(IdKind::AssociationRegister) => "l_association_id",
                Some(IdKind::Foreign) => "l_foreign_id",
                Some(IdKind::Other) => "l_other_id",
                _ if p.kind == Some(EntityKind::Association) => "l_association_id",
                _ => "l_other_id",
            };
            row(label, vec![Inline::plain(p.other_id.trim())]);
        }
        if !p.address.is_empty() && !same_address {
            let a = &p.address;
            let town = [a.postal_code.trim(), a.city.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let country = a.country.trim();
            let country = if country.is_empty() || country.eq_ignore_ascii_case("FI") {
                String::new()
            } else {
                catalogue::country_name(country, self.lang)
            };
            let line = [a.street.trim(), town.as_str(), country.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            row("l_address", vec![Inline::plain(line)]);
        }
        if !p.email.trim().is_empty() && !same_email {
            row("l_email", vec![self.email(&p.email)]);
        }
        if !p.phone.trim().is_empty() && !same_phone {
            row("l_phone", vec![Inline::plain(p.phone.trim())]);
        }
        if !p.website.trim().is_empty() {
            row("l_website", vec![self.web(&p.website)]);
        }
        if !rows.is_empty() {
            blocks.push(Block::Fields { rows });
        }
        blocks
    }

    /// "Name – description" for a recipient, either part optional.
    fn recipient_label(&self, name: &str, description: &Text) -> Vec<Inline> {
        let mut v = Vec::new();
        if !name.trim().is_empty() {
            v.push(Inline::strong(name.trim()));
        }
        if let Some(d) = self.user(description) {
            if !v.is_empty() {
                v.push(Inline::plain(" – "));
            }
            v.push(d);
        }
        v
    }
}

/// The text of a bulleted line ("- item", "* item", "• item", "– item").
fn bullet(l: &str) -> Option<&str> {
    ["- ", "* ", "• ", "– "]
        .iter()
        .find_map(|b| l.strip_prefix(b))
        .map(str::trim)
}

/// Collapse the line breaks of a short text into spaces (lists and table cells are one line).
fn collapse_lines(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push(sections: &mut Vec<DocSection>, id: &str, heading: &str, blocks: Vec<Block>) {
    if !blocks.is_empty() {
        sections.push(DocSection {
            id: id.to_string(),
            heading: heading.to_string(),
            heading_lang: None,
            heading_note: None,
            blocks,
        });
    }
}

/// Build the document for `notice` in `lang`.
pub fn build(notice: &Notice, lang: Lang) -> Document {
    let c = Ctx { lang, notice };
    let mut sections = Vec::new();
    for s in Section::ALL {
        let blocks = parts::blocks(s, &c);
        push(&mut sections, s.id(), &parts::heading(s, &c), blocks);
    }
    let register_name = c.user(&notice.register.name).map(|i| vec![i]);

    // The owner's own sections.
    for (i, x) in notice.other.iter().enumerate() {
        let blocks = c.user_blocks(&x.text);
        if blocks.is_empty() {
            continue;
        }
        let (heading, heading_lang, heading_note) = match x.heading.resolve(lang) {
            Some((h, shown)) if shown == lang => (h.to_string(), None, None),
            Some((h, shown)) => (
                h.to_string(),
                Some(shown),
                Some(c.fallback_note(&x.heading, shown)),
            ),
            None => (c.s("h_other").to_string(), None, None),
        };
        sections.push(DocSection {
            id: format!("other-{}", i + 1),
            heading: collapse_lines(&heading),
            heading_lang,
            heading_note,
            blocks,
        });
    }

    let mut dates = Vec::new();
    if !notice.meta.drafted.trim().is_empty() {
        dates.push(format!(
            "{} {}",
            c.s("drafted"),
            format_date_after_label(&notice.meta.drafted, lang)
        ));
    }
    if !notice.meta.updated.trim().is_empty() {
        dates.push(format!(
            "{} {}",
            c.s("updated"),
            format_date_after_label(&notice.meta.updated, lang)
        ));
    }

    let ids: Vec<String> = sections.iter().map(|s| s.id.clone()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    if let Some(first) = summary::section(&c, &ids, "") {
        sections.insert(0, first);
    }

    for s in &mut sections {
        gather_list_notes(&mut s.blocks);
    }
    let any_fallback = register_name.iter().flatten().any(is_fallback)
        || sections.iter().any(|s| {
            s.heading_lang.is_some() || s.blocks.iter().any(|b| block_inlines(b).any(is_fallback))
        });

    Document {
        lang,
        title: c.s("title").to_string(),
        register_name,
        date_line: (!dates.is_empty()).then(|| dates.join(" · ")),
        language_note: any_fallback.then(|| c.s("fallback_summary").to_string()),
        sections,
    }
}

fn is_fallback(i: &Inline) -> bool {
    matches!(i, Inline::Text { lang: Some(_), .. })
}

/// Every inline of a block.
fn block_inlines(b: &Block) -> Box<dyn Iterator<Item = &Inline> + '_> {
    match b {
        Block::Paragraph { content } | Block::Subheading { content } | Block::Note { content } => {
            Box::new(content.iter())
        }
        Block::List { items } => Box::new(items.iter().flatten()),
        Block::Fields { rows } => Box::new(rows.iter().flat_map(|r| r.value.iter())),
        Block::Table { rows, .. } => Box::new(rows.iter().flatten().flatten()),
    }
}

/// A list whose every item is the owner's text in the same other language gets one note
/// after the list instead of one per item ("(in Finnish only)" eight times is noise).
fn gather_list_notes(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        let mut gathered = None;
        if let Block::List { items } = &mut blocks[i] {
            let langs: Vec<Option<(Lang, Option<&String>)>> = items
                .iter()
                .map(|item| match item.as_slice() {
                    [
                        Inline::Text {
                            lang: Some(l),
                            note,
                            ..
                        },
                    ] => Some((*l, note.as_ref())),
                    _ => None,
                })
                .collect();
            let first_lang = langs.first().copied().flatten().map(|(l, _)| l);
            let notes: Vec<&String> = langs.iter().flatten().filter_map(|(_, n)| *n).collect();
            let uniform = items.len() > 1
                && langs
                    .iter()
                    .all(|x| x.is_some_and(|(l, _)| Some(l) == first_lang))
                && !notes.is_empty()
                && notes.iter().all(|n| *n == notes[0]);
            if uniform {
                let note = notes[0].clone();
                for item in items.iter_mut() {
                    if let [Inline::Text { note: n, .. }] = item.as_mut_slice() {
                        *n = None;
                    }
                }
                gathered = Some(note);
            }
        }
        if let Some(note) = gathered {
            blocks.insert(
                i + 1,
                Block::Paragraph {
                    content: vec![Inline::Text {
                        text: String::new(),
                        strong: false,
                        lang: None,
                        note: Some(note),
                    }],
                },
            );
            i += 1;
        }
        i += 1;
    }
}

/// The phrase naming a basis inside "Oikeusperuste: …" ("suostumuksesi", "our contract with you").
fn basis_phrase_key(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "bp_consent",
        LegalBasis::Contract => "bp_contract",
        LegalBasis::LegalObligation => "bp_legal_obligation",
        LegalBasis::VitalInterests => "bp_vital_interests",
        LegalBasis::PublicTask => "bp_public_task",
        LegalBasis::LegitimateInterest => "bp_legitimate_interest",
    }
}

/// What follows a text to start a new sentence after it: a space when it already ends one.
fn sentence_gap(t: &Inline) -> &'static str {
    let s = t.to_plain();
    match s.trim_end().chars().last() {
        Some('.' | '!' | '?' | ':') => " ",
        _ => ". ",
    }
}

/// Does `text` continue a sentence whose beginning Seloste writes? Its first word matches one
/// of `forms` (space-separated; `*malla` = ends in "malla"): the means of doing something
/// ("pyytämällä", "genom att", "by asking").
fn continues_sentence(text: &str, forms: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    !first.is_empty()
        && forms.split_whitespace().any(|f| match f.strip_prefix('*') {
            Some(suffix) => first.ends_with(suffix) && first.len() > suffix.len(),
            None => first == f,
        })
}

/// `template` with `{x}` replaced by an inline (the owner's words keep their language mark).
fn fill(template: &str, hole: &str, value: Inline) -> Vec<Inline> {
    match template.split_once(hole) {
        Some((pre, post)) => {
            let mut v = Vec::new();
            if !pre.is_empty() {
                v.push(Inline::plain(pre));
            }
            v.push(value);
            if !post.is_empty() {
                v.push(Inline::plain(post));
            }
            v
        }
        None => vec![Inline::plain(template), value],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_output_string_exists_in_three_languages() {
        for (k, t) in &output_data().strings {
            for l in Lang::ALL {
                assert!(t.get(l).is_some(), "output.json: {k} has no {l}");
            }
        }
    }

    #[test]
    fn a_means_continues_the_sentence_about_copies() {
        assert!(continues_sentence(
            "pyytämällä sitä meiltä",
            "*malla *mällä"
        ));
        assert!(continues_sentence("Lähettämällä viestin", "*malla *mällä"));
        assert!(!continues_sentence(
            "Pyydä kopio sähköpostilla.",
            "*malla *mällä"
        ));
        assert!(!continues_sentence("mällä", "*malla *mällä"));
        assert!(continues_sentence("genom att be oss", "genom"));
        assert!(continues_sentence("by asking us", "by"));
        assert!(!continues_sentence("ask our contact person", "by"));
    }

    #[test]
    fn dates() {
        assert_eq!(format_date("2027-03-12", Lang::Fi), "12.3.2027");
        assert_eq!(format_date("2027-03-12", Lang::Sv), "12.3.2027");
        assert_eq!(format_date("2027-03-12", Lang::En), "12 March 2027");
        assert_eq!(format_date("maaliskuu", Lang::Fi), "maaliskuu");
        // A month alone: as a name, and after a label ("Päivitetty maaliskuussa 2027").
        assert_eq!(format_date("2027-03", Lang::Fi), "maaliskuu 2027");
        assert_eq!(format_date("2027-03", Lang::En), "March 2027");
        assert_eq!(
            format_date_after_label("2027-03", Lang::Fi),
            "maaliskuussa 2027"
        );
        assert_eq!(format_date_after_label("2027-03", Lang::Sv), "i mars 2027");
        assert_eq!(
            format_date_after_label("2027-03", Lang::En),
            "in March 2027"
        );
        assert_eq!(format_date_after_label("2027-03-12", Lang::Fi), "12.3.2027");
        assert_eq!(format_date("2027-13", Lang::Fi), "2027-13");
    }

    #[test]
    fn only_safe_schemes_are_links() {
        assert!(is_safe_href("https://example.fi"));
        assert!(is_safe_href("mailto:a@b.fi"));
        assert!(!is_safe_href("javascript:alert(1)"));
        assert!(!is_safe_href("JaVaScRiPt:alert(1)"));
        assert!(!is_safe_href("data:text/html,x"));
        assert!(!is_safe_href("https://x.fi\" onmouseover=\"x"));
        assert!(!is_safe_href("https://"));
        assert!(!is_safe_href("mailto:"));
        assert!(looks_like_email("info@firma.fi"));
        assert!(!looks_like_email("javascript:alert(1)@x.fi"));
    }

    #[test]
    fn empty_notice_has_only_the_rights_and_complaint() {
        let d = build(&Notice::default(), Lang::Fi);
        let ids: Vec<&str> = d.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["rights", "complaint"]);
    }

    #[test]
    fn serialises_with_tagged_blocks_and_inlines() {
        let mut n = Notice::default();
        n.controllers.push(Party {
            name: "Oy".into(),
            website: "https://x.fi".into(),
            ..Default::default()
        });
        let v = serde_json::to_value(build(&n, Lang::En)).unwrap();
        assert_eq!(v["lang"], "en");
        assert_eq!(v["sections"][0]["id"], "summary");
        let controller = &v["sections"][1];
        assert_eq!(controller["id"], "controller");
        assert_eq!(controller["blocks"][0]["type"], "subheading");
        assert_eq!(controller["blocks"][0]["content"][0]["kind"], "text");
        let website = &controller["blocks"][1]["rows"][0]["value"][0];
        assert_eq!(website["kind"], "link");
        assert_eq!(website["href"], "https://x.fi");
    }

    #[test]
    fn missing_translation_is_marked() {
        let mut n = Notice::default();
        n.register.name = Text::fi("Asiakasrekisteri");
        let d = build(&n, Lang::En);
        let name = d.register_name.unwrap();
        assert_eq!(
            name[0],
            Inline::Text {
                text: "Asiakasrekisteri".into(),
                strong: false,
                lang: Some(Lang::Fi),
                note: Some("(in Finnish only)".into())
            }
        );
    }
}
