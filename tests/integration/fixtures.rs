//! The seed fixtures themselves: they load, round-trip, and their facts are really in them.

use crate::util::{load, seed_facts, seed_fixtures};
use seloste::notice_io;

#[test]
fn there_are_five_seed_fixtures() {
    let stems: Vec<String> = seed_fixtures().into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        stems,
        [
            "000_06f1b8572d39c73c",
            "001_646b5890386d27f4",
            "002_83e53e00c6a6b43c",
            "003_58254c70b9585843",
            "004_50309f704f2d2a3a"
        ]
    );
}

#[test]
fn seed_fixtures_round_trip() {
    for (stem, path) in seed_fixtures() {
        let notice = load(&path);
        let again = notice_io::from_json(&notice_io::to_json(&notice), &stem).unwrap();
        assert_eq!(notice, again, "{stem} does not round-trip");
    }
}

#[test]
fn every_fact_is_in_its_fixture() {
    for (stem, path) in seed_fixtures() {
        let notice = load(&path);
        let json = notice_io::to_json(&notice);
        let facts = seed_facts(&stem);
        assert!(facts.len() >= 10, "{stem}: only {} facts", facts.len());
        for fact in facts {
            assert!(
                json.contains(&fact),
                "{stem}: fact {fact:?} is not in the fixture"
            );
        }
    }
}

#[test]
fn seed_fixtures_keep_the_seeds_faults() {
    use seloste::model::{LegalBasis, Mechanism};
    let n = |stem: &str| load(&crate::util::fixture(&format!("seeds/{stem}.json")));

    // 000: Privacy Shield for HubSpot, no consent purpose, profiling and direct marketing.
    let s0 = n("000_06f1b8572d39c73c");
    let hubspot = s0
        .recipients
        .items
        .iter()
        .find(|r| r.name == "Hubspot")
        .unwrap();
    assert_eq!(hubspot.mechanism, Some(Mechanism::PrivacyShield));
    assert_eq!(hubspot.country, "US");
    assert!(!s0.bases().contains(&LegalBasis::Consent));
    assert!(s0.purposes.items.iter().any(|p| p.profiling));
    assert!(s0.has_direct_marketing());
    assert!(s0.retention.items.iter().all(|r| r.period.is_none()));

    // 001: the manufacturer outside the EU/EEA without a safeguard.
    let s1 = n("001_646b5890386d27f4");
    assert!(
        s1.recipients
            .items
            .iter()
            .any(|r| r.country == "NON_EEA" && r.mechanism.is_none())
    );
    assert_eq!(s1.bases(), vec![LegalBasis::LegitimateInterest]);

    // 002: the contact is not a DPO; section 11 is missing; henkilötietolaki is cited.
    let s2 = n("002_83e53e00c6a6b43c");
    assert!(s2.dpo.is_none());
    assert!(
        s2.contact
            .as_ref()
            .unwrap()
            .role
            .fi
            .contains("Data Protection Officer")
    );
    let headings: Vec<&str> = s2.other.iter().map(|o| o.heading.fi.as_str()).collect();
    assert_eq!(
        headings,
        [
            "10. Tarkastusoikeus",
            "12. Oikeus vaatia tiedon korjaamista",
            "13. Muut henkilötietojen käsittelyyn liittyvät oikeudet"
        ]
    );
    assert!(s2.purposes.text.fi.contains("henkilötietolain"));

    // 003: no business ID, placeholder, old Ombudsman address, signature demand.
    let s3 = n("003_58254c70b9585843");
    assert!(s3.controllers[0].business_id.is_empty());
    assert!(s3.cookies.text.fi.contains("muuta?"));
    assert!(s3.purposes.text.fi.contains("(s-postiosoite)"));
    assert!(s3.rights.text.fi.contains("Ratapihantie 9, 00521 Helsinki"));
    assert!(s3.rights.how_to.fi.contains("allekirjoit"));
    assert!(s3.other.iter().any(|o| o.heading.fi == "Vastustamisoikeus"));
    assert!(s3.automated.decisions.is_none() && s3.automated.profiling.is_none());

    // 004: no legal basis at all; Google Analytics without consent; the 22.1.2019 entry.
    let s4 = n("004_50309f704f2d2a3a");
    assert!(s4.purposes.items.iter().all(|p| p.basis.is_none()));
    assert!(
        s4.cookies
            .items
            .iter()
            .any(|c| c.provider == "Google Analytics" && !c.consent)
    );
    assert_eq!(s4.changes.log[0].date, "2019-01-22");
}
