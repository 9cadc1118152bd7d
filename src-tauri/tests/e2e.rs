//! End-to-end tests of the real app: the built `seloste-app` binary, launched by tauri-driver
//! (which runs Debian's WebKitWebDriver) and driven through WebDriver, under Xvfb.
//!
//! Run with `scripts/test.sh` (it installs tauri-driver and webkit2gtk-driver, starts Xvfb and
//! a D-Bus session). The tests are `#[ignore]`d so a plain `cargo test` on a machine without a
//! display does not pretend to have run them; with `--ignored` a missing tool is a failure.
//!
//! Each test gets its own XDG data and config folders (so the database and the window state
//! are fresh) and an export folder (`SELOSTE_EXPORT_DIR`, the shell's stand-in for the save
//! dialog). Screenshots of every step go to `target/e2e-artifacts/`.

mod common;

use common::*;
use fantoccini::Locator;
use serde_json::Value;
use std::process::Command;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_sole_trader_writes_a_customer_register_notice_from_scratch() {
    /// Screenshot a step, and check that its controls are labelled and it fits the window.
    async fn step_shot(c: &fantoccini::Client, name: &str) {
        eventually(
            "the catalogue choices and the preview are drawn",
            || async {
                c.find_all(Locator::Css("fieldset.picks:not([data-loaded])"))
                    .await
                    .unwrap()
                    .is_empty()
                    && !preview_text(c).await.trim().is_empty()
            },
        )
        .await;
        shot(c, name).await;
        let problems = accessibility_problems(c).await;
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    eprintln!("e2e: launched");
    assert_eq!(c.title().await.unwrap(), "Seloste");
    shot(&c, "00-start").await;

    // A new, blank notice.
    new_from_preset(&c, "").await;
    wait_for(&c, "#form-controller").await;
    step_shot(&c, "01-controller-empty").await;

    // 1. Controller — the preview follows the typing.
    select(
        &c,
        "f_controllers_0_kind",
        "Toiminimi (yksityinen elinkeinonharjoittaja)",
    )
    .await;
    let before = preview_text(&c).await;
    type_into(&c, "f_controllers_0_name", "Parturi Ääkkönen").await;
    eventually("the preview shows the name", || async {
        preview_text(&c).await.contains("Parturi Ääkkönen")
    })
    .await;
    assert_ne!(before, preview_text(&c).await);
    type_into(&c, "f_controllers_0_business_id", &valid_business_id()).await;
    type_into(&c, "f_controllers_0_address_street", "Kauppakatu 1").await;
    type_into(&c, "f_controllers_0_address_postal_code", "40100").await;
    type_into(&c, "f_controllers_0_address_city", "Jyväskylä").await;
    type_into(&c, "f_controllers_0_email", "info@parturi-aakkonen.fi").await;
    type_into(&c, "f_controllers_0_phone", "040 123 4567").await;
    saved(&c).await;
    step_shot(&c, "02-controller").await;
    next(&c).await;

    // 2. Contact person.
    type_into(&c, "f_contact_name", "Aino Ääkkönen").await;
    type_into(&c, "f_contact_role", "yrittäjä").await;
    type_into(&c, "f_contact_email", "aino@parturi-aakkonen.fi").await;
    step_shot(&c, "03-contact").await;
    next(&c).await;

    // 3. Register and people.
    type_into(&c, "f_register_name", "Asiakasrekisteri").await;
    click(&c, "#f_register_subjects-add").await;
    type_into(&c, "f_register_subjects_0_text", "Asiakkaat").await;
    step_shot(&c, "04-register").await;
    next(&c).await;

    // 4. Purposes: legitimate interest asks for the interest.
    click(&c, "#f_purposes_items-add").await;
    type_into(
        &c,
        "f_purposes_items_0_text",
        "Ajanvaraus ja asiakassuhteen hoito",
    )
    .await;
    select(
        &c,
        "f_purposes_items_0_basis",
        "Oikeutettu etu (6 art. 1 f)",
    )
    .await;
    type_into(
        &c,
        "f_purposes_items_0_interest",
        "Asiakassuhteen hoitaminen",
    )
    .await;
    step_shot(&c, "05-purposes").await;
    next(&c).await;

    // 5. Data.
    click(&c, "#f_data_items-add").await;
    type_into(&c, "f_data_items_0_text", "Nimi ja puhelinnumero").await;
    choose(&c, "#f_data_items_0_required-yes").await;
    saved(&c).await;
    type_into(&c, "f_data_items_0_if_not_provided", "Aikaa ei voi varata").await;
    choose(&c, "#f_data_children-no").await;
    step_shot(&c, "06-data").await;
    next(&c).await;

    // 6. Sources.
    click(&c, "#f_sources_items-add").await;
    type_into(&c, "f_sources_items_0_text", "Asiakkaalta itseltään").await;
    choose(&c, "#f_sources_items_0_from_subject").await;
    step_shot(&c, "07-sources").await;
    next(&c).await;

    // 7. Recipients.
    click(&c, "#f_recipients_items-add").await;
    type_into(&c, "f_recipients_items_0_name", "Tilitoimisto Esimerkki Oy").await;
    type_into(&c, "f_recipients_items_0_description", "kirjanpito").await;
    step_shot(&c, "08-recipients").await;
    next(&c).await;

    // 8. Transfers.
    choose(&c, "#f_transfers_outside_eea-no").await;
    step_shot(&c, "09-transfers").await;
    next(&c).await;

    // 9. Retention.
    click(&c, "#f_retention_items-add").await;
    type_into(&c, "f_retention_items_0_applies_to", "Kirjanpitoaineisto").await;
    type_into(&c, "f_retention_items_0_period-amount", "6").await;
    select(&c, "f_retention_items_0_period-unit", "vuotta").await;
    step_shot(&c, "10-retention").await;
    next(&c).await;

    // 10. Security.
    click(&c, "#f_security_electronic-add").await;
    type_into(
        &c,
        "f_security_electronic_0_text",
        "Ajanvarausjärjestelmä on suojattu salasanalla.",
    )
    .await;
    step_shot(&c, "11-security").await;
    next(&c).await;

    // 11. Cookies.
    choose(&c, "#f_cookies_used-no").await;
    step_shot(&c, "12-cookies").await;
    next(&c).await;

    // 12. Automated decisions.
    // Each answer is saved before the next click: the core's answer updates the step's
    // findings above the form, and a click aimed before that lands where the form was.
    choose(&c, "#f_automated_decisions-no").await;
    saved(&c).await;
    choose(&c, "#f_automated_profiling-no").await;
    step_shot(&c, "13-automated").await;
    next(&c).await;

    // 13. Rights.
    type_into(
        &c,
        "f_rights_how_to",
        "Lähetä pyyntö sähköpostitse osoitteeseen aino@parturi-aakkonen.fi.",
    )
    .await;
    step_shot(&c, "14-rights").await;
    next(&c).await;

    // 14. Changes.
    type_into(
        &c,
        "f_changes_text",
        "Ilmoitamme muutoksista verkkosivuillamme.",
    )
    .await;
    step_shot(&c, "15-changes").await;
    saved(&c).await;

    // Every step is complete now (all answered, nothing invalid, no error from the check).
    let marks = c.find_all(Locator::Css(".steps .mark")).await.unwrap();
    assert_eq!(marks.len(), 14);
    for m in &marks {
        let done = m.attr("data-done").await.unwrap();
        let step = m
            .find(Locator::XPath("./ancestor::button"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            done.as_deref(),
            Some("true"),
            "a step is still incomplete: {step}"
        );
    }
    next(&c).await;
    step_shot(&c, "16-export").await;

    // Restart the app: the draft is intact.
    c.close().await.unwrap();
    let c = launch(&driver).await;
    let row = text_of(&c, "table.drafts tbody").await;
    assert!(
        row.contains("Nimetön seloste") || row.contains("Seloste"),
        "{row}"
    );
    click(&c, "button.open-draft").await;
    assert_eq!(
        value_of(&c, "f_controllers_0_name").await,
        "Parturi Ääkkönen"
    );
    assert_eq!(
        value_of(&c, "f_controllers_0_business_id").await,
        valid_business_id()
    );
    shot(&c, "17-reopened").await;

    // Readable at 125 % zoom: the purposes step (the longest labels) still fits the window.
    click(&c, "#step-purposes").await;
    c.execute("document.body.style.zoom = '1.25'; return 1", vec![])
        .await
        .unwrap();
    step_shot(&c, "19-purposes-zoom125").await;
    c.execute("document.body.style.zoom = ''; return 1", vec![])
        .await
        .unwrap();

    // Export: HTML file, PDF, the snippet to the clipboard.
    click(&c, "#step-export").await;
    click(&c, "#export-pdf").await;
    wait_for(&c, "#export-result .saved-path").await;
    let pdf = std::fs::read(sb.exports.join("tietosuojaseloste.pdf"))
        .expect("the PDF was written where the user chose");
    assert!(pdf.starts_with(b"%PDF-"));
    let out = Command::new("pdftotext")
        .arg(sb.exports.join("tietosuojaseloste.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Parturi Ääkkönen") && text.contains("Asiakasrekisteri"),
        "the PDF lacks the notice: {text}"
    );
    click(&c, "#export-html").await;
    eventually("the HTML file is written", || async {
        sb.exports.join("tietosuojaseloste.html").exists()
    })
    .await;
    wait_for(&c, "#export-result .saved-path").await;
    let html_files: Vec<_> = std::fs::read_dir(&sb.exports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert_eq!(html_files.len(), 1, "{html_files:?}");
    let html = std::fs::read_to_string(&html_files[0]).unwrap();
    assert!(
        html.contains("Parturi Ääkkönen") && html.contains("Asiakasrekisteri"),
        "the HTML export lacks the notice"
    );
    assert!(html.contains(&valid_business_id()));
    assert!(html.contains("<html") && html.contains("lang=\"fi\""));

    click(&c, "#copy-snippet").await;
    eventually("the snippet is copied", || async {
        text_of(&c, "#export-result").await.contains("kopioitiin leikepöydälle")
    })
    .await;
    // Read the clipboard back as another program would (the app owns the selection while it runs).
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip runs");
    let clip = String::from_utf8_lossy(&out.stdout);
    assert!(
        clip.contains("seloste-notice") && clip.contains("Parturi Ääkkönen"),
        "clipboard: {clip}"
    );
    shot(&c, "18-exported").await;

    // The short first layer: no address of the published notice yet, so it is copied without
    // links and the message says where to add the address.
    click(&c, "#copy-first-layer").await;
    eventually("the first layer is copied", || async {
        text_of(&c, "#export-result").await.contains("ilman linkkejä")
    })
    .await;
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .expect("xclip runs");
    let clip = String::from_utf8_lossy(&out.stdout);
    assert!(
        clip.contains("seloste-first-layer") && clip.contains("Parturi Ääkkönen"),
        "clipboard: {clip}"
    );

    // Publish a version with a change-log line; the start screen then shows it as published.
    type_into(&c, "publish-note", "Ensimmäinen versio").await;
    click(&c, "#publish").await;
    eventually("the version is published", || async {
        text_of(&c, "#publish-result").await.contains("julkaistiin")
    })
    .await;
    eventually("the change log shows the note", || async {
        preview_text(&c).await.contains("Ensimmäinen versio")
    })
    .await;
    click(&c, "#nav-home").await;
    let badge = text_of(&c, "table.drafts tbody .badge").await;
    assert!(badge.starts_with("Julkaistu"), "{badge}");
    shot(&c, "19-published").await;
    c.close().await.unwrap();
    assert!(sb.db().exists());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_mistyped_business_id_shows_its_message_in_finnish() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    new_from_preset(&c, "").await;
    type_into(&c, "f_controllers_0_business_id", "1234567-8").await;
    let err = wait_for(&c, "#f_controllers_0_business_id-error")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        err.contains("Y-tunnu") && err.contains("tarkistusmerkki"),
        "the message should name the field and the fault: {err}"
    );
    let field = wait_for(&c, "#f_controllers_0_business_id").await;
    assert_eq!(
        field.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    shot(&c, "20-business-id-error").await;
    // The same message in Swedish when the interface language changes.
    wait_for(&c, "#ui-lang")
        .await
        .select_by_value("sv")
        .await
        .unwrap();
    eventually("the message is in Swedish", || async {
        match c
            .find(Locator::Css("#f_controllers_0_business_id-error"))
            .await
        {
            Ok(e) => e.text().await.unwrap_or_default().contains("FO-nummer"),
            Err(_) => false,
        }
    })
    .await;
    assert_eq!(
        text_of(&c, "#step-title").await,
        "1. Personuppgiftsansvarig"
    );
    shot(&c, "20b-business-id-error-sv").await;
    wait_for(&c, "#ui-lang")
        .await
        .select_by_value("fi")
        .await
        .unwrap();
    eventually("the wizard is in Finnish again", || async {
        text_of(&c, "#step-title").await == "1. Rekisterinpitäjä"
    })
    .await;
    // Fixing it removes the message.
    type_into(&c, "f_controllers_0_business_id", &valid_business_id()).await;
    eventually("the message goes away", || async {
        c.find(Locator::Css("#f_controllers_0_business_id-error"))
            .await
            .is_err()
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_sports_club_adds_a_camera_register_and_gives_it_a_purpose() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    new_from_preset(&c, "association_members").await;
    click(&c, "#step-register").await;
    // Two registers; each gets its id from the core with the save that follows the click.
    click(&c, "#f_register_activities-add").await;
    type_into(&c, "f_register_activities_0_name", "Jäsenrekisteri").await;
    click(&c, "#f_register_activities-add").await;
    type_into(&c, "f_register_activities_1_name", "Kameravalvonta").await;
    saved(&c).await;
    eventually("the preview lists the registers", || async {
        let p = preview_text(&c).await;
        p.contains("Rekisterit") && p.contains("Kameravalvonta")
    })
    .await;
    // The first purpose is the camera's own: the preview groups the purposes.
    click(&c, "#step-purposes").await;
    click(&c, "#f_purposes_items_0_activities-1").await;
    saved(&c).await;
    eventually("the purposes are grouped by register", || async {
        preview_text(&c).await.contains("Kaikki rekisterit")
    })
    .await;
    shot(&c, "22-registers").await;
    // The camera register removed: its purpose belongs to all again, and no group is left.
    click(&c, "#step-register").await;
    let removes = c
        .find_all(Locator::Css("#f_register_activities .list-item button.danger"))
        .await
        .unwrap();
    assert_eq!(removes.len(), 2);
    removes[1].click().await.unwrap();
    saved(&c).await;
    eventually("the group is gone with the register", || async {
        let p = preview_text(&c).await;
        !p.contains("Kaikki rekisterit") && !p.contains("Kameravalvonta")
    })
    .await;
    c.close().await.unwrap();
    let store = seloste::store::Store::open(sb.db()).unwrap().store;
    let draft = store.list().unwrap().into_iter().next().expect("the draft");
    let n = store.get(draft.id).unwrap().notice;
    let ids: Vec<&str> = n.register.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["r1"]);
    assert!(n.activity_refs().is_empty(), "no item refers to the removed register");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_damaged_database_is_recovered_and_the_app_says_so() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.db().parent().unwrap()).unwrap();
    std::fs::write(sb.db(), "this is not a database").unwrap();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    let alert = text_of(&c, "#alerts").await;
    assert!(
        !alert.trim().is_empty(),
        "the start screen should say what was done"
    );
    shot(&c, "21-recovered").await;
    // And it works: a new draft can be made.
    new_from_preset(&c, "").await;
    wait_for(&c, "#form-controller").await;
    let _: Value = c.execute("return 1", vec![]).await.unwrap();
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_failing_export_says_so_in_finnish_and_keeps_the_draft() {
    let sb = Sandbox::new();
    // The folder the "save dialog" answers is a file: writing there must fail.
    std::fs::remove_dir(&sb.exports).unwrap();
    std::fs::write(&sb.exports, "not a folder").unwrap();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    new_from_preset(&c, "sole_trader_customers").await;
    type_into(&c, "f_controllers_0_name", "Kuvaamo Ääkkönen").await;
    saved(&c).await;
    click(&c, "#step-export").await;
    click(&c, "#export-html").await;
    if let Ok(ok) = c.find(Locator::Css("#modal-ok")).await {
        ok.click().await.unwrap(); // the check's errors, confirmed
    }
    let msg = text_of(&c, "#export-result .field-error").await;
    assert!(
        msg.starts_with("Tiedoston kirjoittaminen epäonnistui"),
        "{msg}"
    );
    assert!(!msg.contains("os error"), "no raw Rust error: {msg}");
    shot(&c, "22-export-failed").await;
    // The draft is intact.
    click(&c, "#nav-home").await;
    click(&c, "button.open-draft").await;
    assert_eq!(
        value_of(&c, "f_controllers_0_name").await,
        "Kuvaamo Ääkkönen"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn an_old_notice_is_imported_reviewed_and_saved() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/seeds/000_06f1b8572d39c73c.txt");
    // One more line: a Gmail address, from which the importer may only suggest Google.
    let text = std::fs::read_to_string(seed).unwrap()
        + "\n\nVoit ottaa yhteyttä myös osoitteeseen myynti.tuki@gmail.com.\n";
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    click(&c, "#import-open").await;
    // Pasting: the text arrives in the field at once, as with Ctrl+V.
    wait_for(&c, "#import-text").await;
    c.execute(
        "document.getElementById('import-text').value = arguments[0]; return 1",
        vec![Value::from(text)],
    )
    .await
    .unwrap();
    shot(&c, "23-import-paste").await;
    click(&c, "#import-paste").await;
    // Review before saving: the wizard shows what was recognised, nothing is stored yet.
    wait_for(&c, "#import-banner").await;
    assert_eq!(
        value_of(&c, "f_controllers_0_name").await,
        "Productive Software Solutions Oy"
    );
    assert_eq!(text_of(&c, "#save-state").await, "Ei tallennettu");
    // What to look at, and the suggestion: Google is not in the draft until accepted.
    let banner = text_of(&c, "#import-banner").await;
    assert!(banner.contains("Luettiin suoraan selosteesta"), "{banner}");
    let offers = text_of(&c, "#import-offers").await;
    assert!(offers.contains("Google Workspace"), "{offers}");
    assert!(!preview_text(&c).await.contains("Google Workspace"), "Google Workspace asserted before it was accepted");
    shot(&c, "24-import-review").await;
    click(&c, "#import-accept-0").await;
    eventually("the accepted service is in the notice", || async {
        preview_text(&c).await.contains("Google Workspace")
    })
    .await;
    assert!(c.find(Locator::Css("#import-offers")).await.is_err(), "the accepted offer is still listed");
    click(&c, "#step-contact").await;
    assert_eq!(value_of(&c, "f_contact_name").await, "Lauri Alasaukko-oja");
    click(&c, "#import-save").await;
    saved(&c).await;
    click(&c, "#nav-home").await;
    let row = text_of(&c, "table.drafts tbody").await;
    assert!(row.contains("Tuotu seloste"), "{row}");
    c.close().await.unwrap();
}

/// The app's own page is still shown, with the wizard in it.
async fn still_the_wizard(c: &fantoccini::Client, what: &str) {
    let url = c.current_url().await.unwrap();
    assert!(
        url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost"),
        "{what}: the window went to {url}"
    );
    wait_for(c, "#preview").await;
    wait_for(c, "#nav-next").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_preview_link_opens_in_the_browser_and_the_wizard_stays() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    new_from_preset(&c, "sole_trader_customers").await;
    wait_for(&c, "#form-controller").await;
    // Owner text that would navigate if it were markup comes out as text.
    let hostile = "<meta http-equiv=\"refresh\" content=\"0;url=https://example.com/\"><a href=\"https://example.com/\">x</a>";
    type_into(&c, "f_controllers_0_name", hostile).await;
    eventually("the preview shows the text as typed", || async {
        preview_text(&c).await.contains("http-equiv")
    })
    .await;
    saved(&c).await;
    // The complaint section always links the authority's web site.
    let link = wait_for(&c, "#preview a[href^='http']").await;
    let href = link.attr("href").await.unwrap().unwrap();
    let links = c.find_all(Locator::Css("#preview a")).await.unwrap();
    for a in &links {
        let h = a.attr("href").await.unwrap().unwrap_or_default();
        assert!(!h.contains("example.com"), "owner text became a link: {h}");
    }
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'}); return 1",
        vec![serde_json::to_value(&link).unwrap()],
    )
    .await
    .unwrap();
    link.click().await.unwrap();
    eventually("the link went to the system browser", || async {
        sb.opened()
            .iter()
            .any(|u| u.trim_end_matches('/') == href.trim_end_matches('/'))
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    still_the_wizard(&c, "after clicking a preview link").await;
    shot(&c, "25-preview-link-clicked").await;
    // Script in the page cannot navigate away either: the navigation guard refuses it.
    c.execute(
        "setTimeout(() => { location.href = 'https://example.com/'; }, 10); return 1",
        vec![],
    )
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    still_the_wizard(&c, "after a scripted navigation").await;
    assert_eq!(
        sb.opened().len(),
        1,
        "only the clicked link was opened: {:?}",
        sb.opened()
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn the_window_answers_while_a_slow_import_runs() {
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/seeds/000_06f1b8572d39c73c.txt");
    let text = std::fs::read_to_string(seed).unwrap();
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    c.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
        Some(std::time::Duration::from_secs(120)),
        None,
        None,
    ))
    .await
    .unwrap();
    // In the page: time a small import to size one that takes at least 3 s here, start that
    // one, and while it runs, ask the window for answers — a command on the async runtime
    // (list_drafts), one on the main thread (set_ui_lang) and a DOM round trip.
    let script = r#"
        const [text, done] = [arguments[0], arguments[arguments.length - 1]];
        const invoke = window.__TAURI__.core.invoke;
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        // Copies that differ in every line (the importer reads a word-for-word repeat once).
        const many = (n) => Array.from({ length: n }, (_, i) =>
            text.split("\n").map((l) => (l.trim() ? `${l} ${i}` : l)).join("\n")).join("\n");
        (async () => {
            // The time a copy adds (the difference of 20 and 40 copies): timing 20 alone
            // counted the fixed cost of an import too, and sized an import that ended early.
            const timed = async (n) => {
                const t0 = performance.now();
                await invoke("import_text", { text: many(n) });
                return performance.now() - t0;
            };
            const t20 = await timed(20);
            const t40 = await timed(40);
            const perCopy = Math.max((t40 - t20) / 20, t40 / 80, 0.01);
            let t;
            const maxCopies = Math.floor(15e6 / (text.length * 1.1));
            const copies = Math.min(maxCopies, Math.ceil(3000 / perCopy));
            let finished = null;
            const started = performance.now();
            invoke("import_text", { text: many(copies) })
                .then(() => { finished = performance.now(); }, () => { finished = performance.now(); });
            await sleep(300);
            const answers = [];
            for (let i = 0; i < 12; i++) {
                t = performance.now();
                await invoke("list_drafts");
                await invoke("set_ui_lang", { lang: "fi" });
                document.getElementById("main").getBoundingClientRect();
                answers.push(performance.now() - t);
                await sleep(80);
            }
            const runningAfterAnswers = finished === null;
            while (finished === null) await sleep(100);
            done({ answers, runningAfterAnswers, copies, importMs: finished - started, mb: text.length * copies / 1e6 });
        })().catch((e) => done({ error: String(e && (e.message || e.detail) || e) }));
    "#;
    let r = c
        .execute_async(script, vec![Value::from(text)])
        .await
        .unwrap();
    eprintln!("e2e: slow import: {r}");
    assert!(r.get("error").is_none(), "{r}");
    assert!(
        r["runningAfterAnswers"].as_bool().unwrap(),
        "the import finished before the answers were timed, so this proves nothing: {r}"
    );
    let mut answers: Vec<f64> = r["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    answers.sort_by(f64::total_cmp);
    let median = answers[answers.len() / 2];
    // Within 100 ms (the median; one slow answer on a busy shared machine is allowed up to 250 ms).
    assert!(
        median < 100.0,
        "median answer {median:.0} ms while importing: {r}"
    );
    assert!(answers.last().unwrap() < &250.0, "slowest answer: {r}");
    still_the_wizard_or_start(&c).await;
    c.close().await.unwrap();
}

/// The window still shows the app (the start screen or the wizard).
async fn still_the_wizard_or_start(c: &fantoccini::Client) {
    let url = c.current_url().await.unwrap();
    assert!(
        url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost"),
        "{url}"
    );
    wait_for(c, "body[data-ready='true']").await;
}

/// A barber's site on 127.0.0.1 with Google Analytics 4 (gtag) and the Meta Pixel, and a
/// second page without either.
const SCAN_HOME: &str = r#"<!doctype html><html lang="fi"><head><title>Parturi Testi</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-PARTURI123"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-PARTURI123');</script>
<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){};t=b.createElement(e);t.async=!0;t.src=v;
s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/fi_FI/fbevents.js');
fbq('init','1234567890123');fbq('track','PageView');</script></head>
<body><h1>Parturi Testi</h1><a href="/hinnasto">Hinnasto</a></body></html>"#;
const SCAN_PRICES: &str = r#"<!doctype html><html lang="fi"><head><title>Hinnasto</title></head>
<body><h1>Hinnasto</h1><p>Hiustenleikkuu 30 €</p><a href="/">Etusivu</a></body></html>"#;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn the_website_check_finds_two_services_and_adds_them_with_their_cookies() {
    let site = site::serve(&[("/", SCAN_HOME), ("/hinnasto", SCAN_PRICES)]);
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    new_from_preset(&c, "").await;
    type_into(&c, "f_controllers_0_name", "Parturi Testi").await;
    saved(&c).await;

    // The cookies step: the notice names no cookies yet, and the declaration says so.
    click(&c, "#step-cookies").await;
    wait_for(&c, "#declaration-empty").await;
    let before = preview_text(&c).await;
    assert!(!before.contains("_fbp") && !before.contains("Meta Platforms"), "{before}");

    // Scan the local site from the app, in the recipients step.
    click(&c, "#step-recipients").await;
    click(&c, "#scan-open").await;
    type_into(&c, "scan-url", &site.base).await;
    click(&c, "#scan-run").await;
    wait_for(&c, "#scan-add-meta_pixel").await;
    let missing = c.find_all(Locator::Css("#scan-missing li")).await.unwrap();
    assert_eq!(missing.len(), 2, "{}", text_of(&c, "#scan-missing").await);
    let listed = text_of(&c, "#scan-missing").await;
    assert!(listed.contains("Google") && listed.contains("Meta Platforms"), "{listed}");
    assert!(text_of(&c, "#scan-result").await.contains("Luettuja sivuja: 2"));
    // The checker uses the stored scan: its finding names the scan's date.
    eventually("the step's findings quote the website check", || async {
        c.find(Locator::Css("#step-findings")).await.is_ok()
            && text_of(&c, "#step-findings").await.contains("Sivuston tarkistus")
    })
    .await;
    c.execute("document.getElementById('scan-box').scrollIntoView(); return 1", vec![]).await.unwrap();
    shot(&c, "30-scan-results").await;
    let problems = accessibility_problems(&c).await;
    assert!(problems.is_empty(), "{problems:?}");

    // One click each: the recipient and its cookies come from the catalogue.
    click(&c, "#scan-add-google_analytics").await;
    eventually("Google Analytics is added", || async {
        c.find(Locator::Css("#scan-add-google_analytics")).await.is_err()
    })
    .await;
    click(&c, "#scan-add-meta_pixel").await;
    wait_for(&c, "#scan-none").await;
    saved(&c).await;
    // No finding of the scan says a service is missing any more.
    eventually("the scan findings about missing services are gone", || async {
        c.find(Locator::Css("#step-findings")).await.is_err()
            || !text_of(&c, "#step-findings").await.contains("mutta seloste ei mainitse")
    })
    .await;

    // The notice (preview) names both services and their cookies …
    eventually("the preview names both services and their cookies", || async {
        let p = preview_text(&c).await;
        p.contains("Meta Platforms") && p.contains("Google") && p.contains("_fbp") && p.contains("_ga")
    })
    .await;
    // … and so does the cookie declaration (cookies step), with the banner's accept and refuse
    // side by side.
    click(&c, "#step-cookies").await;
    eventually("the declaration lists the new cookies", || async {
        c.find(Locator::Css("#declaration-table")).await.is_ok() && {
            let t = text_of(&c, "#declaration-table").await;
            t.contains("_fbp") && t.contains("_ga")
        }
    })
    .await;
    let banner = text_of(&c, "#declaration-banner").await;
    assert!(banner.contains("Hyväksy kaikki") && banner.contains("Vain välttämättömät"), "{banner}");
    c.execute("document.getElementById('declaration').scrollIntoView(); return 1", vec![]).await.unwrap();
    shot(&c, "31-scan-added-declaration").await;
    let problems = accessibility_problems(&c).await;
    assert!(problems.is_empty(), "{problems:?}");

    // Save the declaration: the file has the table and the banner.
    click(&c, "#declaration-export").await;
    let file = sb.exports.join("evasteseloste.html");
    eventually("the declaration is saved", || async { file.exists() }).await;
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<code>_fbp</code>") && html.contains("data-choice=\"reject\""), "{html}");
    c.close().await.unwrap();
    drop(site);
}

/// The hairdresser of issue 16: a Tmi that records allergies, takes bookings in Timma, has an
/// Instagram account and an accountant. From the start screen through the interview to an
/// exported PDF; prints the clicks and typed fields it took, and checks that ticking a clause
/// in a long step keeps the page where it was (no scroll jump, focus on the same box).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_hairdresser_answers_the_interview_and_exports_a_correct_notice() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    let mut clicks = 0;
    let mut typed = 0;
    macro_rules! tap {
        ($css:expr) => {{
            click(&c, $css).await;
            clicks += 1;
        }};
    }
    macro_rules! write {
        ($id:expr, $text:expr) => {{
            type_into(&c, $id, $text).await;
            typed += 1;
        }};
    }

    tap!("#interview-open");
    wait_for(&c, "#interview").await;
    shot(&c, "40-interview").await;
    let problems = accessibility_problems(&c).await;
    assert!(problems.is_empty(), "interview: {problems:?}");
    // Creating without saying what the business does is refused with a sentence.
    tap!("#interview-create");
    let err = text_of(&c, "#interview-error").await;
    assert!(err.contains("Valitse ensin"), "{err}");

    tap!("#q-trade-hair_beauty");
    tap!("#q-website-yes");
    write!("q-social-search", "insta");
    tap!("#q-social-instagram");
    tap!("#q-online_sales-no");
    // The follow-up of a "no" is not asked.
    let hidden = c
        .execute("return document.getElementById('q-payment_services').hidden", vec![])
        .await
        .unwrap();
    assert_eq!(hidden, Value::Bool(true));
    tap!("#q-bookings-yes");
    write!("q-booking_services-search", "timma");
    tap!("#q-booking_services-timma");
    tap!("#q-newsletter-no");
    tap!("#q-sensitive-yes");
    tap!("#q-children-no");
    tap!("#q-job_applicants-no");
    tap!("#q-camera-no");
    tap!("#q-accountant-yes");
    shot(&c, "41-interview-answered").await;
    tap!("#interview-create");

    // The wizard opens on the draft the answers built; the owner adds who she is.
    wait_for(&c, "#form-controller").await;
    write!("f_controllers_0_name", "Parturi Kultasakset");
    write!("f_controllers_0_business_id", &valid_business_id());
    write!("f_controllers_0_address_street", "Rantakatu 3");
    write!("f_controllers_0_address_postal_code", "33100");
    write!("f_controllers_0_address_city", "Tampere");
    write!("f_controllers_0_email", "info@kultasakset.fi");
    saved(&c).await;
    eventually("the preview shows the booking system and the allergies", || async {
        let p = preview_text(&c).await;
        p.contains("Parturi Kultasakset") && p.contains("Timma") && p.to_lowercase().contains("allergi")
    })
    .await;
    let p = preview_text(&c).await;
    // Explicit consent for the allergies brings the right to withdraw it.
    assert!(p.contains("peruuttaa") || p.contains("peru"), "no withdrawal right: {p}");
    // Nothing she did not say: no web shop, no newsletter, no camera.
    for not_said in ["uutiskirje", "kameravalvon", "verkkokaup"] {
        assert!(!p.to_lowercase().contains(not_said), "{not_said} asserted: {p}");
    }
    shot(&c, "42-interview-draft").await;

    // A tick in a long step keeps the page still: same scroll position, focus on the box.
    tap!("#step-recipients");
    wait_for(&c, "fieldset.picks[data-loaded]").await;
    // The long list of services is grouped by what they do, folded; the booking system she
    // chose in the interview is on top.
    let chosen = text_of(&c, "fieldset.picks .pick-chosen").await;
    assert!(chosen.contains("Timma"), "{chosen}");
    tap!("fieldset.picks details.pick-group > summary");
    let moved = c
        .execute(
            r#"const main = document.getElementById('main');
               const boxes = [...document.querySelectorAll('fieldset.picks details[open] input[type=checkbox]:not(:checked)')];
               const box = boxes[boxes.length - 1];
               box.scrollIntoView({ block: 'center' });
               const top = main.scrollTop;
               const id = box.id;
               const card = document.querySelector('fieldset.list .list-item');
               if (card) card.drawnBefore = true;
               box.focus({ preventScroll: true });
               box.click();
               return new Promise((resolve) => setTimeout(() => resolve({
                 before: top, after: main.scrollTop, focus: document.activeElement && document.activeElement.id, id,
                 checked: document.getElementById(id).checked, same: document.getElementById(id) === box,
                 open: document.getElementById(id).closest('details')?.open ?? null,
                 cardKept: !!document.querySelector('fieldset.list .list-item')?.drawnBefore,
                 err: document.getElementById('alerts').textContent }), 1500));"#,
            vec![],
        )
        .await
        .unwrap();
    eprintln!("e2e: tick in a long step: {moved}");
    assert_eq!(moved["before"], moved["after"], "the page jumped: {moved}");
    assert_eq!(moved["focus"], moved["id"], "focus left the box: {moved}");
    assert_eq!(moved["checked"], Value::Bool(true));
    // Updated in place: the boxes and the booking system's card are the nodes drawn before.
    assert_eq!(moved["same"], Value::Bool(true), "the tick redrew the boxes: {moved}");
    assert_eq!(moved["cardKept"], Value::Bool(true), "the tick redrew an unchanged card: {moved}");
    // Untick it again (it was only a test of the page).
    c.execute(
        "const b = document.getElementById(arguments[0]); b.click(); return 1",
        vec![moved["id"].clone()],
    )
    .await
    .unwrap();
    saved(&c).await;
    // A card kept across ticks still edits the draft as it is now (the core's answer replaced
    // the notice): a word added to its name reaches the preview, and is taken away again.
    let edit_name = "const el = document.getElementById('f_recipients_items_0_name'); \
                     el.value = arguments[0] ? el.value + ' Testisana' : el.value.replace(' Testisana', ''); \
                     el.dispatchEvent(new Event('input', { bubbles: true })); return el.value";
    c.execute(edit_name, vec![Value::Bool(true)]).await.unwrap();
    eventually("the kept card's edit reaches the preview", || async {
        preview_text(&c).await.contains("Testisana")
    })
    .await;
    c.execute(edit_name, vec![Value::Bool(false)]).await.unwrap();
    eventually("the edit is taken back", || async {
        !preview_text(&c).await.contains("Testisana")
    })
    .await;
    saved(&c).await;

    tap!("#step-export");
    let check = text_of(&c, "#findings").await;
    eprintln!("e2e: the hairdresser's check:\n{check}");
    let errors = c.find_all(Locator::Css("#findings ul.sev-error li")).await.unwrap();
    assert!(errors.is_empty(), "the check finds errors: {check}");
    tap!("#export-pdf");
    if c.find(Locator::Css("#modal-ok")).await.is_ok() {
        tap!("#modal-ok");
    }
    wait_for(&c, "#export-result .saved-path").await;
    assert!(sb.exports.join("tietosuojaseloste.pdf").exists());
    shot(&c, "43-interview-exported").await;
    eprintln!("e2e: the hairdresser took {clicks} clicks and {typed} typed fields");
    assert!(typed <= 12, "{typed} typed fields");
    assert!(clicks <= 35, "{clicks} clicks");
    c.close().await.unwrap();
}

/// The Swedish-speaking yoga teacher of issue 16: the interface in Swedish, the interview,
/// the draft it makes. No Finnish interface text may show on any of these screens, and the
/// draft opens in Swedish (the language she answered in).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_swedish_yoga_teacher_sees_no_finnish() {
    // Every Finnish interface string that differs from its Swedish one (long enough to be
    // unmistakable), from the same data the app shows.
    let finnish: Vec<String> = ui_strings()
        .values()
        .filter_map(|t| {
            let (fi, sv) = (t["fi"].as_str()?, t["sv"].as_str()?);
            (fi != sv && fi.chars().count() >= 8 && !fi.contains('{')).then(|| fi.to_string())
        })
        .collect();
    async fn no_finnish(c: &fantoccini::Client, finnish: &[String], screen: &str) {
        let text = text_of(c, "body").await;
        let left: Vec<&String> = finnish.iter().filter(|f| text.contains(f.as_str())).collect();
        assert!(left.is_empty(), "{screen}: Finnish left on the Swedish screen: {left:?}");
    }
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    select(&c, "ui-lang", "svenska").await;
    eventually("the interface is Swedish", || async {
        text_of(&c, "#interview-open").await.contains("Svara")
    })
    .await;
    no_finnish(&c, &finnish, "start").await;
    click(&c, "#interview-open").await;
    wait_for(&c, "#interview").await;
    no_finnish(&c, &finnish, "interview").await;
    click(&c, "#q-trade-fitness_wellness").await;
    click(&c, "#q-website-no").await;
    click(&c, "#q-bookings-yes").await;
    click(&c, "#q-sensitive-no").await;
    click(&c, "#q-children-no").await;
    shot(&c, "45-interview-sv").await;
    click(&c, "#interview-create").await;
    wait_for(&c, "#form-controller").await;
    eventually("the preview is drawn", || async { !preview_text(&c).await.trim().is_empty() }).await;
    no_finnish(&c, &finnish, "wizard").await;
    let lang = c
        .execute("return document.getElementById('preview-lang').value", vec![])
        .await
        .unwrap();
    assert_eq!(lang, Value::from("sv"), "the draft opens in the language she answered in");
    let p = preview_text(&c).await;
    assert!(p.contains("Dataskyddsbeskrivning") || p.contains("personuppgift"), "{p}");
    shot(&c, "46-wizard-sv").await;
    c.close().await.unwrap();
}

/// Issue 16: every screen in Swedish and in English, walked as a user would (start, the about
/// box, import, the interview, every step of the wizard, the check), with no interface string
/// of another language left on it. The strings come from the data the app shows; a string that
/// the language's own texts contain on purpose (a name, "Y-tunnus" in a label) does not count.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn every_screen_in_swedish_and_english_has_no_other_language_left() {
    let strings = &ui_strings();
    for (label, lang, trade) in [("svenska", "sv", "photographer"), ("English", "en", "hair_beauty")] {
        let own: Vec<&str> = strings.values().filter_map(|t| t[lang].as_str()).collect();
        let foreign: Vec<String> = strings
            .values()
            .flat_map(|t| ["fi", "sv", "en"].map(|l| (l, t[l].as_str().unwrap_or(""))))
            .filter(|(l, s)| {
                *l != lang
                    && s.chars().count() >= 8
                    && !s.contains('{')
                    && !own.iter().any(|o| o.contains(s))
            })
            .map(|(_, s)| s.to_string())
            .collect();
        let sb = Sandbox::new();
        let driver = start_driver(&sb).await;
        let c = launch(&driver).await;
        select(&c, "ui-lang", label).await;
        let first = strings["interview.start"][lang].as_str().unwrap().to_string();
        eventually("the interface changes language", || async {
            text_of(&c, "#interview-open").await.contains(&first)
        })
        .await;
        let check = |screen: String| {
            let c = &c;
            let foreign = &foreign;
            async move {
                // Each element's own text: a leftover is a label that is another language's
                // string, or a text holding another language's sentence (a service's name such
                // as "Amazon Web Services" is no English leftover on a Swedish screen).
                let texts = c
                    .execute(
                        "return [...document.querySelectorAll('body *')].map(e => [...e.childNodes]
                           .filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim())
                           .filter(Boolean)",
                        vec![],
                    )
                    .await
                    .unwrap();
                let texts: Vec<&str> = texts.as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
                let left: Vec<&String> = foreign
                    .iter()
                    .filter(|f| {
                        texts.iter().any(|t| {
                            t.trim_end_matches([':', '.']) == f.trim_end_matches([':', '.'])
                                || (f.split_whitespace().count() >= 3 && t.contains(f.as_str()))
                        })
                    })
                    .collect();
                assert!(left.is_empty(), "{lang} {screen}: another language left: {left:?}");
            }
        };
        walk_every_screen(&c, trade, check).await;
        shot(&c, &format!("47-every-screen-{lang}")).await;
        c.close().await.unwrap();
    }
}

/// Every screen a user meets, in order: the start screen, the about box, import, "what's new",
/// the interview, then (after starting a draft for `trade`) every step of the wizard. `look`
/// is called on each with its name.
async fn walk_every_screen<F, Fut>(c: &fantoccini::Client, trade: &str, mut look: F)
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    look("start".into()).await;
    click(c, "#about").await;
    wait_for(c, "#about-close").await;
    look("about".into()).await;
    click(c, "#about-close").await;
    click(c, "#import-open").await;
    wait_for(c, "#import-text").await;
    look("import".into()).await;
    click(c, "#back-home").await;
    click(c, "#whats-new").await;
    wait_for(c, "ul.whats-new").await;
    look("whats-new".into()).await;
    click(c, "#back-home").await;
    click(c, "#interview-open").await;
    wait_for(c, "#interview").await;
    look("interview".into()).await;
    click(c, &format!("#q-trade-{trade}")).await;
    click(c, "#interview-create").await;
    wait_for(c, "#form-controller").await;
    let ids = c
        .execute("return [...document.querySelectorAll('nav.steps button')].map(b => b.id)", vec![])
        .await
        .unwrap();
    let ids: Vec<String> = ids
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert!(ids.len() >= 10, "{ids:?}");
    for id in &ids {
        // As a person scrolls the list of steps (its own scroll box when the window is short)
        // to the step: WebKitWebDriver scrolls only the page itself into view for a click.
        c.execute(
            "document.getElementById(arguments[0]).scrollIntoView({ block: 'nearest' }); return 1",
            vec![Value::String(id.clone())],
        )
        .await
        .unwrap();
        click(c, &format!("#{id}")).await;
        wait_for(c, "#step-title").await;
        look(format!("step-{}", id.trim_start_matches("step-"))).await;
    }
}

/// Issue 16: every screen at 1366×768 and 1280×720, and at 125 % zoom, with nothing cut off.
/// Each screen is photographed (`target/e2e-artifacts/fit-*.png`) and checked: nothing is wider
/// than the window, and every visible button, field and link, scrolled into view, is inside the
/// window and is what a click at its centre reaches (not hidden under the top bar or another
/// box). The last step stays reachable, which it was not at 120 % zoom once.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn every_screen_fits_at_1366x768_1280x720_and_125_percent_zoom() {
    const FITS: &str = r#"
        const bad = [];
        const vw = window.innerWidth, vh = window.innerHeight;
        for (const box of [document.documentElement, document.getElementById('main')]) {
            if (box && box.scrollWidth > box.clientWidth + 1) bad.push(`${box.tagName.toLowerCase()}#${box.id} is ${box.scrollWidth}px wide in ${box.clientWidth}px`);
        }
        const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.value || '').trim().slice(0, 30)}"`;
        // With a dialog open, only the dialog is in reach (the rest is behind it on purpose).
        const scope = document.querySelector('.modal-backdrop, [role=dialog], dialog[open]') || document;
        // A control folded away in a closed <details> is not shown; its summary is.
        const folded = (el) => { const d = el.closest('details:not([open])'); return d && el.closest('summary') !== d.querySelector(':scope > summary'); };
        const controls = [...scope.querySelectorAll('button, input, select, textarea, a[href], summary')]
            .filter((el) => !folded(el) && el.offsetParent !== null && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden');
        for (const el of controls) {
            el.scrollIntoView({ block: 'center', inline: 'nearest' });
            const r = el.getBoundingClientRect();
            if (r.width < 1 || r.height < 1) continue;
            if (r.left < -1 || r.right > vw + 1 || r.top < -1 || r.bottom > vh + 1) {
                bad.push(`${name(el)} is outside the window (${Math.round(r.left)},${Math.round(r.top)})–(${Math.round(r.right)},${Math.round(r.bottom)}) in ${vw}×${vh}`);
                continue;
            }
            const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), vh - 1);
            const hit = document.elementFromPoint(x, y);
            const label = el.id && document.querySelector(`label[for="${el.id}"]`);
            if (hit && hit !== el && !el.contains(hit) && !(label && (label === hit || label.contains(hit))) && !hit.contains(el)) {
                bad.push(`${name(el)} is covered by ${name(hit)}`);
            }
        }
        // Leave every scrolled box (the page, the steps list, the preview) at its top again.
        for (const el of [document.scrollingElement, ...document.querySelectorAll('*')]) {
            if (el && el.scrollTop > 0) el.scrollTop = 0;
        }
        return bad;
    "#;
    // At 125 % zoom a window lays its page out in 1/1.25 of its pixels: 1366×768 becomes
    // 1093×614 CSS pixels and 1280×720 becomes 1024×576. Those sizes at 100 % are the same
    // layout, and WebDriver's clicks stay exact (CSS `zoom` on the body would skew them).
    for (w, h, zoom) in [
        (1366u32, 768u32, 1.0f64),
        (1280, 720, 1.0),
        (1366, 768, 1.25),
        (1280, 720, 1.25),
    ] {
        let sb = Sandbox::new();
        let driver = start_driver(&sb).await;
        let c = launch(&driver).await;
        let (cw, ch) = ((w as f64 / zoom).round() as u32, (h as f64 / zoom).round() as u32);
        c.set_window_size(cw, ch).await.unwrap();
        let size = format!("{w}x{h}-{}", (zoom * 100.0).round());
        let problems = std::cell::RefCell::new(Vec::new());
        let screens = std::cell::Cell::new(0);
        walk_every_screen(&c, "hair_beauty", |screen| {
            screens.set(screens.get() + 1);
            let c = &c;
            let size = &size;
            let problems = &problems;
            async move {
                let bad = c.execute(FITS, vec![]).await.unwrap();
                for b in bad.as_array().unwrap() {
                    problems
                        .borrow_mut()
                        .push(format!("{size} {screen}: {}", b.as_str().unwrap_or("?")));
                }
                shot(c, &format!("fit-{size}-{screen}")).await;
            }
        })
        .await;
        let problems = problems.into_inner();
        eprintln!(
            "e2e: {size}: {} screens looked at, {} problems",
            screens.get(),
            problems.len()
        );
        assert!(problems.is_empty(), "cut off or covered:\n{}", problems.join("\n"));
        c.close().await.unwrap();
    }
}
