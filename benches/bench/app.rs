//! The desktop app as a user meets it: the release build, started under Xvfb with a seed-sized
//! draft already saved, measured for
//! - cold start: from asking for a new app process until the start screen is interactive
//!   (the UI sets `body[data-ready=true]` once the drafts are listed and the buttons work);
//! - resident memory with that draft open: the app plus its WebKit processes;
//! - the preview's delay after a keystroke in the wizard (one round trip through the core);
//! - a tick in the recipients step until the step is drawn from the core's answer;
//! - the page's longest stall (time between two turns of its event loop) while a PDF export
//!   renders: the work runs off the GTK main thread, so the window keeps drawing.
//!
//! The app is driven with the e2e tests' own harness (`src-tauri/tests/common`, included by
//! `main.rs`): tauri-driver in its own process group, ended with everything it started, and a
//! fantoccini session. Every run gets its own data and config folders, so nothing touches the
//! user's real drafts. `scripts/bench.sh` provides Xvfb, a D-Bus session, tauri-driver and the
//! release build.

use crate::harness::{self, Sandbox};
use crate::sizes::target_dir;
use crate::table::{Table, fmt_bytes};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const AREA: &str = "app";
/// Launches measured (after one warm-up launch that is not counted).
const RUNS: usize = 7;
/// Keystrokes timed in each launch.
const KEYSTROKES: usize = 8;
/// Ticks (and unticks) timed in each launch.
const TICKS: usize = 4;

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let app = target_dir().join("release/seloste-app");
    let has_driver = harness::tauri_driver_path().is_some();
    let missing = if !app.exists() {
        Some(format!(
            "{} is missing: run scripts/bench.sh",
            app.display()
        ))
    } else if std::env::var_os("DISPLAY").is_none() {
        Some("no DISPLAY: run scripts/bench.sh (it starts Xvfb)".to_string())
    } else if !Path::new("/usr/bin/WebKitWebDriver").exists() {
        Some("WebKitWebDriver is missing: apt-get install webkit2gtk-driver".to_string())
    } else if !has_driver {
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

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            for (what, target) in rows() {
                t.row(AREA, what, "FAILED", e.to_string(), target, Some(false));
            }
            return;
        }
    };
    let mut starts = Vec::new();
    let mut rss = Vec::new();
    let mut pss = Vec::new();
    let mut keys = Vec::new();
    let mut ticks = Vec::new();
    let mut tick_core = Vec::new();
    let mut tick_draw = Vec::new();
    let mut tick_frames = Vec::new();
    let mut stalls = Vec::new();
    let mut parts = Vec::new();
    let mut app_rss: Vec<u64> = Vec::new();
    let mut failure = None;
    for i in 0..=RUNS {
        // The harness panics with a sentence on anything unexpected (as in a test); one failed
        // launch fails the rows, not the whole table. Its driver's drop ends the app.
        let once = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            runtime.block_on(launch_once(&app))
        }));
        match once {
            Ok(Ok(m)) if i > 0 => {
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
                ticks.extend(m.ticks);
                tick_core.extend(m.tick_parts.iter().map(|p| p.0));
                tick_draw.extend(m.tick_parts.iter().map(|p| p.1));
                tick_frames.extend(m.tick_frames);
                stalls.push(m.stall);
                parts = m.parts;
            }
            Ok(Ok(_)) => {} // warm-up: fills the page cache like any earlier start would have
            Ok(Err(e)) => {
                failure = Some(format!("launch {i}: {e}"));
                break;
            }
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "the harness panicked".into());
                failure = Some(format!("launch {i}: {why}"));
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
    let [
        start_row,
        app_row,
        rss_row,
        pss_row,
        key_row,
        tick_row,
        stall_row,
    ] = rows();
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
    t.durations(AREA, key_row.0, keys, Some(Duration::from_millis(30)));
    t.durations(AREA, tick_row.0, ticks, Some(Duration::from_millis(30)));
    // Where a tick's time goes, as the page itself timed it.
    t.durations(
        AREA,
        "of which: the core's answer (tick_pick round trip)",
        tick_core,
        None,
    );
    t.durations(
        AREA,
        "of which: drawing the step from the answer",
        tick_draw,
        None,
    );
    t.durations(
        AREA,
        "same tick, until the next frame is painted",
        tick_frames,
        None,
    );
    // The target holds for every export, so the row's figure is the worst launch, not the median.
    let worst = stalls.iter().copied().max().unwrap_or_default();
    let mut sorted = stalls.clone();
    sorted.sort();
    t.row(
        AREA,
        stall_row.0,
        crate::table::fmt_duration(worst),
        format!(
            "worst of n={}; median {}",
            sorted.len(),
            crate::table::fmt_duration(sorted[sorted.len() / 2])
        ),
        stall_row.1,
        Some(worst <= Duration::from_millis(50)),
    );
}

/// The rows this module adds, with their targets as printed.
fn rows() -> [(&'static str, &'static str); 7] {
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
            "keystroke → preview shows it (one round trip, in the page)",
            "< 30.00 ms",
        ),
        (
            "tick in the recipients step → step drawn from the answer (in the page)",
            "< 30.00 ms",
        ),
        (
            "longest stall of the page while a PDF export renders (worst launch)",
            "≤ 50 ms",
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
    ticks: Vec<Duration>,
    /// Each tick's core round trip and drawing, as the page timed them.
    tick_parts: Vec<(Duration, Duration)>,
    /// Each tick until the frame after it was painted.
    tick_frames: Vec<Duration>,
    stall: Duration,
}

/// A duration from milliseconds measured in the page (negative: it did not happen in time).
fn in_page(v: &Value, what: &str) -> Result<Duration, String> {
    match v.as_f64() {
        Some(ms) if ms >= 0.0 => Ok(Duration::from_secs_f64(ms / 1000.0)),
        _ => Err(format!("{what}: {v}")),
    }
}

/// One launch of the app in fresh folders holding one saved draft.
async fn launch_once(app: &Path) -> Result<Measured, String> {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.db().parent().unwrap_or(&sb.data)).map_err(|e| e.to_string())?;
    {
        let store = seloste::store::Store::open(sb.db())
            .map_err(|e| e.to_string())?
            .store;
        let notice = seloste::notice_io::read(&largest_seed()).map_err(|e| e.to_string())?;
        store
            .create("Asiakasrekisteri", &notice)
            .map_err(|e| e.to_string())?;
    }

    let driver = harness::start_driver(&sb).await;
    let t0 = Instant::now();
    let c = harness::launch_app(&driver, app).await;
    let start = t0.elapsed();

    harness::click(&c, "button.open-draft").await;
    harness::wait_for(&c, "#f_controllers_0_name").await;
    harness::eventually("the preview of the opened draft appears", || async {
        c.execute(
            "const p = document.getElementById('preview'); return p ? p.textContent.length : 0;",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .unwrap_or(0)
            >= 200
    })
    .await;
    // Let the first layout, the preview and the autosave timers settle.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let pid = app_pid(driver.child.id(), app)
        .ok_or("the app's process was not found under tauri-driver")?;
    let (rss, pss, parts) = memory_of_tree(pid);

    let js = |e: fantoccini::error::CmdError| e.to_string();
    let mut keystrokes = Vec::new();
    let typed = "Ääkkönen Oy";
    for n in 1..=KEYSTROKES {
        let want = format!("Parturi {}", typed.chars().take(n).collect::<String>());
        let ms = c
            .execute(KEYSTROKE_JS, vec![json!(want)])
            .await
            .map_err(js)?;
        keystrokes.push(in_page(
            &ms,
            &format!("the preview did not show {want:?} within 5 s"),
        )?);
    }
    harness::saved(&c).await;

    harness::click(&c, "#step-recipients").await;
    harness::wait_for(&c, "fieldset.picks[data-loaded]").await;
    let mut ticks = Vec::new();
    let mut tick_parts = Vec::new();
    let mut tick_frames = Vec::new();
    for n in 0..TICKS {
        let ms = c.execute(TICK_JS, vec![json!(n)]).await.map_err(js)?;
        let what = "a tick was not drawn from the core's answer within 5 s";
        let two = ms.as_array().ok_or_else(|| format!("{what}: {ms}"))?;
        ticks.push(in_page(&two[0], what)?);
        tick_frames.push(in_page(&two[1], what)?);
        let parts = c
            .execute(
                "const d = document.body.dataset; return [Number(d.tickCoreMs), Number(d.tickDrawMs)];",
                vec![],
            )
            .await
            .map_err(js)?;
        tick_parts.push((
            in_page(&parts[0], "the core's part of a tick")?,
            in_page(&parts[1], "the drawing part of a tick")?,
        ));
        harness::saved(&c).await;
    }

    harness::click(&c, "#step-export").await;
    harness::wait_for(&c, "#export-pdf").await;
    let ms = c.execute(STALL_JS, vec![]).await.map_err(js)?;
    let stall = in_page(&ms, "the page's stall during a PDF export")?;

    let _ = c.close().await;
    wait_gone(pid);
    drop(driver);
    Ok(Measured {
        start,
        rss,
        pss,
        parts,
        keystrokes,
        ticks,
        tick_parts,
        tick_frames,
        stall,
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

/// Ticks the `arguments[0]`-th box of the recipients step that is not ticked yet (or unticks
/// it again on odd turns, so the draft ends as it began) and resolves with the milliseconds
/// until the step is drawn from the core's answer (the page counts answered ticks in
/// `body[data-ticked]`; seen at once, like the keystroke row, by a MutationObserver) with the box
/// in its new state, and until the next frame after it is painted; a message after 5 s. The
/// preview follows with the autosave, as after any edit.
const TICK_JS: &str = r#"
const n = arguments[0];
for (const d of document.querySelectorAll('fieldset.picks details')) d.open = true;
const key = 'seloste-bench-tick';
let id = sessionStorage.getItem(key);
const untick = n % 2 === 1 && id;
if (!untick) {
  const boxes = [...document.querySelectorAll('fieldset.picks input[type=checkbox]:not(:checked)')];
  id = boxes[Math.min(n, boxes.length - 1)].id;
  sessionStorage.setItem(key, id);
}
const want = !untick;
const before = document.body.dataset.ticked || '0';
return new Promise((done) => {
  let obs = null;
  const timer = setTimeout(() => { obs.disconnect(); done(`${id}: no answer drawn; ${document.getElementById('alerts').textContent}`); }, 5000);
  const t0 = performance.now();
  obs = new MutationObserver(() => {
    const box = document.getElementById(id);
    if ((document.body.dataset.ticked || '0') !== before && box && box.checked === want) {
      const drawn = performance.now() - t0;
      clearTimeout(timer);
      obs.disconnect();
      // The frame that shows it: after the next animation frame callback, the page has painted.
      requestAnimationFrame(() => setTimeout(() => done([drawn, performance.now() - t0]), 0));
    }
  });
  obs.observe(document.body, { attributes: true, attributeFilter: ['data-ticked'] });
  document.getElementById(id).click();
});
"#;

/// Presses the export step's PDF button (confirming the "errors remain" question if it comes)
/// and resolves with the longest gap, in milliseconds, between two turns of the page's event
/// loop during the next 1.5 s: the core renders the PDF, then the save dialog opens.
const STALL_JS: &str = r#"
return new Promise((done) => {
  let last = performance.now();
  let worst = 0;
  const channel = new MessageChannel();
  const end = last + 1500;
  channel.port1.onmessage = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    const ok = document.getElementById('modal-ok');
    if (ok) ok.click();
    if (now < end) setTimeout(() => channel.port2.postMessage(0), 0);
    else done(worst);
  };
  document.getElementById('export-pdf').click();
  channel.port2.postMessage(0);
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
