//! The desktop app as a user meets it: the release build, started under Xvfb with a seed-sized
//! draft already saved, measured for
//! - cold start: from asking for a new app process until the start screen is interactive
//!   (the UI sets `body[data-ready=true]` once the drafts are listed and the buttons work);
//! - resident memory with that draft open: the app plus its WebKit processes;
//! - the preview's delay after a keystroke in the wizard.
//!
//! The app is driven through WebDriver (tauri-driver → Debian's WebKitWebDriver), with a small
//! blocking client over `TcpStream` so the benchmark needs no HTTP or async crates. Every run
//! gets its own data and config folders, so nothing touches the user's real drafts.
//! `scripts/bench.sh` provides Xvfb, a D-Bus session, tauri-driver and the release build.

use crate::sizes::target_dir;
use crate::table::{Table, fmt_bytes};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const AREA: &str = "app";
/// Launches measured (after one warm-up launch that is not counted).
const RUNS: usize = 7;
/// Keystrokes timed in each launch.
const KEYSTROKES: usize = 8;
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let app = target_dir().join("release/seloste-app");
    let missing = if !app.exists() {
        Some(format!(
            "{} is missing: run scripts/bench.sh",
            app.display()
        ))
    } else if std::env::var_os("DISPLAY").is_none() {
        Some("no DISPLAY: run scripts/bench.sh (it starts Xvfb)".to_string())
    } else if !Path::new("/usr/bin/WebKitWebDriver").exists() {
        Some("WebKitWebDriver is missing: apt-get install webkit2gtk-driver".to_string())
    } else if tauri_driver().is_none() {
        Some("tauri-driver is missing: cargo install tauri-driver --locked".to_string())
    } else {
        None
    };
    if let Some(why) = missing {
        for (what, target) in rows() {
            t.row(AREA, what, "NOT RUN", why.clone(), target, None);
        }
        return;
    }

    let mut starts = Vec::new();
    let mut rss = Vec::new();
    let mut pss = Vec::new();
    let mut keys = Vec::new();
    let mut parts = Vec::new();
    let mut app_rss: Vec<u64> = Vec::new();
    let mut failure = None;
    for i in 0..=RUNS {
        match launch_once(&app) {
            Ok(m) if i > 0 => {
                starts.push(m.start);
                rss.push(m.rss);
                app_rss.push(
                    m.parts
                        .iter()
                        .filter(|(n, _)| n == "seloste-app")
                        .map(|(_, r)| *r)
                        .sum(),
                );
                pss.push(m.pss);
                keys.extend(m.keystrokes);
                parts = m.parts;
            }
            Ok(_) => {} // warm-up: fills the page cache like any earlier start would have
            Err(e) => {
                failure = Some(format!("launch {i}: {e}"));
                break;
            }
        }
    }
    if let Some(e) = failure {
        for (what, target) in rows() {
            t.row(AREA, what, "FAILED", e.clone(), target, Some(false));
        }
        return;
    }
    let [start_row, app_row, rss_row, pss_row, key_row] = rows();
    t.durations(AREA, start_row.0, starts, Some(Duration::from_millis(1500)));
    // The issue's target is the app process; WebKit's web and network processes are shown
    // beside it, summed, so nothing is hidden.
    memory_row(t, app_row, app_rss, Some(250_000_000));
    memory_row(t, rss_row, rss, None);
    memory_row(t, pss_row, pss, None);
    let each: Vec<String> = parts
        .iter()
        .map(|(name, r)| format!("{name} {}", fmt_bytes(*r)))
        .collect();
    t.row(
        AREA,
        "RSS of each process (last launch)",
        "",
        each.join(", "),
        "",
        None,
    );
    t.durations(AREA, key_row.0, keys, Some(Duration::from_millis(100)));
}

/// The rows this module adds, with their targets as printed.
fn rows() -> [(&'static str, &'static str); 5] {
    [
        (
            "cold start to interactive start screen (release, Xvfb, via WebDriver)",
            "< 1.50 s",
        ),
        (
            "resident memory of the app process (seloste-app), seed-sized draft open",
            "< 250 MB",
        ),
        (
            "same, app + its WebKit web and network processes (RSS summed)",
            "",
        ),
        (
            "same, proportional set size (shared pages counted once)",
            "",
        ),
        (
            "preview updated after a keystroke (in the page)",
            "< 100 ms",
        ),
    ]
}

fn memory_row(
    t: &mut Table,
    (what, target): (&'static str, &str),
    mut v: Vec<u64>,
    max: Option<u64>,
) {
    v.sort();
    let median = v[v.len() / 2];
    t.row(
        AREA,
        what,
        fmt_bytes(median),
        format!(
            "{}–{} (n={})",
            fmt_bytes(v[0]),
            fmt_bytes(*v.last().unwrap()),
            v.len()
        ),
        target,
        max.map(|m| median < m),
    );
}

struct Measured {
    start: Duration,
    rss: u64,
    pss: u64,
    /// Each process of the tree: its name and RSS.
    parts: Vec<(String, u64)>,
    keystrokes: Vec<Duration>,
}

/// One launch of the app in fresh folders holding one saved draft.
fn launch_once(app: &Path) -> Result<Measured, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data = tmp.path().join("data");
    let config = tmp.path().join("config");
    std::fs::create_dir_all(data.join("seloste")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&config).map_err(|e| e.to_string())?;
    {
        let store = seloste::store::Store::open(data.join("seloste/seloste.db"))
            .map_err(|e| e.to_string())?
            .store;
        let notice = seloste::notice_io::read(&largest_seed()).map_err(|e| e.to_string())?;
        store
            .create("Asiakasrekisteri", &notice)
            .map_err(|e| e.to_string())?;
    }

    let driver = Driver::start(&data, &config)?;
    let t0 = Instant::now();
    let session = Session::new(driver.port, app)?;
    session.wait_for("body[data-ready='true']", Duration::from_secs(30))?;
    let start = t0.elapsed();

    session.click("button.open-draft")?;
    session.wait_for("#f_controllers_0_name", Duration::from_secs(15))?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while session
        .execute(
            "const p = document.getElementById('preview'); return p ? p.textContent.length : 0;",
            json!([]),
        )?
        .as_u64()
        .unwrap_or(0)
        < 200
    {
        if Instant::now() > deadline {
            return Err("the preview of the opened draft did not appear".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Let the first layout, the preview and the autosave timers settle.
    std::thread::sleep(Duration::from_millis(1500));
    let pid = app_pid(driver.child.id(), app)
        .ok_or("the app's process was not found under tauri-driver")?;
    let (rss, pss, parts) = memory_of_tree(pid);

    let mut keystrokes = Vec::new();
    let typed = "Ääkkönen Oy";
    for n in 1..=KEYSTROKES {
        let want = format!("Parturi {}", typed.chars().take(n).collect::<String>());
        let ms = session.execute(KEYSTROKE_JS, json!([want]))?;
        match ms.as_f64() {
            Some(ms) if ms >= 0.0 => keystrokes.push(Duration::from_secs_f64(ms / 1000.0)),
            _ => return Err(format!("the preview did not show {want:?} within 5 s")),
        }
    }
    drop(session);
    wait_gone(pid);
    drop(driver);
    Ok(Measured {
        start,
        rss,
        pss,
        parts,
        keystrokes,
    })
}

/// Types one more character into the controller's name (as the wizard sees typing: a new value
/// and an `input` event) and resolves with the milliseconds until the preview shows it
/// (-1 after 5 s). Execute Script awaits a returned promise.
const KEYSTROKE_JS: &str = r#"
const want = arguments[0];
const input = document.getElementById('f_controllers_0_name');
const preview = document.getElementById('preview');
return new Promise((done) => {
  let obs = null;
  const timer = setTimeout(() => { if (obs) obs.disconnect(); done(-1); }, 5000);
  const t0 = performance.now();
  obs = new MutationObserver(() => {
    if (preview.textContent.includes(want)) {
      clearTimeout(timer);
      obs.disconnect();
      done(performance.now() - t0);
    }
  });
  obs.observe(preview, { childList: true, subtree: true, characterData: true });
  input.value = want;
  input.dispatchEvent(new Event('input', { bubbles: true }));
});
"#;

/// The largest seed notice: the "seed-sized notice" of the targets.
fn largest_seed() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    std::fs::read_dir(&dir)
        .expect("tests/fixtures/seeds")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".facts.json")
        })
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("at least one seed fixture")
}

fn tauri_driver() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return Some(PathBuf::from(p));
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    Some(cargo_home.join("bin/tauri-driver")).filter(|p| p.exists())
}

/// A tauri-driver on a free port whose apps see the given data and config folders.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(data: &Path, config: &Path) -> Result<Driver, String> {
        let port = free_port()?;
        let native = free_port()?;
        let child = Command::new(tauri_driver().ok_or("tauri-driver is missing")?)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("XDG_DATA_HOME", data)
            .env("XDG_CONFIG_HOME", config)
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env_remove("SELOSTE_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("tauri-driver did not start: {e}"))?;
        let driver = Driver { child, port };
        // Ready when WebKitWebDriver behind it answers (tauri-driver listens before that).
        let ready = || {
            http(port, "GET", "/status", None)
                .is_ok_and(|(status, v)| status == 200 && v["value"]["ready"] == json!(true))
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while !ready() {
            if Instant::now() > deadline {
                return Err(format!("tauri-driver did not answer on port {port}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(driver)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// One WebDriver session, i.e. one running app; deleting it closes the app.
struct Session {
    port: u16,
    id: String,
}

impl Session {
    fn new(port: u16, app: &Path) -> Result<Session, String> {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app },
        });
        let body = json!({ "capabilities": { "alwaysMatch": caps }, "desiredCapabilities": caps });
        let (status, v) = http(port, "POST", "/session", Some(&body))?;
        let id = v["value"]["sessionId"]
            .as_str()
            .or(v["sessionId"].as_str())
            .filter(|_| status == 200)
            .ok_or_else(|| format!("no WebDriver session (HTTP {status}): {v}"))?;
        Ok(Session {
            port,
            id: id.to_string(),
        })
    }

    fn cmd(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let (status, mut v) = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )?;
        if status != 200 {
            return Err(format!("WebDriver {method} {path}: HTTP {status}: {v}"));
        }
        Ok(v["value"].take())
    }

    fn find(&self, css: &str) -> Result<String, String> {
        let v = self.cmd(
            "POST",
            "/element",
            Some(&json!({ "using": "css selector", "value": css })),
        )?;
        v[ELEMENT]
            .as_str()
            .map(String::from)
            .ok_or_else(|| format!("no element reference for {css}: {v}"))
    }

    fn wait_for(&self, css: &str, at_most: Duration) -> Result<String, String> {
        let deadline = Instant::now() + at_most;
        loop {
            match self.find(css) {
                Ok(id) => return Ok(id),
                Err(e) if Instant::now() > deadline => {
                    return Err(format!("{css} did not appear: {e}"));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    fn click(&self, css: &str) -> Result<(), String> {
        let id = self.wait_for(css, Duration::from_secs(15))?;
        self.cmd("POST", &format!("/element/{id}/click"), Some(&json!({})))?;
        Ok(())
    }

    fn execute(&self, script: &str, args: Value) -> Result<Value, String> {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}

/// A blocking HTTP/1.1 exchange with a WebDriver server on the loopback interface. The reply
/// is read by its length, with no `Connection: close`: tauri-driver passes that header on to
/// WebKitWebDriver, whose closed connection its proxy may then reuse and fail on.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<(u16, Value), String> {
    let err = |e: std::io::Error| format!("{method} {path}: {e}");
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(err)?;
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(err)?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).map_err(err)?;
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let complete = |raw: &[u8]| -> Option<(usize, String)> {
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let body = &raw[split + 4..];
        let done = if head.contains("transfer-encoding: chunked") {
            body.ends_with(b"0\r\n\r\n")
        } else {
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            body.len() >= len
        };
        done.then_some((split, head))
    };
    let (split, head) = loop {
        if let Some(c) = complete(&raw) {
            break c;
        }
        let n = s.read(&mut buf).map_err(err)?;
        if n == 0 {
            return Err(format!(
                "{method} {path}: the connection closed without a whole reply ({} bytes)",
                raw.len()
            ));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{method} {path}: no status in the reply"))?;
    let mut payload = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        payload = dechunk(&payload);
    }
    let v = if payload.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&payload).map_err(|e| format!("{method} {path}: {e}"))?
    };
    Ok((status, v))
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&b[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || b.len() < eol + 2 + size {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
    out
}

/// Parent of every process, from /proc/<pid>/stat.
fn parents() -> HashMap<u32, u32> {
    let mut m = HashMap::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // The command name may hold spaces and parentheses: the fields follow the last ')'.
        if let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..])
            && let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok())
        {
            m.insert(pid, ppid);
        }
    }
    m
}

fn descendants(root: u32, parents: &HashMap<u32, u32>) -> Vec<u32> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        out.extend(parents.iter().filter(|&(_, &pp)| pp == p).map(|(&c, _)| c));
        i += 1;
    }
    out
}

/// The app's process among tauri-driver's descendants (tauri-driver → WebKitWebDriver → app).
fn app_pid(driver: u32, app: &Path) -> Option<u32> {
    let app = app.canonicalize().ok()?;
    descendants(driver, &parents())
        .into_iter()
        .find(|p| std::fs::read_link(format!("/proc/{p}/exe")).is_ok_and(|e| e == app))
}

/// RSS and PSS in bytes of a process and all its descendants (WebKit's web and network
/// processes are the app's children), and each process's name and RSS.
fn memory_of_tree(pid: u32) -> (u64, u64, Vec<(String, u64)>) {
    let field = |file: &str, name: &str| -> u64 {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(name))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
            .unwrap_or(0)
            * 1024
    };
    let mut rss = 0;
    let mut pss = 0;
    let mut parts = Vec::new();
    for p in descendants(pid, &parents()) {
        let r = field(&format!("/proc/{p}/status"), "VmRSS:");
        rss += r;
        pss += field(&format!("/proc/{p}/smaps_rollup"), "Pss:");
        let name = std::fs::read_to_string(format!("/proc/{p}/comm")).unwrap_or_default();
        parts.push((name.trim().to_string(), r));
    }
    (rss, pss, parts)
}

/// Wait for the app to exit after its session is deleted (a copy left running would make the
/// next launch hand over to it through the single-instance plugin and exit).
fn wait_gone(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Path::new(&format!("/proc/{pid}")).exists() {
        if Instant::now() > deadline {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            std::thread::sleep(Duration::from_millis(200));
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
