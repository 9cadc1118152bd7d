//! Importing existing notices: the five seeds, nothing lost, fields recognised, robustness, the CLI.

use crate::util::{self, seloste, stderr, stdout};
use proptest::prelude::*;
use seloste::import::{self, DropReason, Imported};
use seloste::{Error, Lang, Notice, document};
use std::path::PathBuf;

/// The original seed texts (copied byte for byte from the issue's seeds).
fn seed_texts() -> Vec<(String, PathBuf)> {
    let dir = util::fixture("seeds");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy()[..3].to_string(), p))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five seed texts in {}", dir.display());
    v
}

fn import_seed(n: &str) -> Imported {
    let (_, path) = seed_texts()
        .into_iter()
        .find(|(s, _)| s == n)
        .expect("seed exists");
    import::import_file(&path).unwrap_or_else(|e| panic!("seed {n}: {e}"))
}

/// Every string in the notice, in document order.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn all_text(n: &Notice) -> String {
    let mut v = Vec::new();
    strings(&serde_json::to_value(n).unwrap(), &mut v);
    norm(&v.join(" "))
}

/// Compare text regardless of layout: whitespace collapsed, list dashes and bullets gone.
fn norm(s: &str) -> String {
    let s = s
        .replace(['•', '\u{a0}'], " ")
        .replace("- ", " ")
        .replace(" -", " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Strip "1. " / "5 " numbering from a heading line.
fn unnumbered(line: &str) -> &str {
    let t = line.trim();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if rest.len() < t.len() && rest.starts_with(' ') {
        rest.trim()
    } else {
        t
    }
}

/// The sentences (20+ characters) of a notice body: HTML tags, tabs and bullets split lines;
/// the lines the report lists as headings or as left out are not body.
fn body_sentences(raw: &str, imported: &Imported) -> Vec<String> {
    let mut no_tags = String::new();
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                no_tags.push('\n');
            }
            _ if !in_tag => no_tags.push(c),
            _ => {}
        }
    }
    let headings: Vec<&str> = imported
        .report
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    let dropped: Vec<&str> = imported
        .report
        .dropped
        .iter()
        .map(|d| d.text.trim())
        .collect();
    let mut out = Vec::new();
    for line in no_tags.split(['\n', '\t', '•']) {
        let mut l = line.trim();
        if l.is_empty() || dropped.contains(&l) || headings.contains(&unnumbered(l)) {
            continue;
        }
        // "Rekisterin nimi: Asiakasrekisteri": the heading, then body text.
        if let Some(rest) = headings.iter().find_map(|h| {
            unnumbered(l)
                .strip_prefix(h)
                .and_then(|r| r.strip_prefix(':'))
        }) {
            l = rest.trim();
        }
        let mut start = 0;
        let chars: Vec<(usize, char)> = l.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let last = k + 1 == chars.len();
            let end = matches!(c, '.' | '?' | '!') && chars.get(k + 1).is_none_or(|n| n.1 == ' ');
            if end || last {
                let s = l[start..i + c.len_utf8()].trim();
                if s.chars().count() >= 20 {
                    out.push(s.to_string());
                }
                start = i + c.len_utf8();
            }
        }
    }
    out
}

/// Every free text of the notice (the checker's walk), all languages, in document order.
fn free_text(n: &Notice) -> String {
    let mut v: Vec<&str> = Vec::new();
    for (_, t) in seloste::walk::texts(n) {
        v.extend(t.all().map(|(_, s)| s));
    }
    for o in &n.other {
        v.extend(o.heading.all().map(|(_, s)| s));
    }
    norm(&v.join(" "))
}

/// The sentences of `raw` that are neither in the draft's free text nor in a line the report
/// says it took into structured fields; also checks that each such field holds the value.
fn missing_sentences(raw: &str, imported: &Imported) -> Vec<String> {
    let text = free_text(&imported.notice);
    let json = serde_json::to_value(&imported.notice).unwrap();
    for r in &imported.report.recognised {
        let at = json
            .pointer(&r.field)
            .unwrap_or_else(|| panic!("{} is not in the draft", r.field));
        if let Some(s) = at.as_str() {
            assert_eq!(s, r.value, "{}", r.field);
        }
    }
    body_sentences(raw, imported)
        .into_iter()
        .filter(|s| {
            let s_n = norm(s);
            // Kept as the owner's words, or taken into fields from a line the report names.
            !text.contains(&s_n)
                && !imported
                    .report
                    .recognised
                    .iter()
                    .any(|r| norm(&r.source).contains(&s_n))
        })
        .collect()
}

#[test]
fn every_seed_imports_and_keeps_every_sentence() {
    for (n, path) in seed_texts() {
        let raw = std::fs::read_to_string(&path).unwrap();
        let imported = import_seed(&n);
        let count = body_sentences(&raw, &imported).len();
        assert!(count >= 20, "seed {n}: only {count} sentences found");
        let missing = missing_sentences(&raw, &imported);
        assert!(
            missing.is_empty(),
            "seed {n}: {} sentence(s) not in the draft:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }
}

#[test]
fn seeds_fields_are_recognised() {
    let n = import_seed("000").notice;
    let c = &n.controllers[0];
    assert_eq!(c.name, "Productive Software Solutions Oy");
    assert_eq!(c.business_id, "3185601-2");
    assert_eq!(c.phone, "+358503647798");
    assert_eq!(c.address.postal_code, "33100");
    let contact = n.contact.as_ref().unwrap();
    assert_eq!(contact.email, "lauri.alasaukko-oja@cbooker.fi");
    assert_eq!(contact.name, "Lauri Alasaukko-oja");
    assert_eq!(n.purposes.items.len(), 7);
    assert!(n.purposes.items.iter().any(|p| p.direct_marketing));
    assert!(n.purposes.items.iter().any(|p| p.profiling));
    assert_eq!(
        n.data
            .items
            .iter()
            .filter(|d| d.required == Some(true))
            .count(),
        3
    );

    let n = import_seed("001").notice;
    assert_eq!(n.controllers[0].business_id, "3147832-2");
    let contact = n.contact.as_ref().unwrap();
    assert_eq!(contact.email, "privacy@pkcloud.fi");
    assert_eq!(contact.phone, "+358 45 7836 4090");
    assert_eq!(
        n.purposes.items[0].basis,
        Some(seloste::model::LegalBasis::LegitimateInterest)
    );
    assert_eq!(n.security.manual.len(), 1);
    assert_eq!(n.security.electronic.len(), 1);

    let imported = import_seed("002");
    let n = &imported.notice;
    assert_eq!(n.controllers[0].business_id, "1060493-2");
    assert_eq!(n.controllers[0].name, "Puuha Group Oy");
    assert_eq!(
        n.contact.as_ref().unwrap().email,
        "elina.laukkanen@puuha.com"
    );
    assert_eq!(n.meta.drafted, "2018-05-25");
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|x| x.code == "heading_dpo")
    );
    let reasons: Vec<DropReason> = imported.report.dropped.iter().map(|d| d.reason).collect();
    assert!(
        reasons.contains(&DropReason::Shop) && reasons.contains(&DropReason::Navigation),
        "{reasons:?}"
    );

    let n = import_seed("003").notice;
    let c = &n.controllers[0];
    assert_eq!(
        (c.name.as_str(), c.email.as_str(), c.phone.as_str()),
        (
            "Esa Kemppainen",
            "esa.kemppainen@proleader.fi",
            "050 304 4671"
        )
    );
    assert!(c.business_id.is_empty(), "seed 003 has no business ID");
    assert_eq!(n.meta.drafted, "2019-10-03");
    assert_eq!(n.data.items.len(), 6);
    assert_eq!(
        n.retention.items[0].period,
        Some(seloste::model::Period {
            amount: 10,
            unit: seloste::model::Unit::Years
        })
    );
    assert_eq!(n.cookies.used, Some(true));

    let n = import_seed("004").notice;
    let c = &n.controllers[0];
    assert_eq!(
        (c.phone.as_str(), c.email.as_str()),
        ("044 523 4645", "info@jesoy.fi")
    );
    assert_eq!(n.changes.log[0].date, "2019-01-22");
    assert_eq!(
        n.recipients
            .items
            .iter()
            .filter(|r| r.key.is_empty())
            .count(),
        4
    );
}

/// The recipient the import made for a catalogue service, checked against the catalogue.
fn service_recipient<'a>(n: &'a Notice, key: &str) -> &'a seloste::model::Recipient {
    let r = n
        .recipients
        .items
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no recipient {key} in {:?}", n.recipients.items));
    let expected = seloste::catalogue::service(key)
        .expect("a catalogue service")
        .to_recipient();
    assert_eq!(
        (&r.name, &r.country, r.role),
        (&expected.name, &expected.country, expected.role)
    );
    r
}

#[test]
fn named_services_become_recipients_with_catalogue_details() {
    use seloste::model::Mechanism;
    let imported = import_seed("000");
    let n = &imported.notice;
    // The notice itself says HubSpot relies on Privacy Shield: the draft says so too, for the
    // checker to flag; the report asks the user to check it.
    assert_eq!(
        service_recipient(n, "hubspot").mechanism,
        Some(Mechanism::PrivacyShield)
    );
    let firebase = service_recipient(n, "firebase");
    assert_eq!(
        firebase.mechanism,
        seloste::catalogue::service("firebase").unwrap().mechanism
    );
    let mailchimp = service_recipient(n, "mailchimp");
    assert_eq!(
        mailchimp.mechanism,
        seloste::catalogue::service("mailchimp").unwrap().mechanism
    );
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|x| x.code == "notice_mechanism")
    );
    for seed in ["003", "004"] {
        let n = import_seed(seed).notice;
        let ga = service_recipient(&n, "google_analytics");
        assert_eq!(
            ga.mechanism,
            seloste::catalogue::service("google_analytics")
                .unwrap()
                .mechanism,
            "seed {seed}"
        );
    }
    // Seeds 001 and 002 name no catalogue service.
    for seed in ["001", "002"] {
        assert!(
            import_seed(seed)
                .notice
                .recipients
                .items
                .iter()
                .all(|r| r.key.is_empty()),
            "seed {seed}"
        );
    }
}

/// The point of importing: the checker then shows what is out of date in the old notice.
#[test]
fn importing_then_checking_finds_what_is_outdated() {
    let rules = |seed: &str| -> Vec<(String, String)> {
        let n = import_seed(seed).notice;
        seloste::check::check(&n, seloste::Lang::Fi)
            .into_iter()
            .map(|f| (f.rule, f.path))
            .collect()
    };
    let has = |found: &[(String, String)], rule: &str| found.iter().any(|(r, _)| r == rule);
    let f000 = rules("000");
    assert!(has(&f000, "outdated.privacy_shield"), "000: {f000:?}");
    let f002 = rules("002");
    assert!(has(&f002, "outdated.personal_data_act"), "002: {f002:?}");
    let f003 = rules("003");
    assert!(has(&f003, "leftover.placeholder"), "003: {f003:?}");
    // Seeds that say none of these things are not accused of them.
    let f004 = rules("004");
    assert!(
        !has(&f004, "outdated.privacy_shield") && !has(&f004, "outdated.personal_data_act"),
        "004: {f004:?}"
    );
}

#[test]
fn cli_import_then_check_exits_1_on_an_outdated_notice() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    let seed = seed_texts()[2].1.clone();
    let o = seloste(&[
        "import",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = seloste(&["check", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("henkilötietolain") || stdout(&o).contains("523/1999"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_report_prints_in_three_languages() {
    let imported = import_seed("002");
    for (lang, word) in [
        (seloste::Lang::Fi, "Jätetty pois"),
        (seloste::Lang::Sv, "Utelämnat"),
        (seloste::Lang::En, "Left out"),
    ] {
        let r = imported.report.render(lang);
        assert!(r.contains(word), "{lang}: {r}");
        assert!(r.contains("Tarjouskori"));
    }
}

#[test]
fn empty_and_binary_input_get_a_clear_error() {
    assert!(matches!(
        import::import_text(""),
        Err(Error::ImportEmpty { .. })
    ));
    assert!(matches!(
        import::import_text("  \n\t\n"),
        Err(Error::ImportEmpty { .. })
    ));
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("logo.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let e = import::import_file(&bin).unwrap_err();
    assert!(matches!(e, Error::ImportBinary { .. }), "{e}");
    assert!(e.to_string().ends_with('.'));
    let pdf = dir.path().join("old.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n...").unwrap();
    assert!(matches!(
        import::import_file(&pdf),
        Err(Error::ImportFormat { .. })
    ));
}

#[test]
fn five_megabytes_of_text_import() {
    let raw = std::fs::read_to_string(&seed_texts()[4].1).unwrap();
    let mut big = String::new();
    while big.len() < 5 * 1024 * 1024 {
        big.push_str(&raw);
        big.push('\n');
    }
    let imported = import::import_text(&big).unwrap();
    assert_eq!(imported.notice.controllers[0].name, "Jesoy Oy");
}

#[test]
fn html_with_scripts_keeps_the_text_and_leaves_the_code_out() {
    let html = r#"<!DOCTYPE html><html><head><title>Tietosuojaseloste | Firma</title>
        <script>window.dataLayer = []; function gtag(){dataLayer.push(arguments);}</script>
        <style>body { color: red }</style></head><body>
        <nav><a href="/">Etusivu</a> <a href="/kauppa">Kauppa</a></nav>
        <h1>Tietosuojaseloste</h1>
        <h2>1. Rekisterinpitäjä</h2><p>Firma Oy<br>Y-tunnus: 3185601-2<br>info@firma.fi</p>
        <h2>2. Mitä tietoja keräämme?</h2><ul><li>nimi ja yhteystiedot</li><li>tilaushistoria</li></ul>
        <h2>3. Säilytysaika</h2><p>Säilytämme laskutustiedot 6 vuotta kirjanpitolain mukaan.</p>
        <script>alert("x")</script><p>Vieritä ylös</p></body></html>"#;
    let imported = import::import_text(html).unwrap();
    let n = &imported.notice;
    assert_eq!(n.controllers[0].business_id, "3185601-2");
    assert_eq!(n.controllers[0].email, "info@firma.fi");
    assert_eq!(n.data.items.len(), 2);
    assert_eq!(n.retention.items[0].period.unwrap().amount, 6);
    let text = all_text(n);
    assert!(
        !text.contains("dataLayer") && !text.contains("alert") && !text.contains("color"),
        "{text}"
    );
    let reasons: Vec<DropReason> = imported.report.dropped.iter().map(|d| d.reason).collect();
    assert!(reasons.contains(&DropReason::Markup));
    assert!(reasons.contains(&DropReason::Navigation));
}

#[test]
fn text_without_headings_is_kept_whole() {
    let t = "Käsittelemme asiakkaidemme nimiä ja yhteystietoja laskutusta varten.\nTietoja ei luovuteta kenellekään.";
    let imported = import::import_text(t).unwrap();
    assert_eq!(imported.notice.other.len(), 1);
    assert_eq!(imported.notice.other[0].text.fi, t);
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|x| x.code == "no_headings")
    );
}

#[test]
fn swedish_and_english_headings_map() {
    let sv = "Dataskyddsbeskrivning\n\n1. Personuppgiftsansvarig\n\nFöretaget Ab\nFO-nummer: 3185601-2\n\n2. Ändamål med och rättslig grund för behandlingen\n\nVi behandlar uppgifterna för att sköta kundrelationen. Behandlingen grundar sig på avtal.\n\n3. Lagringstid\n\nVi sparar uppgifterna i 6 år.";
    let imported = import::import_text(sv).unwrap();
    let n = &imported.notice;
    assert_eq!(imported.report.lang, Some(seloste::Lang::Sv));
    assert_eq!(n.controllers[0].business_id, "3185601-2");
    assert!(!n.purposes.items[0].text.sv.is_empty());
    assert_eq!(
        n.purposes.items[0].basis,
        Some(seloste::model::LegalBasis::Contract)
    );
    assert_eq!(n.retention.items[0].period.unwrap().amount, 6);

    let en = "Privacy policy\n\nWho we are\n\nExample Ltd, 1 Main Street\n\nWhat data do we collect?\n\n- your name\n- your e-mail address\n\nYour rights\n\nYou have the right to access your data.";
    let imported = import::import_text(en).unwrap();
    assert_eq!(imported.report.lang, Some(seloste::Lang::En));
    assert_eq!(imported.notice.data.items.len(), 2);
    assert!(imported.notice.rights.text.en.contains("right to access"));
}

#[test]
fn a_bilingual_notice_fills_both_languages() {
    let t = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nFirma Oy, 3185601-2\n\n2. Evästeet\n\nKäytämme sivuillamme evästeitä, jotta sivusto toimii ja jotta voimme seurata kävijämääriä sekä kehittää palvelua.\n\nDataskyddsbeskrivning\n\n2. Kakor\n\nVi använder kakor på vår webbplats för att den ska fungera och för att vi ska kunna följa antalet besökare och utveckla tjänsten.";
    let imported = import::import_text(t).unwrap();
    let c = &imported.notice.cookies.text;
    assert!(
        c.fi.starts_with("Käytämme") && !c.fi.contains("Vi använder"),
        "{c:?}"
    );
    assert!(c.sv.starts_with("Vi använder"), "{c:?}");
    assert!(imported.report.notes.iter().any(|n| n.code == "languages"));
    assert!(missing_sentences(t, &imported).is_empty());
}

#[test]
fn explicit_answers_are_recognised() {
    let t = "1. Rekisterinpitäjä\n\nFirma Oy\n\n2. Automaattinen päätöksenteko ja profilointi\n\nEmme tee automaattisia päätöksiä emmekä profiloi asiakkaitamme.\n\n3. Tietojen siirto EU:n tai ETA:n ulkopuolelle\n\nTietoja ei siirretä EU:n tai ETA:n ulkopuolelle.";
    let n = import::import_text(t).unwrap().notice;
    assert_eq!(n.automated.decisions, Some(false));
    assert_eq!(n.automated.profiling, Some(false));
    assert_eq!(n.transfers.outside_eea, Some(false));
    // "Lähtökohtaisesti ei siirretä": not an unconditional no.
    let n = import_seed("001").notice;
    assert_eq!(n.transfers.outside_eea, None);
}

#[test]
fn a_seloste_json_file_is_not_imported_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("notice.txt");
    std::fs::write(&p, seloste::notice_io::to_json(&import_seed("004").notice)).unwrap();
    let e = import::import_file(&p).unwrap_err();
    assert!(
        matches!(e, Error::ImportFormat { .. })
            && e.to_string().contains("already a Seloste notice"),
        "{e}"
    );
}

#[test]
fn windows_1252_files_import() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("vanha.txt");
    std::fs::write(&p, b"1. Rekisterinpit\xe4j\xe4\r\n\r\nVanha Oy\r\n\r\n2. Rekisterin nimi\r\n\r\nAsiakasrekisteri\r\n").unwrap();
    let n = import::import_file(&p).unwrap().notice;
    assert_eq!(n.controllers[0].name, "Vanha Oy");
    assert_eq!(n.register.name.fi, "Asiakasrekisteri");
}

#[test]
fn docx_files_import() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("seloste.docx");
    let body = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Tietosuojaseloste</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Rekisterinpitäjä</w:t></w:r></w:p>
<w:p><w:r><w:t>Firma &amp; Poika Oy</w:t></w:r><w:r><w:br/><w:t>Y-tunnus: 1060493-2</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Rekisterin nimi</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Asiakasrekisteri</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Käsiteltävät tiedot</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>nimi</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>sähköpostiosoite</w:t></w:r></w:p>
</w:body></w:document>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    zip.finish().unwrap();
    let n = import::import_file(&p).unwrap().notice;
    assert_eq!(n.controllers[0].name, "Firma & Poika Oy");
    assert_eq!(n.controllers[0].business_id, "1060493-2");
    assert_eq!(n.register.name.fi, "Asiakasrekisteri");
    assert_eq!(n.data.items.len(), 2);

    let not_word = dir.path().join("kuvat.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&not_word).unwrap());
    zip.start_file("kuva.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"x").unwrap();
    zip.finish().unwrap();
    assert!(matches!(
        import::import_file(&not_word),
        Err(Error::ImportFormat { .. })
    ));
}

#[test]
fn cli_import_prints_json_and_writes_files() {
    let seed = seed_texts()[0].1.clone();
    let o = seloste(&["import", seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let n = seloste::notice_io::from_json(&stdout(&o), "stdout").unwrap();
    assert_eq!(n.controllers[0].business_id, "3185601-2");
    assert!(
        stderr(&o).starts_with("seloste: imported "),
        "{}",
        stderr(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    let o = seloste(&[
        "import",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--report",
        "--lang",
        "fi",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).is_empty());
    assert!(
        stderr(&o).contains("Tuontiraportti") && stderr(&o).contains("Vieritä ylös"),
        "{}",
        stderr(&o)
    );
    assert_eq!(util::load(&out).controllers[0].business_id, "3185601-2");

    let o = seloste(&["import", seed.to_str().unwrap(), "--report-json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(report["recognised"].as_array().unwrap().len() > 10);
}

#[test]
fn cli_import_refuses_unusable_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("tyhja.txt");
    std::fs::write(&empty, "").unwrap();
    let bin = dir.path().join("ohjelma.bin");
    std::fs::write(&bin, [0u8, 1, 2, 3, 255, 254, 0, 0]).unwrap();
    let missing = dir.path().join("ei-ole.txt");
    for p in [&empty, &bin, &missing] {
        let o = seloste(&["import", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
        let e = stderr(&o);
        assert!(
            e.starts_with("seloste: ") && e.trim_end().ends_with('.') && e.lines().count() == 1,
            "{e}"
        );
        assert!(stdout(&o).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the text, the importer answers with a draft or an error, never a panic.
    #[test]
    fn any_text_never_panics(s in "\\PC{0,400}") {
        let _ = import::import_text(&s);
    }

    /// Notice-like text: headings, tabs, bullets, markup and noise in any order.
    #[test]
    fn notice_like_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("1. Rekisterinpitäjä".to_string()),
        Just("Evästeet\t<p>Käytämme evästeitä.</p> <ul>- a- B".to_string()),
        Just("\t<p>jatkuu".to_string()),
        Just("• kohta".to_string()),
        Just("Y-tunnus: 1234567-8 p. 040 123 4567".to_string()),
        Just("Mitä tietoja keräämme?".to_string()),
        Just("<h2>Säilytys</h2><script>x<".to_string()),
        Just("Vieritä ylös".to_string()),
        Just("22.1.2019 Julkaistu".to_string()),
        Just(String::new()),
        "\\PC{0,40}",
    ], 0..30)) {
        let text = parts.join("\n");
        if let Ok(i) = import::import_text(&text) {
            // Whatever was imported serialises as a valid notice file.
            let json = seloste::notice_io::to_json(&i.notice);
            prop_assert!(seloste::notice_io::from_json(&json, "draft").is_ok());
        }
    }

    /// Nothing is lost whatever the order of headings, prose, lists, contact lines and rows.
    #[test]
    fn notice_like_text_loses_no_sentence(parts in proptest::collection::vec(prop_oneof![
        Just("1. Rekisterinpitäjä".to_string()),
        Just("Rekisterin nimi: Asiakasrekisteri ja markkinointirekisteri".to_string()),
        Just("Firma Oy, Katu 1, 00100 Helsinki, p. 040 123 4567".to_string()),
        Just("Tietojen suojaus ja säilyttäminen".to_string()),
        Just("Säilytämme laskutustiedot kuusi vuotta kirjanpitolain mukaan.".to_string()),
        Just("Tiedot ovat palomuurin ja salasanojen takana suojattuina.".to_string()),
        Just("- asiakkaan nimi ja yhteystiedot tilausta varten".to_string()),
        Just("• tilaushistoria ja laskutustiedot".to_string()),
        Just("Mitä tietoja keräämme asiakkaistamme?".to_string()),
        Just("Evästeet\tKäytämme sivuillamme Google Analytics -palvelua kävijämäärien seurantaan.".to_string()),
        Just("Käsittely perustuu sopimukseen ja oikeutettuun etuumme asiakassuhteen hoidossa.".to_string()),
        Just("Vieritä ylös".to_string()),
        Just("12.3.2021 Päivitetty selosteen evästeosio vastaamaan nykytilaa".to_string()),
        Just(String::new()),
    ], 1..25)) {
        let text = parts.join("\n");
        if let Ok(imported) = import::import_text(&text) {
            let missing = missing_sentences(&text, &imported);
            prop_assert!(missing.is_empty(), "lost {:?} from\n{}", missing, text);
        }
    }

    /// Arbitrary bytes as a file (text, HTML, zip-looking) never panic.
    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), ext in prop_oneof![Just("txt"), Just("html"), Just("docx")]) {
        let _ = import::import_bytes(&bytes, &format!("x.{ext}"));
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend(&bytes);
        let _ = import::import_bytes(&zipish, "x.docx");
    }
}

#[test]
fn a_service_seen_only_in_an_address_is_a_suggestion() {
    let t = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nKeksitty Siivous\nSähköposti: keksitty.siivous@gmail.com\n\n2. Käsittelyn tarkoitus\n\n- Tarjouspyyntöihin vastaaminen (suostumus)\n- Laskutus";
    let imported = import::import_text(t).unwrap();
    let n = &imported.notice;
    assert!(
        n.recipients
            .items
            .iter()
            .all(|r| r.key != "google_workspace"),
        "{:?}",
        n.recipients.items
    );
    assert!(
        imported
            .report
            .suggestions
            .iter()
            .any(|s| s.value == "google_workspace")
    );
    // Each purpose has the basis its own words name, and only that.
    assert_eq!(
        n.purposes.items[0].basis,
        Some(seloste::model::LegalBasis::Consent)
    );
    assert_eq!(n.purposes.items[1].basis, None);
}

/// Most notices put their dates right under the title heading, not before it: they are the
/// notice's dates wherever they stand, and a date in another sentence is not.
#[test]
fn dates_under_the_title_heading_are_the_notices_dates() {
    let text = "# Asiakasrekisterin tietosuojaseloste\n\n\
                Laadittu: 3.4.2022\n\
                Päivitetty 5.6.2024\n\n\
                ## 1. Rekisterinpitäjä\n\n\
                Leipomo Kaura Oy, Myllytie 2, 70100 Kuopio\n\n\
                ## 2. Säilytysaika\n\n\
                Tarjoustiedot poistetaan 31.12.2025.\n";
    let imported = import::import_bytes(text.as_bytes(), "leipomo.md").unwrap();
    assert_eq!(imported.notice.meta.drafted, "2022-04-03");
    assert_eq!(imported.notice.meta.updated, "2024-06-05");
    let all = all_text(&imported.notice);
    assert!(
        all.contains("31.12.2025"),
        "a date inside a sentence stays in its text: {all}"
    );
    assert!(
        !all.contains("Laadittu"),
        "the date lines are not kept as text too: {all}"
    );
}

/// Date lines as notices write them, wherever they stand: each case is a small notice of our
/// own words, the dates the draft must carry, and a sentence that must stay in the text (or
/// `""`). A line that only dates the notice leaves no copy of itself in the text.
#[test]
fn dates_are_read_in_every_common_form_and_place() {
    let body = "\n\nRekisterinpitäjä\n\nKampaamo Sakset Oy, Y-tunnus 1234567-1\n\nKäsittelyn tarkoitus\n\nAsiakassuhteen hoitaminen ja ajanvaraus.\n";
    let cases: &[(&str, &str, &str, &str)] = &[
        // (notice, drafted, updated, a sentence that must stay)
        (
            "Tietosuojaseloste\n\n_Päivitetty 3. maaliskuuta 2025._{b}",
            "",
            "2025-03-03",
            "",
        ),
        (
            "Tietosuojaseloste\n\nPäivitetty: helmikuu 2024{b}",
            "",
            "2024-02",
            "",
        ),
        (
            "Tietosuojaseloste\n\n*Voimassa 1.6.2025 alkaen*{b}",
            "",
            "2025-06-01",
            "",
        ),
        ("Tietosuojaseloste 4.5.2022{b}", "2022-05-04", "", ""),
        ("Tietosuojaseloste\n\n7.8.2021{b}", "2021-08-07", "", ""),
        (
            "TIETOSUOJASELOSTE    päivitetty 9.10.2023{b}",
            "",
            "2023-10-09",
            "",
        ),
        (
            "Tietosuojaseloste\n\nYleinen tietosuoja-asetus · Päivitetty 5.6.2026{b}",
            "",
            "2026-06-05",
            "Yleinen tietosuoja-asetus",
        ),
        (
            "Tietosuojaseloste{b}\nMuutokset\n\nViimeksi päivitetty 12/11/2024.\n",
            "",
            "2024-11-12",
            "",
        ),
        (
            "Privacy notice\n\nLast updated: 4 July 2026\n\nEffective from: 4 July 2026{b}",
            "",
            "2026-07-04",
            "",
        ),
        (
            "Dataskyddsbeskrivning\n\nUppdaterad den 2 juni 2025{b}",
            "",
            "2025-06-02",
            "",
        ),
        // A sentence that also dates the notice stays whole.
        (
            "Tietosuojaseloste{b}\nMuutokset\n\nSelostetta päivitetään lain muuttuessa ja kun palvelumme muuttuvat, ja se on viimeksi päivitetty 1.2.2024.\n",
            "",
            "2024-02-01",
            "Selostetta päivitetään lain muuttuessa",
        ),
        // Not a date of the notice: a deadline, a date the sentence goes on from.
        (
            "Tietosuojaseloste{b}\nSäilytys\n\nTiedot säilytetään 31.12.2027 asti.\n",
            "",
            "",
            "Tiedot säilytetään 31.12.2027 asti.",
        ),
        (
            "Tietosuojaseloste{b}\nMuutokset\n\nPäivitetty 1.2.2024: lisätty ajanvarausjärjestelmä.\n",
            "",
            "",
            "lisätty ajanvarausjärjestelmä",
        ),
    ];
    for (src, drafted, updated, stays) in cases {
        let text = src.replace("{b}", body);
        let imp = import::import_text(&text).unwrap();
        let m = &imp.notice.meta;
        assert_eq!(
            (m.drafted.as_str(), m.updated.as_str()),
            (*drafted, *updated),
            "{text}"
        );
        let all = all_text(&imp.notice);
        if !stays.is_empty() {
            assert!(all.contains(stays), "{stays:?} lost from: {all}");
        }
        if stays.is_empty() {
            // Nothing of the date line is left in the notice's own words.
            let words = free_text(&imp.notice);
            for d in [drafted, updated].into_iter().filter(|d| !d.is_empty()) {
                assert!(
                    !words.contains(&d[..4]),
                    "the date {d} is still in the text: {words}"
                );
            }
        }
    }
}

/// A purpose that names the law requiring it records that law and the provision it cites; with
/// no basis given, the legal obligation is a suggestion for the owner, never set by itself. A
/// law that only limits processing (e-mail marketing rules) is no such law.
#[test]
fn a_purpose_names_the_law_behind_its_obligation() {
    let text = "Tietosuojaseloste\n\nRekisterinpitäjä\n\nVenekerho Laine ry, rekisterinumero 123.456\n\n\
        Käsittelyn tarkoitukset\n\n\
        - Jäsenluettelon pitäminen (yhdistyslaki 11 §)\n\
        - Kirjanpito ja laskutus kirjanpitolain (1336/1997) 2 luvun 10 §:n edellyttämällä tavalla; peruste: lakisääteinen velvoite\n\
        - Jäsenkirjeet sähköpostilla sähköisen viestinnän palveluista annetun lain sallimissa rajoissa\n";
    let imp = import::import_text(text).unwrap();
    let items = &imp.notice.purposes.items;
    assert_eq!(items.len(), 3, "{items:?}");
    let law = |i: usize| items[i].law.as_ref().map(|l| (l.act.as_str(), l.section.as_str()));
    assert_eq!(law(0), Some(("associations_act", "11")));
    assert_eq!(items[0].basis, None, "the basis was not given");
    assert!(
        imp.report.suggestions.iter().any(|s| s.field == "/purposes/items/0/basis"
            && s.value == "legal_obligation"
            && s.code == "basis_law"),
        "{:?}",
        imp.report.suggestions
    );
    assert_eq!(law(1), Some(("accounting_act", "2:10")));
    assert_eq!(items[1].basis, Some(seloste::model::LegalBasis::LegalObligation));
    assert_eq!(law(2), None);
}

/// The controller's block as small businesses write it: a trading name beside the legal name
/// (in brackets or after "aputoiminimi"/"bifirma"), a contact person on a labelled line of
/// its own, a contact named in a sentence. An abbreviation in brackets is no trading name.
#[test]
fn trading_names_and_contact_persons_in_the_controller_block() {
    let purposes = "\n\nKäsittelyn tarkoitus\n\n- Ajanvaraus\n";
    let cases: &[(&str, &str, &str, &str)] = &[
        // (controller block, legal name, trading name, contact name)
        ("Hiushuone Aalto (Tmi Leena Aalto)\nY-tunnus 1234567-1\nKoulukatu 5, 40100 Jyväskylä\nleena@hiushuone.fi",
         "Tmi Leena Aalto", "Hiushuone Aalto", ""),
        ("Aalto Oy, aputoiminimi Kuvaamo Valo\nKoulukatu 5, 40100 Jyväskylä",
         "Aalto Oy", "Kuvaamo Valo", ""),
        ("Lind Ab, bifirma Yogastudio Lugn\nSkolgatan 2, 65100 Vasa",
         "Lind Ab", "Yogastudio Lugn", ""),
        ("Kalastusseura Hauki ry (KSH)\nRantatie 1, 70100 Kuopio",
         "Kalastusseura Hauki ry (KSH)", "", ""),
        ("Siivous Puhdas Oy\nYhteyshenkilö: Mikko Puhdas, puh. 040 765 4321\nSähköposti: info@siivouspuhdas.fi\nOsoite: Torikatu 2, 80100 Joensuu",
         "Siivous Puhdas Oy", "", "Mikko Puhdas"),
    ];
    for (block, legal, trading, contact) in cases {
        let text = format!("Tietosuojaseloste\n\nRekisterinpitäjä\n\n{block}{purposes}");
        let imp = import::import_text(&text).unwrap();
        let c = &imp.notice.controllers[0];
        assert_eq!((c.name.as_str(), c.trading_name.as_str()), (*legal, *trading), "{block}");
        let got = imp.notice.contact.as_ref().map_or("", |p| p.name.as_str());
        assert_eq!(got, *contact, "{block}");
        if !contact.is_empty() {
            // The business keeps its own e-mail and address; the contact has the phone.
            assert_eq!(c.email, "info@siivouspuhdas.fi");
            assert_eq!(c.address.city, "Joensuu");
            assert_eq!(imp.notice.contact.as_ref().unwrap().phone, "040 765 4321");
        }
    }
    // An address over several lines: the c/o and floor lines join the street; a second name
    // line (a trading name without a marker) is not taken for an address.
    let text = format!(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nKuvaamo Helmi Oy\nc/o Yrityshotelli Kaari\nTehdaskatu 12 A\n3. kerros\n00510 Helsinki{purposes}"
    );
    let imp = import::import_text(&text).unwrap();
    assert_eq!(
        imp.notice.controllers[0].address.street,
        "c/o Yrityshotelli Kaari, Tehdaskatu 12 A, 3. kerros"
    );
    let text = format!(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nTmi Anna Lehto\nKampaamo Lehtikuusi\nKoulukatu 3\n33100 Tampere{purposes}"
    );
    let imp = import::import_text(&text).unwrap();
    assert_eq!(imp.notice.controllers[0].address.street, "Koulukatu 3");
    assert!(all_text(&imp.notice).contains("Kampaamo Lehtikuusi"));
    // A contact person named in a sentence of the contact section.
    let text = format!(
        "Tietosuojaseloste\n\nRekisterinpitäjä\n\nValo Oy\n\nYhteyshenkilö\n\n\
         Tietosuoja-asioissa yhteyshenkilömme on Sanna Valo. Hänet tavoittaa osoitteesta sanna@valo.fi.{purposes}"
    );
    let imp = import::import_text(&text).unwrap();
    let contact = imp.notice.contact.as_ref().unwrap();
    assert_eq!((contact.name.as_str(), contact.email.as_str()), ("Sanna Valo", "sanna@valo.fi"));
    assert!(free_text(&imp.notice).contains("yhteyshenkilömme on sanna valo") || all_text(&imp.notice).contains("yhteyshenkilömme on Sanna Valo"));
}

/// Two sole traders sharing a studio in one controller block: two controllers with their own
/// business IDs, the studio's name kept as written (not stamped on either), and the contact
/// lines under their own label become the contact.
#[test]
fn several_controllers_in_one_block() {
    let text = "Tietosuojaseloste\n\nRekisterinpitäjät\n\nKuvastudio Kajo\n\n\
        Tmi Outi Kajo (Y-tunnus 1234567-1)\n\nSaarinen Media Ky, Y-tunnus 7654321-6\n\n\
        Yhteystiedot rekisteriasioissa:\n\nKuvastudio Kajo\n\nTehtaankatu 4, 20100 Turku\n\nstudio@kajo.fi\n\n\
        Käsittelyn tarkoitus\n\n- Kuvausten varaaminen\n";
    let imp = import::import_text(text).unwrap();
    let names: Vec<(&str, &str)> = imp
        .notice
        .controllers
        .iter()
        .map(|c| (c.name.as_str(), c.business_id.as_str()))
        .collect();
    assert_eq!(names, [("Tmi Outi Kajo", "1234567-1"), ("Saarinen Media Ky", "7654321-6")]);
    assert!(all_text(&imp.notice).contains("Kuvastudio Kajo"));
    let contact = imp.notice.contact.as_ref().expect("the contact lines");
    assert_eq!((contact.email.as_str(), contact.address.city.as_str()), ("studio@kajo.fi", "Turku"));
}

/// The review of an import: values read plainly are counted, values from a looser cue are
/// listed with their wizard step, and a suggestion is applied only when the owner accepts it.
#[test]
fn an_import_review_lists_what_to_check_and_applies_a_suggestion_on_accept() {
    use seloste::import::review;
    let text = "Tietosuojaseloste\n\nRekisterinpitäjä\n\nVenekerho Laine ry\nlaine@example.fi\n\n\
        Käsittelyn tarkoitukset\n\n- Jäsenluettelon pitäminen (yhdistyslaki 11 §)\n- Jäsenkirjeet\n";
    let imp = import::import_text(text).unwrap();
    let r = review::review(imp, seloste::Lang::Fi);
    assert!(r.certain >= 3, "{}", r.certain);
    let offer = r
        .suggestions
        .iter()
        .find(|o| o.suggestion.code == "basis_law")
        .expect("the basis is offered");
    assert!(offer.one_click);
    assert_eq!(offer.step, Some("purposes"));
    assert!(offer.what.contains("Jäsenluettelon pitäminen") && offer.what.contains("lakisääteinen velvoite"), "{}", offer.what);
    // Not in the draft until accepted.
    assert_eq!(r.notice.purposes.items[0].basis, None);
    let json = serde_json::to_value(&r.notice).unwrap();
    let accepted = review::accept(json.clone(), &offer.suggestion).unwrap();
    assert_eq!(
        accepted.purposes.items[0].basis,
        Some(seloste::model::LegalBasis::LegalObligation)
    );
    assert_eq!(accepted.purposes.items[1].basis, None, "the other purpose is untouched");
    // A service suggested by an e-mail address becomes a recipient with the catalogue's details.
    let svc = seloste::import::report::Suggestion {
        field: "/recipients/items".into(),
        value: "google_workspace".into(),
        code: "email_service".into(),
        source: "laine@gmail.com".into(),
    };
    let with = review::accept(json, &svc).unwrap();
    assert!(with.recipients.items.iter().any(|x| x.key == "google_workspace"), "{:?}", with.recipients.items);
}

/// A bilingual notice that says the same thing in Swedish and in Finnish under headings the
/// importer does not know: one section in both languages, not two; an unrelated section in
/// the other language stays apart.
#[test]
fn a_bilingual_notice_pairs_its_translations() {
    let text = "## Om oss och dataskydd\n\n\
        Snickeri Ek Ab för ett kundregister enligt GDPR. Registret sköts av Per Ek. \
        Frågor kan skickas till info@snickeriek.fi eller ringas in på 040 765 4321.\n\n\
        ## Meistä ja tietosuojasta\n\n\
        Snickeri Ek Ab pitää asiakasrekisteriä GDPR:n mukaisesti. Rekisteriä hoitaa Per Ek. \
        Kysymykset voi lähettää osoitteeseen info@snickeriek.fi tai soittaa numeroon 040 765 4321.\n\n\
        ## Palautteesta\n\n\
        Otamme mielellämme vastaan palautetta palveluistamme. Vastaamme yleensä viikon kuluessa.\n";
    let imp = import::import_text(text).unwrap();
    let paired: Vec<_> = imp
        .notice
        .other
        .iter()
        .filter(|o| o.text.get(seloste::Lang::Fi).is_some() && o.text.get(seloste::Lang::Sv).is_some())
        .collect();
    assert_eq!(paired.len(), 1, "{:?}", imp.notice.other);
    assert!(paired[0].text.get(seloste::Lang::Sv).unwrap().contains("Registret sköts av Per Ek"));
    assert!(paired[0].text.get(seloste::Lang::Fi).unwrap().contains("Rekisteriä hoitaa Per Ek"));
    assert!(imp.notice.other.iter().any(|o| o
        .text
        .get(seloste::Lang::Fi)
        .is_some_and(|t| t.contains("palautetta"))
        && o.text.get(seloste::Lang::Sv).is_none()));
}

/// A register name that lists several registers gives the draft as many registers, named in
/// full, with nothing assigned to them (the notice said only their names), and the report says
/// so; a name of one register gives none.
#[test]
fn a_register_name_that_lists_several_registers_gives_as_many_registers() {
    let text = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nPallokerho Vire ry, Urheilutie 2, 40100 Jyväskylä, hallitus@vire.example\n\n\
2. Rekisterin nimi\n\nPallokerho Vireen jäsen-, kilpailija- ja kameravalvontarekisteri\n\n\
3. Käsittelyn tarkoitus\n\nJäsenasioiden hoitaminen ja kilpailuihin ilmoittautuminen.\n";
    let imported = import::import_text(text).unwrap();
    let names: Vec<&str> = imported
        .notice
        .register
        .activities
        .iter()
        .map(|a| a.name.fi.as_str())
        .collect();
    assert_eq!(
        names,
        ["Jäsenrekisteri", "Kilpailijarekisteri", "Kameravalvontarekisteri"]
    );
    assert!(imported.notice.activity_refs().is_empty(), "nothing is assigned");
    assert!(
        imported.report.notes.iter().any(|n| n.code == "registers"),
        "{:?}",
        imported.report.notes
    );
    // The notice prints them and says everything applies to all.
    let plain = document::build(&imported.notice, Lang::Fi).to_plain_text();
    assert!(plain.contains("Kaikki alla kerrottu koskee niitä kaikkia."), "{plain}");
    assert!(!plain.contains("Kaikki rekisterit"), "no group heading when nothing is assigned");

    let one = text.replace("jäsen-, kilpailija- ja kameravalvontarekisteri", "jäsenrekisteri");
    assert!(import::import_text(&one).unwrap().notice.register.activities.is_empty());
}
