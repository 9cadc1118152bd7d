//! The interview builds a draft from plain answers about the business, asserting nothing the
//! owner did not say.

use seloste::interview::{build, questions, Answers};
use seloste::model::{Art9Condition, Role};
use seloste::{catalogue, rights, Lang, Notice};

fn answers(lang: Lang, trade: &str, yes: &[(&str, bool)], services: &[(&str, &[&str])]) -> Answers {
    Answers {
        lang: Some(lang),
        trade: trade.into(),
        yes: yes.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        services: services
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect(),
    }
}

/// Every recipient outside the EU/EEA, every named service and every cookie is one the owner
/// picked; no pixel unless picked.
fn asserts_only_what_was_chosen(n: &Notice, picked: &[&str]) {
    for r in &n.recipients.items {
        if catalogue::service(&r.key).is_some() {
            assert!(picked.contains(&r.key.as_str()), "named service not picked: {}", r.key);
        }
        if !catalogue::is_eea(&r.country) {
            assert!(picked.contains(&r.key.as_str()), "transfer not chosen: {}", r.key);
        }
    }
    for c in &n.cookies.items {
        assert!(picked.contains(&c.key.as_str()), "cookie not chosen: {}", c.name);
    }
    assert!(n.recipients.items.iter().all(|r| r.key != "meta_pixel"));
    assert!(n.security.manual.is_empty() && n.security.electronic.is_empty());
}

fn has_withdrawal(n: &Notice, lang: Lang) -> bool {
    let text = seloste::document::build(n, lang).to_plain_text();
    let heading = match lang {
        Lang::Fi => "Oikeus peruuttaa suostumus",
        Lang::Sv => "Rätt att återkalla samtycke",
        Lang::En => "Right to withdraw consent",
    };
    text.contains(heading)
}

#[test]
fn a_hairdresser_with_allergies_a_booking_system_instagram_and_an_accountant() {
    let a = answers(
        Lang::Fi,
        "hair_beauty",
        &[
            ("website", false),
            ("online_sales", false),
            ("bookings", true),
            ("newsletter", false),
            ("sensitive", true),
            ("children", false),
            ("job_applicants", false),
            ("camera", false),
            ("accountant", true),
        ],
        &[("booking_services", &["timma"]), ("social", &["instagram"])],
    );
    let n = build(&a).unwrap();
    asserts_only_what_was_chosen(&n, &["timma", "instagram"]);
    // Allergies are health data on explicit consent: the withdrawal right follows.
    assert!(n.data.special.iter().any(|s| s.condition == Some(Art9Condition::ExplicitConsent)));
    let derived = rights::derive(&n);
    assert!(format!("{derived:?}").to_lowercase().contains("withdraw"), "{derived:?}");
    assert!(has_withdrawal(&n, Lang::Fi));
    // The booking system stands in for the category; the accountant stays; Instagram is a
    // social account (Meta a joint controller for page statistics), not a pixel, no cookies.
    let keys: Vec<&str> = n.recipients.items.iter().map(|r| r.key.as_str()).collect();
    assert!(keys.contains(&"timma") && keys.contains(&"accountant"), "{keys:?}");
    assert!(!keys.contains(&"booking_system"), "{keys:?}");
    assert!(n.cookies.items.is_empty());
    assert!(n.recipients.items.iter().any(|r| r.key == "instagram" && r.role == Role::JointController));
    assert!(n.joint_arrangement.fi.contains("Instagram"), "{:?}", n.joint_arrangement);
    assert_eq!(n.meta.main_lang(), Lang::Fi);
    // Nothing asserted about a website the owner does not have.
    assert_eq!(n.cookies.used, None);
    // The checker asks only for what the owner must still fill in, never flags what the
    // interview asserted: every finding points to the controller, contact or dates.
    for f in seloste::check::check(&n, Lang::Fi) {
        assert!(
            f.path.starts_with("/controllers/0") || f.path.starts_with("/cookies") || f.rule.starts_with("meta."),
            "{f:#?}"
        );
    }
}

#[test]
fn a_swedish_yoga_teacher_likewise_in_swedish() {
    let a = answers(
        Lang::Sv,
        "fitness_wellness",
        &[("website", true), ("bookings", true), ("sensitive", true), ("newsletter", true), ("accountant", false)],
        &[("booking_services", &["slotti"]), ("newsletter_services", &["mailerlite"]), ("accounting_services", &["holvi"])],
    );
    let n = build(&a).unwrap();
    asserts_only_what_was_chosen(&n, &["slotti", "mailerlite", "holvi"]);
    assert_eq!(n.meta.main_lang(), Lang::Sv);
    assert!(has_withdrawal(&n, Lang::Sv));
    let keys: Vec<&str> = n.recipients.items.iter().map(|r| r.key.as_str()).collect();
    assert!(!keys.contains(&"accountant"), "said no accounting firm: {keys:?}");
    assert!(n.purposes.items.iter().any(|p| p.key == "newsletter"));
    // Swedish text throughout the parts the interview wrote.
    let text = seloste::document::build(&n, Lang::Sv).to_plain_text();
    for fi_word in ["tiedot", "asiakas", "Oikeus", "suostumus"] {
        assert!(!text.contains(fi_word), "Finnish word {fi_word:?} in the Swedish draft");
    }
}

#[test]
fn saying_no_removes_what_the_starting_point_assumed() {
    let a = answers(Lang::En, "hair_beauty", &[("bookings", false), ("sensitive", false), ("accountant", false)], &[]);
    let n = build(&a).unwrap();
    assert!(n.data.special.is_empty() && n.data.items.iter().all(|d| d.key != "allergies"));
    assert!(n.purposes.items.iter().all(|p| p.key != "booking"));
    assert!(n.recipients.items.iter().all(|r| r.key != "accountant" && r.key != "booking_system"));
    // A follow-up to a "no" adds nothing.
    let mut a = a;
    a.services.insert("booking_services".into(), vec!["timma".into()]);
    assert!(build(&a).unwrap().recipients.items.iter().all(|r| r.key != "timma"));
    assert!(questions(Lang::En).iter().all(|q| !q.text.is_empty()));
}

/// A recording camera is a register of its own beside the trade's: the camera's people,
/// purpose, data and retention are the camera's, everything else the trade's register's, so no
/// item is shared by a register it does not belong to; the checker finds nothing to say about
/// the registers, and the notice prints them as one document in every language.
#[test]
fn a_camera_is_a_register_of_its_own_beside_the_trades() {
    let yes = [("camera", true), ("website", false), ("accountant", true)];
    let n = build(&answers(Lang::Fi, "restaurant", &yes, &[])).unwrap();
    let names: Vec<&str> = n.register.activities.iter().map(|a| a.name.fi.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[1], "Kameravalvonta");
    assert_eq!(n.register.name.fi, format!("{} sekä kameravalvonta", names[0]));
    assert!(n.register.name.en.ends_with(" as well as camera surveillance"), "{:?}", n.register.name);
    let camera = |refs: &[String]| refs == ["r2"];
    let own = |refs: &[String]| refs == ["r1"];
    for s in &n.register.subjects {
        assert_eq!(camera(&s.activities), s.key == "premises_visitors", "{}", s.key);
        assert!(camera(&s.activities) || own(&s.activities));
    }
    for p in &n.purposes.items {
        assert_eq!(camera(&p.activities), p.key == "camera_surveillance", "{}", p.key);
    }
    for d in &n.data.items {
        assert_eq!(camera(&d.activities), d.key == "camera_recordings", "{}", d.key);
    }
    for r in &n.retention.items {
        assert_eq!(camera(&r.activities), r.key == "camera_recordings", "{}", r.key);
    }
    let f = seloste::check::check(&n, Lang::Fi);
    assert!(f.iter().all(|f| !f.rule.starts_with("register.")), "{f:#?}");
    for lang in Lang::ALL {
        let text = seloste::document::build(&n, lang).to_plain_text();
        let camera_name = match lang {
            Lang::Fi => "Kameravalvonta",
            Lang::Sv => "Kameraövervakning",
            Lang::En => "Camera surveillance",
        };
        assert!(text.matches(camera_name).count() >= 5, "{lang:?}: {text}");
    }

    // No camera: one register, as before.
    let no = [("camera", false), ("website", false), ("accountant", true)];
    let n = build(&answers(Lang::Fi, "restaurant", &no, &[])).unwrap();
    assert!(n.register.activities.is_empty());
    assert!(n.activity_refs().is_empty());
}
