//! Helpers shared by everything that drives the real app: the e2e tests (e2e.rs) and the app
//! rows of the benchmark (`benches/bench/app.rs`, which includes this file): tauri-driver on a
//! free port in its own process group, a sandbox of XDG folders per run, a WebDriver session,
//! and small actions.
#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod site;

/// The app the e2e tests drive: the binary Cargo built for them. (The benchmark, in another
/// package, passes the release binary to [`launch_app`] instead.)
pub const APP: Option<&str> = option_env!("CARGO_BIN_EXE_seloste-app");

/// A tauri-driver process on a free port, killed on drop.
pub struct Driver {
    pub child: Child,
    pub port: u16,
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

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Where tauri-driver is: `$TAURI_DRIVER`, else cargo's bin folder (`$CARGO_HOME`, else
/// `~/.cargo`); `None` when it is not there. The benchmark asks this to skip its rows.
pub fn tauri_driver_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return Some(PathBuf::from(p));
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    Some(cargo_home.join("bin/tauri-driver")).filter(|p| p.exists())
}

/// [`tauri_driver_path`], or a failure saying how to install it (the tests need it).
pub fn find_tauri_driver() -> PathBuf {
    tauri_driver_path().unwrap_or_else(|| {
        panic!("tauri-driver is not installed (TAURI_DRIVER, or cargo's bin folder): run scripts/test.sh, which installs it")
    })
}

/// The interface's strings, as the app shows them (`src/data/ui.json`): key → {fi, sv, en}.
pub fn ui_strings() -> serde_json::Map<String, serde_json::Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/ui.json");
    let path = if path.exists() {
        path
    } else {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/data/ui.json")
    };
    let ui: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("ui.json")).expect("ui.json is JSON");
    ui["strings"].as_object().expect("ui.json strings").clone()
}

/// The folders one run of the app uses.
pub struct Sandbox {
    _tmp: tempfile::TempDir,
    pub data: PathBuf,
    pub config: PathBuf,
    pub exports: PathBuf,
    /// First on the app's PATH: an `xdg-open` that records what the app asked the system to
    /// open (in `opened()`) instead of starting a browser.
    pub bin: PathBuf,
}

impl Sandbox {
    pub fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let s = Sandbox {
            data: tmp.path().join("data"),
            config: tmp.path().join("config"),
            exports: tmp.path().join("exports"),
            bin: tmp.path().join("bin"),
            _tmp: tmp,
        };
        for d in [&s.data, &s.config, &s.exports, &s.bin] {
            std::fs::create_dir_all(d).unwrap();
        }
        let opener = s.bin.join("xdg-open");
        std::fs::write(
            &opener,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n",
                s.opened_log().display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&opener, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        s
    }

    fn opened_log(&self) -> PathBuf {
        self.bin.join("opened.txt")
    }

    /// What the app handed to the system's opener (browser, mail program), one per line.
    pub fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(self.opened_log())
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }

    pub fn db(&self) -> PathBuf {
        self.data.join("seloste/seloste.db")
    }
}

pub async fn start_driver(sb: &Sandbox) -> Driver {
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
        .env(
            "PATH",
            format!(
                "{}:{}",
                sb.bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
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

pub async fn launch(driver: &Driver) -> Client {
    launch_app(
        driver,
        Path::new(APP.expect("Cargo names the app binary for its tests")),
    )
    .await
}

/// A WebDriver session with `app` (a new app process), once its start screen is interactive.
pub async fn launch_app(driver: &Driver, app: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert("tauri:options".into(), json!({ "application": app }));
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

pub async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
}

/// Click the element `css`; looked up again if the page redrew it between finding and
/// clicking (a stale element), as a person's click lands on whatever is there now.
pub async fn click(c: &Client, css: &str) {
    let mut last = None;
    for _ in 0..5 {
        match wait_for(c, css).await.click().await {
            Ok(()) => return,
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("click {css}: {last:?}");
}

/// Choose a radio button or tick a checkbox `css` and wait until the page shows it chosen.
/// A click can land on a node the page is replacing at that moment (the step redraws after
/// each answer), and then nothing is chosen: a person sees that and clicks again, and so does
/// this, at most three times. Whether the choice reached the notice is for the caller to check.
pub async fn choose(c: &Client, css: &str) {
    for _ in 0..3 {
        click(c, css).await;
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(e) = c.find(Locator::Css(css)).await
                && e.is_selected().await.unwrap_or(false)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    panic!("{css} could not be chosen");
}

/// Start a new draft from a starting point (`""` for a blank notice): the list of starting
/// points is folded under the interview's button on the start screen, so open it first.
pub async fn new_from_preset(c: &Client, key: &str) {
    let list = wait_for(c, "#preset-list").await;
    if list.attr("open").await.unwrap().is_none() {
        click(c, "#preset-list > summary").await;
    }
    click(c, &format!("button[data-preset='{key}']")).await;
}

/// Replace the text of a field, as a user typing it; looked up again if the UI redrew it.
pub async fn type_into(c: &Client, id: &str, text: &str) {
    let mut last = None;
    for _ in 0..5 {
        let el = wait_for(c, &format!("#{id}")).await;
        match el.clear().await {
            Ok(()) => match el.send_keys(text).await {
                Ok(()) => return,
                Err(e) => last = Some(e),
            },
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not type into #{id}: {last:?}");
}

pub async fn select(c: &Client, id: &str, label: &str) {
    wait_for(c, &format!("#{id}"))
        .await
        .select_by_label(label)
        .await
        .unwrap_or_else(|e| panic!("select {label} in #{id}: {e}"));
}

/// The text of an element; looked up again if the UI redrew it in between.
pub async fn text_of(c: &Client, css: &str) -> String {
    for _ in 0..5 {
        if let Ok(t) = wait_for(c, css).await.text().await {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not read the text of {css}");
}

pub async fn value_of(c: &Client, id: &str) -> String {
    wait_for(c, &format!("#{id}"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Wait until `f` holds, polling.
pub async fn eventually<F, Fut>(what: &str, mut f: F)
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

pub async fn saved(c: &Client) {
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

pub fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A screenshot of the X display (the app's window as a user sees it). WebKitWebDriver's own
/// screenshot command can hang under Xvfb before the first repaint, so the display is grabbed
/// with ImageMagick's `import` instead; the short pause lets the last change paint.
pub async fn shot(_c: &Client, name: &str) {
    tokio::time::sleep(Duration::from_millis(150)).await;
    let path = artifacts().join(format!("{name}.png"));
    let status = Command::new("import")
        .args(["-window", "root"])
        .arg(&path)
        .status()
        .expect("ImageMagick's import runs");
    assert!(status.success(), "screenshot {name} failed");
}

pub async fn preview_text(c: &Client) -> String {
    text_of(c, "#preview").await
}

pub async fn next(c: &Client) {
    click(c, "#nav-next").await;
}

/// A valid Finnish business ID built with the core's own check-digit rule.
pub fn valid_business_id() -> String {
    let digits = [2, 9, 8, 1, 7, 4, 6];
    let check = seloste::validate::business_id_check_digit(&digits)
        .expect("these digits have a check digit");
    format!(
        "{}-{check}",
        digits.iter().map(|d| d.to_string()).collect::<String>()
    )
}

/// Every form control on screen has a label a screen reader announces, and nothing is wider
/// than the window (no sideways scrolling). Returns the offending controls.
pub async fn accessibility_problems(c: &Client) -> Vec<String> {
    let script = r#"
        const bad = [];
        for (const el of document.querySelectorAll("input, select, textarea")) {
            const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest("label") || el.getAttribute("aria-label");
            if (!labelled) bad.push(`${el.tagName.toLowerCase()}#${el.id || "?"} has no label`);
        }
        for (const box of [document.documentElement, document.getElementById("main")]) {
            if (box.scrollWidth > box.clientWidth + 1) bad.push(`${box.tagName.toLowerCase()} is ${box.scrollWidth}px wide, shown in ${box.clientWidth}px`);
        }
        return bad;
    "#;
    let v = c.execute(script, vec![]).await.unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}
