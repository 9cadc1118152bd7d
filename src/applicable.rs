//! The laws that apply to a notice, derived from what it says (issue 15) — never typed by the
//! owner, so the list cannot drift from the notice. `meta.list_laws` prints it as a section.
//!
//! What brings in which act (acts by their key in `src/data/laws.json`, `citations`):
//! - the GDPR and the Data Protection Act (1050/2018) always: every notice rests on them, and
//!   29 § of the latter is what allows the identity code;
//! - every act a purpose names as its law (`Purpose::law`);
//! - the Act on Electronic Communications Services (917/2014) when the website uses cookies
//!   (205 §) or a purpose is direct marketing (200 §);
//! - the Patients Act (785/1992) and the decree on patient documents (94/2022) when health data
//!   is processed for health care (Art. 9(2)(h), legal.md §9).
//!
//! Acts that are no longer in force are never listed, even when a purpose names one (the
//! checker says so instead).

use crate::check::laws::{Act, laws};
use crate::model::{Art9Condition, Notice, SpecialKind};

/// The act of `laws.json` with this key, if there is one.
pub fn act(key: &str) -> Option<&'static Act> {
    let key = key.trim();
    laws().citations.iter().find(|a| a.key == key)
}

/// The acts that apply to `notice`, in the order of `laws.json`, each once.
pub fn applicable(notice: &Notice) -> Vec<&'static Act> {
    let mut keys: Vec<&str> = vec!["gdpr", "data_protection_act"];
    for p in &notice.purposes.items {
        if let Some(l) = &p.law {
            keys.push(l.act.trim());
        }
    }
    let cookies = notice.cookies.used == Some(true) || !notice.cookies.items.is_empty();
    if cookies || notice.has_direct_marketing() {
        keys.push("electronic_communications_services_act");
    }
    if notice
        .data
        .special
        .iter()
        .any(|s| s.kind == SpecialKind::Health && s.condition == Some(Art9Condition::HealthCare))
    {
        keys.push("patients_act");
        keys.push("patient_documents_decree");
    }
    laws()
        .citations
        .iter()
        .filter(|a| a.until.is_empty() && keys.contains(&a.key.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cookie, CookieCategory, LawRef, LegalBasis, Purpose, SpecialCategory};

    fn keys(n: &Notice) -> Vec<&'static str> {
        applicable(n).iter().map(|a| a.key.as_str()).collect()
    }

    #[test]
    fn every_notice_rests_on_the_gdpr_and_the_data_protection_act() {
        assert_eq!(keys(&Notice::default()), ["gdpr", "data_protection_act"]);
    }

    #[test]
    fn a_purpose_brings_its_law_once_and_a_repealed_act_never() {
        let mut n = Notice::default();
        for act in [
            "accounting_act",
            "accounting_act",
            "personal_data_act",
            "no_such_act",
        ] {
            n.purposes.items.push(Purpose {
                basis: Some(LegalBasis::LegalObligation),
                law: Some(LawRef {
                    act: act.into(),
                    section: "2:10".into(),
                }),
                ..Purpose::default()
            });
        }
        assert_eq!(keys(&n), ["gdpr", "data_protection_act", "accounting_act"]);
    }

    #[test]
    fn cookies_marketing_and_health_care_bring_their_acts() {
        let mut n = Notice::default();
        n.cookies.items.push(Cookie {
            name: "_ga".into(),
            category: CookieCategory::Analytics,
            ..Cookie::default()
        });
        n.data.special.push(SpecialCategory {
            kind: SpecialKind::Health,
            condition: Some(Art9Condition::HealthCare),
            text: Default::default(),
        });
        let k = keys(&n);
        for want in [
            "electronic_communications_services_act",
            "patients_act",
            "patient_documents_decree",
        ] {
            assert!(k.contains(&want), "{want} missing from {k:?}");
        }
        // Near miss: health data on explicit consent (a wellness service) is not health care.
        n.data.special[0].condition = Some(Art9Condition::ExplicitConsent);
        n.cookies.items.clear();
        assert_eq!(keys(&n), ["gdpr", "data_protection_act"]);
        n.purposes.items.push(Purpose {
            direct_marketing: true,
            ..Purpose::default()
        });
        assert!(keys(&n).contains(&"electronic_communications_services_act"));
    }
}
