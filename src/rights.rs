//! The data subject's rights, derived from the legal bases the notice actually uses
//! (legal.md §3). The texts live in `src/data/rights.json` in fi, sv and en.
//!
//! - access, rectification and restriction: always;
//! - erasure: unless every purpose rests on a legal obligation (Art. 17(3)(b)); limited while a
//!   contract runs, for data kept by law, and for a public task;
//! - portability (Art. 20): only where consent or contract is used;
//! - objection (Art. 21(1)): where legitimate interest or a public task is used, naming the interest;
//! - withdrawal of consent (Art. 7(3)): only where consent is used;
//! - objection to direct marketing (Art. 21(2)–(3)): always, shown separately (Art. 21(4));
//! - complaint to the supervisory authority (Art. 77): always.

use crate::catalogue::Provenance;
use crate::model::{LegalBasis, Notice};
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
    Complaint,
}

impl RightKind {
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
    /// The bases that give rise to the right (for portability, objection, withdrawal).
    pub because_of: Vec<LegalBasis>,
    /// For objection: the legitimate interests pursued, as the notice states them.
    pub interests: Vec<Text>,
    /// For objection to direct marketing: does the notice say it markets directly?
    pub direct_marketing_used: bool,
}

impl Right {
    fn new(kind: RightKind) -> Self {
        Right {
            kind,
            limits: Vec::new(),
            because_of: Vec::new(),
            interests: Vec::new(),
            direct_marketing_used: false,
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
        let chosen = match (&t.text_none, self.direct_marketing_used) {
            (Some(none), false) => none,
            _ => &t.text,
        };
        chosen.get(lang).unwrap_or_default()
    }

    /// The label introducing the legitimate interests, for objection.
    pub fn interests_label(lang: Lang) -> &'static str {
        data()
            .limits
            .get("objection_interests")
            .and_then(|t| t.get(lang))
            .unwrap_or_default()
    }
}

/// The rights the notice must list, in the order they are shown.
pub fn derive(notice: &Notice) -> Vec<Right> {
    let bases = notice.bases();
    let uses = |b: LegalBasis| bases.contains(&b);
    let mut out = vec![
        Right::new(RightKind::Access),
        Right::new(RightKind::Rectification),
    ];

    // Erasure: not where all processing is required by law (17(3)(b)).
    let only_legal_obligation =
        !bases.is_empty() && bases.iter().all(|&b| b == LegalBasis::LegalObligation);
    if !only_legal_obligation {
        let mut r = Right::new(RightKind::Erasure);
        if uses(LegalBasis::Contract) {
            r.limits.push(Limit::WhileContractRuns);
        }
        if uses(LegalBasis::LegalObligation) {
            r.limits.push(Limit::LegalObligation);
        }
        if uses(LegalBasis::PublicTask) {
            r.limits.push(Limit::PublicTask);
        }
        out.push(r);
    }

    out.push(Right::new(RightKind::Restriction));

    let portable: Vec<LegalBasis> = [LegalBasis::Consent, LegalBasis::Contract]
        .into_iter()
        .filter(|&b| uses(b))
        .collect();
    if !portable.is_empty() {
        let mut r = Right::new(RightKind::Portability);
        r.because_of = portable;
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

    if uses(LegalBasis::Consent) {
        let mut r = Right::new(RightKind::WithdrawConsent);
        r.because_of = vec![LegalBasis::Consent];
        out.push(r);
    }

    let mut dm = Right::new(RightKind::ObjectDirectMarketing);
    dm.direct_marketing_used = notice.has_direct_marketing();
    out.push(dm);

    out.push(Right::new(RightKind::Complaint));
    out
}

#[derive(Debug, Deserialize)]
struct RightText {
    article: String,
    title: Text,
    text: Text,
    /// For objection to direct marketing when the notice names no direct marketing.
    #[serde(default)]
    text_none: Option<Text>,
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
        serde_json::from_str(include_str!("data/rights.json"))
            .unwrap_or_else(|e| panic!("embedded data file rights.json is invalid: {e}"))
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
    use crate::model::Purpose;

    const ALL: [RightKind; 9] = [
        RightKind::Access,
        RightKind::Rectification,
        RightKind::Erasure,
        RightKind::Restriction,
        RightKind::Portability,
        RightKind::Objection,
        RightKind::WithdrawConsent,
        RightKind::ObjectDirectMarketing,
        RightKind::Complaint,
    ];

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

    #[test]
    fn every_right_has_texts_in_three_languages() {
        for k in ALL {
            let t = texts(k);
            for l in Lang::ALL {
                assert!(t.title.get(l).is_some(), "{k:?} title {l}");
                assert!(t.text.get(l).is_some(), "{k:?} text {l}");
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
        let k = kinds(&notice(&[LegalBasis::LegitimateInterest]));
        assert!(k.contains(&RightKind::Objection));
        assert!(!k.contains(&RightKind::Portability));
        assert!(!k.contains(&RightKind::WithdrawConsent));
        assert!(k.contains(&RightKind::ObjectDirectMarketing));
        assert!(k.contains(&RightKind::Complaint));
        let obj = derive(&notice(&[LegalBasis::LegitimateInterest]))
            .into_iter()
            .find(|r| r.kind == RightKind::Objection)
            .unwrap();
        assert_eq!(obj.interests, vec![Text::fi("asiakassuhteen hoito")]);
    }

    #[test]
    fn consent_gives_portability_and_withdrawal_but_no_objection() {
        let k = kinds(&notice(&[LegalBasis::Consent]));
        assert!(k.contains(&RightKind::Portability));
        assert!(k.contains(&RightKind::WithdrawConsent));
        assert!(!k.contains(&RightKind::Objection));
    }

    #[test]
    fn contract_limits_erasure_and_gives_portability() {
        let rights = derive(&notice(&[LegalBasis::Contract]));
        let e = rights
            .iter()
            .find(|r| r.kind == RightKind::Erasure)
            .unwrap();
        assert_eq!(e.limits, vec![Limit::WhileContractRuns]);
        assert!(rights.iter().any(|r| r.kind == RightKind::Portability));
        assert!(!rights.iter().any(|r| r.kind == RightKind::WithdrawConsent));
    }

    #[test]
    fn legal_obligation_only_has_no_erasure_or_portability() {
        let k = kinds(&notice(&[LegalBasis::LegalObligation]));
        assert!(!k.contains(&RightKind::Erasure));
        assert!(!k.contains(&RightKind::Portability));
        assert!(!k.contains(&RightKind::Objection));
        assert!(k.contains(&RightKind::Access));
        assert!(k.contains(&RightKind::Restriction));
    }

    #[test]
    fn public_task_gives_objection_and_limited_erasure() {
        let rights = derive(&notice(&[LegalBasis::PublicTask]));
        let e = rights
            .iter()
            .find(|r| r.kind == RightKind::Erasure)
            .unwrap();
        assert_eq!(e.limits, vec![Limit::PublicTask]);
        assert!(rights.iter().any(|r| r.kind == RightKind::Objection));
        assert!(!rights.iter().any(|r| r.kind == RightKind::Portability));
    }

    #[test]
    fn direct_marketing_text_depends_on_use() {
        let mut n = notice(&[LegalBasis::Consent]);
        let without = derive(&n)
            .into_iter()
            .find(|r| r.kind == RightKind::ObjectDirectMarketing)
            .unwrap();
        n.purposes.items[0].direct_marketing = true;
        let with = derive(&n)
            .into_iter()
            .find(|r| r.kind == RightKind::ObjectDirectMarketing)
            .unwrap();
        assert_ne!(without.text(Lang::Fi), with.text(Lang::Fi));
        assert!(with.text(Lang::En).contains("object at any time"));
    }
}
