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

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const APP: &str = env!("CARGO_BIN_EXE_seloste-app");

/// A tauri-driver process on a free port, killed on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    /// Ends tauri-driver with everything it started (WebKitWebDriver and the app), even when a
    /// test failed before closing its session: a copy left running would make the next one exit
    /// at once (the single-instance plugin).
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find_tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cargo"));
    let p = cargo_home.join("bin/tauri-driver");
    assert!(
        p.exists(),
        "tauri-driver is not installed ({}): run scripts/test.sh, which installs it",
        p.display()
    );
    p
}

/// The folders one run of the app uses.
struct Sandbox {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    config: PathBuf,
    exports: PathBuf,
}

impl Sandbox {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let s = Sandbox {
            data: tmp.path().join("data"),
            config: tmp.path().join("config"),
            exports: tmp.path().join("exports"),
            _tmp: tmp,
        };
        for d in [&s.data, &s.config, &s.exports] {
            std::fs::create_dir_all(d).unwrap();
        }
        s
    }

    fn db(&self) -> PathBuf {
        self.data.join("seloste/seloste.db")
    }
}

async fn start_driver(sb: &Sandbox) -> Driver {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run the e2e tests under Xvfb (scripts/test.sh does)"
    );
    assert!(
        Path::new("/usr/bin/WebKitWebDriver").exists(),
        "WebKitWebDriver is missing: apt-get install webkit2gtk-driver"
    );
    let port = free_port();
    let native = free_port();
    let child = Command::new(find_tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("XDG_DATA_HOME", &sb.data)
        .env("XDG_CONFIG_HOME", &sb.config)
        .env("SELOSTE_EXPORT_DIR", &sb.exports)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env_remove("SELOSTE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("tauri-driver starts");
    let driver = Driver { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpListener::bind(("127.0.0.1", port)).is_ok() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on port {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    driver
}

async fn launch(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert("tauri:options".into(), json!({ "application": APP }));
    let mut last = None;
    for _ in 0..20 {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
        {
            Ok(c) => {
                wait_for(&c, "body[data-ready='true']").await;
                return c;
            }
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        }
    }
    panic!("could not start a WebDriver session with the app: {last:?}");
}

async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
}

async fn click(c: &Client, css: &str) {
    wait_for(c, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

async fn type_into(c: &Client, id: &str, text: &str) {
    let el = wait_for(c, &format!("#{id}")).await;
    el.clear().await.unwrap();
    el.send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("type into #{id}: {e}"));
}

async fn select(c: &Client, id: &str, label: &str) {
    wait_for(c, &format!("#{id}"))
        .await
        .select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("select {label} in #{id}: {e}"));
}

async fn text_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.text().await.unwrap()
}

async fn value_of(c: &Client, id: &str) -> String {
    wait_for(c, &format!("#{id}"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Wait until `f` holds, polling.
async fn eventually<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(10);
    while !f().await {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn saved(c: &Client) {
    eventually("the draft is saved", || async {
        wait_for(c, "#save-state")
            .await
            .attr("data-state")
            .await
            .unwrap()
            .as_deref()
            == Some("save.saved")
    })
    .await;
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of the X display (the app's window as a user sees it). WebKitWebDriver's own
/// screenshot command can hang under Xvfb before the first repaint, so the display is grabbed
/// with ImageMagick's `import` instead; the short pause lets the last change paint.
async fn shot(_c: &Client, name: &str) {
    tokio::time::sleep(Duration::from_millis(150)).await;
    let path = artifacts().join(format!("{name}.png"));
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&path)
        .status()
        .expect("ImageMagick's import runs");
    assert!(status.success(), "screenshot {name} failed");
}

async fn preview_text(c: &Client) -> String {
    text_of(c, "#preview").await
}

async fn next(c: &Client) {
    click(c, "#nav-next").await;
}

/// A valid Finnish business ID built with the core's own check-digit rule.
fn valid_business_id() -> String {
    let digits = [2, 9, 8, 1, 7, 4, 6];
    let check = seloste::validate::business_id_check_digit(&digits)
        .expect("these digits have a check digit");
    format!(
        "{}-{check}",
        digits.iter().map(|d| d.to_string()).collect::<String>()
    )
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_sole_trader_writes_a_customer_register_notice_from_scratch() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    eprintln!("e2e: launched");
    assert_eq!(c.title().await.unwrap(), "Seloste");
    shot(&c, "00-start").await;

    // A new, blank notice.
    click(&c, "button[data-preset='']").await;
    wait_for(&c, "#form-controller").await;
    shot(&c, "01-controller-empty").await;

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
    shot(&c, "02-controller").await;
    next(&c).await;

    // 2. Contact person.
    type_into(&c, "f_contact_name", "Aino Ääkkönen").await;
    type_into(&c, "f_contact_role", "yrittäjä").await;
    type_into(&c, "f_contact_email", "aino@parturi-aakkonen.fi").await;
    shot(&c, "03-contact").await;
    next(&c).await;

    // 3. Register and people.
    type_into(&c, "f_register_name", "Asiakasrekisteri").await;
    click(&c, "#f_register_subjects-add").await;
    type_into(&c, "f_register_subjects_0_text", "Asiakkaat").await;
    shot(&c, "04-register").await;
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
    shot(&c, "05-purposes").await;
    next(&c).await;

    // 5. Data.
    click(&c, "#f_data_items-add").await;
    type_into(&c, "f_data_items_0_text", "Nimi ja puhelinnumero").await;
    click(&c, "#f_data_items_0_required-yes").await;
    type_into(&c, "f_data_items_0_if_not_provided", "Aikaa ei voi varata").await;
    click(&c, "#f_data_children-no").await;
    shot(&c, "06-data").await;
    next(&c).await;

    // 6. Sources.
    click(&c, "#f_sources_items-add").await;
    type_into(&c, "f_sources_items_0_text", "Asiakkaalta itseltään").await;
    click(&c, "#f_sources_items_0_from_subject").await;
    shot(&c, "07-sources").await;
    next(&c).await;

    // 7. Recipients.
    click(&c, "#f_recipients_items-add").await;
    type_into(&c, "f_recipients_items_0_name", "Tilitoimisto Esimerkki Oy").await;
    type_into(&c, "f_recipients_items_0_description", "kirjanpito").await;
    shot(&c, "08-recipients").await;
    next(&c).await;

    // 8. Transfers.
    click(&c, "#f_transfers_outside_eea-no").await;
    shot(&c, "09-transfers").await;
    next(&c).await;

    // 9. Retention.
    click(&c, "#f_retention_items-add").await;
    type_into(&c, "f_retention_items_0_applies_to", "Kirjanpitoaineisto").await;
    type_into(&c, "f_retention_items_0_period-amount", "6").await;
    select(&c, "f_retention_items_0_period-unit", "vuotta").await;
    shot(&c, "10-retention").await;
    next(&c).await;

    // 10. Security.
    click(&c, "#f_security_electronic-add").await;
    type_into(
        &c,
        "f_security_electronic_0_text",
        "Ajanvarausjärjestelmä on suojattu salasanalla.",
    )
    .await;
    shot(&c, "11-security").await;
    next(&c).await;

    // 11. Cookies.
    click(&c, "#f_cookies_used-no").await;
    shot(&c, "12-cookies").await;
    next(&c).await;

    // 12. Automated decisions.
    click(&c, "#f_automated_decisions-no").await;
    click(&c, "#f_automated_profiling-no").await;
    shot(&c, "13-automated").await;
    next(&c).await;

    // 13. Rights.
    type_into(
        &c,
        "f_rights_how_to",
        "Lähetä pyyntö sähköpostitse osoitteeseen aino@parturi-aakkonen.fi.",
    )
    .await;
    shot(&c, "14-rights").await;
    next(&c).await;

    // 14. Changes.
    type_into(
        &c,
        "f_changes_text",
        "Ilmoitamme muutoksista verkkosivuillamme.",
    )
    .await;
    shot(&c, "15-changes").await;
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
    shot(&c, "16-export").await;

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
    let copied = text_of(&c, "#export-result").await;
    assert!(copied.contains("kopioitiin leikepöydälle"), "{copied}");
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
    c.close().await.unwrap();
    assert!(sb.db().exists());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Xvfb, tauri-driver and WebKitWebDriver: run scripts/test.sh"]
async fn a_mistyped_business_id_shows_its_message_in_finnish() {
    let sb = Sandbox::new();
    let driver = start_driver(&sb).await;
    let c = launch(&driver).await;
    click(&c, "button[data-preset='']").await;
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
    click(&c, "button[data-preset='']").await;
    wait_for(&c, "#form-controller").await;
    let _: Value = c.execute("return 1", vec![]).await.unwrap();
    c.close().await.unwrap();
}
