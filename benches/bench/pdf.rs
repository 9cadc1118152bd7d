//! PDF export: in-process time, the whole `seloste render --format pdf` process against
//! headless Chromium printing the HTML export of the same notice, and the file size.

use crate::table::{Table, fmt_bytes, fmt_duration};
use seloste::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const AREA: &str = "pdf";

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/seeds")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".facts.json")
        })
        .collect();
    v.sort();
    v
}

/// The largest seed notice: the "seed-sized notice" of the targets.
fn largest_seed() -> PathBuf {
    seeds()
        .into_iter()
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .expect("at least one seed fixture")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time_process(runs: usize, mut cmd: impl FnMut() -> Command) -> Option<Vec<Duration>> {
    let mut samples = Vec::new();
    for i in 0..=runs {
        let t0 = Instant::now();
        let out = cmd().output().ok()?;
        let d = t0.elapsed();
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        if i > 0 {
            samples.push(d); // the first run warms the page cache
        }
    }
    samples.sort();
    Some(samples)
}

fn find_chromium() -> Option<String> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| c.to_string())
        })
}

pub fn run(t: &mut Table) {
    if !t.wants(AREA) {
        return;
    }
    let seed = largest_seed();
    let notice = seloste::notice_io::read(&seed).expect("seed notice");
    let name = seed.file_name().unwrap().to_string_lossy().into_owned();

    // In process: fonts are parsed once (first call) and reused, as in the desktop app.
    t.time(
        AREA,
        format!("in-process export, {name} (fi)"),
        30,
        Some(Duration::from_millis(50)),
        || {
            std::hint::black_box(seloste::pdf::render(&notice, Lang::Fi).expect("render"));
        },
    );

    let bytes = seloste::pdf::render(&notice, Lang::Fi).expect("render");
    let largest = Lang::ALL
        .iter()
        .map(|&l| seloste::pdf::render(&notice, l).expect("render").len())
        .chain(seeds().iter().map(|p| {
            let n = seloste::notice_io::read(p).expect("seed");
            seloste::pdf::render(&n, Lang::Fi).expect("render").len()
        }))
        .max()
        .unwrap_or(bytes.len());
    t.row(
        AREA,
        format!("PDF size, {name} fi (spread: largest of all seeds × fi/sv/en)"),
        fmt_bytes(bytes.len() as u64),
        format!("max {}", fmt_bytes(largest as u64)),
        "< 150.0 KiB",
        Some(largest < 150 * 1024),
    );

    // Whole process, side by side with headless Chromium printing the HTML export.
    let dir = std::env::temp_dir().join(format!("seloste-bench-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let out_pdf = dir.join("seloste.pdf");
    let exe = env!("CARGO_BIN_EXE_seloste");
    let runs = 10;
    let ours = time_process(runs, || {
        let mut c = Command::new(exe);
        c.arg("render")
            .arg(&seed)
            .args(["--format", "pdf", "-o"])
            .arg(&out_pdf);
        c
    });
    let Some(ours) = ours else {
        t.row(
            AREA,
            "seloste render --format pdf (process)",
            "failed",
            "",
            "",
            Some(false),
        );
        return;
    };
    let ours_med = median(ours.clone());
    t.row(
        AREA,
        "seloste render --format pdf (whole process)",
        fmt_duration(ours_med),
        format!(
            "{}–{} (n={})",
            fmt_duration(ours[0]),
            fmt_duration(*ours.last().unwrap()),
            ours.len()
        ),
        "",
        None,
    );

    let html = dir.join("notice.html");
    std::fs::write(
        &html,
        seloste::render::html(&notice, Lang::Fi).expect("html"),
    )
    .expect("write html");
    let Some(chromium) = find_chromium() else {
        t.row(
            AREA,
            "chromium --headless --print-to-pdf (same HTML)",
            "NOT RUN",
            "chromium is not installed (apt-get install chromium)",
            "≥ 10× slower than seloste",
            None,
        );
        let _ = std::fs::remove_dir_all(&dir);
        return;
    };
    let chrome_pdf = dir.join("chromium.pdf");
    let profile = dir.join("profile");
    let theirs = time_process(5, || {
        let mut c = Command::new(&chromium);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", chrome_pdf.display()))
        .arg(format!("file://{}", html.display()));
        c
    });
    match theirs {
        Some(theirs) => {
            let theirs_med = median(theirs.clone());
            t.row(
                AREA,
                format!("{chromium} --headless --print-to-pdf (same HTML)"),
                fmt_duration(theirs_med),
                format!(
                    "{}–{} (n={})",
                    fmt_duration(theirs[0]),
                    fmt_duration(*theirs.last().unwrap()),
                    theirs.len()
                ),
                "",
                None,
            );
            let ratio = theirs_med.as_secs_f64() / ours_med.as_secs_f64();
            t.row(
                AREA,
                "speed-up: chromium median / seloste median",
                format!("{ratio:.1}×"),
                "",
                "≥ 10×",
                Some(ratio >= 10.0),
            );
        }
        None => t.row(
            AREA,
            "chromium --print-to-pdf",
            "failed to run",
            "",
            "",
            None,
        ),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
