//! The data subject's rights, derived from everything the notice says (legal.md §3), not only
//! from the Art. 6 bases. The texts live in `src/data/rights.json` in fi, sv and en.
//!
//! - access, rectification and restriction: always;
//! - erasure: always (Art. 17(3) only limits it): limited while a contract runs, for data a law
//!   requires us to keep (17(3)(b)), and for a public task;
//! - portability (Art. 20(1)): where consent (Art. 6(1)(a) or 9(2)(a)) or a contract is used;
//! - objection (Art. 21(1)): where legitimate interest or a public task is used, with the
//!   legal-claims exception;
//! - withdrawal of consent (Art. 7(3), 13(2)(c)): where a purpose rests on consent, or special
//!   category data rests on explicit consent (Art. 9(2)(a)) whatever the purpose's Art. 6 basis;
//! - objection to direct marketing (Art. 21(2)–(3)): always, shown separately (Art. 21(4)); with no
//!   direct marketing the notice says plainly that it does none;
//! - human intervention, one's point of view and contesting (Art. 22(3)): where the notice says it
//!   makes decisions based solely on automated processing;
//! - complaint to the supervisory authority (Art. 77): always.

use crate::catalogue::Provenance;
use crate::model::{Art9Condition, LegalBasis, Notice, SpecialKind};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Which right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightKind {
    Access,
    Rectification,
    Erasure,
    Restriction,
    Portability,
    Objection,
    WithdrawConsent,
    ObjectDirectMarketing,
    /// Art. 22(3): human intervention, one's point of view, contesting an automated decision.
    AutomatedDecision,
    Complaint,
}

impl RightKind {
    pub const ALL: [RightKind; 10] = [
        RightKind::Access,
        RightKind::Rectification,
        RightKind::Erasure,
        RightKind::Restriction,
        RightKind::Portability,
        RightKind::Objection,
        RightKind::WithdrawConsent,
        RightKind::ObjectDirectMarketing,
        RightKind::AutomatedDecision,
        RightKind::Complaint,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RightKind::Access => "access",
            RightKind::Rectification => "rectification",
            RightKind::Erasure => "erasure",
            RightKind::Restriction => "restriction",
            RightKind::Portability => "portability",
            RightKind::Objection => "objection",
            RightKind::WithdrawConsent => "withdraw_consent",
            RightKind::ObjectDirectMarketing => "object_direct_marketing",
            RightKind::AutomatedDecision => "automated_decision",
            RightKind::Complaint => "complaint",
        }
    }
}

/// Why a right is limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Erasure: data needed for a contract stays while the contract runs.
    WhileContractRuns,
    /// Erasure: data the law requires to be kept (Art. 17(3)(b)).
    LegalObligation,
    /// Erasure: data needed for a task in the public interest (Art. 17(3)(b)).
    PublicTask,
}

impl Limit {
    fn key(self) -> &'static str {
        match self {
            Limit::WhileContractRuns => "erasure_contract",
            Limit::LegalObligation => "erasure_legal_obligation",
            Limit::PublicTask => "erasure_public_task",
        }
    }

    /// The limitation explained in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        data()
            .limits
            .get(self.key())
            .and_then(|t| t.get(lang))
            .unwrap_or_default()
    }
}

/// One right the notice must tell about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Right {
    pub kind: RightKind,
    /// Why the right is limited; empty when it is not.
    pub limits: Vec<Limit>,
    /// The Art. 6 bases that give rise to the right (for portability, objection, withdrawal).
    pub because_of: Vec<LegalBasis>,
    /// The special categories resting on explicit consent (Art. 9(2)(a)) that give rise to it
    /// (for withdrawal and portability).
    pub because_of_special: Vec<SpecialKind>,
    /// For objection: the legitimate interests pursued, as the notice states them.
    pub interests: Vec<Text>,
    /// For objection to direct marketing: does the notice say it markets directly?
    pub direct_marketing_used: bool,
    /// For erasure limited by a legal obligation: the laws the notice names for it
    /// (`Purpose::law`), each once, so the reader sees which law keeps the data.
    pub laws: Vec<crate::model::LawRef>,
}

impl Right {
    fn new(kind: RightKind) -> Self {
        Right {
            kind,
            limits: Vec::new(),
            because_of: Vec::new(),
            because_of_special: Vec::new(),
            interests: Vec::new(),
            direct_marketing_used: false,
            laws: Vec::new(),
        }
    }

    pub fn limited(&self) -> bool {
        !self.limits.is_empty()
    }

    /// The GDPR article, e.g. `20` or `21(1)`.
    pub fn article(&self) -> &'static str {
        texts(self.kind).article.as_str()
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        texts(self.kind).title.get(lang).unwrap_or_default()
    }

    /// The plain-language explanation in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        let t = texts(self.kind);
        let chosen = match self.kind {
            RightKind::ObjectDirectMarketing if !self.direct_marketing_used => {
                t.text_none.as_ref().unwrap_or(&t.text)
            }
            RightKind::Objection if self.because_of.contains(&LegalBasis::PublicTask) => {
                t.text_public_task.as_ref().unwrap_or(&t.text)
            }
            _ => &t.text,
        };
        chosen.get(lang).unwrap_or_default()
    }

    /// A few words naming the right, for the short first layer ("korjauttaa ne").
    pub fn short(&self, lang: Lang) -> &'static str {
        texts(self.kind).short.get(lang).unwrap_or_default()
    }

    /// Is this right one the reader actually has? Objection to direct marketing with no direct
    /// marketing is a statement ("we do not use your data for it"), not a right to list.
    pub fn applies(&self) -> bool {
        self.kind != RightKind::ObjectDirectMarketing || self.direct_marketing_used
    }

    /// "Sinulla on oikeus" / "Du har rätt att" / "You have the right to".
    pub fn summary_intro(lang: Lang) -> &'static str {
        data()
            .limits
            .get("summary_intro")
            .and_then(|t| t.get(lang))
            .unwrap_or_default()
    }
}

/// The special categories the notice processes on explicit consent (Art. 9(2)(a)).
fn explicit_consent_special(notice: &Notice) -> Vec<SpecialKind> {
    let mut v: Vec<SpecialKind> = notice
        .data
        .special
        .iter()
        .filter(|s| s.condition == Some(Art9Condition::ExplicitConsent))
        .map(|s| s.kind)
        .collect();
    v.dedup();
    v
}

/// The rights the notice must list, in the order they are shown.
pub fn derive(notice: &Notice) -> Vec<Right> {
    let uses = |b: LegalBasis| notice.has_basis(b);
    let special_consent = explicit_consent_special(notice);
    let mut out = vec![
        Right::new(RightKind::Access),
        Right::new(RightKind::Rectification),
    ];

    // Erasure: always. Art. 17(3) limits it only as far as keeping the data is necessary.
    let mut erasure = Right::new(RightKind::Erasure);
    if uses(LegalBasis::Contract) {
        erasure.limits.push(Limit::WhileContractRuns);
    }
    if uses(LegalBasis::LegalObligation) {
        erasure.limits.push(Limit::LegalObligation);
        for p in &notice.purposes.items {
            if p.basis == Some(LegalBasis::LegalObligation)
                && let Some(l) = &p.law
                && !erasure.laws.contains(l)
            {
                erasure.laws.push(l.clone());
            }
        }
    }
    if uses(LegalBasis::PublicTask) {
        erasure.limits.push(Limit::PublicTask);
    }
    out.push(erasure);

    out.push(Right::new(RightKind::Restriction));

    // Portability: consent under 6(1)(a) or 9(2)(a), or a contract (Art. 20(1)(a)).
    let portable: Vec<LegalBasis> = [LegalBasis::Consent, LegalBasis::Contract]
        .into_iter()
        .filter(|&b| uses(b))
        .collect();
    if !portable.is_empty() || !special_consent.is_empty() {
        let mut r = Right::new(RightKind::Portability);
        r.because_of = portable;
        r.because_of_special = special_consent.clone();
        out.push(r);
    }

    let objectable: Vec<LegalBasis> = [LegalBasis::LegitimateInterest, LegalBasis::PublicTask]
        .into_iter()
        .filter(|&b| uses(b))
        .collect();
    if !objectable.is_empty() {
        let mut r = Right::new(RightKind::Objection);
        r.because_of = objectable;
        let mut seen: Vec<&Text> = Vec::new();
        for p in &notice.purposes.items {
            if p.basis == Some(LegalBasis::LegitimateInterest)
                && !p.interest.is_empty()
                && !seen.contains(&&p.interest)
            {
                seen.push(&p.interest);
            }
        }
        r.interests = seen.into_iter().cloned().collect();
        out.push(r);
    }

    // Withdrawal: Art. 13(2)(c) names both 6(1)(a) and 9(2)(a).
    if uses(LegalBasis::Consent) || !special_consent.is_empty() {
        let mut r = Right::new(RightKind::WithdrawConsent);
        if uses(LegalBasis::Consent) {
            r.because_of = vec![LegalBasis::Consent];
        }
        r.because_of_special = special_consent;
        out.push(r);
    }

    let mut dm = Right::new(RightKind::ObjectDirectMarketing);
    dm.direct_marketing_used = notice.has_direct_marketing();
    out.push(dm);

    if notice.automated.decisions == Some(true) {
        out.push(Right::new(RightKind::AutomatedDecision));
    }

    out.push(Right::new(RightKind::Complaint));
    out
}

#[derive(Debug, Deserialize)]
struct RightText {
    article: String,
    title: Text,
    text: Text,
    /// A few words naming the right, for the first layer.
    short: Text,
    /// For objection to direct marketing when the notice names no direct marketing.
    #[serde(default)]
    text_none: Option<Text>,
    /// For objection when a public task is among the bases.
    #[serde(default)]
    text_public_task: Option<Text>,
}

#[derive(Debug, Deserialize)]
struct RightsData {
    #[serde(flatten)]
    #[allow(dead_code)]
    provenance: Provenance,
    rights: BTreeMap<String, RightText>,
    limits: BTreeMap<String, Text>,
}

fn data() -> &'static RightsData {
    static D: OnceLock<RightsData> = OnceLock::new();
    D.get_or_init(|| {
        crate::data::embedded!("rights")
    })
}

fn texts(kind: RightKind) -> &'static RightText {
    data()
        .rights
        .get(kind.key())
        .unwrap_or_else(|| panic!("rights.json has no entry for {}", kind.key()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Purpose, SpecialCategory};

    fn notice(bases: &[LegalBasis]) -> Notice {
        let mut n = Notice::default();
        for &b in bases {
            n.purposes.items.push(Purpose {
                text: Text::fi("tarkoitus"),
                basis: Some(b),
                interest: if b == LegalBasis::LegitimateInterest {
                    Text::fi("asiakassuhteen hoito")
                } else {
                    Text::default()
                },
                ..Default::default()
            });
        }
        n
    }

    fn kinds(n: &Notice) -> Vec<RightKind> {
        derive(n).into_iter().map(|r| r.kind).collect()
    }

    fn right(n: &Notice, k: RightKind) -> Option<Right> {
        derive(n).into_iter().find(|r| r.kind == k)
    }

    #[test]
    fn every_right_has_texts_in_three_languages() {
        for k in RightKind::ALL {
            let t = texts(k);
            for l in Lang::ALL {
                assert!(t.title.get(l).is_some(), "{k:?} title {l}");
                assert!(t.text.get(l).is_some(), "{k:?} text {l}");
                assert!(t.short.get(l).is_some(), "{k:?} short {l}");
            }
        }
        for (k, t) in &data().limits {
            for l in Lang::ALL {
                assert!(t.get(l).is_some(), "limit {k} {l}");
            }
        }
    }

    #[test]
    fn legitimate_interest_only_gives_objection_but_no_portability_or_withdrawal() {
        let n = notice(&[LegalBasis::LegitimateInterest]);
        let k = kinds(&n);
        assert!(k.contains(&RightKind::Objection));
        assert!(!k.contains(&RightKind::Portability));
        assert!(!k.contains(&RightKind::WithdrawConsent));
        assert!(k.contains(&RightKind::ObjectDirectMarketing));
        assert!(k.contains(&RightKind::Complaint));
        let obj = right(&n, RightKind::Objection).unwrap();
        assert_eq!(obj.interests, vec![Text::fi("asiakassuhteen hoito")]);
    }

    #[test]
    fn objection_keeps_the_legal_claims_exception() {
        let obj = right(&notice(&[LegalBasis::LegitimateInterest]), RightKind::Objection).unwrap();
        assert!(obj.text(Lang::Fi).contains("oikeusvaatee"));
        assert!(obj.text(Lang::Sv).contains("rättsliga anspråk"));
        assert!(obj.text(Lang::En).contains("legal claims"));
    }

    #[test]
    fn consent_gives_portability_and_withdrawal_but_no_objection() {
        let k = kinds(&notice(&[LegalBasis::Consent]));
        assert!(k.contains(&RightKind::Portability));
        assert!(k.contains(&RightKind::WithdrawConsent));
        assert!(!k.contains(&RightKind::Objection));
    }

    #[test]
    fn explicit_consent_for_special_data_gives_withdrawal_even_on_a_contract() {
        // A hairdresser: the service is a contract, allergy notes rest on explicit consent.
        let mut n = notice(&[LegalBasis::Contract]);
        assert!(!kinds(&n).contains(&RightKind::WithdrawConsent));
        n.data.special.push(SpecialCategory {
            kind: SpecialKind::Health,
            condition: Some(Art9Condition::ExplicitConsent),
            text: Text::default(),
        });
        let w = right(&n, RightKind::WithdrawConsent).expect("withdrawal for 9(2)(a)");
        assert_eq!(w.because_of_special, vec![SpecialKind::Health]);
        assert!(w.because_of.is_empty());
        // Another Art. 9(2) condition gives no withdrawal right.
        n.data.special[0].condition = Some(Art9Condition::HealthCare);
        assert!(!kinds(&n).contains(&RightKind::WithdrawConsent));
    }

    #[test]
    fn contract_limits_erasure_and_gives_portability() {
        let n = notice(&[LegalBasis::Contract]);
        let e = right(&n, RightKind::Erasure).unwrap();
        assert_eq!(e.limits, vec![Limit::WhileContractRuns]);
        assert!(kinds(&n).contains(&RightKind::Portability));
        assert!(!kinds(&n).contains(&RightKind::WithdrawConsent));
    }

    #[test]
    fn legal_obligation_only_still_prints_erasure_with_its_limit() {
        // A member who leaves must be struck off: 17(3)(b) limits erasure, it does not remove it.
        let n = notice(&[LegalBasis::LegalObligation]);
        let e = right(&n, RightKind::Erasure).expect("erasure is always shown");
        assert_eq!(e.limits, vec![Limit::LegalObligation]);
        let k = kinds(&n);
        assert!(!k.contains(&RightKind::Portability));
        assert!(!k.contains(&RightKind::Objection));
        assert!(k.contains(&RightKind::Access));
        assert!(k.contains(&RightKind::Restriction));
    }

    #[test]
    fn erasure_is_shown_for_every_combination_of_bases() {
        for mask in 0u32..(1 << LegalBasis::ALL.len()) {
            let bases: Vec<LegalBasis> = LegalBasis::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, b)| *b)
                .collect();
            assert!(kinds(&notice(&bases)).contains(&RightKind::Erasure), "{bases:?}");
        }
    }

    #[test]
    fn public_task_gives_objection_and_limited_erasure() {
        let n = notice(&[LegalBasis::PublicTask]);
        let e = right(&n, RightKind::Erasure).unwrap();
        assert_eq!(e.limits, vec![Limit::PublicTask]);
        let o = right(&n, RightKind::Objection).unwrap();
        assert!(o.text(Lang::Fi).contains("yleisen edun"));
        assert!(!kinds(&n).contains(&RightKind::Portability));
    }

    #[test]
    fn no_direct_marketing_is_said_plainly() {
        let mut n = notice(&[LegalBasis::Consent]);
        let without = right(&n, RightKind::ObjectDirectMarketing).unwrap();
        assert!(!without.applies());
        assert_eq!(without.text(Lang::Fi), "Emme käytä tietojasi suoramarkkinointiin.");
        assert_eq!(
            without.text(Lang::Sv),
            "Vi använder inte dina uppgifter för direktmarknadsföring."
        );
        assert_eq!(without.text(Lang::En), "We do not use your data for direct marketing.");
        n.purposes.items[0].direct_marketing = true;
        let with = right(&n, RightKind::ObjectDirectMarketing).unwrap();
        assert!(with.applies());
        assert!(with.text(Lang::En).contains("object at any time"));
    }

    #[test]
    fn automated_decisions_bring_the_art_22_3_rights() {
        let mut n = notice(&[LegalBasis::Contract]);
        assert!(!kinds(&n).contains(&RightKind::AutomatedDecision));
        n.automated.decisions = Some(false);
        assert!(!kinds(&n).contains(&RightKind::AutomatedDecision));
        n.automated.profiling = Some(true);
        assert!(!kinds(&n).contains(&RightKind::AutomatedDecision));
        n.automated.decisions = Some(true);
        let r = right(&n, RightKind::AutomatedDecision).unwrap();
        assert_eq!(r.article(), "22(3)");
        assert!(r.text(Lang::Fi).contains("ihminen"));
        assert!(r.text(Lang::En).contains("contest"));
    }
}
