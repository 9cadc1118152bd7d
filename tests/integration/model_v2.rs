//! The `seloste/2` model (issue 15): `seloste/1` files and databases migrate with nothing lost,
//! and each new element reaches the output in fi/sv/en, the checker and the rights.

use crate::util;
use seloste::check::{self, Severity};
use seloste::document;
use seloste::model::{
    CodeReason, ConsentMethod, DataCategory, EntityKind, IdKind, LawRef, LegalBasis, Party,
    PersonalId, Purpose,
};
use seloste::rights::{self, Limit, RightKind};
use seloste::store::Store;
use seloste::{Lang, Notice, Text, notice_io};
use serde_json::Value;

fn v1_fixture() -> String {
    std::fs::read_to_string(util::fixture("model/v1_bakery.json")).unwrap()
}

/// `v` without the keys `drop` at any depth.
fn without(v: &Value, drop: &[&str]) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| !drop.contains(&k.as_str()))
                .map(|(k, x)| (k.clone(), without(x, drop)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|x| without(x, drop)).collect()),
        other => other.clone(),
    }
}

#[test]
fn a_v1_file_opens_as_v2_with_nothing_lost() {
    let text = v1_fixture();
    let n = notice_io::from_json(&text, "v1_bakery.json").expect("a seloste/1 file still opens");
    assert_eq!(n.format, "seloste/2");
    // The identifier types come from the identifiers version 1 had.
    assert_eq!(n.controllers[0].id_kind, Some(IdKind::BusinessId));
    assert_eq!(n.controllers[1].id_kind, Some(IdKind::AssociationRegister));
    assert_eq!(n.contact.as_ref().unwrap().id_kind, None);
    // Saved again, it says seloste/2 and holds every field of the original with its value.
    let saved = notice_io::to_json(&n);
    let old: Value = serde_json::from_str(&text).unwrap();
    let new: Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(new["format"], "seloste/2");
    assert_eq!(
        without(&new, &["format", "id_kind"]),
        without(&old, &["format"])
    );
    // And the saved file reads back to the same notice.
    assert_eq!(notice_io::from_json(&saved, "saved").unwrap(), n);
    // Through the file reader too.
    assert_eq!(
        notice_io::read(&util::fixture("model/v1_bakery.json")).unwrap(),
        n
    );
}

#[test]
fn unknown_formats_are_still_refused() {
    for f in ["seloste/3", "seloste/0", "other/1"] {
        let json = format!(r#"{{"format": "{f}"}}"#);
        let e = notice_io::from_json(&json, "x.json").unwrap_err();
        assert!(e.to_string().contains("seloste/2"), "{f}: {e}");
    }
}

#[test]
fn a_v1_association_without_a_kind_gets_other_and_an_empty_party_nothing() {
    let json = r#"{"format": "seloste/1", "controllers": [{"name": "A", "other_id": "12"}, {"name": "B"}],
        "dpo": {"name": "C", "business_id": "3185601-2"}}"#;
    let n = notice_io::from_json(json, "x").unwrap();
    assert_eq!(n.controllers[0].id_kind, Some(IdKind::Other));
    assert_eq!(n.controllers[1].id_kind, None);
    assert_eq!(n.dpo.unwrap().id_kind, Some(IdKind::BusinessId));
}

/// Every fixture database's drafts are rewritten as seloste/2 with the same content; the
/// published versions keep the bytes they were published with and still open.
#[test]
fn v1_databases_migrate_their_drafts_to_v2() {
    for name in ["v1.db", "v3.db"] {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("seloste.db");
        std::fs::copy(util::fixture(&format!("db/{name}")), &path).unwrap();
        let raw = |sql: &str| -> Vec<(i64, String)> {
            let conn = rusqlite::Connection::open(&path).unwrap();
            let mut st = conn.prepare(sql).unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        let drafts_before = raw("SELECT id, content FROM drafts ORDER BY id");
        let versions_before = raw("SELECT id, content FROM versions ORDER BY id");
        let updated_before = raw("SELECT id, updated_at FROM drafts ORDER BY id");
        assert!(
            drafts_before
                .iter()
                .all(|(_, c)| c.contains("\"seloste/1\"")),
            "{name}"
        );
        let store = Store::open(&path).unwrap().store;
        let drafts_after = raw("SELECT id, content FROM drafts ORDER BY id");
        assert_eq!(drafts_after.len(), drafts_before.len());
        for ((id, before), (_, after)) in drafts_before.iter().zip(&drafts_after) {
            assert!(
                after.contains("\"seloste/2\""),
                "{name} draft {id}: {after}"
            );
            let old = notice_io::from_json(before, "old").unwrap();
            let new = notice_io::from_json(after, "new").unwrap();
            assert_eq!(old, new, "{name} draft {id}: something changed");
            if let Ok(d) = store.get(*id) {
                assert_eq!(d.notice, old);
            }
        }
        assert_eq!(
            raw("SELECT id, updated_at FROM drafts ORDER BY id"),
            updated_before
        );
        assert_eq!(
            raw("SELECT id, content FROM versions ORDER BY id"),
            versions_before
        );
        for (id, _) in &versions_before {
            store
                .version(*id)
                .expect("a published seloste/1 version still opens");
        }
    }
}

fn text(fi: &str, sv: &str, en: &str) -> Text {
    Text::new(fi, sv, en)
}

/// A small notice using every new element.
fn v2_notice() -> Notice {
    let mut n = Notice::default();
    n.controllers.push(Party {
        kind: Some(EntityKind::Company),
        name: "Saksi & Kampa Oy".into(),
        trading_name: "Salonki Kihara".into(),
        business_id: "3185601-2".into(),
        id_kind: Some(IdKind::BusinessId),
        email: "info@kihara.example".into(),
        ..Party::default()
    });
    n.purposes.items.push(Purpose {
        text: text("Kirjanpito", "Bokföring", "Bookkeeping"),
        basis: Some(LegalBasis::LegalObligation),
        law: Some(LawRef {
            act: "accounting_act".into(),
            section: "2:10".into(),
        }),
        ..Purpose::default()
    });
    n.purposes.items.push(Purpose {
        text: text(
            "Kuvat some-tileillämme",
            "Bilder på våra sociala medier",
            "Photos on our social media",
        ),
        basis: Some(LegalBasis::Consent),
        consent_method: Some(ConsentMethod::Signature),
        ..Purpose::default()
    });
    n.data.items.push(DataCategory {
        text: text(
            "Henkilötunnus",
            "Personbeteckning",
            "Personal identity code",
        ),
        required: Some(true),
        identifier: Some(PersonalId::IdentityCode),
        code_reason: Some(CodeReason::CreditOrCollection),
        ..DataCategory::default()
    });
    n.meta.list_laws = true;
    n
}

fn plain(n: &Notice, lang: Lang) -> String {
    document::build(n, lang).to_plain_text()
}

#[test]
fn the_new_elements_are_printed_in_three_languages() {
    let n = v2_notice();
    let cases = [
        (
            Lang::Fi,
            [
                "Toimii myös nimellä: Salonki Kihara",
                "Velvoite perustuu lakiin: kirjanpitolaki (1336/1997) 2 luku 10 §.",
                "Pyydämme suostumuksesi kirjallisesti, ja vahvistat sen allekirjoituksellasi.",
                "Käsittelemme henkilötunnusta, koska myönnämme luottoa tai perimme saatavia.",
                "Säilyttämisestä säätää kirjanpitolaki (1336/1997) 2 luku 10 §.",
            ],
        ),
        (
            Lang::Sv,
            [
                "Verkar även under namnet: Salonki Kihara",
                "Skyldigheten följer av lag: bokföringslagen (1336/1997) 2 kap. 10 §.",
                "Vi ber om ditt samtycke skriftligt, och du bekräftar det med din underskrift.",
                "Vi behandlar personbeteckningen eftersom vi beviljar kredit eller driver in fordringar.",
                "Lagringen föreskrivs i bokföringslagen (1336/1997) 2 kap. 10 §.",
            ],
        ),
        (
            Lang::En,
            [
                "Also trading as: Salonki Kihara",
                "The obligation is set by law: the Accounting Act (1336/1997), chapter 2, section 10.",
                "We ask for your consent in writing, and you confirm it with your signature.",
                "We process the personal identity code because we grant credit or collect debts.",
                "The retention is required by the Accounting Act (1336/1997), chapter 2, section 10.",
            ],
        ),
    ];
    for (lang, wants) in cases {
        let out = plain(&n, lang);
        for w in wants {
            assert!(out.contains(w), "{lang:?}: {w:?} missing in\n{out}");
        }
    }
    // The first layer names the business by both names.
    let first = format!(
        "{:?}",
        document::build(&n, Lang::Fi).section("summary").unwrap()
    );
    assert!(
        first.contains("Saksi & Kampa Oy (Salonki Kihara)"),
        "{first}"
    );
    // The derived list of laws, as its own section.
    let doc = document::build(&n, Lang::Fi);
    let laws = doc
        .section("laws")
        .expect("the laws section")
        .blocks
        .clone();
    let listed = format!("{laws:?}");
    for name in [
        "tietosuoja-asetus",
        "tietosuojalaki (1050/2018)",
        "kirjanpitolaki (1336/1997)",
    ] {
        assert!(listed.contains(name), "{name} not in {listed}");
    }
}

#[test]
fn near_misses_print_nothing_new() {
    let mut n = v2_notice();
    n.meta.list_laws = false;
    // A consent method on a purpose that is not consent, an unknown act, no reason.
    n.purposes.items[1].basis = Some(LegalBasis::Contract);
    n.purposes.items[0].law = Some(LawRef {
        act: "no_such_act".into(),
        section: "1".into(),
    });
    n.data.items[0].code_reason = None;
    n.controllers[0].trading_name = "  ".into();
    for lang in Lang::ALL {
        let out = plain(&n, lang);
        for w in [
            "allekirjoitu",
            "underskrift",
            "signature",
            "1336/1997",
            "henkilötunnusta,",
            "eftersom",
            "because",
            "nimellä",
            "namnet",
            "trading as",
        ] {
            assert!(!out.contains(w), "{lang:?}: {w:?} printed in\n{out}");
        }
        assert!(document::build(&n, lang).section("laws").is_none());
    }
}

#[test]
fn the_id_type_names_the_other_identifier() {
    let mut n = Notice::default();
    let mut p = Party {
        name: "Nordic Trim AB".into(),
        other_id: "556677-8899".into(),
        id_kind: Some(IdKind::Foreign),
        ..Party::default()
    };
    n.controllers.push(p.clone());
    assert!(plain(&n, Lang::Fi).contains("Ulkomainen rekisterinumero: 556677-8899"));
    assert!(plain(&n, Lang::Sv).contains("Utländskt registreringsnummer: 556677-8899"));
    p.id_kind = Some(IdKind::AssociationRegister);
    n.controllers[0] = p;
    assert!(plain(&n, Lang::En).contains("Register of Associations number: 556677-8899"));
}

fn rules_at(n: &Notice) -> Vec<(String, String, Severity)> {
    check::check(n, Lang::Fi)
        .into_iter()
        .map(|f| (f.rule, f.path, f.severity))
        .collect()
}

#[test]
fn an_identity_code_without_its_29_reason_is_a_finding() {
    let mut n = v2_notice();
    let has = |n: &Notice| {
        rules_at(n)
            .into_iter()
            .filter(|(r, _, _)| r == "data.id_code_reason_missing")
            .map(|(_, p, _)| p)
            .collect::<Vec<_>>()
    };
    assert!(has(&n).is_empty(), "{:?}", has(&n));
    n.data.items[0].code_reason = None;
    // One finding, at the structured field (not a second one from the item's text).
    assert_eq!(has(&n), ["/data/items/0/code_reason"]);
    // Near miss: a document number needs no 29 § reason field.
    n.data.items[0].identifier = Some(PersonalId::IdentityDocument);
    n.data.items[0].text = text("Passin numero", "", "");
    assert!(has(&n).is_empty());
}

#[test]
fn a_legal_obligation_without_its_law_gets_a_hint() {
    let mut n = v2_notice();
    let hint = |n: &Notice| {
        rules_at(n)
            .into_iter()
            .filter(|(r, _, _)| r == "purpose.law_missing")
            .map(|(_, p, s)| (p, s))
            .collect::<Vec<_>>()
    };
    assert!(hint(&n).is_empty());
    n.purposes.items[0].law = None;
    assert_eq!(
        hint(&n),
        [("/purposes/items/0/law".to_string(), Severity::Tip)]
    );
    // An act the data does not know is not a law the reader can see.
    n.purposes.items[0].law = Some(LawRef {
        act: "no_such_act".into(),
        section: String::new(),
    });
    assert_eq!(hint(&n).len(), 1);
    // Near miss: the purpose's own words name the act.
    n.purposes.items[0].law = None;
    n.purposes.items[0].text = text("Kirjanpitolain mukainen kirjanpito", "", "");
    assert!(hint(&n).is_empty());
    // Near miss: a contract needs no law.
    n.purposes.items[0].text = text("Kirjanpito", "", "");
    n.purposes.items[0].basis = Some(LegalBasis::Contract);
    assert!(hint(&n).is_empty());
}

#[test]
fn a_private_person_with_no_identifier_is_not_asked_for_one() {
    let mut n = Notice::default();
    n.controllers.push(Party {
        name: "Maija Meikäläinen".into(),
        id_kind: Some(IdKind::None),
        email: "maija@example.fi".into(),
        ..Party::default()
    });
    let id_missing = |n: &Notice| {
        rules_at(n)
            .iter()
            .any(|(r, _, _)| r == "controller.id_missing")
    };
    assert!(!id_missing(&n));
    // Near miss: a company always has a business ID, whatever the type says.
    n.controllers[0].kind = Some(EntityKind::Company);
    assert!(id_missing(&n));
}

#[test]
fn the_erasure_limit_names_the_laws_that_keep_the_data() {
    let n = v2_notice();
    let r = rights::derive(&n);
    let erasure = r.iter().find(|r| r.kind == RightKind::Erasure).unwrap();
    assert_eq!(erasure.limits, [Limit::LegalObligation]);
    assert_eq!(erasure.laws.len(), 1);
    assert_eq!(erasure.laws[0].act, "accounting_act");
    // Near miss: a law on a purpose that is not a legal obligation keeps nothing.
    let mut m = n.clone();
    m.purposes.items[0].basis = Some(LegalBasis::Contract);
    let r = rights::derive(&m);
    let erasure = r.iter().find(|r| r.kind == RightKind::Erasure).unwrap();
    assert!(erasure.laws.is_empty());
    // The new fields change no right's presence.
    let mut plain_n = n.clone();
    plain_n.purposes.items[0].law = None;
    plain_n.purposes.items[1].consent_method = None;
    plain_n.data.items[0].identifier = None;
    let kinds = |n: &Notice| rights::derive(n).iter().map(|r| r.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&n), kinds(&plain_n));
}

#[test]
fn the_schema_describes_the_new_fields() {
    let s = notice_io::schema();
    for f in [
        "trading_name",
        "id_kind",
        "code_reason",
        "identifier",
        "consent_method",
        "list_laws",
        "LawRef",
    ] {
        assert!(s.contains(f), "{f} missing from the schema");
    }
}

#[test]
fn relations_say_who_uses_the_rights_and_where_next_of_kin_data_comes_from() {
    use seloste::model::{Item, Relation, Source};
    let mut n = v2_notice();
    n.register.subjects.push(Item {
        text: text("Asiakkaat", "Kunder", "Customers"),
        ..Item::default()
    });
    n.sources.items.push(Source {
        text: text("Sinulta itseltäsi", "Av dig själv", "From you"),
        from_subject: true,
        ..Source::default()
    });
    let rights_text = |n: &Notice, lang| {
        let d = document::build(n, lang);
        format!("{:?}", d.section("rights").unwrap())
    };
    // Near miss: no relation, no sentence about someone else using the rights.
    assert!(!rights_text(&n, Lang::Fi).contains("huoltaja"));
    n.register.subjects.push(Item {
        key: String::new(),
        text: text("Alaikäisten asiakkaiden huoltajat", "", ""),
        relation: Some(Relation::Guardian),
        activities: Vec::new(),
    });
    assert!(
        rights_text(&n, Lang::Fi)
            .contains("Alaikäisen lapsen oikeuksia voi käyttää hänen huoltajansa.")
    );
    assert!(rights_text(&n, Lang::En).contains("A child's guardian can use the child's rights"));
    n.register.subjects[1].relation = Some(Relation::LegalRepresentative);
    assert!(rights_text(&n, Lang::Sv).contains("intressebevakare"));
    // Next of kin are named by the customer: the notice must say data comes from others too.
    let other_missing = |n: &Notice| {
        rules_at(n)
            .iter()
            .any(|(r, _, _)| r == "sources.other_missing")
    };
    assert!(!other_missing(&n));
    n.register.subjects[1].relation = Some(Relation::NextOfKin);
    assert!(other_missing(&n));
    // The catalogue's guardians carry the relation.
    let g = seloste::catalogue::catalogue()
        .subjects
        .iter()
        .find(|s| s.key == "guardians")
        .unwrap();
    assert_eq!(g.to_item().relation, Some(Relation::Guardian));
}

/// A seloste/2 file written with the new fields reads, checks without errors and prints in
/// every language (a salon with guardians, consent by signature, the identity code on invoice).
#[test]
fn a_v2_fixture_reads_checks_and_prints() {
    let path = util::fixture("model/v2_salon.json");
    let n = notice_io::read(&path).unwrap();
    assert_eq!(
        notice_io::from_json(&notice_io::to_json(&n), "again").unwrap(),
        n
    );
    for lang in Lang::ALL {
        let f = check::check(&n, lang);
        assert!(!check::has_errors(&f), "{lang:?}: {f:#?}");
        let d = document::build(&n, lang);
        for id in ["controller", "purposes", "data", "rights", "laws"] {
            assert!(d.section(id).is_some(), "{lang:?}: no {id}");
        }
        assert!(
            !d.to_plain_text().contains('?'),
            "{lang:?}: a missing string"
        );
    }
}

/// The version comparison names the new fields and their values in the reader's language.
#[test]
fn the_diff_names_the_new_fields_in_words() {
    let a = v2_notice();
    let mut b = a.clone();
    b.data.items[0].code_reason = Some(CodeReason::HealthCare);
    b.controllers[0].id_kind = Some(IdKind::None);
    b.purposes.items[1].consent_method = Some(ConsentMethod::Checkbox);
    let d = format!("{:?}", seloste::diff::notices(&a, &b, Lang::Fi));
    for w in [
        "henkilötunnuksen käsittelyn syy",
        "luotonanto tai perintä",
        "terveydenhuolto",
        "ei tunnistetta",
        "valintaruutu",
        "allekirjoitus",
    ] {
        assert!(d.contains(w), "{w} not in {d}");
    }
    assert!(
        !d.contains("code reason") && !d.contains("consent method"),
        "{d}"
    );
}

// ---------- several registers in one notice ----------

fn club() -> Notice {
    notice_io::read(&util::fixture("model/v2_club_camera.json")).unwrap()
}

/// The texts of a section's blocks in order, subheadings marked with `#`.
fn outline(d: &document::Document, id: &str) -> Vec<String> {
    use document::{Block, Inline};
    let words = |v: &[Inline]| -> String {
        v.iter()
            .map(|i| match i {
                Inline::Text { text, .. } => text.clone(),
                other => format!("{other:?}"),
            })
            .collect()
    };
    let s = d.section(id).unwrap_or_else(|| panic!("no section {id}"));
    let mut out = Vec::new();
    for b in &s.blocks {
        match b {
            Block::Subheading { content } => out.push(format!("# {}", words(content))),
            Block::List { items } => out.extend(items.iter().map(|i| words(i))),
            Block::Paragraph { content } => out.push(words(content)),
            _ => {}
        }
    }
    out
}

/// A members' register and a camera in one notice (a sports club): it reads, checks without
/// errors and prints as one notice, each register's people, purposes, data, sources and
/// retention under its own name, in every language.
#[test]
fn several_registers_read_check_and_print_as_one_notice() {
    let n = club();
    assert_eq!(
        notice_io::from_json(&notice_io::to_json(&n), "again").unwrap(),
        n
    );
    for (lang, heading, members, camera) in [
        (Lang::Fi, "Rekisterit", "Jäsenrekisteri", "Kameravalvonta"),
        (Lang::Sv, "Register", "Medlemsregister", "Kameraövervakning"),
        (Lang::En, "Registers", "Member register", "Camera surveillance"),
    ] {
        let f = check::check(&n, lang);
        assert!(!check::has_errors(&f), "{lang:?}: {f:#?}");
        let d = document::build(&n, lang);
        let reg = d.section("register").unwrap();
        assert_eq!(reg.heading, heading);
        let listed = outline(&d, "register");
        assert!(listed.iter().any(|l| l == members), "{listed:?}");
        assert!(
            listed.iter().any(|l| l.starts_with(camera) && l.contains(" – ")),
            "the camera's own description follows its name: {listed:?}"
        );
        for id in ["subjects", "purposes", "data", "sources", "retention"] {
            let o = outline(&d, id);
            let m = o.iter().position(|l| *l == format!("# {members}"));
            let c = o.iter().position(|l| *l == format!("# {camera}"));
            assert!(
                matches!((m, c), (Some(m), Some(c)) if m < c),
                "{lang:?} {id}: each register under its name, in order: {o:?}"
            );
            // Nothing is shared, so there is no "all registers" group.
            assert_eq!(o.iter().filter(|l| l.starts_with("# ")).count() >= 2, true);
        }
        let o = outline(&d, "purposes");
        let c = o.iter().position(|l| *l == format!("# {camera}")).unwrap();
        assert!(
            o[c + 1].contains(match lang {
                Lang::Fi => "turvaaminen",
                Lang::Sv => "skydda",
                Lang::En => "Protecting",
            }),
            "{lang:?}: the camera's purpose under the camera: {o:?}"
        );
        assert!(!d.to_plain_text().contains('?'), "{lang:?}: a missing string");
    }
}

/// What names no register is shared by all and comes first, under "all registers" only when
/// some items are a register's own; a notice of one register prints no such headings.
#[test]
fn shared_items_come_first_and_one_register_has_no_groups() {
    let mut n = club();
    n.data.items[0].activities.clear();
    let d = document::build(&n, Lang::Fi);
    let o = outline(&d, "data");
    assert_eq!(o[0], "# Kaikki rekisterit", "{o:?}");
    assert!(o[1].starts_with("Nimi, kotikunta"), "{o:?}");
    let en = outline(&document::build(&n, Lang::En), "data");
    assert_eq!(en[0], "# All registers");

    // Every data item shared: one plain list, no headings in that section.
    n.data.items.iter_mut().for_each(|d| d.activities.clear());
    let o = outline(&document::build(&n, Lang::Fi), "data");
    assert!(o.iter().all(|l| !l.starts_with("# ")), "{o:?}");

    // The salon (one register) prints its subjects as one list under the usual heading.
    let salon = notice_io::read(&util::fixture("model/v2_salon.json")).unwrap();
    let d = document::build(&salon, Lang::Fi);
    assert_eq!(d.section("register").unwrap().heading, "Rekisterin nimi");
    assert!(outline(&d, "subjects").iter().all(|l| !l.starts_with("# ")));
}

/// An item that names a register the notice does not have is printed with the shared items
/// (never dropped) and the checker points at it.
#[test]
fn an_unknown_register_is_shown_with_the_shared_items_and_named_by_the_checker() {
    let mut n = club();
    n.purposes.items[2].activities = vec!["gym".into()];
    let o = outline(&document::build(&n, Lang::Fi), "purposes");
    let all = o.iter().position(|l| l == "# Kaikki rekisterit").expect("a shared group");
    assert!(o[all + 1].contains("turvaaminen"), "{o:?}");
    let f = check::check(&n, Lang::Fi);
    let hit = f
        .iter()
        .find(|f| f.rule == "register.unknown")
        .expect("the checker names the unknown register");
    assert_eq!(hit.path, "/purposes/items/2");
    assert!(hit.message.contains("gym"), "{}", hit.message);
    // The camera now has no purpose of its own or shared.
    assert!(f.iter().any(|f| f.rule == "register.no_purpose"
        && f.path == "/register/activities/1"
        && f.message.contains("Kameravalvonta")));
}

/// The app's edits settle the registers: a new one gets the first free id, references to a
/// removed one go (its items then belong to all), and a settled notice is left as it is.
#[test]
fn settling_gives_new_registers_ids_and_drops_references_to_removed_ones() {
    let mut n = club();
    assert!(!n.clone().settle_activities(), "a settled notice is left as it is");
    n.register.activities.push(seloste::model::Activity {
        name: Text::fi("Postituslista"),
        ..Default::default()
    });
    n.register.activities.push(seloste::model::Activity::default());
    n.register.activities.remove(1); // the camera goes
    assert!(n.settle_activities());
    let ids: Vec<&str> = n.register.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["members", "r1", "r2"]);
    assert!(n.purposes.items[2].activities.is_empty(), "the camera's purpose is shared now");
    assert_eq!(n.purposes.items[0].activities, ["members"]);
    assert!(n.activity_refs().iter().all(|(_, id)| n.activity(id).is_some()));
}

// ---------- the corpus, expressed in the model ----------

/// Does `n` use the model element that the corpus table (`tests/fixtures/corpus_model.json`)
/// calls `feature`? Each feature is a structured field or a catalogue entry, never free text;
/// `None` for a feature the table does not know (the test then fails and names it).
fn uses(n: &Notice, feature: &str) -> Option<bool> {
    use seloste::model::{EntityKind, IdKind, Relation, Role, SpecialKind};
    let subject = |keys: &[&str]| n.register.subjects.iter().any(|s| keys.contains(&s.key.as_str()));
    let related = |r: Relation| n.register.subjects.iter().any(|s| s.relation == Some(r));
    let data = |key: &str| n.data.items.iter().any(|d| d.key == key);
    let source = |keys: &[&str]| n.sources.items.iter().any(|s| keys.contains(&s.key.as_str()));
    let c = &n.controllers;
    Some(match feature {
        "trading_name" => c.iter().any(|p| !p.trading_name.is_empty()),
        "joint_controllers" => {
            c.len() > 1 || n.recipients.items.iter().any(|r| r.role == Role::JointController)
        }
        // Several businesses sharing one register decide together: joint controllers (legal.md §9).
        "several_controllers_independent" => c.len() > 1 && !n.joint_arrangement.is_empty(),
        "representative_eu" => n.representative.is_some(),
        "dpo" => n.dpo.is_some(),
        "contact_person" => n.contact.is_some(),
        "id_business" => c.iter().any(|p| !p.business_id.is_empty()),
        "id_association" => c.iter().any(|p| p.id_kind == Some(IdKind::AssociationRegister)),
        "id_none" => c.iter().any(|p| {
            p.id_kind == Some(IdKind::None) || p.kind == Some(EntityKind::Person)
        }),
        "subj_customers" => subject(&["customers"]),
        "subj_prospects" => subject(&["prospects"]),
        "subj_contact_persons" => subject(&["contact_persons"]),
        "subj_newsletter" => subject(&["newsletter_subscribers"]),
        "subj_job_applicants" => subject(&["job_applicants"]),
        "subj_website_visitors" => subject(&["website_visitors"]),
        "subj_members" => subject(&["members"]),
        "subj_patients_or_health_clients" => subject(&["health_clients"]),
        "subj_children" => subject(&["children_in_care"]),
        "subj_guardians" => related(Relation::Guardian),
        "subj_next_of_kin" => related(Relation::NextOfKin),
        "subj_legal_representatives" => related(Relation::LegalRepresentative),
        "subj_board_members" => subject(&["board_members"]),
        "subj_volunteers" => subject(&["volunteers"]),
        "subj_donors" => subject(&["donors"]),
        "subj_referees" => subject(&["referees"]),
        "subj_models_or_photographed" => subject(&["photographed_people", "models"]),
        "subj_premises_visitors_or_camera" => subject(&["premises_visitors"]),
        "subj_guests" => subject(&["guests"]),
        "subj_athletes" => subject(&["athletes"]),
        // A group of the owner's own naming: an item without a catalogue key.
        "subj_other" => n.register.subjects.iter().any(|s| s.key.is_empty()),
        "special_health" => n.data.special.iter().any(|s| s.kind == SpecialKind::Health),
        "special_other" => n.data.special.iter().any(|s| s.kind != SpecialKind::Health),
        "identity_code" => n.data.items.iter().any(|d| {
            d.identifier == Some(seloste::model::PersonalId::IdentityCode)
        }),
        "identity_document" => n.data.items.iter().any(|d| {
            d.identifier == Some(seloste::model::PersonalId::IdentityDocument)
        }),
        "photos" => data("photos"),
        "camera_surveillance" => data("camera_recordings"),
        "call_recording" => data("call_recordings"),
        "location" => data("approximate_location"),
        "payment_card" => data("payment_card_details"),
        "children_data" => n.data.children == Some(true),
        "src_subject" => n.sources.items.iter().any(|s| s.from_subject),
        "src_public_register" => n.sources.items.iter().any(|s| s.public),
        "src_partners" => source(&["partners", "resellers"]),
        "src_lead_lists" => source(&["lead_lists"]),
        "src_events" => source(&["events", "event_hosts"]),
        "src_referrals" => source(&["referrals"]),
        "src_guardian" => source(&["guardian", "child_guardians"]),
        "src_other" => n.sources.items.iter().any(|s| s.key.is_empty()),
        "several_registers" => n.register.activities.len() >= 2,
        "legal_obligation_law_named" => n.purposes.items.iter().any(|p| p.law.is_some()),
        "consent_method" => n.purposes.items.iter().any(|p| p.consent_method.is_some()),
        "retention_period" => n.retention.items.iter().any(|r| r.period.is_some()),
        "retention_criteria" => n.retention.items.iter().any(|r| !r.criteria.is_empty()),
        "transfers_outside_eea" => n.recipients.items.iter().any(|r| {
            !r.country.is_empty() && !seloste::catalogue::is_eea(&r.country)
        }),
        "cookies" => !n.cookies.items.is_empty(),
        "automated_decisions_or_profiling" => {
            n.automated.decisions == Some(true) || n.automated.profiling == Some(true)
        }
        "direct_marketing" => n.purposes.items.iter().any(|p| p.direct_marketing),
        "named_processors" => {
            n.recipients.items.iter().any(|r| seloste::catalogue::service(&r.key).is_some())
        }
        _ => return None,
    })
}

/// Every notice file the tests keep: the starting points, the model's fixtures, the checker's.
fn fixture_notices() -> Vec<(String, Notice)> {
    let mut v = Vec::new();
    for dir in ["reference", "model", "check"] {
        let mut paths: Vec<_> = std::fs::read_dir(util::fixture(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(n) = notice_io::read(&p) {
                v.push((format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), n));
            }
        }
    }
    v
}

/// Each element a corpus notice uses (as read by hand into `corpus_model.json`) has a
/// structured home in the model: a fixture uses it, reads, checks without errors and prints in
/// Finnish, Swedish and English. A corpus notice is then expressible in the model as the sum of
/// the elements it uses, with no free text for any of them.
#[test]
fn every_element_the_corpus_uses_has_a_home_in_the_model_and_a_fixture() {
    let raw = std::fs::read_to_string(util::fixture("corpus_model.json")).unwrap();
    let table: Value = serde_json::from_str(&raw).unwrap();
    let files = table["files"].as_array().unwrap();
    assert_eq!(files.len(), 40, "one row per corpus notice");
    let mut used: Vec<&str> = files
        .iter()
        .flat_map(|f| f["features"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()))
        .collect();
    used.sort();
    used.dedup();
    let fixtures = fixture_notices();
    assert!(fixtures.len() >= 15, "{} fixtures", fixtures.len());
    let mut homeless = Vec::new();
    for feature in &used {
        let Some(users) = fixtures
            .iter()
            .map(|(name, n)| uses(n, feature).map(|u| (name, n, u)))
            .collect::<Option<Vec<_>>>()
        else {
            panic!("the corpus table names {feature}, which the model has no home for");
        };
        let Some((name, n, _)) = users.iter().find(|(_, _, u)| *u) else {
            homeless.push(*feature);
            continue;
        };
        for lang in Lang::ALL {
            let f = check::check(n, lang);
            assert!(!check::has_errors(&f), "{name} ({feature}) {lang:?}: {f:#?}");
            let text = document::build(n, lang).to_plain_text();
            assert!(text.len() > 500, "{name} {lang:?}");
        }
    }
    assert!(homeless.is_empty(), "no fixture uses {homeless:?}");
}
