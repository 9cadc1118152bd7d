//! The clause catalogue, reference data and starting-point presets.

use crate::util;
use seloste::catalogue::{self, Catalogue, catalogue, presets};
use seloste::model::{CookieCategory, LegalBasis, Mechanism, Notice, Role, Unit};
use std::collections::HashSet;

fn cat() -> &'static Catalogue {
    catalogue()
}

/// Every object in `v` that looks like a `Text` (keys only among fi/sv/en) must have all three
/// languages, non-blank. Returns the JSON paths that fail.
fn incomplete_texts(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            let langs = ["fi", "sv", "en"];
            // Word lists per language (contexts.json) are checked on their own.
            if m.values().any(|x| x.is_array()) && m.keys().all(|k| langs.contains(&k.as_str())) {
                return;
            }
            if !m.is_empty() && m.keys().all(|k| langs.contains(&k.as_str())) {
                for l in langs {
                    if m.get(l)
                        .and_then(|s| s.as_str())
                        .is_none_or(|s| s.trim().is_empty())
                    {
                        out.push(format!("{path}.{l}"));
                    }
                }
                return;
            }
            for (k, x) in m {
                incomplete_texts(x, &format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                incomplete_texts(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn assert_trilingual(v: &serde_json::Value, what: &str) {
    let mut bad = Vec::new();
    incomplete_texts(v, what, &mut bad);
    assert!(bad.is_empty(), "texts missing a language: {bad:?}");
}

fn assert_unique<'a>(keys: impl IntoIterator<Item = &'a str>, what: &str) {
    let mut seen = HashSet::new();
    for k in keys {
        assert!(!k.trim().is_empty(), "{what}: an entry has an empty key");
        assert!(seen.insert(k), "{what}: key {k} appears twice");
    }
    assert!(!seen.is_empty(), "{what}: no entries");
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[test]
fn every_data_file_parses_with_provenance() {
    let c = cat();
    let names: Vec<&str> = c.files.iter().map(|f| f.file).collect();
    for f in [
        "purposes.json",
        "subjects.json",
        "data.json",
        "sources.json",
        "recipients.json",
        "retention.json",
        "security.json",
        "services.json",
        "contexts.json",
    ] {
        assert!(names.contains(&f), "{f} is not loaded");
    }
    let mut provs: Vec<(&str, &catalogue::Provenance)> =
        c.files.iter().map(|f| (f.file, &f.provenance)).collect();
    provs.push(("authority.json", &catalogue::authority().provenance));
    provs.push(("countries.json", &catalogue::countries().provenance));
    for (name, p) in provs {
        assert!(p.version >= 1, "{name}: version");
        assert!(
            is_date(&p.verified_on),
            "{name}: verified_on {:?}",
            p.verified_on
        );
        assert!(!p.source.trim().is_empty(), "{name}: source");
    }
    assert_eq!(presets().len(), 15);
}

#[test]
fn keys_are_unique() {
    let c = cat();
    assert_unique(c.purposes.iter().map(|x| x.key.as_str()), "purposes");
    assert_unique(c.subjects.iter().map(|x| x.key.as_str()), "subjects");
    assert_unique(c.data.iter().map(|x| x.key.as_str()), "data");
    assert_unique(c.sources.iter().map(|x| x.key.as_str()), "sources");
    assert_unique(c.recipients.iter().map(|x| x.key.as_str()), "recipients");
    assert_unique(
        c.security_manual
            .iter()
            .chain(&c.security_electronic)
            .map(|x| x.key.as_str()),
        "security",
    );
    assert_unique(c.retention.iter().map(|x| x.key.as_str()), "retention");
    assert_unique(c.services.iter().map(|x| x.key.as_str()), "services");
    assert_unique(
        catalogue::countries()
            .countries
            .iter()
            .map(|x| x.code.as_str()),
        "countries",
    );
    assert_unique(presets().iter().map(|p| p.key.as_str()), "presets");
}

#[test]
fn every_user_facing_text_is_in_three_languages() {
    let c = cat();
    assert_trilingual(&serde_json::to_value(c).unwrap(), "catalogue");
    assert_trilingual(
        &serde_json::to_value(catalogue::authority()).unwrap(),
        "authority",
    );
    assert_trilingual(
        &serde_json::to_value(catalogue::countries()).unwrap(),
        "countries",
    );
    assert_trilingual(&serde_json::to_value(presets()).unwrap(), "presets");
    // Texts that must not be empty (an empty Text serialises to nothing and escapes the walk).
    for p in &c.purposes {
        assert!(
            !p.text.is_empty() && !p.help.is_empty(),
            "purpose {}",
            p.key
        );
    }
    for d in &c.data {
        assert!(!d.text.is_empty(), "data {}", d.key);
        if d.required == Some(true) {
            assert!(
                !d.if_not_provided.is_empty(),
                "data {}: required without consequence",
                d.key
            );
            // Art. 13(2)(e): statutory or contractual, or a note saying why it is neither.
            assert!(
                d.requirement.is_some() || !d.notes.is_empty(),
                "data {}: required without saying whether by law or by contract",
                d.key
            );
        } else {
            assert!(
                d.requirement.is_none(),
                "data {}: requirement without required",
                d.key
            );
        }
        // Exactly one of: the person provides it (required or optional), it is observed
        // automatically, or we record it ourselves. Observed and recorded data carry no label.
        let kinds = [
            d.required.is_some(),
            d.collected_automatically,
            d.recorded_by_us,
        ];
        assert_eq!(
            kinds.iter().filter(|k| **k).count(),
            1,
            "data {}: say whether it is provided, observed or recorded by us",
            d.key
        );
        assert_eq!(d.condition.is_some(), d.special.is_some(), "data {}", d.key);
        let m = d.to_model();
        assert_eq!(
            (m.collected_automatically, m.requirement),
            (d.collected_automatically, d.requirement),
            "data {}: to_model",
            d.key
        );
    }
    for r in &c.retention {
        assert!(
            !r.applies_to.is_empty() && !r.criteria.is_empty(),
            "retention {}",
            r.key
        );
        assert!(!r.law.trim().is_empty(), "retention {}: no law", r.key);
        assert!(
            is_date(&r.verified_on),
            "retention {}: verified_on {:?}",
            r.key,
            r.verified_on
        );
        if !r.verified {
            assert!(
                !r.notes.is_empty(),
                "retention {}: unverified without a note",
                r.key
            );
        }
    }
    for s in &c.services {
        assert!(
            !s.purpose.is_empty() && !s.notes.is_empty(),
            "service {}",
            s.key
        );
        assert!(
            c.category_label(s.category).is_some(),
            "service {}: no category label",
            s.key
        );
    }
    for r in &c.recipients {
        assert!(
            !r.text.is_empty() && !r.purpose.is_empty(),
            "recipient {}",
            r.key
        );
    }
}

#[test]
fn legitimate_interest_purposes_state_the_interest() {
    for p in &cat().purposes {
        let li = p.basis == LegalBasis::LegitimateInterest;
        assert_eq!(
            li,
            !p.interest.is_empty(),
            "purpose {}: interest iff legitimate interest",
            p.key
        );
    }
    let marketing: Vec<&str> = cat()
        .purposes
        .iter()
        .filter(|p| p.direct_marketing)
        .map(|p| p.key.as_str())
        .collect();
    assert!(marketing.contains(&"newsletter") && marketing.contains(&"direct_marketing_customers"));
    assert_eq!(
        catalogue::purpose("bookkeeping").unwrap().basis,
        LegalBasis::LegalObligation
    );
    assert_eq!(
        catalogue::purpose("website_analytics").unwrap().basis,
        LegalBasis::Consent
    );
}

#[test]
fn services_are_enough_and_transfers_have_a_safeguard() {
    let c = cat();
    assert!(c.services.len() >= 28, "only {} services", c.services.len());
    for s in &c.services {
        let country = catalogue::country(&s.country)
            .unwrap_or_else(|| panic!("service {}: unknown country {}", s.key, s.country));
        assert!(
            s.country != "NON_EEA",
            "service {}: name the country",
            s.key
        );
        assert_ne!(
            s.mechanism,
            Some(Mechanism::PrivacyShield),
            "service {}",
            s.key
        );
        assert_ne!(s.mechanism, Some(Mechanism::None), "service {}", s.key);
        if country.eea {
            assert_eq!(
                s.mechanism, None,
                "service {}: EEA needs no mechanism",
                s.key
            );
        } else {
            assert!(
                s.mechanism.is_some(),
                "service {}: outside the EEA without safeguard",
                s.key
            );
            if s.mechanism == Some(Mechanism::Adequacy) {
                assert!(
                    country.adequacy,
                    "service {}: {} has no adequacy decision",
                    s.key, s.country
                );
            }
            if s.mechanism == Some(Mechanism::Dpf) {
                assert_eq!(s.country, "US", "service {}: DPF is for the US only", s.key);
            }
        }
        assert!(is_date(&s.verified_on), "service {}: verified_on", s.key);
        assert!(!s.aliases.is_empty(), "service {}: no aliases", s.key);
        let tracking = s
            .cookies
            .iter()
            .any(|k| k.category != CookieCategory::Necessary);
        assert!(
            !tracking || s.needs_consent,
            "service {}: tracking cookies without consent",
            s.key
        );
    }
    for r in &c.recipients {
        assert!(
            catalogue::country(&r.country).is_some(),
            "recipient {}: country",
            r.key
        );
        assert!(
            catalogue::is_eea(&r.country) || r.mechanism.is_some(),
            "recipient {}",
            r.key
        );
    }
    // The starting list of legal.md §8 is all there.
    for k in [
        "google_analytics",
        "google_ads",
        "meta_pixel",
        "google_workspace",
        "firebase",
        "microsoft_365",
        "hubspot",
        "mailchimp",
        "mailerlite",
        "shopify",
        "woocommerce",
        "wix",
        "netvisor",
        "procountor",
        "holvi",
        "paytrail",
        "stripe",
        "klarna",
        "paypal",
        "posti",
        "matkahuolto",
        "db_schenker",
        "timma",
        "slotti",
        "phorest",
        "vello",
        "zoom",
        "slack",
        "zoho",
        "pipedrive",
        "zendesk",
    ] {
        assert!(catalogue::service(k).is_some(), "service {k} missing");
    }
    let meta = catalogue::service("meta_pixel").unwrap();
    assert_eq!(meta.role, Role::JointController);
    assert!(meta.needs_consent);
    assert_eq!(
        catalogue::service("shopify").unwrap().mechanism,
        Some(Mechanism::Adequacy)
    );
}

#[test]
fn countries_cover_eea_and_adequacy() {
    let eea = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
        "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];
    for c in eea {
        assert!(catalogue::is_eea(c), "{c} should be in the EEA");
    }
    let adequate = [
        "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY",
    ];
    for c in adequate {
        let k = catalogue::country(c).unwrap_or_else(|| panic!("{c} missing"));
        assert!(k.adequacy && !k.eea, "{c}");
    }
    let us = catalogue::country("US").unwrap();
    assert!(
        !us.adequacy && !us.eea,
        "the US is adequate only for DPF-certified organisations"
    );
    assert!(!catalogue::is_eea("NON_EEA"));
    assert_eq!(catalogue::country_name("de", seloste::Lang::Sv), "Tyskland");
}

#[test]
fn accounting_retention_says_ten_and_six_years() {
    let books = cat().retention_rule("bookkeeping_books").unwrap();
    let vouchers = cat().retention_rule("bookkeeping_vouchers").unwrap();
    let p = books.period.unwrap();
    assert_eq!((p.amount, p.unit), (10, Unit::Years));
    let p = vouchers.period.unwrap();
    assert_eq!((p.amount, p.unit), (6, Unit::Years));
    for r in [books, vouchers] {
        assert!(r.law.contains("2:10"), "{}", r.law);
        assert!(r.criteria.fi.contains("2 luku 10 §"));
        assert!(r.verified);
    }
    // KPL 2:10: the books count from the end of the financial year, the vouchers from the end
    // of the calendar year in which the financial year ended (legal.md §5).
    assert!(books.criteria.fi.contains("tilikauden päättymisestä"));
    assert!(books.criteria.sv.contains("räkenskapsperiodens utgång"));
    assert!(
        books
            .criteria
            .en
            .contains("from the end of the financial year")
    );
    for t in [&books.criteria.fi, &books.criteria.sv, &books.criteria.en] {
        assert!(
            !t.contains("kalenterivuo") && !t.contains("kalenderår") && !t.contains("calendar")
        );
    }
    assert!(
        vouchers
            .criteria
            .fi
            .contains("kalenterivuoden lopusta, jonka aikana tilikausi päättyi")
    );
    assert!(
        vouchers
            .criteria
            .sv
            .contains("kalenderår då räkenskapsperioden upphörde")
    );
    assert!(
        vouchers
            .criteria
            .en
            .contains("end of the calendar year in which the financial year ended")
    );
}

#[test]
fn find_services_recognises_names_in_text() {
    let keys = |t: &str| -> Vec<&str> {
        catalogue::find_services(t)
            .iter()
            .map(|s| s.key.as_str())
            .collect()
    };
    assert_eq!(
        keys("Käytämme Google Analyticsia ja uutiskirjeet lähetetään Mailchimpin kautta."),
        ["google_analytics", "mailchimp"]
    );
    assert_eq!(
        keys("We use GA4, HubSpot and the Facebook pixel."),
        ["google_analytics", "meta_pixel", "hubspot"]
    );
    assert_eq!(keys("hubspot, MAILCHIMP"), ["hubspot", "mailchimp"]);
    // A longer alias wins: Firebase Analytics is Firebase, not Google Analytics.
    assert_eq!(keys("Sovellus käyttää Firebase Analyticsia."), ["firebase"]);
    // Whole words only, and inflection only on capitalised names.
    assert!(keys("Lähetä sähköposti tai tilaa postin kautta; stripeless").is_empty());
    assert_eq!(
        keys("Tilaukset toimitetaan Postin ja Matkahuollon kautta"),
        ["posti"]
    );
    assert_eq!(
        keys("Tilaukset toimitetaan Matkahuollolla tai Matkahuoltoa käyttäen"),
        ["matkahuolto"]
    );
    assert_eq!(keys("GA4:n evästeet"), ["google_analytics"]);
    assert!(keys("").is_empty());
}

#[test]
fn picking_a_service_fills_the_model() {
    let ga = catalogue::service("google_analytics").unwrap();
    let r = ga.to_recipient();
    assert_eq!(r.key, "google_analytics");
    assert_eq!(r.name, "Google Ireland Limited (Google Analytics 4)");
    assert_eq!(r.country, "US");
    assert_eq!(r.mechanism, Some(Mechanism::Dpf));
    assert_eq!(r.role, Role::Processor);
    assert!(!r.description.is_empty());
    let cookies = ga.to_cookies();
    assert!(cookies.iter().any(|c| c.name == "_ga" && c.consent));
    assert!(cookies.iter().all(|c| c.provider == "Google Analytics 4"));
    let stripe = catalogue::service("stripe").unwrap().to_cookies();
    assert!(
        stripe
            .iter()
            .all(|c| c.category == CookieCategory::Necessary && !c.consent)
    );
    let woo = catalogue::service("woocommerce").unwrap().to_recipient();
    assert_eq!(woo.name, "WooCommerce / WordPress");
    assert_eq!(woo.country, "EEA");

    let p = catalogue::purpose("b2b_marketing").unwrap().to_model();
    assert_eq!(p.basis, Some(LegalBasis::LegitimateInterest));
    assert!(p.direct_marketing && !p.interest.is_empty());
    let health = cat().data_item("health_information").unwrap();
    let sp = health.to_special(None).unwrap();
    assert_eq!(
        sp.condition,
        Some(seloste::model::Art9Condition::HealthCare)
    );
    let sp = health
        .to_special(Some(seloste::model::Art9Condition::ExplicitConsent))
        .unwrap();
    assert_eq!(
        sp.condition,
        Some(seloste::model::Art9Condition::ExplicitConsent)
    );
    assert!(cat().data_item("name").unwrap().to_special(None).is_none());
}

/// Every catalogue key a notice uses exists, and the item's text is the catalogue text.
fn check_against_catalogue(n: &Notice, what: &str) {
    let c = cat();
    for s in &n.register.subjects {
        assert_eq!(
            c.subject(&s.key).map(|x| &x.text),
            Some(&s.text),
            "{what}: subject {}",
            s.key
        );
    }
    for p in &n.purposes.items {
        let want = c
            .purpose(&p.key)
            .unwrap_or_else(|| panic!("{what}: purpose {}", p.key));
        assert_eq!(&want.to_model(), p, "{what}: purpose {}", p.key);
    }
    for d in &n.data.items {
        let want = c
            .data_item(&d.key)
            .unwrap_or_else(|| panic!("{what}: data {}", d.key));
        assert_eq!(&want.to_model(), d, "{what}: data {}", d.key);
    }
    for s in &n.sources.items {
        let want = c
            .source(&s.key)
            .unwrap_or_else(|| panic!("{what}: source {}", s.key));
        assert_eq!(&want.to_model(), s, "{what}: source {}", s.key);
    }
    for r in &n.recipients.items {
        let want = match c.service(&r.key) {
            Some(s) => s.to_recipient(),
            None => c
                .recipient(&r.key)
                .unwrap_or_else(|| panic!("{what}: recipient {}", r.key))
                .to_model(),
        };
        assert_eq!(&want, r, "{what}: recipient {}", r.key);
    }
    for r in &n.retention.items {
        let want = c
            .retention_rule(&r.key)
            .unwrap_or_else(|| panic!("{what}: retention {}", r.key));
        assert_eq!(&want.to_model(), r, "{what}: retention {}", r.key);
    }
    for i in n.security.manual.iter().chain(&n.security.electronic) {
        assert_eq!(
            c.security(&i.key).map(|x| &x.text),
            Some(&i.text),
            "{what}: security {}",
            i.key
        );
    }
    for k in &n.cookies.items {
        let s = c
            .service(&k.key)
            .unwrap_or_else(|| panic!("{what}: cookie service {}", k.key));
        assert!(s.to_cookies().contains(k), "{what}: cookie {}", k.name);
    }
}

/// What a legally complete notice needs, as far as the notice itself can show it.
fn check_complete(n: &Notice, what: &str) {
    assert!(!n.register.name.is_empty(), "{what}: register name");
    assert!(!n.register.subjects.is_empty(), "{what}: subjects");
    assert!(!n.purposes.items.is_empty(), "{what}: purposes");
    for p in &n.purposes.items {
        assert!(p.basis.is_some(), "{what}: purpose {} without basis", p.key);
    }
    for d in &n.data.items {
        let recorded = cat().data_item(&d.key).is_some_and(|c| c.recorded_by_us);
        assert!(
            d.required.is_some() || d.collected_automatically || recorded,
            "{what}: data {} does not say if required",
            d.key
        );
    }
    for s in &n.data.special {
        assert!(
            s.condition.is_some(),
            "{what}: special category without Art. 9(2) condition"
        );
    }
    // Whether children's data are processed is the owner's answer when the starting point
    // cannot know it: then the wizard asks for it.
    assert!(
        n.data.children.is_some()
            || seloste::wizard::missing(n)
                .iter()
                .any(|m| m.path == "/data/children"),
        "{what}: children neither answered nor asked"
    );
    assert!(!n.sources.items.is_empty(), "{what}: sources");
    assert!(!n.recipients.items.is_empty(), "{what}: recipients");
    let outside = n
        .recipients
        .items
        .iter()
        .any(|r| !catalogue::is_eea(&r.country));
    assert_eq!(
        n.transfers.outside_eea,
        Some(outside),
        "{what}: transfers declared"
    );
    if outside {
        assert!(
            !n.transfers.copy_of_safeguards.is_empty(),
            "{what}: copy of safeguards"
        );
    }
    for r in &n.recipients.items {
        assert!(
            !r.country.is_empty(),
            "{what}: recipient {} without country",
            r.key
        );
        if !catalogue::is_eea(&r.country) {
            assert!(
                matches!(r.mechanism, Some(m) if m != Mechanism::PrivacyShield && m != Mechanism::None),
                "{what}: recipient {} without safeguard",
                r.key
            );
        }
    }
    for r in &n.retention.items {
        assert!(
            r.period.is_some() || !r.criteria.is_empty(),
            "{what}: retention {}",
            r.key
        );
    }
    assert!(!n.retention.items.is_empty(), "{what}: retention");
    assert!(n.cookies.used.is_some(), "{what}: cookies");
    for k in &n.cookies.items {
        assert_eq!(
            k.consent,
            k.category != CookieCategory::Necessary,
            "{what}: cookie {}",
            k.name
        );
    }
    assert_eq!(
        n.automated.decisions,
        Some(false),
        "{what}: automated decisions"
    );
    let profiling = n.purposes.items.iter().any(|p| p.profiling);
    assert_eq!(n.automated.profiling, Some(profiling), "{what}: profiling");
    if profiling {
        assert!(
            !n.automated.text.is_empty(),
            "{what}: the profiling is not explained"
        );
    }
    assert!(!n.rights.how_to.is_empty(), "{what}: how to use rights");
    assert!(!n.changes.text.is_empty(), "{what}: changes");
    if n.recipients
        .items
        .iter()
        .any(|r| r.role == Role::JointController)
    {
        assert!(!n.joint_arrangement.is_empty(), "{what}: joint arrangement");
    }
}

#[test]
fn presets_are_complete_and_built_from_the_catalogue() {
    let keys: Vec<&str> = presets().iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "sole_trader_customers",
            "web_shop",
            "newsletter_marketing",
            "job_applicants",
            "wellness",
            "association_members",
            "hair_beauty",
            "photographer",
            "therapy_practice",
            "builder",
            "restaurant",
            "consultant",
            "sports_club",
            "day_care",
            "fitness_wellness"
        ]
    );
    for p in presets() {
        let n = p.notice.clone();
        check_against_catalogue(&n, &p.key);
        check_complete(&n, &p.key);
        // The controller is the user's to fill in.
        assert!(
            n.controllers
                .iter()
                .all(|c| c.name.is_empty() && c.business_id.is_empty())
        );
        assert!(
            n.contact.is_none() && n.meta.drafted.is_empty(),
            "{}",
            p.key
        );
        // A preset asserts nothing the owner has not chosen: no named vendor (only categories
        // of recipients), no cookie of a named service, no security promise ticked.
        for r in &n.recipients.items {
            assert!(
                cat().service(&r.key).is_none() && r.name.is_empty(),
                "{}: names the vendor {}",
                p.key,
                r.key
            );
        }
        assert!(
            n.cookies.items.is_empty(),
            "{}: cookies of a named service",
            p.key
        );
        assert!(
            n.joint_arrangement.is_empty(),
            "{}: joint arrangement",
            p.key
        );
        assert!(
            n.security.manual.is_empty() && n.security.electronic.is_empty(),
            "{}: security measures ticked",
            p.key
        );
        assert!(catalogue::preset(&p.key).is_some());
    }
    let wellness = catalogue::preset("wellness").unwrap();
    assert!(
        wellness
            .notice
            .data
            .special
            .iter()
            .any(|s| s.kind == seloste::model::SpecialKind::Health)
    );
    assert!(catalogue::preset("nope").is_none());
}

fn ytunnus_valid(id: &str) -> bool {
    let Some((base, check)) = id.split_once('-') else {
        return false;
    };
    if base.len() != 7 || check.len() != 1 || !id.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let w = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = base
        .bytes()
        .zip(w)
        .map(|(b, k)| u32::from(b - b'0') * k)
        .sum();
    let want = match sum % 11 {
        0 => 0,
        1 => return false,
        r => 11 - r,
    };
    check == want.to_string()
}

#[test]
fn ytunnus_check_in_this_test_is_right() {
    assert!(ytunnus_valid("3184527-6"));
    assert!(!ytunnus_valid("3184527-5"));
    assert!(!ytunnus_valid("2987641-0")); // remainder 1: no valid check digit
}

#[test]
fn reference_notices_are_complete_with_controller_details() {
    for p in presets() {
        let path = util::fixture(&format!("reference/{}.json", p.key));
        let n = util::load(&path);
        check_against_catalogue(&n, &p.key);
        check_complete(&n, &p.key);
        assert_eq!(n.controllers.len(), 1, "{}", p.key);
        let c = &n.controllers[0];
        assert!(!c.name.is_empty() && !c.email.is_empty() && !c.phone.is_empty());
        assert!(
            ytunnus_valid(&c.business_id),
            "{}: {}",
            p.key,
            c.business_id
        );
        let pc = &c.address.postal_code;
        assert!(
            pc.len() == 5 && pc.chars().all(|d| d.is_ascii_digit()),
            "{}: {pc}",
            p.key
        );
        assert!(!c.address.street.is_empty() && !c.address.city.is_empty());
        let contact = n.contact.as_ref().expect("contact person");
        assert!(!contact.name.is_empty() && !contact.email.is_empty());
        assert!(is_date(&n.meta.drafted) && is_date(&n.meta.updated));
        assert!(!n.changes.log.is_empty());
        assert!(
            !n.security.manual.is_empty() && !n.security.electronic.is_empty(),
            "{}: security",
            p.key
        );
        // Apart from the controller's details and the owner's own choices (named services,
        // their cookies and transfers, security measures) the reference is the preset.
        let mut stripped = n.clone();
        stripped.controllers = p.notice.controllers.clone();
        stripped.contact = None;
        stripped.meta = Default::default();
        stripped.changes.log.clear();
        let mut base = p.notice.clone();
        for x in [&mut stripped, &mut base] {
            x.recipients = Default::default();
            x.transfers = Default::default();
            x.security = Default::default();
            x.cookies.items.clear();
            x.joint_arrangement = Default::default();
            x.automated.text = Default::default();
        }
        assert_eq!(
            stripped, base,
            "{}: reference differs from the preset",
            p.key
        );
        // The profiling text names only the advertising services the notice lists.
        if !n.automated.text.is_empty() {
            for s in cat()
                .services
                .iter()
                .filter(|s| s.category == catalogue::ServiceCategory::Advertising)
            {
                let listed = n.recipients.items.iter().any(|r| r.key == s.key);
                assert_eq!(
                    n.automated.text.fi.contains(&s.name),
                    listed,
                    "{}: profiling text and listed ad service {}",
                    p.key,
                    s.key
                );
            }
        }
        // And it round-trips through the interchange format.
        let again = seloste::notice_io::from_json(&seloste::notice_io::to_json(&n), "x").unwrap();
        assert_eq!(again, n);
    }
    let assoc = util::load(&util::fixture("reference/association_members.json"));
    assert!(
        !assoc.controllers[0].other_id.is_empty(),
        "association register number"
    );
}

#[test]
fn authority_details_are_current() {
    let a = catalogue::authority();
    assert!(a.visiting_address.fi.contains("Lintulahdenkuja 4"));
    assert!(
        a.outdated_addresses
            .iter()
            .any(|s| s.contains("Ratapihantie"))
    );
    let all = serde_json::to_string(cat()).unwrap() + &serde_json::to_string(presets()).unwrap();
    for old in &a.outdated_addresses {
        assert!(
            !all.contains(old.as_str()),
            "catalogue quotes the old address {old}"
        );
    }
    assert!(
        !all.to_lowercase().contains("henkilötietolaki"),
        "repealed act cited"
    );
}

#[test]
fn reference_notices_pass_field_validation_and_render_in_three_languages() {
    for p in presets() {
        let n = util::load(&util::fixture(&format!("reference/{}.json", p.key)));
        let errors = seloste::validate::validate(&n);
        assert!(errors.is_empty(), "{}: {errors:?}", p.key);
        for lang in seloste::Lang::ALL {
            let html = seloste::render::html(&n, lang)
                .unwrap_or_else(|e| panic!("{} ({lang}): {e}", p.key));
            assert!(
                html.contains(&n.controllers[0].name.replace('&', "&amp;")),
                "{}",
                p.key
            );
        }
        // A preset is a starting point: what it lacks is only what the user must fill in.
        for e in seloste::validate::validate(&p.notice) {
            assert!(
                !e.blocking,
                "{}: preset has a malformed field: {e:?}",
                p.key
            );
        }
    }
}

// ---- wording that fits its context, reads plainly and addresses the reader ----

/// One catalogue entry's notice-facing texts (not the wizard's help or the notes), with the
/// contexts it is written for.
struct Entry {
    what: String,
    contexts: Vec<String>,
    texts: Vec<&'static seloste::Text>,
}

fn entries() -> Vec<Entry> {
    let c = cat();
    let e =
        |kind: &str, key: &str, contexts: &Vec<String>, texts: Vec<&'static seloste::Text>| Entry {
            what: format!("{kind} {key}"),
            contexts: contexts.clone(),
            texts,
        };
    let mut v = Vec::new();
    for x in &c.subjects {
        v.push(e("subject", &x.key, &x.contexts, vec![&x.text]));
    }
    for x in c.security_manual.iter().chain(&c.security_electronic) {
        v.push(e("security", &x.key, &x.contexts, vec![&x.text]));
    }
    for x in &c.purposes {
        v.push(e(
            "purpose",
            &x.key,
            &x.contexts,
            vec![&x.text, &x.interest],
        ));
    }
    for x in &c.data {
        v.push(e(
            "data",
            &x.key,
            &x.contexts,
            vec![&x.text, &x.if_not_provided],
        ));
    }
    for x in &c.sources {
        v.push(e("source", &x.key, &x.contexts, vec![&x.text]));
    }
    for x in &c.recipients {
        v.push(e(
            "recipient",
            &x.key,
            &x.contexts,
            vec![&x.text, &x.purpose],
        ));
    }
    for x in &c.retention {
        v.push(e(
            "retention",
            &x.key,
            &x.contexts,
            vec![&x.applies_to, &x.criteria],
        ));
    }
    v
}

#[test]
fn context_vocabulary_is_defined_once_and_used_by_its_key() {
    let c = cat();
    assert_unique(c.contexts.iter().map(|x| x.key.as_str()), "contexts");
    for x in &c.contexts {
        assert!(!x.label.is_empty(), "context {}: label", x.key);
        for lang in seloste::Lang::ALL {
            let words = x.words.get(lang);
            assert!(!words.is_empty(), "context {} has no {lang} words", x.key);
            assert!(
                words.iter().all(|w| !w.trim().is_empty()),
                "context {}",
                x.key
            );
        }
    }
    for e in entries() {
        for k in &e.contexts {
            assert!(c.context(k).is_some(), "{}: unknown context {k}", e.what);
        }
    }
    // The vocabulary catches the review's examples (output-review rows 6 and 17).
    let hit = |t: &str, lang| -> Vec<String> {
        c.contexts_in(t, lang)
            .into_iter()
            .map(|(x, _)| x.key.clone())
            .collect()
    };
    assert_eq!(
        hit("Emme voi toimittaa tilausta.", seloste::Lang::Fi),
        ["orders"]
    );
    assert_eq!(
        hit("Vi kan inte leverera beställningen.", seloste::Lang::Sv),
        ["orders"]
    );
    assert_eq!(
        hit("We cannot deliver your order.", seloste::Lang::En),
        ["orders"]
    );
    assert_eq!(
        hit("Riita- ja perintäasioiden tiedot", seloste::Lang::Fi),
        ["debt_collection"]
    );
    assert_eq!(
        hit("jäsenen tai asiakkaan huoltaja", seloste::Lang::Fi).len(),
        3
    );
    assert!(hit("We do this in order to keep data safe.", seloste::Lang::En).is_empty());
    assert!(hit("Tietojärjestelmät ja myndigheter", seloste::Lang::Sv).is_empty());
}

#[test]
fn catalogue_wording_uses_only_the_words_of_its_own_contexts() {
    // A neutral entry (no contexts) uses no context's words, in any language; a tagged entry
    // uses only the words of the contexts it carries.
    let mut bad = Vec::new();
    for e in entries() {
        for t in &e.texts {
            for (lang, s) in t.all() {
                for (ctx, word) in cat().contexts_in(s, lang) {
                    if !e.contexts.contains(&ctx.key) {
                        bad.push(format!(
                            "{} ({lang}): {:?} is {} wording: {s}",
                            e.what, word, ctx.key
                        ));
                    }
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The contexts of every catalogue entry a notice uses (by key).
fn contexts_of(n: &Notice) -> HashSet<String> {
    let c = cat();
    let mut out = HashSet::new();
    let mut add = |v: Option<&Vec<String>>| out.extend(v.into_iter().flatten().cloned());
    for x in &n.register.subjects {
        add(c.subject(&x.key).map(|x| &x.contexts));
    }
    for x in &n.purposes.items {
        add(c.purpose(&x.key).map(|x| &x.contexts));
    }
    for x in &n.data.items {
        add(c.data_item(&x.key).map(|x| &x.contexts));
    }
    for x in &n.sources.items {
        add(c.source(&x.key).map(|x| &x.contexts));
    }
    for x in &n.recipients.items {
        add(c.recipient(&x.key).map(|x| &x.contexts));
    }
    for x in &n.retention.items {
        add(c.retention_rule(&x.key).map(|x| &x.contexts));
    }
    for x in n.security.manual.iter().chain(&n.security.electronic) {
        add(c.security(&x.key).map(|x| &x.contexts));
    }
    out
}

/// Contexts whose words occur in the notice's rendered plain text but that no entry carries.
fn foreign_words(n: &Notice, allowed: &HashSet<String>) -> Vec<String> {
    let mut bad = Vec::new();
    for lang in seloste::Lang::ALL {
        let text = seloste::document::build(n, lang).to_plain_text();
        for line in text.lines() {
            for (ctx, word) in cat().contexts_in(line, lang) {
                if !allowed.contains(&ctx.key) {
                    bad.push(format!("({lang}) {} word {word:?} in: {line}", ctx.key));
                }
            }
        }
    }
    bad
}

#[test]
fn starting_points_use_only_the_words_of_their_own_contexts() {
    for p in presets() {
        let mut allowed = contexts_of(&p.notice);
        // Every notice that answers the children question has a children section.
        allowed.insert("children".into());
        let bad = foreign_words(&p.notice, &allowed);
        assert!(bad.is_empty(), "preset {}:\n{}", p.key, bad.join("\n"));
    }
}

/// Every catalogue pick the property test can make: (list, index).
fn all_picks() -> Vec<(&'static str, usize)> {
    let c = cat();
    let mut v = Vec::new();
    let mut add = |name: &'static str, n: usize| v.extend((0..n).map(|i| (name, i)));
    add("subject", c.subjects.len());
    add("purpose", c.purposes.len());
    add("data", c.data.len());
    add("source", c.sources.len());
    add("recipient", c.recipients.len());
    add("retention", c.retention.len());
    add("security_manual", c.security_manual.len());
    add("security_electronic", c.security_electronic.len());
    v
}

/// A notice built only from the given catalogue picks, through the catalogue's own `to_model`.
fn notice_from_picks(picks: &[(&'static str, usize)]) -> Notice {
    let c = cat();
    let mut n = Notice::default();
    for &(list, i) in picks {
        match list {
            "subject" => n.register.subjects.push(c.subjects[i].to_item()),
            "purpose" => n.purposes.items.push(c.purposes[i].to_model()),
            "data" => {
                n.data.items.push(c.data[i].to_model());
                n.data.special.extend(c.data[i].to_special(None));
            }
            "source" => n.sources.items.push(c.sources[i].to_model()),
            "recipient" => n.recipients.items.push(c.recipients[i].to_model()),
            "retention" => n.retention.items.push(c.retention[i].to_model()),
            "security_manual" => n.security.manual.push(c.security_manual[i].to_item()),
            "security_electronic" => n
                .security
                .electronic
                .push(c.security_electronic[i].to_item()),
            other => unreachable!("{other}"),
        }
    }
    n
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// A notice built from random catalogue picks contains a context's words (e.g. "tilaus")
    /// only if some picked entry carries that context.
    #[test]
    fn random_catalogue_picks_never_leave_their_context(
        picks in proptest::sample::subsequence(all_picks(), 1..14)
    ) {
        let n = notice_from_picks(&picks);
        let allowed = contexts_of(&n);
        let bad = foreign_words(&n, &allowed);
        proptest::prop_assert!(bad.is_empty(), "picks {:?}:\n{}", picks, bad.join("\n"));
    }
}

/// Sentences of `text` with 25 words or more; a short reference in parentheses after a
/// sentence (the citation style) is not counted.
fn long_sentences(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(ch),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut sentence = String::new();
    let chars: Vec<char> = plain.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        sentence.push(ch);
        let end = matches!(ch, '.' | '!' | '?' | ';')
            && chars.get(i + 1).is_none_or(|c| c.is_whitespace());
        if end || i + 1 == chars.len() {
            let words = sentence
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            if words >= 25 {
                out.push(sentence.trim().to_string());
            }
            sentence.clear();
        }
    }
    out
}

/// Every string in `v` under a `fi`/`sv`/`en` key, with its language.
fn lang_strings(v: &serde_json::Value, out: &mut Vec<(seloste::Lang, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let lang = seloste::Lang::ALL.into_iter().find(|l| l.code() == k);
                match (lang, x.as_str()) {
                    (Some(l), Some(s)) => out.push((l, s.to_string())),
                    _ => lang_strings(x, out),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| lang_strings(x, out)),
        _ => {}
    }
}

/// Every text a notice made by Seloste shows: the catalogue entries' notice-facing texts and
/// the starting points and reference notices in full.
fn notice_strings() -> Vec<(String, seloste::Lang, String)> {
    let mut out = Vec::new();
    for e in entries() {
        for t in &e.texts {
            for (l, s) in t.all() {
                out.push((e.what.clone(), l, s.to_string()));
            }
        }
    }
    for p in presets() {
        for (what, n) in [
            (format!("preset {}", p.key), p.notice.clone()),
            (
                format!("reference {}", p.key),
                util::load(&util::fixture(&format!("reference/{}.json", p.key))),
            ),
        ] {
            let mut v = Vec::new();
            lang_strings(&serde_json::to_value(&n).unwrap(), &mut v);
            out.extend(v.into_iter().map(|(l, s)| (what.clone(), l, s)));
        }
    }
    out
}

#[test]
fn sentences_are_short() {
    let mut bad = Vec::new();
    for (what, lang, s) in notice_strings() {
        for long in long_sentences(&s) {
            bad.push(format!("{what} ({lang}): {long}"));
        }
    }
    assert!(
        bad.is_empty(),
        "sentences of 25 words or more:\n{}",
        bad.join("\n")
    );
    assert_eq!(
        long_sentences("Yksi kaksi (kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista kolmetoista neljätoista viisitoista kuusitoista seitsemäntoista kahdeksantoista yhdeksäntoista kaksikymmentä) loppu.").len(),
        0
    );
    let many = vec!["sana"; 25].join(" ");
    assert_eq!(long_sentences(&format!("{many}. Lyhyt.")).len(), 1);
}

#[test]
fn the_reader_is_addressed_as_you() {
    // Not "rekisteröity" / "den registrerade" / "the data subject" in running text
    // ("rekisteröity yhdistys", a registered association, is another word).
    let mut bad = Vec::new();
    for (what, lang, s) in notice_strings() {
        let lower = s.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let third_person = match lang {
            seloste::Lang::Fi => {
                words
                    .windows(2)
                    .any(|w| w[0].starts_with("rekisteröi") && !w[1].starts_with("yhdisty"))
                    || words.last().is_some_and(|w| w.starts_with("rekisteröi"))
            }
            seloste::Lang::Sv => lower.contains("registrerade"),
            seloste::Lang::En => lower.contains("data subject"),
        };
        if third_person {
            bad.push(format!("{what} ({lang}): {s}"));
        }
        if lang == seloste::Lang::Fi && (lower.contains("tällä selosteella")) {
            bad.push(format!("{what}: \"tällä selosteella\": {s}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn legitimate_interests_read_as_a_phrase_after_our_legitimate_interest() {
    // Rendered as "oikeutettu etumme – {interest}": a noun phrase, not a sentence of its own.
    for p in cat().purposes.iter().filter(|p| !p.interest.is_empty()) {
        for (lang, s) in p.interest.all() {
            let lower = s.to_lowercase();
            assert!(
                ![
                    "oikeutettu etu",
                    "vårt berättigade intresse",
                    "our legitimate interest"
                ]
                .iter()
                .any(|lead| lower.contains(lead)),
                "purpose {} ({lang}) repeats the lead-in: {s}",
                p.key
            );
            assert!(
                s.chars().next().is_some_and(char::is_lowercase) && !s.trim_end().ends_with('.'),
                "purpose {} ({lang}) is not a phrase: {s}",
                p.key
            );
        }
    }
}

#[test]
fn no_key_names_both_a_service_and_a_recipient_category() {
    // A starting point names recipients by key; one key for two entries (a category written for
    // its context and a service with another role) would make the notice depend on lookup order.
    let c = seloste::catalogue::catalogue();
    for s in &c.services {
        assert!(
            c.recipient(&s.key).is_none(),
            "{} is both a service and a recipient category",
            s.key
        );
    }
}
