//! The record of processing activities (Art. 30(1)): compared with the notice model for every
//! starting point (the catalogue's presets and the reference notices), in every format.

use crate::util::{self, fixture, load, squeeze};
use seloste::record::{self, Reason};
use seloste::{Lang, Notice, Text, catalogue, document};

/// Every starting point, as the catalogue builds it and as the reference notice (with example
/// controller details).
fn starting_points() -> Vec<(String, Notice)> {
    let mut v = Vec::new();
    for p in catalogue::presets() {
        v.push((format!("preset {}", p.key), p.notice.clone()));
        v.push((
            format!("reference {}", p.key),
            load(&fixture(&format!("reference/{}.json", p.key))),
        ));
    }
    assert_eq!(v.len(), 2 * catalogue::presets().len());
    v
}

fn said(t: &Text) -> bool {
    t.all().any(|(_, s)| !s.trim().is_empty())
}

fn resolve(t: &Text, lang: Lang) -> String {
    t.resolve(lang)
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

fn same<T>(a: &[&T], b: &[&T]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
}

#[test]
fn every_purpose_is_an_activity_with_the_registers_people_data_recipients_transfers_and_retention()
{
    for (name, n) in starting_points() {
        let r = record::build(&n);
        let purposes: Vec<_> = n.purposes.items.iter().filter(|p| said(&p.text)).collect();
        assert!(
            !purposes.is_empty(),
            "{name}: a starting point has purposes"
        );
        assert_eq!(r.activities.len(), purposes.len(), "{name}");
        let subjects: Vec<_> = n
            .register
            .subjects
            .iter()
            .filter(|i| said(&i.text))
            .collect();
        let data: Vec<_> = n.data.items.iter().filter(|d| said(&d.text)).collect();
        let special: Vec<_> = n.data.special.iter().collect();
        let recipients: Vec<_> = n.recipients.items.iter().collect();
        // Transfers: every recipient whose country is known to be outside the EU/EEA.
        let outside: Vec<_> = n
            .recipients
            .items
            .iter()
            .filter(|x| !x.country.is_empty() && !catalogue::is_eea(&x.country))
            .collect();
        let retention: Vec<_> = n.retention.items.iter().collect();
        assert!(
            !subjects.is_empty() && !data.is_empty() && !retention.is_empty(),
            "{name}"
        );
        for (a, p) in r.activities.iter().zip(&purposes) {
            assert!(
                std::ptr::eq(a.purpose, *p),
                "{name}: activities in the purposes' order"
            );
            assert!(same(&a.subjects, &subjects), "{name}: people");
            assert!(same(&a.data, &data), "{name}: data");
            assert!(same(&a.special, &special), "{name}: special categories");
            assert!(same(&a.recipients, &recipients), "{name}: recipients");
            assert!(same(&a.transfers, &outside), "{name}: transfers");
            assert!(same(&a.retention, &retention), "{name}: retention");
        }
        // Art. 30(5): never exempt — the processing is not occasional; special categories
        // are named when there are any.
        assert_eq!(r.exemption_excluded[0], Reason::NotOccasional, "{name}");
        assert_eq!(
            r.exemption_excluded.contains(&Reason::SpecialCategories),
            !special.is_empty(),
            "{name}"
        );
    }
}

/// What the record must say about `n` in `lang`, whitespace removed: every purpose with its
/// basis, person group, data category, special category, recipient, transfer with its
/// safeguard, retention rule and security measure, the internal marking and the exemption.
fn facts(n: &Notice, lang: Lang) -> Vec<String> {
    let mut want = vec![
        record::s("title", lang).to_string(),
        record::s("h_internal", lang).to_string(),
        record::s("internal_text", lang).to_string(),
        record::s("h_exemption", lang).to_string(),
        record::s("reason_not_occasional", lang).to_string(),
    ];
    for c in &n.controllers {
        want.push(c.name.clone());
        want.push(c.business_id.clone());
        want.push(c.email.clone());
    }
    if let Some(c) = &n.contact {
        want.push(c.name.clone());
    }
    for p in &n.purposes.items {
        want.push(resolve(&p.text, lang));
        if let Some(b) = p.basis {
            want.push(
                document::out(
                    &format!("b_{}", serde_json::to_value(b).unwrap().as_str().unwrap()),
                    lang,
                )
                .into(),
            );
        }
    }
    want.extend(n.register.subjects.iter().map(|i| resolve(&i.text, lang)));
    want.extend(n.data.items.iter().map(|i| resolve(&i.text, lang)));
    for s in &n.data.special {
        let kind = serde_json::to_value(s.kind).unwrap();
        want.push(document::out(&format!("s_{}", kind.as_str().unwrap()), lang).into());
    }
    for x in &n.recipients.items {
        if !x.name.is_empty() {
            want.push(x.name.clone());
        }
        want.push(resolve(&x.description, lang));
        if !x.country.is_empty() && !catalogue::is_eea(&x.country) {
            let m = x
                .mechanism
                .map(|m| {
                    serde_json::to_value(m)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .unwrap_or_else(|| "none".into());
            want.push(format!(
                "({}) — {}: {}",
                catalogue::country_name(&x.country, lang),
                document::out("l_mechanism", lang),
                document::out(&format!("m_{m}"), lang)
            ));
        }
    }
    for x in &n.retention.items {
        want.push(resolve(&x.applies_to, lang));
        want.push(resolve(&x.criteria, lang));
    }
    for i in n.security.manual.iter().chain(&n.security.electronic) {
        want.push(resolve(&i.text, lang));
    }
    want.into_iter()
        .map(|s| squeeze(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_record_document_html_and_pdf_say_everything_in_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (name, n) in starting_points() {
        for lang in Lang::ALL {
            let want = facts(&n, lang);
            let doc = record::document(&record::build(&n), lang);
            let plain = squeeze(&doc.to_plain_text());
            for w in &want {
                assert!(
                    plain.contains(w.as_str()),
                    "{name} {lang}: record lacks {w:?}"
                );
            }
            let html = record::html(&n, lang).unwrap();
            let text = squeeze(&util::html_text_nodes(&html).join(""));
            for w in &want {
                assert!(
                    text.contains(w.as_str()),
                    "{name} {lang}: record HTML lacks {w:?}"
                );
            }
            assert!(!html.contains("<script"), "{name}");
            let pdf = dir.path().join("r.pdf");
            std::fs::write(&pdf, record::pdf(&n, lang).unwrap()).unwrap();
            let Some(body) = util::poppler(
                "pdftotext",
                &["-x", "0", "-y", "0", "-W", "596", "-H", "780"],
                &pdf,
            ) else {
                continue;
            };
            let body = squeeze(&body);
            for w in &want {
                assert!(
                    body.contains(w.as_str()),
                    "{name} {lang}: record PDF lacks {w:?}"
                );
            }
            let all = util::poppler("pdftotext", &[], &pdf).unwrap();
            assert!(
                all.contains(record::s("footer_mark", lang)),
                "{name} {lang}: every page's footer marks the record internal"
            );
        }
    }
}

/// RFC 4180 rows (a test's own reader: quotes, doubled quotes, CRLF).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let s = s
        .strip_prefix('\u{FEFF}')
        .expect("a byte-order mark for spreadsheets");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the CSV ends with a line end"
    );
    rows
}

#[test]
fn the_csv_has_one_complete_row_per_activity() {
    for (name, n) in starting_points() {
        let r = record::build(&n);
        for lang in Lang::ALL {
            let rows = parse_csv(&record::csv(&n, lang));
            assert_eq!(rows.len(), r.activities.len() + 1, "{name} {lang}");
            let width = rows[0].len();
            assert!(
                rows.iter().all(|x| x.len() == width),
                "{name} {lang}: ragged rows"
            );
            let col = |key: &str| {
                rows[0]
                    .iter()
                    .position(|h| h == record::s(key, lang))
                    .unwrap_or_else(|| panic!("{name} {lang}: no column {key}"))
            };
            for (row, a) in rows[1..].iter().zip(&r.activities) {
                assert_eq!(
                    row[0],
                    record::s("footer_mark", lang),
                    "{name}: marked internal"
                );
                assert_eq!(row[col("l_purpose")], resolve(&a.purpose.text, lang));
                let cell = |key: &str| squeeze(&row[col(key)]);
                for s in &a.subjects {
                    assert!(cell("l_subjects").contains(&squeeze(&resolve(&s.text, lang))));
                }
                for d in &a.data {
                    assert!(cell("l_data").contains(&squeeze(&resolve(&d.text, lang))));
                }
                for x in &a.recipients {
                    assert!(cell("l_recipients").contains(&squeeze(&x.name)), "{name}");
                }
                if a.transfers.is_empty() {
                    assert_eq!(row[col("l_transfers")], record::s("l_none", lang));
                }
                for x in &a.transfers {
                    assert!(cell("l_transfers").contains(&squeeze(&x.name)), "{name}");
                }
                for x in &a.retention {
                    assert!(cell("l_retention").contains(&squeeze(&resolve(&x.applies_to, lang))));
                }
                for c in &n.controllers {
                    assert!(row[col("l_controller")].contains(c.name.trim()));
                }
                let has_security = !n.security.manual.is_empty()
                    || !n.security.electronic.is_empty()
                    || !n.security.text.is_empty();
                assert_eq!(
                    row[col("l_security")] != record::s("l_not_stated", lang),
                    has_security,
                    "{name}: security described exactly when the notice describes it"
                );
            }
        }
    }
}

#[test]
fn special_categories_are_named_as_a_reason_the_exemption_does_not_apply() {
    let mut n = load(&fixture("reference/sole_trader_customers.json"));
    n.data.special.push(seloste::model::SpecialCategory {
        kind: seloste::model::SpecialKind::Health,
        condition: Some(seloste::model::Art9Condition::ExplicitConsent),
        text: Text::default(),
    });
    for lang in Lang::ALL {
        let doc = record::document(&record::build(&n), lang);
        let plain = doc.to_plain_text();
        let health = document::out("s_health", lang);
        let reason = record::s("reason_special", lang).replace("{list}", health);
        assert!(plain.contains(&reason), "{lang}: {plain}");
    }
}

/// In a notice of several registers, each purpose's activity holds its own registers' people,
/// data and retention (and what all share), not the other registers'.
#[test]
fn a_purpose_of_one_register_holds_that_registers_people_data_and_retention() {
    let n = seloste::notice_io::read(&crate::util::fixture("model/v2_club_camera.json")).unwrap();
    let r = record::build(&n);
    let fi = |t: &Text| t.fi.clone();
    let camera = r
        .activities
        .iter()
        .find(|a| a.purpose.activities == ["camera"])
        .expect("the camera's purpose is an activity");
    assert_eq!(camera.subjects.iter().map(|i| fi(&i.text)).collect::<Vec<_>>(), ["Hallin aulassa kulkevat"]);
    assert_eq!(camera.data.iter().map(|d| fi(&d.text)).collect::<Vec<_>>(), ["Videokuva aulasta"]);
    assert_eq!(camera.retention.iter().map(|x| fi(&x.applies_to)).collect::<Vec<_>>(), ["Tallenteet"]);
    let members = &r.activities[0];
    assert_eq!(members.subjects.len(), 2);
    assert!(members.data.iter().all(|d| d.activities == ["members"]));
    // A shared item belongs to every activity.
    let mut shared = n.clone();
    shared.data.items[0].activities.clear();
    let r = record::build(&shared);
    assert!(r.activities.iter().all(|a| a.data.iter().any(|d| d.activities.is_empty())));
}

/// The record of a notice of several registers names each activity's register, lists people,
/// data and retention register by register, and gives the CSV a register column.
#[test]
fn the_record_of_several_registers_is_given_register_by_register() {
    let n = seloste::notice_io::read(&crate::util::fixture("model/v2_club_camera.json")).unwrap();
    let text = record::document(&record::build(&n), Lang::Fi).to_plain_text();
    assert!(text.contains("Rekisteri: Kameravalvonta"), "{text}");
    let data = &text[text.find("Henkilötietoryhmät\n").expect("the data section")..];
    let data = &data[..data.find("Erityiset").unwrap_or(data.len())];
    let camera_at = data.find("Kameravalvonta\n").expect("a camera group");
    assert!(data[camera_at..].contains("Videokuva aulasta"), "{data}");
    assert!(!data[..camera_at].contains("Videokuva"), "{data}");
    let rows = parse_csv(&record::csv(&n, Lang::Fi));
    let col = rows[0].iter().position(|h| h == "Rekisteri").expect("a register column");
    let camera_row = rows
        .iter()
        .find(|r| r.iter().any(|c| c.contains("turvaaminen")))
        .expect("the camera's row");
    assert_eq!(camera_row[col], "Kameravalvonta");
    let data_col = rows[0].iter().position(|h| h == "Henkilötietoryhmät").unwrap_or(col + 4);
    assert!(camera_row.iter().any(|c| c.contains("Videokuva")), "{camera_row:?}");
    assert!(!camera_row[data_col].contains("Jäsenmaksujen"), "{camera_row:?}");
}
