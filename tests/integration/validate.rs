//! Field validation: the seeds pass, typos fail with messages that name the field.

use crate::util::{fixture, load, seed_fixtures};
use seloste::Lang;
use seloste::model::{
    Art9Condition, ChangeEntry, LegalBasis, Notice, Party, Purpose, SpecialCategory, SpecialKind,
};
use seloste::validate::{self, FieldError, validate};

fn codes(errors: &[FieldError]) -> Vec<(&str, &'static str, bool)> {
    errors
        .iter()
        .map(|e| (e.path.as_str(), e.code, e.blocking))
        .collect()
}

#[test]
fn every_seed_fixture_has_no_blocking_errors() {
    for (stem, path) in seed_fixtures() {
        let notice = seloste::notice_io::read(&path).unwrap();
        let blocking = validate::blocking(&notice);
        assert!(blocking.is_empty(), "{stem}: {blocking:?}");
    }
}

#[test]
fn seed_fixtures_report_exactly_their_missing_items() {
    // Seed 000 and 003 name legitimate interest for purposes without saying what the interest is
    // (003 does: "Asiakassuhde"); the others are complete as far as validation goes.
    let s0 = load(&fixture("seeds/000_06f1b8572d39c73c.json"));
    let missing: Vec<_> = validate(&s0)
        .into_iter()
        .map(|e| (e.path, e.code))
        .collect();
    assert_eq!(
        missing,
        [1, 4, 5, 6]
            .iter()
            .map(|i| (
                format!("/purposes/items/{i}/interest"),
                "purpose.interest_missing"
            ))
            .collect::<Vec<_>>()
    );
    for stem in [
        "001_646b5890386d27f4",
        "002_83e53e00c6a6b43c",
        "003_58254c70b9585843",
        "004_50309f704f2d2a3a",
    ] {
        let n = load(&fixture(&format!("seeds/{stem}.json")));
        assert_eq!(validate(&n), vec![], "{stem}");
    }
}

#[test]
fn the_three_seed_business_ids_pass() {
    for id in ["3185601-2", "3147832-2", "1060493-2"] {
        assert_eq!(validate::business_id(id), Ok(id.to_string()), "{id}");
    }
}

#[test]
fn business_id_typos_fail_naming_the_field_in_three_languages() {
    let mut n = load(&fixture("seeds/000_06f1b8572d39c73c.json"));
    n.controllers[0].business_id = "3185601-3".into();
    let errors = validate::blocking(&n);
    assert_eq!(
        codes(&errors),
        [(
            "/controllers/0/business_id",
            "business_id.check_digit",
            true
        )]
    );
    let e = &errors[0];
    assert_eq!(
        e.message(Lang::Fi),
        "Rekisterinpitäjän Y-tunnuksen 3185601-3 tarkistusmerkki on väärä: sen pitäisi olla 2."
    );
    assert_eq!(
        e.message(Lang::Sv),
        "Den personuppgiftsansvariges FO-nummer 3185601-3 har fel kontrollsiffra: den borde vara 2."
    );
    assert_eq!(
        e.message(Lang::En),
        "The controller's business ID (Y-tunnus) 3185601-3 has the wrong check digit: it should be 2."
    );
    // A swapped digit is caught too.
    assert_eq!(
        validate::business_id("3158601-2").unwrap_err().code,
        "business_id.check_digit"
    );
    // Alone (inline validation), the message names the field without a party.
    assert_eq!(
        validate::business_id("3185601-3")
            .unwrap_err()
            .message(Lang::Fi),
        "Y-tunnuksen 3185601-3 tarkistusmerkki on väärä: sen pitäisi olla 2."
    );
}

#[test]
fn business_id_forms() {
    // Old six-digit form: padded with a leading zero, then checked.
    let expected_check = |body: &str| {
        let d: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
        validate::business_id_check_digit(&d.try_into().unwrap())
    };
    let c = expected_check("0737546").expect("has a check digit");
    assert_eq!(
        validate::business_id(&format!("737546-{c}")),
        Ok(format!("0737546-{c}"))
    );
    assert_eq!(validate::business_id(" 3185601-2 "), Ok("3185601-2".into()));
    for bad in [
        "31856012",
        "3185601-",
        "318560-12",
        "3185601-X",
        "3185601 2",
        "FI31856012",
        "",
        "12345678-9",
    ] {
        assert_eq!(
            validate::business_id(bad).unwrap_err().code,
            "business_id.format",
            "{bad:?}"
        );
    }
    // Seven digits whose weighted sum leaves remainder 1 have no valid check digit at all.
    let impossible = (0..10_000_000u32)
        .map(|n| format!("{n:07}"))
        .find(|b| expected_check(b).is_none())
        .unwrap();
    let e = validate::business_id(&format!("{impossible}-0")).unwrap_err();
    assert_eq!(e.code, "business_id.impossible");
    assert!(e.message(Lang::En).contains("no valid check digit"));
}

#[test]
fn email_good_and_bad() {
    for good in [
        "info@jesoy.fi",
        "lauri.alasaukko-oja@cbooker.fi",
        "a@b.co",
        "tietosuoja@om.fi",
        "x+y@ääkkönen.fi",
    ] {
        assert_eq!(validate::email(good), Ok(()), "{good}");
    }
    for bad in [
        "",
        "info",
        "info@",
        "@jesoy.fi",
        "info@jesoy",
        "info@@jesoy.fi",
        "in fo@jesoy.fi",
        "info@jesoy..fi",
        "a@b@c.fi",
        "info@jesoy.f",
        "<info>@jesoy.fi",
    ] {
        assert_eq!(
            validate::email(bad).unwrap_err().code,
            "email.format",
            "{bad:?}"
        );
    }
    let n = Notice {
        contact: Some(Party {
            name: "X".into(),
            email: "x@y".into(),
            ..Default::default()
        }),
        ..Default::default()
    };
    let e = validate::blocking(&n);
    assert_eq!(codes(&e), [("/contact/email", "email.format", true)]);
    assert!(
        e[0].message(Lang::Fi)
            .starts_with("Yhteyshenkilön sähköpostiosoite \"x@y\" ei kelpaa")
    );
    assert!(
        e[0].message(Lang::Sv)
            .starts_with("Kontaktpersonens e-postadress \"x@y\"")
    );
    assert!(
        e[0].message(Lang::En)
            .starts_with("The contact person's e-mail address \"x@y\" is not valid")
    );
}

#[test]
fn postal_code_good_and_bad() {
    for good in ["00530", "33100", "04600", " 20520 "] {
        assert_eq!(validate::postal_code(good), Ok(()), "{good}");
    }
    for bad in ["", "0053", "005300", "00 530", "FI-00530", "abcde"] {
        assert_eq!(
            validate::postal_code(bad).unwrap_err().code,
            "postal_code.format",
            "{bad:?}"
        );
    }
    // Only Finnish addresses are held to five digits.
    let mut n = Notice::default();
    let mut p = Party {
        name: "AB".into(),
        ..Default::default()
    };
    p.address.postal_code = "114 55".into();
    p.address.country = "SE".into();
    n.controllers.push(p.clone());
    assert!(validate::blocking(&n).is_empty());
    p.address.country = String::new();
    n.controllers[0] = p;
    let e = validate::blocking(&n);
    assert_eq!(
        codes(&e),
        [(
            "/controllers/0/address/postal_code",
            "postal_code.format",
            true
        )]
    );
    assert!(
        e[0].message(Lang::Fi)
            .starts_with("Rekisterinpitäjän postinumero \"114 55\"")
    );
}

#[test]
fn phone_good_and_bad() {
    for good in [
        "+358 40 123 4567",
        "+358401234567",
        "040 123 4567",
        "040-1234567",
        "09 123 4567",
        "(09) 1234 567",
        "029 566 6700",
        "+358 29 566 6700",
        "+358 (0)40 123 4567",
        "+358503647798",
        "+358 45 7836 4090",
        "050 304 4671",
        "044 523 4645",
        "+46 8 123 456 78",
        "+1 415 555 0100",
        "00358 40 123 4567",
    ] {
        assert_eq!(validate::phone(good), Ok(()), "{good}");
    }
    for bad in [
        "",
        "12345",
        "40 123 4567",
        "+358 040 123 4567",
        "040 12",
        "puh. 040 123 4567",
        "+358 40 123 4567 ext",
        "040+1234567",
        "(09 123 4567",
        "+0 123 4567",
        "0401234567890123",
    ] {
        assert_eq!(
            validate::phone(bad).unwrap_err().code,
            "phone.format",
            "{bad:?}"
        );
    }
}

#[test]
fn website_good_and_bad() {
    for good in [
        "https://tietosuoja.fi",
        "http://www.jesoy.fi/tietosuoja",
        "www.jesoy.fi",
        "jesoy.fi",
        "HTTPS://Jesoy.FI/a?b=c#d",
        "jesoy.fi:8080/x",
    ] {
        assert_eq!(validate::website(good), Ok(()), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "JavaScript:void(0)",
        "ftp://jesoy.fi",
        "file:///etc/passwd",
    ] {
        assert_eq!(
            validate::website(bad).unwrap_err().code,
            "website.scheme",
            "{bad:?}"
        );
    }
    for bad in [
        "",
        "jesoy",
        "https://",
        "https://jesoy",
        "www .jesoy.fi",
        "https://user@jesoy.fi",
        "http://-x.fi",
    ] {
        assert_eq!(
            validate::website(bad).unwrap_err().code,
            "website.format",
            "{bad:?}"
        );
    }
}

#[test]
fn dates_good_and_bad() {
    // A month alone is a date too: an imported notice that says only "updated in March 2024".
    for good in ["2018-05-25", "2024-02-29", "2019-01-22", "2024-03"] {
        assert_eq!(validate::date(good), Ok(()), "{good}");
    }
    for bad in [
        "25.5.2018",
        "2018-5-25",
        "20180525",
        "",
        "2018-05-25T00:00",
        "2024-13",
        "2024-3",
    ] {
        assert_eq!(
            validate::date(bad).unwrap_err().code,
            "date.format",
            "{bad:?}"
        );
    }
    for bad in ["2023-02-29", "2018-13-01", "2018-04-31", "2018-00-10"] {
        assert_eq!(
            validate::date(bad).unwrap_err().code,
            "date.invalid",
            "{bad:?}"
        );
    }
    let mut n = load(&fixture("seeds/002_83e53e00c6a6b43c.json"));
    n.meta.drafted = "25.5.2018".into();
    n.changes.log.push(ChangeEntry {
        date: "2019-02-30".into(),
        ..Default::default()
    });
    let e = validate::blocking(&n);
    assert_eq!(
        codes(&e),
        [
            ("/meta/drafted", "date.format", true),
            ("/changes/log/0/date", "date.invalid", true)
        ]
    );
    assert_eq!(
        e[0].message(Lang::Fi),
        "Laatimispäivä \"25.5.2018\" ei ole oikeaa muotoa: kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2026-11-23, tai pelkkä kuukausi muodossa VVVV-KK."
    );
    assert!(
        e[1].message(Lang::En)
            .starts_with("The date in the change log 2019-02-30 is not a real date")
    );
    assert!(
        e[1].message(Lang::Sv)
            .starts_with("Datumet i ändringsloggen 2019-02-30")
    );
}

#[test]
fn country_codes_come_from_the_catalogue() {
    for good in ["FI", "us", "EEA", "NON_EEA"] {
        assert_eq!(validate::country(good), Ok(()), "{good}");
    }
    assert_eq!(
        validate::country("Suomi").unwrap_err().code,
        "country.unknown"
    );
    let mut n = load(&fixture("seeds/000_06f1b8572d39c73c.json"));
    n.recipients.items[0].country = "USA".into();
    let e = validate::blocking(&n);
    assert_eq!(
        codes(&e),
        [("/recipients/items/0/country", "country.unknown", true)]
    );
    assert!(
        e[0].message(Lang::Fi)
            .starts_with("Vastaanottajan maa \"USA\" on tuntematon maakoodi")
    );
    assert!(
        e[0].message(Lang::En)
            .starts_with("The recipient's country \"USA\"")
    );
}

#[test]
fn missing_required_items_do_not_block() {
    let empty = Notice::default();
    let e = validate(&empty);
    assert_eq!(
        codes(&e),
        [
            ("/controllers", "controller.missing", false),
            ("/purposes/items", "purpose.missing", false)
        ]
    );
    assert_eq!(
        e[0].message(Lang::Fi),
        "Rekisterinpitäjä puuttuu: kerro, kuka rekisteriä pitää."
    );

    let mut n = Notice::default();
    n.controllers.push(Party::default());
    n.purposes.items.push(Purpose {
        basis: Some(LegalBasis::LegitimateInterest),
        text: seloste::Text::fi("suoramarkkinointi"),
        ..Default::default()
    });
    n.purposes.items.push(Purpose::default());
    n.data.special.push(SpecialCategory {
        kind: SpecialKind::Health,
        condition: None,
        text: Default::default(),
    });
    n.data.special.push(SpecialCategory {
        kind: SpecialKind::Health,
        condition: Some(Art9Condition::HealthCare),
        text: Default::default(),
    });
    let e = validate(&n);
    assert_eq!(
        codes(&e),
        [
            ("/controllers/0/name", "controller.name_missing", false),
            ("/controllers/0", "controller.contact_missing", false),
            (
                "/purposes/items/0/interest",
                "purpose.interest_missing",
                false
            ),
            ("/purposes/items/1/text", "purpose.text_missing", false),
            (
                "/data/special/0/condition",
                "special.condition_missing",
                false
            ),
        ]
    );
    assert_eq!(
        e[2].message(Lang::Fi),
        "Tarkoitus \"suoramarkkinointi\" perustuu oikeutettuun etuun, mutta itse etua ei ole kerrottu: kirjoita, mikä oikeutettu etu on."
    );
    assert_eq!(
        e[3].message(Lang::En),
        "The description of purpose 2 is missing."
    );
    assert!(e[4].message(Lang::Sv).contains("artikel 9.2"));
}

#[test]
fn malformed_values_come_before_missing_items() {
    let mut n = Notice::default();
    n.controllers.push(Party {
        name: String::new(),
        phone: "12".into(),
        ..Default::default()
    });
    let e = validate(&n);
    assert_eq!(
        codes(&e),
        [
            ("/controllers/0/phone", "phone.format", true),
            ("/controllers/0/name", "controller.name_missing", false),
            ("/purposes/items", "purpose.missing", false),
        ]
    );
}

#[test]
fn every_message_is_a_sentence_in_every_language() {
    let mut n = Notice::default();
    n.controllers.push(Party {
        name: "X".into(),
        business_id: "1".into(),
        email: "a".into(),
        phone: "b".into(),
        website: "javascript:x".into(),
        ..Default::default()
    });
    n.meta.updated = "x".into();
    for e in validate(&n) {
        for lang in Lang::ALL {
            let m = e.message(lang);
            assert!(!m.contains('{'), "{}: unfilled placeholder in {m}", e.code);
            assert!(m.ends_with('.'), "{}: {m}", e.code);
            assert!(m.chars().next().unwrap().is_uppercase(), "{}: {m}", e.code);
        }
    }
}
